from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "tandem.matching"
    label = "matching"
    verbose_name = _("Matching")

    def ready(self) -> None:
        # `matching/rules.py` holds the pure hard rules, so the permissions live beside it.
        from tandem.matching import permissions_requests, permissions_review  # noqa: F401

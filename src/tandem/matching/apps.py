from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "tandem.matching"
    label = "matching"
    verbose_name = _("Matching")

    def ready(self) -> None:
        # The feature packages' permissions (the app-level ones are autodiscovered by core).
        from tandem.matching.requests import permissions as _requests  # noqa: F401
        from tandem.matching.review import permissions as _review  # noqa: F401

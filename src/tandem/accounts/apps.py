from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "tandem.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from tandem.accounts.role_groups import ensure_role_groups

        # post_migrate is sent per app with models; this app has none, the groups live in auth.
        post_migrate.connect(
            ensure_role_groups,
            sender=apps.get_app_config("auth"),
            dispatch_uid="tandem.accounts.ensure_role_groups",
        )

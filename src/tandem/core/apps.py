from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "tandem.core"
    label = "core"
    verbose_name = _("Audit trail")

    def ready(self) -> None:
        # Every app declares its django-rules permissions in `permissions.py` (feature packages
        # import theirs from the app's `ready`); load them all once the models are ready.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("permissions")

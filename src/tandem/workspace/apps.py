from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    name = "tandem.workspace"
    label = "workspace"
    verbose_name = _("Tandem space")

    def ready(self) -> None:
        # The feature packages' permissions (the app-level ones are autodiscovered by core).
        from tandem.workspace import features

        features.load_permissions()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TandemsConfig(AppConfig):
    name = "tandem.tandems"
    label = "tandems"
    verbose_name = _("Tandems")

    def ready(self) -> None:
        # Programs (below) counts through this for its phase guards: programs/phases/counts.py.
        from tandem.programs.phases.counts import register_cohort_counter
        from tandem.tandems.selectors import cohort_tandem_counts

        register_cohort_counter(owner="tandems", counter=cohort_tandem_counts)

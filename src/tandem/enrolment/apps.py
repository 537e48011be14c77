from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnrolmentConfig(AppConfig):
    name = "tandem.enrolment"
    label = "enrolment"
    verbose_name = _("Enrolment")

    def ready(self) -> None:
        # Programs (below) counts through this for its phase guards: programs/phases/counts.py.
        from tandem.enrolment.selectors import cohort_enrolment_facts
        from tandem.programs.phases.counts import register_cohort_counter

        register_cohort_counter(owner="enrolment", counter=cohort_enrolment_facts)

        # And who belongs to a cohort (its permissions, the RSVP): programs/cohorts/membership.py.
        from tandem.enrolment.selectors import (
            lock_person_enrolment,
            person_is_enrolled,
            person_is_invited,
        )
        from tandem.programs.cohorts.membership import CohortMembership, register_cohort_membership

        register_cohort_membership(
            CohortMembership(
                is_enrolled=person_is_enrolled,
                is_invited=person_is_invited,
                lock_enrolled=lock_person_enrolment,
            )
        )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnrolmentConfig(AppConfig):
    name = "tandem.enrolment"
    label = "enrolment"
    verbose_name = _("Enrolment")

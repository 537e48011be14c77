from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TopicsConfig(AppConfig):
    name = "tandem.topics"
    label = "topics"
    verbose_name = _("Topics")

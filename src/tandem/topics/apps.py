from django.apps import AppConfig


class TopicsConfig(AppConfig):
    name = "tandem.topics"
    label = "topics"

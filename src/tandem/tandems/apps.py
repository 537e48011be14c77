from django.apps import AppConfig


class TandemsConfig(AppConfig):
    name = "tandem.tandems"
    label = "tandems"

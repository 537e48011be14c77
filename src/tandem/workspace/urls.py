"""/space/<formed key>/…: one tandem's space; each feature adds its own urls module here."""

from __future__ import annotations

from importlib import import_module

from django.urls import URLPattern, URLResolver, include, path

from tandem.workspace.features import FEATURES
from tandem.workspace.page import views as page_views

app_name = "workspace"


def _feature_urls() -> list[URLPattern | URLResolver]:
    found: list[URLPattern | URLResolver] = []
    for feature in FEATURES:
        try:
            module = import_module(f"tandem.workspace.{feature}.urls")
        except ModuleNotFoundError as error:
            if error.name != f"tandem.workspace.{feature}.urls":
                raise
            continue
        found.append(path("", include(module.urlpatterns)))
    return found


urlpatterns = [
    path("<uuid:key>/", page_views.space_page, name="page"),
    *_feature_urls(),
]

"""/space/<formed key>/…: one tandem's space; each feature adds its own urls module here."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, include, path

from tandem.workspace.features import FEATURES, feature_module
from tandem.workspace.page import views as page_views

app_name = "workspace"


def _feature_urls() -> list[URLPattern | URLResolver]:
    modules = [feature_module(feature, "urls") for feature in FEATURES]
    return [path("", include(module.urlpatterns)) for module in modules if module is not None]


urlpatterns = [
    path("<uuid:key>/", page_views.space_page, name="page"),
    *_feature_urls(),
]

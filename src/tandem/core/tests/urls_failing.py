"""The project's URLs plus two that fail on purpose, for the error-page tests."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from tandem.config.urls import handler500
from tandem.config.urls import urlpatterns as project_urlpatterns

__all__ = ["handler500", "urlpatterns"]


def broken(request):
    raise RuntimeError("a bug on purpose")


def forbidden(request):
    raise PermissionDenied


urlpatterns = [
    path("test-broken/", broken),
    path("test-forbidden/", forbidden),
    *project_urlpatterns,
]

"""Placeholder: the import pages are being built."""

from django.http import HttpRequest, HttpResponse


def import_upload(request: HttpRequest) -> HttpResponse:
    return HttpResponse("")

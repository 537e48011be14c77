"""Placeholders: the People pages are being built."""

from django.http import HttpRequest, HttpResponse


def person_list(request: HttpRequest) -> HttpResponse:
    return HttpResponse("")


def person_export(request: HttpRequest) -> HttpResponse:
    return HttpResponse("")


def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return HttpResponse("")


def person_reporting_line(request: HttpRequest, pk: int) -> HttpResponse:
    return HttpResponse("")

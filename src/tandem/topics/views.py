from django.http import HttpRequest, HttpResponse


def topic_list(request: HttpRequest) -> HttpResponse:  # placeholder, replaced by the catalogue
    return HttpResponse("")

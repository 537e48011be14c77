from django.http import HttpRequest, HttpResponse


def person_list(request: HttpRequest) -> HttpResponse:  # placeholder, replaced by the People page
    return HttpResponse("")

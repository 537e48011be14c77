from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("tandem.core.urls")),
    path("people/", include("tandem.people.urls")),
    path("topics/", include("tandem.topics.urls")),
    path("programs/", include("tandem.programs.urls")),
    path("enrolment/", include("tandem.enrolment.urls")),
    path("matching/", include("tandem.matching.urls")),
    path("tandems/", include("tandem.tandems.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

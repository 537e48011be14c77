from django.urls import path

from tandem.people.views import imports

urlpatterns = [
    path("", imports.import_upload, name="import_upload"),
]

from django.urls import path

from tandem.people.views import directory

app_name = "people"
urlpatterns = [
    path("", directory.person_list, name="list"),
    # Import pages (people/import/...) are added by tandem.people.views.imports.
]

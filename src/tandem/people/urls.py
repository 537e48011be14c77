from django.urls import include, path

from tandem.people.directory import views as directory
from tandem.people.levels import views as levels

app_name = "people"
urlpatterns = [
    path("", directory.person_list, name="list"),
    path("export.csv", directory.person_export, name="export"),
    path("career-levels/", levels.career_levels, name="career_levels"),
    path("career-levels/<int:pk>/move/", levels.career_level_move_view, name="career_level_move"),
    path("<int:pk>/", directory.person_detail, name="detail"),
    path("<int:pk>/reporting-line/", directory.person_reporting_line, name="reporting_line"),
    # people/import/... — the import pages keep their own URL list (same namespace).
    path("import/", include("tandem.people.importing.urls")),
]

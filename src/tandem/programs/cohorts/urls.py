"""Programs, cohorts, phases, charters and carry-over (included under /programs/, "programs")."""

from django.urls import path

from tandem.programs.charters import views as charters
from tandem.programs.cohorts import views as cohorts
from tandem.programs.cohorts import views_programs as programs

urlpatterns = [
    path("", programs.program_list_view, name="program_list"),
    path("new/", programs.program_create_view, name="program_create"),
    path("<int:pk>/edit/", programs.program_edit_view, name="program_edit"),
    path("<int:program_pk>/cohorts/new/", cohorts.cohort_create_view, name="cohort_create"),
    path("cohorts/<int:pk>/", cohorts.cohort_detail_view, name="cohort_detail"),
    path("cohorts/<int:pk>/edit/", cohorts.cohort_edit_view, name="cohort_edit"),
    path("cohorts/<int:pk>/phase/", cohorts.cohort_transition_view, name="cohort_transition"),
    path("cohorts/<int:pk>/close/", cohorts.cohort_close_view, name="cohort_close"),
    path("cohorts/<int:pk>/charter/", charters.cohort_charter_view, name="cohort_charter"),
    path("cohorts/<int:pk>/copy/", cohorts.cohort_copy_view, name="cohort_copy"),
]

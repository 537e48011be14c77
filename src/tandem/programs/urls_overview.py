from django.urls import path

from tandem.programs.views import overview

urlpatterns = [
    path("cohorts/<int:pk>/overview/", overview.cohort_overview, name="cohort_overview"),
]

from django.urls import path

from tandem.enrolment.overview import views as overview

urlpatterns = [
    path("cohorts/<int:pk>/overview/", overview.cohort_overview, name="cohort_overview"),
]

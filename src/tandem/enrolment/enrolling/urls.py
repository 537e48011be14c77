"""Enrolling, changing answers, consent and withdrawal (included under /enrolment/, "enrolment")."""

from django.urls import path

from tandem.enrolment.enrolling import views as enrolment
from tandem.enrolment.enrolling import views_pages as enrolment_pages

urlpatterns = [
    path("my-programs/", enrolment_pages.my_cohorts, name="my_cohorts"),
    path("cohorts/<int:cohort_pk>/enrol/", enrolment.enrol, name="enrol"),
    path("enrol/rows/<str:kind>/", enrolment.enrol_row, name="enrol_row"),
    path("enrolments/<int:pk>/", enrolment_pages.enrolment_detail, name="enrolment_detail"),
    path("enrolments/<int:pk>/edit/", enrolment.enrolment_edit, name="enrolment_edit"),
    path("enrolments/<int:pk>/consent/", enrolment_pages.consent, name="consent"),
]

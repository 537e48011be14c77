"""Withdrawing from a cohort (included under /enrolment/, namespace "withdrawal")."""

from django.urls import path

from tandem.matching.withdrawal import views

app_name = "withdrawal"
urlpatterns = [
    path("enrolments/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
]

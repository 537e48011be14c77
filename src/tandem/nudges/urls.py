from django.urls import path

from tandem.nudges import views

app_name = "nudges"
urlpatterns = [
    path("cohorts/<int:pk>/nudges/", views.cohort_timings, name="cohort_timings"),
]

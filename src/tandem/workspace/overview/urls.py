from django.urls import path

from tandem.workspace.overview import views

urlpatterns = [
    path("cohorts/<int:pk>/tandems/", views.cohort_tandems, name="cohort_tandems"),
    path("<uuid:key>/coordinator-view/", views.coordinator_sees, name="coordinator_sees"),
]

"""Joint events of a cohort (R7): list, detail, propose, edit, RSVP and calendar files."""

from django.urls import path

from tandem.programs.events import views as views

urlpatterns = [
    path("cohorts/<int:pk>/events/", views.cohort_events, name="cohort_events"),
    path(
        "cohorts/<int:pk>/events/propose/",
        views.cohort_propose_events,
        name="cohort_propose_events",
    ),
    path("cohorts/<int:pk>/events/new/", views.event_create, name="event_create"),
    path("cohorts/<int:pk>/events.ics", views.cohort_events_ics, name="cohort_events_ics"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
    path("events/<int:pk>/edit/", views.event_edit, name="event_edit"),
    path("events/<int:pk>/delete/", views.event_delete, name="event_delete"),
    path("events/<int:pk>/rsvp/", views.event_rsvp, name="event_rsvp"),
    path("events/<int:pk>/calendar.ics", views.event_ics, name="event_ics"),
]

from django.urls import include, path

app_name = "programs"
urlpatterns = [
    # Programs, cohorts, phases, charters, carry-over.
    path("", include("tandem.programs.cohorts.urls")),
    # Joint events, RSVP and .ics.
    path("", include("tandem.programs.events.urls")),
    # Funnel and needs analysis.
    path("", include("tandem.enrolment.overview.urls")),
]

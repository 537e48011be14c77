from django.urls import include, path

app_name = "programs"
urlpatterns = [
    # Programs, cohorts, phases, charters, carry-over.
    path("", include("tandem.programs.urls_cohorts")),
    # Joint events, RSVP and .ics.
    path("", include("tandem.programs.urls_events")),
    # Funnel and needs analysis.
    path("", include("tandem.programs.urls_overview")),
]

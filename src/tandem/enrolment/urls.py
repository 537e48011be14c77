from django.urls import include, path

app_name = "enrolment"
urlpatterns = [
    # Invitations: sending, the personal link, declining, role models.
    path("", include("tandem.enrolment.invitations.urls")),
    # Enrolling, changing answers, consent, withdrawal.
    path("", include("tandem.enrolment.enrolling.urls")),
]

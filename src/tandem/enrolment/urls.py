from django.urls import include, path

app_name = "enrolment"
urlpatterns = [
    # Invitations: sending, the personal link, declining, role models.
    path("", include("tandem.enrolment.urls_invitations")),
    # Enrolling, changing answers, consent, withdrawal.
    path("", include("tandem.enrolment.urls_enrolment")),
]

"""Invitations: choosing and inviting people, the personal link, declining, role models."""

from django.urls import path

from tandem.enrolment.invitations import views as invitations
from tandem.enrolment.invitations import views_public as invitations_public

urlpatterns = [
    # Coordinators: choose people, preview, send; follow up and remind.
    path(
        "cohorts/<int:pk>/invitations/",
        invitations.cohort_invitations,
        name="cohort_invitations",
    ),
    path(
        "cohorts/<int:pk>/invitations/preview/",
        invitations.cohort_invitations_preview,
        name="cohort_invitations_preview",
    ),
    path(
        "cohorts/<int:pk>/invitations/send/",
        invitations.cohort_invitations_send,
        name="cohort_invitations_send",
    ),
    path(
        "cohorts/<int:pk>/invitations/sent/",
        invitations.cohort_invitations_sent,
        name="cohort_invitations_sent",
    ),
    path(
        "invitations/<int:pk>/remind/",
        invitations.invitation_remind_view,
        name="invitation_remind",
    ),
    # The personal link: no sign-in needed to read it or to decline.
    path("invite/<str:token>/", invitations_public.invitation_detail, name="invitation"),
    path(
        "invite/<str:token>/decline/",
        invitations_public.invitation_decline_view,
        name="invitation_decline",
    ),
    path(
        "invite/<str:token>/declined/",
        invitations_public.invitation_declined,
        name="invitation_declined",
    ),
    # Participating leaders who agreed to be shown (R2).
    path("cohorts/<int:pk>/role-models/", invitations_public.role_models, name="role_models"),
]

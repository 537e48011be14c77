"""Self-directed mentor requests (R16)."""

from django.urls import path

from tandem.matching.requests import views as views

urlpatterns = [
    # The mentee's pages of a cohort.
    path("cohorts/<int:pk>/mentors/", views.find_mentor, name="find_mentor"),
    path(
        "cohorts/<int:pk>/mentors/<int:mentor_pk>/request/",
        views.request_new,
        name="request_new",
    ),
    path("cohorts/<int:pk>/requests/mine/", views.my_requests, name="my_requests"),
    path("requests/<int:pk>/withdraw/", views.request_withdraw, name="request_withdraw"),
    # The mentor's.
    path("cohorts/<int:pk>/requests/incoming/", views.incoming_requests, name="incoming_requests"),
    path("requests/<int:pk>/answer/", views.request_answer, name="request_answer"),
    # The coordinator's approvals.
    path("cohorts/<int:pk>/requests/", views.cohort_requests_view, name="cohort_requests"),
    path("requests/<int:pk>/decide/", views.request_decide, name="request_decide"),
]

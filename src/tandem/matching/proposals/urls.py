"""The partners' answers to a proposal (included under /tandems/, namespace "proposals")."""

from django.urls import path

from tandem.matching.proposals import views

app_name = "proposals"
urlpatterns = [
    path("<int:pk>/accept/", views.tandem_accept_view, name="accept"),
    path("<int:pk>/decline/", views.tandem_decline_view, name="decline"),
    path("<int:pk>/coffee/", views.tandem_coffee_view, name="coffee"),
    path("<int:pk>/confirm/", views.tandem_confirm_view, name="confirm"),
]

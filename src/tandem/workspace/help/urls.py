from django.urls import path

from tandem.workspace.help import views, views_inbox

urlpatterns = [
    path("<uuid:key>/help/", views.help_page, name="help"),
    path("<uuid:key>/rematch/", views.rematch_page, name="rematch"),
    path("cohorts/<int:pk>/help/", views_inbox.help_inbox, name="help_inbox"),
    path(
        "cohorts/<int:pk>/help/<int:request_pk>/",
        views_inbox.help_request_change,
        name="help_request_change",
    ),
]

from django.urls import path

from tandem.workspace.ending import views

urlpatterns = [
    path("<uuid:key>/end/", views.end_tandem, name="end"),
]

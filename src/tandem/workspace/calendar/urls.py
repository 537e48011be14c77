from django.urls import path

from tandem.workspace.calendar import views

urlpatterns = [
    path("calendar/", views.calendar_feed_settings, name="calendar_feed_settings"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]

from django.urls import path

from tandem.workspace.meetings import views

urlpatterns = [
    path("<uuid:key>/meetings/", views.meetings, name="meetings"),
    path("<uuid:key>/meetings/new/", views.meeting_new, name="meeting_new"),
    path("<uuid:key>/meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("<uuid:key>/meetings/<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("<uuid:key>/meetings/<int:pk>/close/", views.meeting_close, name="meeting_close"),
    path("<uuid:key>/meetings/<int:pk>/agenda/", views.meeting_agenda, name="meeting_agenda"),
    path("<uuid:key>/meetings/<int:pk>/feedback/", views.meeting_feedback, name="meeting_feedback"),
    path(
        "<uuid:key>/meetings/<int:pk>/recording/permission/",
        views.meeting_recording_permission,
        name="meeting_recording_permission",
    ),
    path(
        "<uuid:key>/meetings/<int:pk>/recording/",
        views.meeting_recording_link,
        name="meeting_recording_link",
    ),
]

from django.urls import path

from tandem.workspace.messages import views

urlpatterns = [
    path("<uuid:key>/messages/", views.messages_page, name="messages"),
    path("<uuid:key>/messages/new/", views.messages_poll, name="messages_poll"),
    path("<uuid:key>/messages/<int:pk>/file/", views.message_file, name="message_file"),
]

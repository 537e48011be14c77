from django.urls import path

from tandem.workspace.notes import views

urlpatterns = [
    path("<uuid:key>/notes/", views.notes_page, name="notes"),
    path("<uuid:key>/notes/<int:pk>/edit/", views.note_edit, name="note_edit"),
    path("<uuid:key>/notes/<int:pk>/delete/", views.note_remove, name="note_delete"),
]

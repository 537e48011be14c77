from django.urls import path

from tandem.topics import views

app_name = "topics"
urlpatterns = [
    path("", views.topic_list, name="list"),
    # "new" is a reserved topic code (models.RESERVED_CODES), so this never hides a topic.
    path("new/", views.topic_create, name="create"),
    path("<str:code>/", views.topic_detail, name="detail"),
    path("<str:code>/edit/", views.topic_edit, name="edit"),
    path("<str:code>/archive/", views.topic_archive, name="archive"),
    path("<str:code>/restore/", views.topic_restore, name="restore"),
    path("<str:code>/priority/", views.topic_set_priority, name="priority"),
]

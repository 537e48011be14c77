from django.urls import path

from tandem.topics import views
from tandem.topics.glossary import views as glossary

app_name = "topics"
urlpatterns = [
    path("", views.topic_list, name="list"),
    # "new" is a reserved topic code (models.RESERVED_CODES), so this never hides a topic.
    path("new/", views.topic_create, name="create"),
    # "glossary" is a reserved topic code too.
    path("glossary/", glossary.glossary_list, name="glossary"),
    path("glossary/propose/", glossary.glossary_propose, name="glossary_propose"),
    path("glossary/proposals/", glossary.glossary_queue, name="glossary_queue"),
    path("glossary/<int:pk>/", glossary.glossary_detail, name="glossary_detail"),
    path("glossary/<int:pk>/edit/", glossary.glossary_edit, name="glossary_edit"),
    path("glossary/<int:pk>/approve/", glossary.glossary_approve, name="glossary_approve"),
    path("glossary/<int:pk>/reject/", glossary.glossary_reject, name="glossary_reject"),
    path("glossary/<int:pk>/merge/", glossary.glossary_merge, name="glossary_merge"),
    path("<str:code>/", views.topic_detail, name="detail"),
    path("<str:code>/edit/", views.topic_edit, name="edit"),
    path("<str:code>/archive/", views.topic_archive, name="archive"),
    path("<str:code>/restore/", views.topic_restore, name="restore"),
    path("<str:code>/priority/", views.topic_set_priority, name="priority"),
]

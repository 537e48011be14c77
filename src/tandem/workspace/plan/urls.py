"""/space/<formed key>/plan/…, …/tutorials/…, …/library/…: the session plan and the tutorials;
/space/tutorials/review/: the coordinator's review of the library (included by `workspace.urls`)."""

from __future__ import annotations

from django.urls import path

from tandem.workspace.plan import tutorial_views, views

urlpatterns = [
    path("<uuid:key>/plan/", views.plan, name="plan"),
    path("<uuid:key>/plan/generate/", views.generate, name="plan_generate"),
    path("<uuid:key>/plan/entries/add/", views.entry_add, name="plan_entry_add"),
    path("<uuid:key>/plan/entries/<int:pk>/", views.entry, name="plan_entry"),
    path("<uuid:key>/plan/entries/<int:pk>/save/", views.entry_save, name="plan_entry_save"),
    path("<uuid:key>/plan/entries/<int:pk>/move/", views.entry_move, name="plan_entry_move"),
    path("<uuid:key>/plan/entries/<int:pk>/delete/", views.entry_delete, name="plan_entry_delete"),
    path("<uuid:key>/plan/entries/<int:pk>/topics/", views.topic_add, name="plan_topic_add"),
    path(
        "<uuid:key>/plan/topics/<int:pk>/replace/", views.topic_replace, name="plan_topic_replace"
    ),
    path("<uuid:key>/plan/topics/<int:pk>/remove/", views.topic_remove, name="plan_topic_remove"),
    path("<uuid:key>/tutorials/", tutorial_views.tutorials_page, name="tutorials"),
    path("<uuid:key>/tutorials/add/", tutorial_views.tutorial_add, name="tutorial_add"),
    path("<uuid:key>/tutorials/<int:pk>/file/", tutorial_views.tutorial_file, name="tutorial_file"),
    path(
        "<uuid:key>/tutorials/<int:pk>/delete/",
        tutorial_views.tutorial_delete,
        name="tutorial_delete",
    ),
    path(
        "<uuid:key>/tutorials/<int:pk>/offer/", tutorial_views.tutorial_offer, name="tutorial_offer"
    ),
    path(
        "<uuid:key>/tutorials/<int:pk>/withdraw/",
        tutorial_views.tutorial_withdraw,
        name="tutorial_withdraw",
    ),
    path("<uuid:key>/library/<int:topic>/", tutorial_views.library, name="tutorial_library"),
    path("tutorials/review/", tutorial_views.review, name="tutorial_review"),
    path("tutorials/review/<int:pk>/", tutorial_views.review_decide, name="tutorial_review_decide"),
    path(
        "tutorials/review/<int:pk>/file/", tutorial_views.review_file, name="tutorial_review_file"
    ),
]

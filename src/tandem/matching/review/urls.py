"""The coordinator's matching review: run, proposals, manual changes, publish."""

from django.urls import path

from tandem.matching.review import views as views_review
from tandem.matching.review import views_pairs as views_review_pairs

urlpatterns = [
    path("cohorts/<int:pk>/", views_review.review_view, name="review"),
    path("cohorts/<int:pk>/run/", views_review.run_view, name="run"),
    path("cohorts/<int:pk>/check/", views_review.check_view, name="check"),
    path("cohorts/<int:pk>/weights/", views_review.weights_view, name="weights"),
    path("cohorts/<int:pk>/publish/", views_review.publish_view, name="publish"),
    path("cohorts/<int:pk>/swap/", views_review_pairs.swap_view, name="swap"),
    path("cohorts/<int:pk>/pairs/", views_review_pairs.proposal_create_view, name="pair_create"),
    path("proposals/<int:pk>/pin/", views_review_pairs.proposal_pin_view, name="proposal_pin"),
    path(
        "proposals/<int:pk>/forbid/",
        views_review_pairs.proposal_forbid_view,
        name="proposal_forbid",
    ),
    path(
        "proposals/<int:pk>/mentor/",
        views_review_pairs.proposal_mentor_view,
        name="proposal_mentor",
    ),
    path(
        "do-not-match/<int:pk>/remove/",
        views_review_pairs.do_not_match_remove_view,
        name="do_not_match_remove",
    ),
]

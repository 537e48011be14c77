"""Matching pages (included under /matching/, namespace "matching"): the coordinator's review and
the self-directed mentor requests (R16)."""

from tandem.matching.requests.urls import urlpatterns as request_patterns
from tandem.matching.review.urls import urlpatterns as review_patterns

app_name = "matching"
urlpatterns = [*review_patterns, *request_patterns]

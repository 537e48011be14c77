"""The coordinator's matching review: run, proposals, manual changes, publish."""

urlpatterns: list = []

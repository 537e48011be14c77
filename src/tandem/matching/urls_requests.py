"""Self-directed mentor requests (R16)."""

urlpatterns: list = []

"""Who may send, answer and approve mentor requests (django-rules)."""

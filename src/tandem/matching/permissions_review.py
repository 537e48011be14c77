"""Who may run and review matching (django-rules)."""

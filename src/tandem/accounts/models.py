"""The accounts app's models live in its feature packages; Django finds them here."""

from tandem.accounts.notifications.models import NotificationSettings

__all__ = ["NotificationSettings"]

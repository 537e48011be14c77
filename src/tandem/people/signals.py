"""A deleted person's account is deactivated (see people.access for why).

A signal, not a call in a service: people are deleted only in the Django admin or a shell, and
post_delete is sent for each of them there (also for a queryset's delete())."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete
from django.dispatch import receiver

from tandem.people.models import Person
from tandem.people.services_accounts import accounts_deactivate_for_person


@receiver(post_delete, sender=Person, dispatch_uid="accounts_person_deleted")
def person_deleted(sender: type[Person], instance: Person, **kwargs: Any) -> None:
    accounts_deactivate_for_person(email=instance.email, actor=None)

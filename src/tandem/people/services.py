"""Writes to people data. Every change is atomic and leaves an audit row."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tandem.core.services import audit_record
from tandem.people.models import Person
from tandem.people.selectors import person_managers_above


@transaction.atomic
def person_set_manager(*, person: Person, manager: Person | None, actor: User | None) -> Person:
    """Give a person a new manager; refuses a change that would create a reporting cycle."""
    if manager is not None:
        if manager.pk == person.pk:
            raise ValidationError({"manager": _("A person cannot be their own manager.")})
        above = person_managers_above(person_id=manager.pk)
        if person.pk in above:
            chain = [manager.pk, *above[: above.index(person.pk) + 1]]
            names = dict(Person.objects.filter(pk__in=chain).values_list("pk", "last_name"))
            raise ValidationError(
                {
                    "manager": _(
                        "%(manager)s already reports to %(person)s (%(chain)s); making them "
                        "%(person)s's manager would create a reporting cycle."
                    )
                    % {
                        "manager": manager,
                        "person": person,
                        "chain": " → ".join(names.get(pk, str(pk)) for pk in chain),
                    }
                }
            )
    previous = person.manager_id
    person.manager = manager
    person.full_clean()
    person.save(update_fields=["manager", "updated_at"])
    audit_record(
        actor=actor,
        action="person.set_manager",
        target=person,
        data={"from": previous, "to": manager.pk if manager else None},
    )
    return person

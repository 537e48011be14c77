"""Loading the demo organisation: through the real import, then demo accounts and roles."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Q
from django.test.utils import override_settings

from tandem.accounts.services import role_grant
from tandem.demo.cohorts import demo_program_load
from tandem.demo.company import CAREER_LEVELS, DemoPerson, build_company
from tandem.people.importing.services import people_import
from tandem.people.models import CareerLevel, Person
from tandem.people.normalize import email_key
from tandem.people.roles import COORDINATOR, SPONSOR

# Printed on purpose: it is the demo.
DEMO_PASSWORD = "tandem-demo-2026"
ADMIN_EMAIL = "admin@hallberg-technik.example"


class DemoLoadError(RuntimeError):
    pass


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    name: str
    description: str


def demo_rows_csv(people: list[DemoPerson]) -> bytes:
    """The company as a German Excel export: UTF-8 with BOM, semicolons."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(people[0].as_row()), delimiter=";")
    writer.writeheader()
    for person in people:
        writer.writerow(person.as_row())
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _pick(people: list[DemoPerson], tag_or_unit: str, level: int | None = None) -> DemoPerson:
    for person in people:
        if tag_or_unit in person.tags or (
            tag_or_unit in person.org_unit and (level is None or person.career_level == level)
        ):
            return person
    raise DemoLoadError(f"The demo company has nobody for {tag_or_unit!r}.")


def _account(email: str, *, superuser: bool = False):
    User = get_user_model()
    user, _created = User.objects.get_or_create(
        email=email, defaults={"username": email, "is_superuser": superuser, "is_staff": superuser}
    )
    # Always reset the password so the printed logins work after someone changed them.
    user.set_password(DEMO_PASSWORD)
    user.save()
    _verified_addresses([user])
    return user


def _verified_addresses(users) -> None:
    """Demo accounts sign in at once: their e-mail counts as verified, as if the sign-up link had
    been followed (only the demo does this; real accounts verify by e-mail)."""
    from allauth.account.models import EmailAddress

    users = list(users)
    EmailAddress.objects.filter(user__in=users).delete()
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email.lower(), primary=True, verified=True)
        for user in users
    )


def _participant_accounts(*, cohorts: list) -> int:
    """Accounts for everyone invited to or enrolled in the demo cohorts, with the demo password,
    so that a whole matching round can be tried in the browser (each partner answers for
    themselves). One password hash for all: hashing is slow by design. Returns how many exist."""
    User = get_user_model()
    hashed = make_password(DEMO_PASSWORD)
    emails = set(
        Person.objects.filter(
            Q(enrolments__cohort__in=cohorts) | Q(invitations__cohort__in=cohorts)
        ).values_list("email", flat=True)
    )
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    User.objects.bulk_create(
        User(email=email, username=email, password=hashed) for email in sorted(emails - existing)
    )
    _verified_addresses(User.objects.filter(email__in=emails))
    return len(emails)


def demo_load(*, seed: int = 2026) -> tuple[dict[str, object], list[DemoLogin]]:
    """Load or refresh the demo company and its program; running it again duplicates nothing.

    Invitation e-mails of the demo are kept in memory instead of being printed or sent.
    """
    in_memory = override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
    with in_memory, transaction.atomic():
        return _demo_load(seed=seed)


def _demo_load(*, seed: int) -> tuple[dict[str, object], list[DemoLogin]]:
    people = build_company(seed=seed)
    for rank, name in CAREER_LEVELS.items():
        CareerLevel.objects.update_or_create(rank=rank, defaults={"name": name})
    report = people_import(
        data=demo_rows_csv(people), filename="hallberg-hr-export.csv", actor=None
    )
    if report.errors:
        raise DemoLoadError(
            "The demo data did not import cleanly: "
            + "; ".join(f"row {e.row}, {e.column}: {e.message}" for e in report.errors[:5])
        )
    coordinator = _pick(people, "Personalentwicklung", level=3)
    mentor = _pick(people, "digital_junior")
    mentee = _pick(people, "head:Vertrieb")
    sponsor = _pick(people, "hr_board")
    grants = {coordinator.email: COORDINATOR, sponsor.email: SPONSOR}
    for person in (coordinator, mentor, mentee, sponsor):
        user = _account(person.email)
        role = grants.get(person.email)
        if role and not user.groups.filter(name=role).exists():
            role_grant(user=user, role=role, actor=None)
    _account(ADMIN_EMAIL, superuser=True)
    demo_program = demo_program_load(
        actor=get_user_model().objects.get(email=coordinator.email),
        mentor=Person.objects.get(email_key=email_key(mentor.email)),
        mentee=Person.objects.get(email_key=email_key(mentee.email)),
        seed=seed,
    )
    counts_accounts = _participant_accounts(cohorts=[demo_program.pilot, demo_program.second])
    logins = [
        DemoLogin(
            "coordinator",
            coordinator.email,
            f"{coordinator.first_name} {coordinator.last_name}",
            "HR program coordinator: programs, matching, people, import, topics",
        ),
        DemoLogin(
            "mentor",
            mentor.email,
            f"{mentor.first_name} {mentor.last_name}",
            f"{mentor.job_title}, digital native",
        ),
        DemoLogin(
            "mentee", mentee.email, f"{mentee.first_name} {mentee.last_name}", mentee.job_title
        ),
        DemoLogin(
            "sponsor",
            sponsor.email,
            f"{sponsor.first_name} {sponsor.last_name}",
            f"{sponsor.job_title}: aggregated reports only",
        ),
        DemoLogin("superuser", ADMIN_EMAIL, "Admin", "Django admin (/admin/)"),
    ]
    counts = {
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "people": len(people),
        "program": demo_program.program.name,
        "running": demo_program.pilot.name,
        "open": demo_program.second.name,
        "participant_accounts": counts_accounts,
    }
    return counts, logins

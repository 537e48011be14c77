"""Reads about programs, cohorts, their phases and charters."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db.models import Prefetch, Q, QuerySet

from tandem.people.models import Person
from tandem.people.normalize import email_key
from tandem.people.roles import COORDINATOR, is_staff_coordinator
from tandem.people.selectors import person_for_user
from tandem.programs.choices import PHASE_ORDER, Phase
from tandem.programs.models import Charter, Cohort, CohortTransition, Program
from tandem.programs.phases.counts import cohort_counts
from tandem.programs.phases.guards import CohortFacts, next_phase, phase_index, transition_problems


def program_list() -> QuerySet[Program]:
    """All programs by name, each with its cohorts (newest first) and focus topics."""
    cohorts = Cohort.objects.order_by("-starts_on", "name")
    return Program.objects.prefetch_related(
        Prefetch("cohorts", queryset=cohorts), "focus_topics"
    ).order_by("-is_active", "name")


def program_get(*, pk: int) -> Program:
    return Program.objects.prefetch_related("focus_topics").get(pk=pk)


def cohort_get(*, pk: int) -> Cohort:
    """A cohort with what its page shows; raises Cohort.DoesNotExist."""
    return (
        Cohort.objects.select_related("program", "coordinator", "copied_from")
        .prefetch_related("sites")
        .get(pk=pk)
    )


def cohort_transitions(*, cohort: Cohort) -> QuerySet[CohortTransition]:
    return cohort.transitions.select_related("actor").order_by("at", "id")


def cohort_charters(*, cohort: Cohort) -> QuerySet[Charter]:
    """All charter versions, newest first."""
    return cohort.charters.select_related("created_by").order_by("-version")


def cohort_current_charter(*, cohort: Cohort) -> Charter | None:
    return cohort_charters(cohort=cohort).first()


def coordinator_users() -> QuerySet:
    """Accounts that may be named as a cohort's contact: active users with the coordinator role
    whose person, if they are in the directory, is active (a leaver is nobody's contact)."""
    candidates = (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name=COORDINATOR) | Q(is_superuser=True))
        .distinct()
    )
    keys = {pk: email_key(email or "") for pk, email in candidates.values_list("pk", "email")}
    leavers = set(
        Person.objects.filter(email_key__in=set(keys.values()), is_active=False).values_list(
            "email_key", flat=True
        )
    )
    usable = [pk for pk, key in keys.items() if key not in leavers]
    return get_user_model().objects.filter(pk__in=usable).order_by("email")


def user_is_coordinator(user: User | None) -> bool:
    return user is not None and user.is_active and bool(is_staff_coordinator(user))


def cohort_facts(*, cohort: Cohort, improvements_waived: bool = False) -> CohortFacts:
    """The facts the phase guards check, read now (a few small queries)."""
    counts = cohort_counts(cohort=cohort)
    coordinator = cohort.coordinator if cohort.coordinator_id else None
    return CohortFacts(
        phase=cohort.phase,
        starts_on=cohort.starts_on,
        ends_on=cohort.ends_on,
        coordinator_named=coordinator is not None,
        coordinator_has_role=user_is_coordinator(coordinator),
        has_charter=cohort.charters.exists(),
        **counts,
        is_pilot=cohort.is_pilot,
        pilot_max_tandems=cohort.pilot_max_tandems,
        improvements_filled=bool(cohort.improvements.strip()),
        improvements_waived=improvements_waived,
    )


@dataclass(frozen=True)
class PhaseStep:
    """One of the six phases as the stepper shows it."""

    value: str
    label: str
    state: str  # "done", "current" or "upcoming"


@dataclass(frozen=True)
class TransitionOption:
    """A phase change the page offers, with the reasons it is not possible yet."""

    to_phase: str
    label: str
    problems: list[str]
    is_back: bool = False

    @property
    def allowed(self) -> bool:
        return not self.problems


def cohort_phase_steps(*, cohort: Cohort) -> list[PhaseStep]:
    current = phase_index(cohort.phase)
    steps = []
    for index, phase in enumerate(PHASE_ORDER):
        state = "done" if index < current else "current" if index == current else "upcoming"
        if phase == Phase.CLOSED and cohort.phase == Phase.CLOSED:
            state = "current"
        steps.append(PhaseStep(value=phase.value, label=str(phase.label), state=state))
    return steps


def cohort_transition_options(*, cohort: Cohort) -> list[TransitionOption]:
    """The next phase (and, while enrolment is open, the way back to draft) with their problems.

    The close step is shown with the closing form; its improvements rule is checked there.
    """
    facts = cohort_facts(cohort=cohort)
    options = []
    following = next_phase(cohort.phase)
    if following is not None:
        problems = transition_problems(facts, following)
        if following == Phase.CLOSED:
            # Whether improvements are noted or waived is decided in the closing form itself.
            facts_waived = cohort_facts(cohort=cohort, improvements_waived=True)
            problems = transition_problems(facts_waived, following)
        options.append(
            TransitionOption(
                to_phase=following.value, label=str(following.label), problems=problems
            )
        )
    if cohort.phase == Phase.ENROLMENT_OPEN:
        options.append(
            TransitionOption(
                to_phase=Phase.DRAFT.value,
                label=str(Phase.DRAFT.label),
                problems=transition_problems(facts, Phase.DRAFT),
                is_back=True,
            )
        )
    return options


def cohort_contact(*, cohort: Cohort) -> dict[str, str] | None:
    """The named contact as participants see it: name (from the directory) and e-mail."""
    user = cohort.coordinator
    if user is None:
        return None
    person = person_for_user(user=user)
    name = person.full_name if person is not None else (user.get_full_name() or user.email)
    return {"name": name, "email": person.email if person is not None else user.email}

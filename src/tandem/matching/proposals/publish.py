"""Publishing the proposals of a cohort to the partners (R13), after the coordinator's review.

Publishing is atomic, writes an audit row per tandem and works only in the phases "Matching" and
"Running", with the cohort row locked like every change of `services_review`. It is refused, with
every reason at once, while a proposal no longer passes every rule: between the run and the
publication answers, the org chart and enrolments may have changed.
"""

from __future__ import annotations

from collections import Counter
from typing import cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tandem.core.services import Actor, audit_record
from tandem.enrolment.choices import EnrolmentStatus
from tandem.matching.pairing.check import (
    capacity_problem,
    mentee_is_mentor_problem,
    mentor_is_mentee_problem,
    pair_problem_text,
)
from tandem.matching.pairing.hard_rules import CohortRules, Direction, pair_violations
from tandem.matching.pairing.messages import violation_text
from tandem.matching.proposals.emails_publish import proposal_published_emails_send
from tandem.matching.runs.selectors import cohort_do_not_match_pairs, tandem_profiles
from tandem.matching.runs.services import lock_matching_cohort
from tandem.people.selectors import reporting_line_excluded_pairs
from tandem.programs.models import Cohort
from tandem.tandems.models import OPEN_STATUSES, Tandem, TandemStatus


def _pair_problems_now(cohort: Cohort, proposals: list[Tandem]) -> dict[int, list[str]]:
    """Per proposal, what stands in its way now: every hard rule (answers, the org chart and
    eligibility may have changed since it was proposed), the mentor's seats and one side per
    "either" person, over all open tandems of the cohort. A few queries for all proposals."""
    found: dict[int, list[str]] = {t.pk: [] for t in proposals}
    if not proposals:
        return found
    mentees, mentors = tandem_profiles(cohort=cohort, tandems=proposals)
    # profiles read from the database carry the people's int primary keys
    person_ids = {cast(int, p.person_id) for p in (*mentees, *mentors)}
    rules = CohortRules(
        direction=cast(Direction, cohort.direction_rule),  # one of the DirectionRule choices
        exclude_same_org_unit=cohort.exclude_same_org_unit,
        exclude_same_manager=cohort.exclude_same_manager,
        reporting_line_pairs=frozenset(reporting_line_excluded_pairs(person_ids=person_ids)),
        do_not_match=cohort_do_not_match_pairs(cohort=cohort),
    )
    open_pairs = list(
        Tandem.objects.filter(cohort=cohort, status__in=OPEN_STATUSES).values_list(
            "mentee_id", "mentor_id"
        )
    )
    load = Counter(mentor for _mentee, mentor in open_pairs)
    as_mentee = {mentee for mentee, _mentor in open_pairs}
    as_mentor = set(load)
    allowed = cohort.mentees_per_mentor
    for tandem, mentee, mentor in zip(proposals, mentees, mentors, strict=True):
        texts = found[tandem.pk]
        texts.extend(violation_text(v) for v in pair_violations(mentee, mentor, rules))
        if tandem.mentee_id in as_mentor:
            texts.append(mentee_is_mentor_problem(tandem.mentee).text)
        if tandem.mentor_id in as_mentee:
            texts.append(mentor_is_mentee_problem(tandem.mentor).text)
        if load[tandem.mentor_id] > allowed:
            taken = load[tandem.mentor_id] - 1
            texts.append(capacity_problem(tandem.mentor, taken=taken, allowed=allowed).text)
    return found


def _publish_problems(cohort: Cohort, proposals: list[Tandem]) -> list[str]:
    problems = []
    enrolled = []
    for tandem in proposals:
        names = {
            "mentee": tandem.mentee.person.full_name,
            "mentor": tandem.mentor.person.full_name,
        }
        gone = False
        for enrolment in (tandem.mentee, tandem.mentor):
            if enrolment.status != EnrolmentStatus.ACTIVE or enrolment.cohort_id != cohort.pk:
                gone = True
                problems.append(
                    _(
                        "%(mentee)s with %(mentor)s: %(name)s is no longer enrolled. Change or "
                        "remove this proposal first."
                    )
                    % {**names, "name": enrolment.person.full_name}
                )
        if not gone:
            enrolled.append(tandem)
    now = _pair_problems_now(cohort, enrolled)
    for tandem in enrolled:
        problems.extend(
            pair_problem_text(mentee=tandem.mentee, mentor=tandem.mentor, problem=text)
            for text in now[tandem.pk]
        )
    open_count = Tandem.objects.filter(cohort=cohort, status__in=OPEN_STATUSES).count()
    cap = cohort.pilot_max_tandems
    if cohort.is_pilot and cap is not None and open_count > cap:
        excess = open_count - cap
        problems.append(
            ngettext(
                "Pilot cap: the pilot allows %(cap)d in all; publishing would make %(count)d "
                "tandems (proposed, published and formed). Remove %(excess)d proposal first, "
                "then publish.",
                "Pilot cap: the pilot allows %(cap)d in all; publishing would make %(count)d "
                "tandems (proposed, published and formed). Remove %(excess)d proposals first, "
                "then publish.",
                excess,
            )
            % {"cap": cap, "count": open_count, "excess": excess}
        )
    return problems


@transaction.atomic
def matching_publish(*, cohort: Cohort, actor: Actor) -> list[Tandem]:
    """Show every proposal of the cohort to both partners, who then answer privately. Each
    partner gets one e-mail after the commit (without the score). Refused, naming the rule, while
    a proposal no longer passes every rule, seat and side check (`_pair_problems_now`)."""
    cohort = lock_matching_cohort(cohort_id=cohort.pk)
    proposals = list(
        Tandem.objects.select_for_update(of=("self",))
        .filter(cohort=cohort, status=TandemStatus.PROPOSED)
        .select_related("mentee__person", "mentor__person")
        .order_by("id")
    )
    if not proposals:
        raise ValidationError(
            _("There are no proposals to publish. Run matching or pair people by hand first.")
        )
    problems = _publish_problems(cohort, proposals)
    if problems:
        raise ValidationError(problems)
    now = timezone.now()
    for tandem in proposals:
        tandem.status = TandemStatus.PUBLISHED
        tandem.published_at = now
    Tandem.objects.bulk_update(proposals, ["status", "published_at"])
    for tandem in proposals:
        audit_record(
            actor=actor,
            action="matching.publish",
            target=tandem,
            data={"cohort": cohort.pk, "mentee": tandem.mentee_id, "mentor": tandem.mentor_id},
        )
    ids = [t.pk for t in proposals]
    # Robust: the publication stands even if the mail server is down; failures are logged.
    transaction.on_commit(lambda: proposal_published_emails_send(tandem_ids=ids), robust=True)
    return proposals

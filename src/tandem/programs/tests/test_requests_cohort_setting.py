"""The cohort settings of self-directed requests (R16): whether mentees may ask a mentor themselves
and whether a coordinator approves; both can still change while matching and running."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tandem.programs.choices import Phase
from tandem.programs.cohorts.services import cohort_update
from tandem.programs.models import Cohort
from tandem.programs.tests.factories import cohort_in, coordinator_user


@pytest.mark.django_db
@pytest.mark.parametrize("phase", [Phase.MATCHING, Phase.RUNNING])
def test_requests_and_approval_can_change_while_matching_and_running(coordinator, phase):
    cohort = cohort_in(phase, coordinator_user())
    assert cohort.self_directed_needs_approval is True  # the safe default

    cohort_update(
        cohort=cohort,
        actor=coordinator,
        allow_self_directed=True,
        self_directed_needs_approval=False,
    )

    cohort.refresh_from_db()
    assert cohort.allow_self_directed is True and cohort.self_directed_needs_approval is False


@pytest.mark.django_db
def test_the_approval_setting_is_on_the_cohort_form(client_for, coordinator):
    cohort = cohort_in(Phase.RUNNING, coordinator)
    page = client_for(coordinator).get(reverse("programs:cohort_edit", args=[cohort.pk]))
    html = page.content.decode()
    assert 'name="allow_self_directed"' in html
    assert 'name="self_directed_needs_approval"' in html
    assert "approves each request before the tandem is formed" in html


@pytest.mark.django_db
def test_the_coordinator_switches_approval_off_in_the_running_phase(client_for, coordinator):
    cohort = cohort_in(Phase.RUNNING, coordinator)
    response = client_for(coordinator).post(
        reverse("programs:cohort_edit", args=[cohort.pk]),
        {
            "name": cohort.name,
            "coordinator": str(coordinator.pk),
            "allow_self_directed": "on",
            # self_directed_needs_approval unticked
        },
    )
    assert response.status_code == 302
    cohort.refresh_from_db()
    assert (cohort.allow_self_directed, cohort.self_directed_needs_approval) == (True, False)


@pytest.mark.django_db
def test_a_new_round_takes_the_approval_setting_over(coordinator):
    from tandem.programs.cohorts.services import cohort_copy

    source = cohort_in(Phase.CLOSED, coordinator_user(), allow_self_directed=True)
    Cohort.objects.filter(pk=source.pk).update(self_directed_needs_approval=False)
    source.refresh_from_db()
    copy = cohort_copy(source=source, actor=coordinator, name="Next", starts_on=source.ends_on)
    assert (copy.allow_self_directed, copy.self_directed_needs_approval) == (True, False)


@pytest.mark.django_db
def test_the_two_settings_have_their_own_group_on_the_new_cohort_form(client_for, coordinator):
    from tandem.programs.tests.factories import ProgramFactory

    program = ProgramFactory()
    page = client_for(coordinator).get(reverse("programs:cohort_create", args=[program.pk]))
    html = page.content.decode()
    group = html[html.index("<strong>Self-directed requests</strong>") :]
    group = group[: group.index("</fieldset>")]
    assert 'name="allow_self_directed"' in group
    assert (
        'name="self_directed_needs_approval" id="id_self_directed_needs_approval" checked' in group
    )

"""Who may open the matching page and use its actions: coordinators and superusers only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tandem.core.models import AuditEvent
from tandem.matching.models import DoNotMatch, DoNotMatchReason, MatchingRun
from tandem.tandems.models import Tandem
from tandem.tandems.tests.factories import TandemFactory

# (url name, object the URL names, method)
VIEWS = [
    ("matching:review", "cohort", "get"),
    ("matching:run", "cohort", "post"),
    ("matching:check", "cohort", "get"),
    ("matching:weights", "cohort", "post"),
    ("matching:publish", "cohort", "post"),
    ("matching:swap", "cohort", "post"),
    ("matching:pair_create", "cohort", "post"),
    ("matching:proposal_pin", "tandem", "post"),
    ("matching:proposal_forbid", "tandem", "post"),
    ("matching:proposal_mentor", "tandem", "get"),
    ("matching:proposal_mentor", "tandem", "post"),
    ("matching:do_not_match_remove", "entry", "post"),
]
REFUSED = ["mentor", "mentee", "sponsor", "outsider"]


@pytest.fixture
def objects(matching_cohort):
    """The matching cohort (Jonas and Marlene are enrolled in it), a proposal, an exclusion."""
    cohort = matching_cohort.cohort
    tandem = TandemFactory(
        cohort=cohort, mentee=matching_cohort.mentee, mentor=matching_cohort.mentor
    )
    other = TandemFactory(cohort=cohort)
    entry = DoNotMatch.objects.create(
        cohort=cohort,
        mentee=other.mentee,
        mentor=tandem.mentor,
        reason=DoNotMatchReason.COORDINATOR,
    )
    return {"cohort": cohort, "tandem": tandem, "entry": entry}


def url(name: str, target: str, objects, missing: bool = False) -> str:
    return reverse(name, args=[999_999 if missing else objects[target].pk])


def call(client, method: str, address: str):
    if method == "post":
        return client.post(address, {"mode": "score", "pinned": "1"})
    return client.get(address)


def nothing_changed(objects) -> bool:
    return (
        not MatchingRun.objects.exists()
        and Tandem.objects.count() == 2
        and DoNotMatch.objects.count() == 1
        and not AuditEvent.objects.filter(action__startswith="matching.").exists()
    )


@pytest.mark.parametrize(("name", "target", "method"), VIEWS)
def test_anonymous_visitors_are_sent_to_sign_in(client, objects, name, target, method):
    response = call(client, method, url(name, target, objects))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert nothing_changed(objects)


@pytest.mark.parametrize(("name", "target", "method"), VIEWS)
@pytest.mark.parametrize("persona", REFUSED)
def test_participants_sponsors_and_outsiders_are_refused(
    request, client_for, objects, name, target, method, persona
):
    client = client_for(request.getfixturevalue(persona))
    response = call(client, method, url(name, target, objects))
    assert response.status_code == 403
    assert nothing_changed(objects)


@pytest.mark.parametrize(("name", "target", "method"), VIEWS)
def test_outsiders_get_403_for_objects_that_do_not_exist(
    client_for, outsider, objects, name, target, method
):
    response = call(client_for(outsider), method, url(name, target, objects, missing=True))
    assert response.status_code == 403


@pytest.mark.parametrize(("name", "target", "method"), VIEWS)
@pytest.mark.parametrize("persona", ["coordinator", "superuser"])
def test_coordinators_and_superusers_may(
    request, client_for, objects, name, target, method, persona
):
    client = client_for(request.getfixturevalue(persona))
    response = call(client, method, url(name, target, objects))
    # Pages render; actions redirect back to the page, or show it again with the problem.
    assert response.status_code in ((200,) if method == "get" else (302, 400))


@pytest.mark.parametrize(("name", "target", "method"), VIEWS)
def test_coordinators_get_404_for_objects_that_do_not_exist(
    client_for, coordinator, objects, name, target, method
):
    response = call(client_for(coordinator), method, url(name, target, objects, missing=True))
    assert response.status_code == 404

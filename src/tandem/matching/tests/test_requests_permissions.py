"""Who may open which request page (R16): every view, every role.

The mentee's pages are for the active mentee of that cohort, answering for the request's mentor,
withdrawing for its mentee, approvals for coordinators and superusers. Superusers pass every
permission, but nobody acts in a participant's name: the participant pages need one's own
enrolment or request. A missing cohort or request is 403 for those without access.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.urls import reverse

from tandem.matching.models import RequestStatus
from tandem.matching.tests.requests_helpers import (
    allow_requests,
    another_mentee,
    another_mentor,
    answer,
    send,
)

PERSONAS = ["coordinator", "sponsor", "mentor", "mentee", "superuser", "outsider"]
MISSING = 999_999

# (url name, what it takes, method, the personas who may use it)
VIEWS = [
    ("find_mentor", "cohort", "get", {"mentee"}),
    ("request_new", "mentor", "get", {"mentee"}),
    ("my_requests", "cohort", "get", {"mentee"}),
    ("request_withdraw", "pending", "post", {"mentee"}),
    ("incoming_requests", "cohort", "get", {"mentor"}),
    ("request_answer", "pending", "post", {"mentor"}),
    ("cohort_requests", "cohort", "get", {"coordinator", "superuser"}),
    ("request_decide", "awaiting", "post", {"coordinator", "superuser"}),
]
POST_DATA = {"answer": "decline", "decision": "reject"}
# What each allowed POST does to its request.
AFTER_POST = {
    "request_withdraw": RequestStatus.WITHDRAWN,
    "request_answer": RequestStatus.DECLINED,
    "request_decide": RequestStatus.NOT_APPROVED,
}


@pytest.fixture
def world(matching_cohort):
    """Marlene's pending request to Jonas, and Petra's request to Ada awaiting approval."""
    m = matching_cohort
    allow_requests(m.cohort, approval=True)
    pending = send(m)
    ada = another_mentor(m)
    awaiting = answer(send(m, mentee=another_mentee(m), mentor=ada), accept=True)
    return SimpleNamespace(cohort=m.cohort, mentor=m.mentor, pending=pending, awaiting=awaiting)


def url_for(world, name: str, target: str, *, missing: bool = False) -> str:
    if target == "cohort":
        args = [MISSING if missing else world.cohort.pk]
    elif target == "mentor":
        args = [MISSING if missing else world.cohort.pk, world.mentor.pk]
    else:
        args = [MISSING if missing else getattr(world, target).pk]
    return reverse(f"matching:{name}", args=args)


def call(client, method: str, url: str):
    return client.post(url, POST_DATA) if method == "post" else client.get(url)


@pytest.mark.parametrize(("name", "target", "method", "allowed"), VIEWS)
def test_anonymous_visitors_are_sent_to_sign_in(client, world, name, target, method, allowed):
    response = call(client, method, url_for(world, name, target))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("name", "target", "method", "allowed"), VIEWS)
def test_each_role_gets_exactly_its_pages(
    request, client_for, world, persona, name, target, method, allowed
):
    response = call(
        client_for(request.getfixturevalue(persona)), method, url_for(world, name, target)
    )
    if persona not in allowed:
        assert response.status_code == 403
        if target in ("pending", "awaiting"):
            mentor_request = getattr(world, target)
            status = mentor_request.status
            mentor_request.refresh_from_db()
            assert mentor_request.status == status  # nothing happened
        return
    if method == "get":
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        mentor_request = getattr(world, target)
        mentor_request.refresh_from_db()
        assert mentor_request.status == AFTER_POST[name]


@pytest.mark.parametrize(("name", "target", "method", "allowed"), VIEWS)
def test_a_missing_cohort_or_request_is_forbidden_not_revealed(
    request, client_for, world, name, target, method, allowed
):
    persona = sorted(allowed)[0]
    response = call(
        client_for(request.getfixturevalue(persona)),
        method,
        url_for(world, name, target, missing=True),
    )
    # Superusers and coordinators may know which ids exist; participants may not.
    expected = 404 if persona in ("coordinator", "superuser") else 403
    assert response.status_code == expected


def test_a_mentee_of_another_cohort_cannot_open_this_cohorts_pages(client_for, world):
    from tandem.enrolment.tests.factories import EnrolmentFactory
    from tandem.people.tests.factories import UserFactory

    elsewhere = EnrolmentFactory()  # a mentee in another cohort
    client = client_for(UserFactory(email=elsewhere.person.email))
    for name in ("find_mentor", "my_requests", "incoming_requests"):
        assert client.get(reverse(f"matching:{name}", args=[world.cohort.pk])).status_code == 403


def test_a_withdrawn_mentee_is_no_longer_let_in(client_for, mentee, world):
    from tandem.matching.withdrawal.services import enrolment_withdraw

    enrolment_withdraw(enrolment=world.pending.mentee, actor=None, reason="")
    response = client_for(mentee).get(reverse("matching:find_mentor", args=[world.cohort.pk]))
    assert response.status_code == 403

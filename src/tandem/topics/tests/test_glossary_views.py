"""The glossary pages: who may see and do what, search, propose, curate, both languages."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tandem.topics.glossary.models import GlossaryTerm, TermStatus
from tandem.topics.models import Topic

pytestmark = pytest.mark.django_db

USERS = ["sponsor", "mentor", "mentee"]
CURATORS = ["coordinator", "superuser"]


@pytest.fixture
def proposal(catalogue):
    return GlossaryTerm.objects.create(
        term_de="Webhook", term_en="Webhook", explanation_de="Rückruf", explanation_en="Callback"
    )


def kpi():
    return GlossaryTerm.objects.get(term_en="KPI")


READ = [
    ("get", lambda p: reverse("topics:glossary"), 200),
    ("get", lambda p: reverse("topics:glossary_detail", args=[kpi().pk]), 200),
    ("get", lambda p: reverse("topics:glossary_propose"), 200),
]
CURATE = [
    ("get", lambda p: reverse("topics:glossary_queue"), 200),
    ("get", lambda p: reverse("topics:glossary_edit", args=[p.pk]), 200),
    ("post", lambda p: reverse("topics:glossary_approve", args=[p.pk]), 302),
    ("post", lambda p: reverse("topics:glossary_reject", args=[p.pk]), 302),
    ("post", lambda p: reverse("topics:glossary_merge", args=[p.pk]), 302),
]


def call(client, method, url, proposal):
    data = {"into": kpi().pk} if url.endswith("/merge/") else {}
    return getattr(client, method)(url, data)


@pytest.mark.parametrize("persona", USERS + CURATORS)
@pytest.mark.parametrize(("method", "url", "ok"), READ)
def test_everyone_with_a_person_or_a_curator_reads_and_proposes(
    request, client_for, proposal, persona, method, url, ok
):
    client = client_for(request.getfixturevalue(persona))
    assert call(client, method, url(proposal), proposal).status_code == ok


@pytest.mark.parametrize(("method", "url", "ok"), READ + CURATE)
def test_an_account_without_a_person_is_refused(client_for, outsider, proposal, method, url, ok):
    assert call(client_for(outsider), method, url(proposal), proposal).status_code == 403


@pytest.mark.parametrize(("method", "url", "ok"), READ + CURATE)
def test_anonymous_visitors_are_sent_to_the_login(client, proposal, method, url, ok):
    response = call(client, method, url(proposal), proposal)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL))


@pytest.mark.parametrize("persona", USERS)
@pytest.mark.parametrize(("method", "url", "ok"), CURATE)
def test_only_coordinators_curate(request, client_for, proposal, persona, method, url, ok):
    client = client_for(request.getfixturevalue(persona))
    assert call(client, method, url(proposal), proposal).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == TermStatus.PROPOSED


@pytest.mark.parametrize("persona", CURATORS)
@pytest.mark.parametrize(("method", "url", "ok"), CURATE)
def test_coordinators_curate(request, client_for, proposal, persona, method, url, ok):
    client = client_for(request.getfixturevalue(persona))
    assert call(client, method, url(proposal), proposal).status_code == ok


def test_a_proposal_is_hidden_from_participants_until_approved(client_for, mentee, proposal):
    url = reverse("topics:glossary_detail", args=[proposal.pk])
    assert client_for(mentee).get(url).status_code == 404


def test_the_live_search_answers_htmx_with_the_results_only(client_for, mentee, catalogue):
    client = client_for(mentee)
    response = client.get(reverse("topics:glossary"), {"q": "kpi"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "KPI" in html and "<html" not in html and "Churn" not in html
    empty = client.get(reverse("topics:glossary"), {"q": "zzz"}, HTTP_HX_REQUEST="true")
    assert "?term=zzz" in empty.content.decode()


def test_the_list_page_reads_a_fixed_number_of_queries(client_for, mentee, catalogue):
    client = client_for(mentee)
    client.get(reverse("topics:glossary"))  # sessions and caches settle first

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("topics:glossary")).status_code == 200
        return len(captured)

    before = queries()
    for number in range(5):
        term = GlossaryTerm.objects.create(
            term_en=f"Extra {number}", term_de=f"Extra {number}", status=TermStatus.APPROVED
        )
        term.topics.set(Topic.objects.all()[:2])
    assert queries() == before <= 10


def test_the_list_is_english_and_german(client_for, mentee, catalogue):
    client = client_for(mentee)
    en = client.get(reverse("topics:glossary"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Glossary" in en and "Search engine optimisation" in en
    de = client.get(reverse("topics:glossary"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert '<html lang="de"' in de and "Glossar" in de and "Suchmaschinenoptimierung" in de
    assert "Propose a term" not in de


def test_explain_this_term_prefills_the_proposal(client_for, mentee, catalogue):
    url = reverse("topics:glossary_propose") + "?term=Webhook"
    html = client_for(mentee).get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'value="Webhook"' in html


def test_proposing_a_term_waits_for_approval(client_for, mentee, mentee_person, catalogue):
    response = client_for(mentee).post(reverse("topics:glossary_propose"), {"term_en": "Webhook"})
    assert response.status_code == 302
    term = GlossaryTerm.objects.get(term_en="Webhook")
    assert term.status == TermStatus.PROPOSED and term.proposed_by == mentee_person


def test_proposing_a_known_term_shows_the_existing_one(client_for, mentee, catalogue):
    response = client_for(mentee).post(
        reverse("topics:glossary_propose"), {"term_en": "dashboard"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "already has" in html
    assert (
        reverse("topics:glossary_detail", args=[GlossaryTerm.objects.get(term_en="Dashboard").pk])
        in html
    )


def test_a_coordinator_edits_and_approves_a_proposal(client_for, coordinator, proposal):
    client = client_for(coordinator)
    edit = reverse("topics:glossary_edit", args=[proposal.pk])
    data = {
        "term_de": "Webhook",
        "term_en": "Webhook",
        "explanation_de": "Ein automatischer Rückruf.",
        "explanation_en": "An automatic callback.",
        "aliases": "Web-Hook\nweb hook",
    }
    assert client.post(edit, data).status_code == 302
    client.post(reverse("topics:glossary_approve", args=[proposal.pk]))
    proposal.refresh_from_db()
    assert proposal.status == TermStatus.APPROVED and proposal.alias_list == [
        "Web-Hook",
        "web hook",
    ]
    html = client.get(reverse("topics:glossary"), {"q": "web-hook"}).content.decode()
    assert "Webhook" in html


def test_the_catalogue_and_the_tandem_page_link_to_the_glossary(client_for, mentee, catalogue):
    html = client_for(mentee).get(reverse("topics:list")).content.decode()
    assert reverse("topics:glossary") in html

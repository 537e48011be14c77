"""Glossary terms become links where they appear in the catalogue's texts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tandem.topics.glossary.linking import link_terms
from tandem.topics.glossary.models import GlossaryTerm
from tandem.topics.models import Topic

TARGETS = {"kpi": "/g/1/", "dashboard": "/g/2/", "#": "/g/3/", "api": "/g/4/"}


def test_a_term_is_linked_once_as_a_whole_word_and_the_text_is_escaped():
    html = link_terms("Ein KPI-Dashboard <b> zeigt KPIs; kpi again; rapid", TARGETS)
    assert html.count('href="/g/1/"') == 1
    assert '<a href="/g/1/" class="glossary-term">KPI</a>' in html
    assert '<a href="/g/2/" class="glossary-term">Dashboard</a>' in html
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert "/g/4/" not in html  # "rapid" holds "api" but not as a word


def test_names_without_a_letter_are_never_linked():
    assert "href" not in link_terms("#1 priority", TARGETS)


def test_no_targets_leaves_the_text_escaped():
    assert link_terms("a < b", {}) == "a &lt; b"


@pytest.mark.django_db
def test_the_topic_page_links_glossary_terms_in_its_text(client_for, mentee, catalogue):
    Topic.objects.filter(code="seo").update(description_en="Read the dashboard every week.")
    dashboard = GlossaryTerm.objects.get(term_en="Dashboard")
    url = reverse("topics:detail", args=["seo"])
    html = client_for(mentee).get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    link = reverse("topics:glossary_detail", args=[dashboard.pk])
    assert f'<a href="{link}" class="glossary-term">dashboard</a>' in html

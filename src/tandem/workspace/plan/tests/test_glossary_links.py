"""Glossary terms in the catalogue's example questions link to their explanation in the plan."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tandem.topics.glossary.models import GlossaryTerm, TermStatus
from tandem.workspace.plan import services
from tandem.workspace.plan.tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_a_glossary_term_in_a_plan_question_links_to_the_glossary(formed, spaces, answers, mentor):
    term = GlossaryTerm.objects.create(
        term_de="automatisieren",
        term_en="automate",
        explanation_de="Von Software erledigen lassen.",
        explanation_en="Let software do it.",
        status=TermStatus.APPROVED,
    )
    services.plan_generate(space=spaces.mentee, actor=None)
    url = reverse("workspace:plan", args=[formed.key])
    html = signed_in(mentor).get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    link = reverse("topics:glossary_detail", args=[term.pk])
    assert f'How do I <a href="{link}" class="glossary-term">automate</a>?' in html

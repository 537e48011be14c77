"""The tandem page lets a partner ask for a term to be explained (the glossary's proposal form)."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_tandem_page_asks_the_glossary_to_explain_a_term(client_for, formed, mentee):
    html = client_for(mentee).get(reverse("workspace:page", args=[formed.key])).content.decode()
    assert f'action="{reverse("topics:glossary_propose")}"' in html
    assert 'name="term"' in html

"""The request form on its own (no database): the partner choice has no default."""

from __future__ import annotations

from tandem.workspace.help.forms import DONT_TELL, TELL, HelpRequestForm


def test_the_form_makes_no_choice_for_the_asker():
    form = HelpRequestForm()
    assert form.fields["partner"].initial is None
    assert "checked" not in str(form["partner"])


def test_without_a_choice_the_form_says_nothing_is_shared():
    form = HelpRequestForm({"text": "Bitte um ein Gespräch"})
    assert not form.is_valid()
    assert "Nothing is shared unless you choose so" in form.errors["partner"][0]


def test_the_choice_decides_whether_the_partner_is_told():
    told = HelpRequestForm({"text": "Hallo", "partner": TELL})
    quiet = HelpRequestForm({"text": "Hallo", "partner": DONT_TELL})
    assert told.is_valid() and quiet.is_valid()
    assert told.partner_told and not quiet.partner_told


def test_an_empty_or_too_long_text_is_refused_with_a_reason():
    blank = HelpRequestForm({"text": "   ", "partner": TELL})
    assert not blank.is_valid() and "empty request" in blank.errors["text"][0]
    long = HelpRequestForm({"text": "x" * 2001, "partner": TELL})
    assert not long.is_valid() and "at most 2,000 characters" in long.errors["text"][0]

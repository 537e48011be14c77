"""One set of length limits for every text people type (issue 8, point 15): declared on the model
fields and the forms, refused with both numbers, rendered as `maxlength`, and never a reason to
refuse other changes to a row that holds an older, longer text."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation

import tandem
from tandem.core.text_limits import (
    LIMITS,
    LONG_TEXT,
    LimitedTextField,
    TextLengthValidator,
    TextLimitsMixin,
    too_long_message,
)
from tandem.enrolment.enrolling.forms import EnrolmentForm
from tandem.enrolment.enrolling.forms_actions import WithdrawForm
from tandem.enrolment.invitations.forms import InvitationConfirmForm
from tandem.matching.requests.forms import MentorRequestForm
from tandem.programs.events.forms import EventForm


def test_the_message_gives_the_limit_and_the_length_in_both_languages():
    assert too_long_message(limit=2000, count=21600) == (
        "This text is too long: at most 2,000 characters, you wrote 21,600. Please shorten it."
    )
    with translation.override("de"):
        assert too_long_message(limit=2000, count=21600) == (
            "Dieser Text ist zu lang: höchstens 2.000 Zeichen, Sie haben 21.600 geschrieben. "
            "Bitte kürzen Sie ihn."
        )


def test_the_validator_says_the_same():
    with pytest.raises(ValidationError) as caught:
        TextLengthValidator(LONG_TEXT)("x" * 21600)
    assert caught.value.messages == [too_long_message(limit=2000, count=21600)]
    TextLengthValidator(LONG_TEXT)("x" * 2000)


def _tandem_models():
    return [m for m in apps.get_models() if m.__module__.startswith("tandem.")]


def test_every_text_field_of_a_model_has_one_of_the_limits():
    unlimited = []
    for model in _tandem_models():
        for field in model._meta.get_fields():
            if not isinstance(field, models.TextField):
                continue
            has_validator = any(isinstance(v, TextLengthValidator) for v in field.validators)
            if field.max_length not in LIMITS or not has_validator:
                unlimited.append(f"{model.__name__}.{field.name}")
            elif not issubclass(model, TextLimitsMixin):
                unlimited.append(f"{model.__name__} (without TextLimitsMixin)")
    assert unlimited == []


def _all_forms() -> list[type[forms.Form]]:
    for module in pkgutil.walk_packages(tandem.__path__, "tandem."):
        name = module.name
        if ".tests" in name or ".migrations" in name or "forms" not in name.rsplit(".", 1)[-1]:
            continue
        importlib.import_module(name)
    found, todo = [], [forms.Form]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("tandem."):
            found.append(cls)
    return found


def test_every_text_area_of_every_form_has_one_of_the_limits():
    text_areas = []
    unlimited = []
    for form_class in _all_forms():
        for name, field in form_class.base_fields.items():
            if isinstance(field.widget, forms.Textarea):
                text_areas.append(f"{form_class.__name__}.{name}")
                if not isinstance(field, LimitedTextField) or field.max_length not in LIMITS:
                    unlimited.append(f"{form_class.__name__}.{name}")
    assert len(text_areas) >= 15  # the enrolment answers, requests, charters, events, topics, …
    assert unlimited == []


@pytest.mark.parametrize(
    ("form_class", "field"),
    [
        (EnrolmentForm, "questions"),
        (EnrolmentForm, "motivation"),
        (MentorRequestForm, "goals"),
        (MentorRequestForm, "offer"),
        (WithdrawForm, "reason"),
        (InvitationConfirmForm, "message"),
        (EventForm, "agenda"),
    ],
)
def test_the_same_kind_of_text_has_the_same_limit_and_a_maxlength(form_class, field):
    form_field = form_class.base_fields[field]
    assert form_field.max_length == LONG_TEXT
    attrs = form_field.widget_attrs(form_field.widget)
    html = str(form_field.widget.render(field, "", attrs=attrs))
    assert 'maxlength="2000"' in html


def test_a_too_long_answer_is_refused_with_both_numbers():
    field = LimitedTextField(required=False)
    with pytest.raises(ValidationError) as caught:
        field.clean("x" * 21600)
    assert caught.value.messages == [
        "This text is too long: at most 2,000 characters, you wrote 21,600. Please shorten it."
    ]


def test_a_line_break_counts_as_one_character_as_in_the_browser():
    # The browser counts "\n" once but posts "\r\n": 1,000 lines of "a" fit into 2,000.
    assert LimitedTextField().clean("a\r\n" * 999 + "a") == "a\n" * 999 + "a"

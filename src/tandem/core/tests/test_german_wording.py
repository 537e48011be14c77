"""The German pages read as German: no English leftovers, no doubled full stops, no stray spaces.

The sweep renders the main pages of each role in German, in the states that show messages (form
errors, an unmatched person, a skipped invitation, a consent to renew), and scans the visible text.
The admin: every app, model and field it shows has a German name.
"""

from __future__ import annotations

import html
import re

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import trans_real

pytestmark = pytest.mark.django_db

# Words that are English and not German: on a German page they mean an untranslated text.
ENGLISH_WORDS = {
    "the", "and", "have", "has", "with", "your", "please", "which", "shares", "share", "common",
    "only", "there", "mentors", "mentees", "people", "is", "are", "not", "of", "to", "no", "by",
    "at", "created", "updated", "none", "yet", "this", "that", "for",
}  # fmt: skip
TAG = r"""(?:"[^"]*"|'[^']*'|[^>"'])*>"""  # the rest of a tag; quoted attributes may hold ">"
INLINE = r"</?(?:a|abbr|b|strong|em|i|span|small|code|mark|time|kbd|sup|sub)\b" + TAG


def visible_text(page: str) -> str:
    page = re.sub(r"(?is)<(script|style|template)\b.*?</\1>", " ", page)
    page = re.sub(r"(?s)<!--.*?-->", " ", page)
    page = re.sub(INLINE, "", page)  # "<strong>Anna</strong>." stays "Anna."
    page = re.sub(r"<" + TAG, " ", page)
    return re.sub(r"\s+", " ", html.unescape(page)).strip()


def problems(page: str) -> list[str]:
    text = visible_text(page)
    found = []
    for pattern, what in (
        (r"\w \.(?![.\w])", "a space before a full stop"),  # not ".xlsx"
        (r"\w ,", "a space before a comma"),
        (r"(?<!\.)\.\s*[.:](?!\.)", "a doubled full stop"),
    ):
        for match in re.finditer(pattern, text):
            found.append(f"{what}: …{text[max(0, match.start() - 60) : match.end() + 20]}…")
    for word in sorted(set(re.findall(r"\b[a-z]+\b", text)) & ENGLISH_WORDS):
        hit = re.search(rf"\b{word}\b", text)
        assert hit is not None  # findall above found the word in this very text
        found.append(f"English {word!r}: …{text[max(0, hit.start() - 60) : hit.end() + 40]}…")
    return found


def test_the_scan_finds_the_mistakes_it_looks_for():
    assert problems("<p>Sie sind dabei, 2 Personen einzuladen\n  .</p>")
    assert problems("<p>Bitte stimmen Sie zu.</p><p>(Version 1).: Bitte</p>")
    assert problems("<p>5 have no common time slot</p>")
    assert not problems("<p>Willkommen, <strong>Anna</strong>. Es gibt z. B. Themen …</p>")


def german(client, url: str, data: dict | None = None) -> str:
    if data is None:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="de")
    else:
        response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


@pytest.fixture
def world(matching_cohort, coordinator):
    """The matching cohort after a run, with one mentee nobody can take (the only mentor is in
    her reporting line) and a new charter version to accept; an open cohort to enrol in."""
    from tandem.enrolment.tests.factories import enrol_late
    from tandem.matching.runs.services import matching_run
    from tandem.people.tests.factories import PersonFactory
    from tandem.programs.choices import Phase
    from tandem.programs.models import Charter
    from tandem.programs.tests.factories import CharterFactory, cohort_in

    ns = matching_cohort
    boss = PersonFactory(first_name="Berta", last_name="Boss", career_level=6)
    ns.mentor.person.manager = boss
    ns.mentor.person.save(update_fields=["manager"])
    ns.lonely = enrol_late(ns.cohort, boss, needs=[(ns.topic, 1, 4)])
    matching_run(cohort=ns.cohort, actor=coordinator)
    ns.open = cohort_in(Phase.ENROLMENT_OPEN, coordinator=coordinator)
    CharterFactory(cohort=ns.cohort)  # version 2: the consent page asks again
    Charter.objects.update(  # what a coordinator writes, in German
        confidentiality_text="Was im Tandem gesagt wird, bleibt im Tandem.",
        data_processing_text="Wir speichern Ihr Profil für das Matching.",
    )
    return ns


def test_german_pages_have_no_english_leftovers_doubled_full_stops_or_stray_spaces(
    world, client_for, coordinator, mentee
):
    from tandem.enrolment.tests.factories import form_data

    ns, pages = world, {}
    staff = client_for(coordinator)
    for name, args in (
        ("home:home", []),
        ("programs:program_list", []),
        ("programs:cohort_detail", [ns.cohort.pk]),
        ("programs:cohort_edit", [ns.open.pk]),
        ("programs:cohort_charter", [ns.open.pk]),
        ("programs:cohort_overview", [ns.cohort.pk]),
        ("programs:cohort_events", [ns.cohort.pk]),
        ("matching:review", [ns.cohort.pk]),
        ("enrolment:cohort_invitations", [ns.open.pk]),
        ("people:list", []),
        ("people:detail", [ns.mentee.person.pk]),
        ("people:import_upload", []),
        ("topics:list", []),
    ):
        pages[name] = german(staff, reverse(name, args=args))
    pages["invitation preview"] = german(
        staff,
        reverse("enrolment:cohort_invitations_preview", args=[ns.open.pk]),
        {"person": [ns.mentee.person.pk], "scope": "selected"},
    )
    participant = client_for(mentee)
    for name, args in (
        ("home:home", []),
        ("enrolment:my_cohorts", []),
        ("enrolment:enrolment_detail", [ns.mentee.pk]),
        ("enrolment:enrol", [ns.open.pk]),
        ("tandems:mine", []),
    ):
        pages[f"participant {name}"] = german(participant, reverse(name, args=args))
    pages["consent without the tick"] = german(
        participant, reverse("enrolment:consent", args=[ns.mentee.pk]), {"charter_version": "2"}
    )
    data = form_data(needs=[(ns.topic, 5, 3)], charter_version=None, motivation="Ich lerne gern.")
    data["charter_version"] = "1"  # the box is not ticked
    pages["enrolment form with errors"] = german(
        participant, reverse("enrolment:enrol", args=[ns.open.pk]), data
    )
    report = [f"{name}: {p}" for name, page in pages.items() for p in problems(page)]
    assert report == []


def test_the_reasons_for_the_unmatched_are_german_on_the_matching_page(world, client_for):
    page = visible_text(german(client_for(world.cohort.coordinator), reverse(
        "matching:review", args=[world.cohort.pk])))  # fmt: skip
    assert "1 steht in der Berichtslinie (bei 1 davon nur das)." in page
    assert "reporting line" not in page


def test_the_enrolment_summary_names_the_charter_without_a_doubled_full_stop(world, client_for):
    from tandem.enrolment.tests.factories import form_data

    data = form_data(needs=[(world.topic, 1, 3)], charter_version=None)
    data["charter_version"] = "1"  # the box is not ticked
    mentor = world.mentor.person
    from tandem.people.tests.factories import UserFactory

    page = visible_text(german(client_for(UserFactory(email=mentor.email)), reverse(
        "enrolment:enrol", args=[world.open.pk]), data))  # fmt: skip
    # The charter's German name carries a soft hyphen for narrow screens.
    assert "Vertraulichkeitsvereinbarung: Bitte lesen Sie" in page.replace("\u00ad", "")
    assert ".:" not in page


def test_the_invitation_preview_ends_its_sentence_without_a_stray_space(world, client_for):
    page = visible_text(german(client_for(world.open.coordinator), reverse(
        "enrolment:cohort_invitations_preview", args=[world.open.pk]),
        {"person": [world.mentee.person.pk], "scope": "selected"}))  # fmt: skip
    assert "Sie sind dabei, 1 Person einzuladen." in page


def test_the_enrolment_funnel_counts_one_mentor_in_the_singular(world, client_for):
    page = visible_text(german(client_for(world.cohort.coordinator), reverse(
        "programs:cohort_overview", args=[world.cohort.pk])))  # fmt: skip
    assert "1 Mentor/in, 2 Mentees, 0 beides" in page
    with translation.override("en"):
        english = visible_text(client_for(world.cohort.coordinator).get(reverse(
            "programs:cohort_overview", args=[world.cohort.pk]), HTTP_ACCEPT_LANGUAGE="en",
        ).content.decode())  # fmt: skip
    assert "1 mentor, 2 mentees, 0 either" in english


def test_no_help_text_shows_a_requirement_code(world, client_for):
    staff = client_for(world.open.coordinator)
    for language in ("de", "en"):
        for name in ("programs:cohort_edit", "programs:cohort_charter", "programs:cohort_close"):
            page = staff.get(
                reverse(name, args=[world.open.pk]), HTTP_ACCEPT_LANGUAGE=language
            ).content.decode()
            assert not re.search(r"\(R\d+\)", visible_text(page)), (name, language)


def test_the_german_catalogue_has_no_requirement_codes():
    from django.conf import settings

    catalogue = (settings.PACKAGE_DIR / "locale/de/LC_MESSAGES/django.po").read_text()
    assert re.findall(r'^(?:msgid|msgstr|").*\(R\d+\).*$', catalogue, flags=re.M) == []


def test_the_admin_shows_german_app_names(client_for, superuser):
    page = visible_text(german(client_for(superuser), "/admin/"))
    for german_name in ("Protokoll", "Personen", "Programme", "Tandems"):
        assert german_name in page
    for english_name in ("Core", "People", "Programs"):
        assert not re.search(rf"\b{english_name}\b", page)


def admin_models() -> set:
    models = set()
    for model, model_admin in admin.site._registry.items():
        if model.__module__.startswith("tandem."):
            models.add(model)
            models.update(inline.model for inline in model_admin.inlines)
    return models


def test_every_app_model_and_field_the_admin_shows_has_a_german_name():
    catalogue = trans_real.translation("de")._catalog

    def translated(name: object) -> bool:
        with translation.override("en"):
            return isinstance(name, Promise) and str(name) in catalogue

    missing = []
    for model in admin_models():
        meta = model._meta
        if not translated(meta.app_config.verbose_name):
            missing.append(meta.app_label)
        missing += [
            f"{meta.label}.{attr}"
            for attr in ("verbose_name", "verbose_name_plural")
            if not translated(getattr(meta, attr))
        ]
        missing += [
            f"{meta.label}.{field.name}"
            for field in meta.get_fields()
            if not field.auto_created  # neither the id nor a reverse relation
            and (field.concrete or field.many_to_many)
            and not translated(field.verbose_name)
        ]
    assert sorted(set(missing)) == []


def test_admin_lists_and_forms_are_german(world, client_for, superuser):
    staff = client_for(superuser)
    report = []
    for model in admin_models():
        meta = model._meta
        if not admin.site.is_registered(model):
            continue
        urls = [reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")]
        first = model.objects.first()
        if first is not None:
            urls.append(
                reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[first.pk])
            )
        report += [f"{url}: {p}" for url in urls for p in problems(german(staff, url))]
    assert report == []


def test_the_german_catalogue_calls_a_cohort_durchgang_throughout():
    from pathlib import Path

    catalogue = Path(__file__).resolve().parents[2] / "locale" / "de" / "LC_MESSAGES" / "django.po"
    translations = [
        line for line in catalogue.read_text(encoding="utf-8").splitlines()
        if not line.startswith(("msgid", "#"))
    ]  # fmt: skip
    assert not [line for line in translations if "Kohorte" in line]

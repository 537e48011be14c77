"""Career levels by name: the import creates unknown names without a rank; coordinators rank them
(services, the Career levels page, `import-people --levels`)."""

from __future__ import annotations

import importlib
import io

import pytest
from django.apps import apps as global_apps
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from tandem.core.models import AuditEvent
from tandem.people.importing.services import people_import
from tandem.people.levels.services import (
    career_level_move,
    career_levels_set_order,
    career_levels_set_ranks,
    order_problems,
)
from tandem.people.models import CareerLevel, Person
from tandem.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

HEADER = "Personalnummer;Vorname;Nachname;E-Mail;Karrierestufe"
NAMED = (
    f"{HEADER}\n"
    "E1;Vera;Vorstand;vera@example.com;Vorstand\n"
    "E2;Dirk;Direktor;dirk@example.com;Direktor\n"
    "E3;Fabi;Fach;fabi@example.com;Fachkraft\n"
    "E4;Frida;Fach;frida@example.com;fachkraft\n"
)


def run(text: str, **options):
    return people_import(data=text.encode(), filename="hr.csv", actor=None, **options)


def levels() -> dict[str, int | None]:
    return dict(CareerLevel.objects.values_list("name", "rank"))


def person(employee_id: str) -> Person:
    return Person.objects.get(employee_id=employee_id)


def test_level_names_on_a_fresh_installation_create_levels_without_a_rank():
    report = run(NAMED)
    assert report.errors == []
    assert report.written
    assert levels() == {"Vorstand": None, "Direktor": None, "Fachkraft": None}
    assert report.new_levels == ["Direktor", "Fachkraft", "Vorstand"]
    assert any("'Direktor', 'Fachkraft', 'Vorstand'" in w and "rank" in w for w in report.warnings)
    vera = person("E1")
    assert (vera.level.name, vera.career_level, vera.level_unranked) == ("Vorstand", None, True)
    # One level per name, whatever the case of each row.
    assert person("E4").level == person("E3").level


def test_a_second_import_reminds_that_its_levels_have_no_rank_yet():
    run(NAMED)
    report = run(NAMED)
    assert report.new_levels == []
    assert report.warnings == [
        "The career levels 'Direktor', 'Fachkraft', 'Vorstand' have no rank yet; put the levels "
        "in order (People → Career levels, or --levels on the command line)."
    ]
    career_levels_set_order(names=["Fachkraft", "Direktor", "Vorstand"], actor=None)
    assert run(NAMED).warnings == []


def test_a_dry_run_reports_the_new_levels_but_creates_none():
    report = run(NAMED, dry_run=True)
    assert report.errors == [] and report.new_levels == ["Direktor", "Fachkraft", "Vorstand"]
    assert not CareerLevel.objects.exists()


def test_a_known_name_gives_its_rank_and_a_number_its_named_level():
    senior = CareerLevel.objects.create(name="Senior", rank=3)
    report = run(f"{HEADER}\nE1;Ann;A;ann@example.com;SENIOR\nE2;Bo;B;bo@example.com;3\n")
    assert report.new_levels == []
    assert [(p.level, p.career_level) for p in (person("E1"), person("E2"))] == [(senior, 3)] * 2


def test_a_number_that_is_no_rank_is_still_refused():
    report = run(f"{HEADER}\nE1;Ann;A;ann@example.com;2,5\n")
    assert [e.message for e in report.errors] == [
        "unknown career level '2,5'; use a whole number from 1 (entry level) upwards, "
        "or the name of the level"
    ]


def test_ranking_the_levels_gives_their_people_the_rank_and_is_audited(coordinator):
    run(NAMED)
    career_levels_set_order(names=["fachkraft", "Direktor", "Vorstand"], actor=coordinator)
    assert levels() == {"Fachkraft": 1, "Direktor": 2, "Vorstand": 3}
    assert [person(e).career_level for e in ("E1", "E2", "E3", "E4")] == [3, 2, 1, 1]
    assert not person("E1").level_unranked
    event = AuditEvent.objects.get(action="people.career_levels_rank")
    assert event.data["ranks"] == {"Fachkraft": 1, "Direktor": 2, "Vorstand": 3}
    # Reversing the order swaps ranks despite the unique constraint.
    career_levels_set_order(names=["Vorstand", "Direktor", "Fachkraft"], actor=coordinator)
    assert [person(e).career_level for e in ("E1", "E2", "E3")] == [1, 2, 3]


def test_an_order_with_duplicates_unknown_or_missing_levels_is_refused_whole():
    assert order_problems(names=["A", "a", "C", ""], known=["A", "B"]) == [
        "The career level 'a' is listed twice; list each level once.",
        "'C' is not a career level (known levels: A, B); check the spelling.",
        "The list of career levels contains an empty name; remove it.",
        "The order must list every career level, but these are missing: B. "
        "Add them where they belong.",
    ]
    CareerLevel.objects.create(name="A")
    with pytest.raises(ValidationError):
        career_levels_set_order(names=["A", "A"], actor=None)
    assert levels() == {"A": None}


def test_two_levels_cannot_share_a_rank():
    a = CareerLevel.objects.create(name="A", rank=1)
    b = CareerLevel.objects.create(name="B")
    with pytest.raises(ValidationError, match="both have rank 1"):
        career_levels_set_ranks(ranks={b.pk: 1}, actor=None)
    career_levels_set_ranks(ranks={a.pk: None, b.pk: 1}, actor=None)
    assert levels() == {"A": None, "B": 1}


def test_people_with_a_bare_number_follow_the_level_of_that_rank():
    level = CareerLevel.objects.create(name="Senior", rank=3)
    bare = PersonFactory(career_level=3)
    career_levels_set_ranks(ranks={level.pk: 5}, actor=None)
    bare.refresh_from_db()
    assert (bare.level, bare.career_level) == (level, 5)


def test_moving_a_level_up_or_down_renumbers_the_ranked_levels():
    low = CareerLevel.objects.create(name="Low", rank=2)
    high = CareerLevel.objects.create(name="High", rank=7)
    new = CareerLevel.objects.create(name="New")
    career_level_move(level=new, up=True, actor=None)
    assert levels() == {"Low": 1, "High": 2, "New": 3}
    career_level_move(level=high, up=False, actor=None)
    assert levels() == {"High": 1, "Low": 2, "New": 3}
    career_level_move(level=low, up=True, actor=None)
    assert levels() == {"High": 1, "New": 2, "Low": 3}


def test_the_migration_links_people_to_the_named_level_of_their_number():
    migration = importlib.import_module("tandem.people.migrations.0004_career_level_names")
    level = CareerLevel.objects.create(name="Senior", rank=3)
    linked = PersonFactory(career_level=3)
    other = PersonFactory(career_level=4)
    migration.link_people_to_levels(global_apps, None)
    linked.refresh_from_db()
    other.refresh_from_db()
    assert (linked.level, other.level) == (level, None)


# --- the command ---------------------------------------------------------------------------


def command(*args: str) -> tuple[str, str, int]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_people", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        assert isinstance(exc.code, int)  # the command exits with a status number
        code = exc.code
    return out.getvalue(), err.getvalue(), code


@pytest.fixture
def named_file(tmp_path):
    path = tmp_path / "hr.csv"
    path.write_text(NAMED, encoding="utf-8")
    return str(path)


def test_levels_option_ranks_the_levels_lowest_first(named_file):
    out, err, code = command(named_file, "--levels", "Fachkraft, Direktor,Vorstand")
    assert (code, err) == (0, "")
    expected = "Career levels from the lowest to the highest: 1 Fachkraft, 2 Direktor, 3 Vorstand"
    assert expected in out
    assert [person(e).career_level for e in ("E1", "E2", "E3")] == [3, 2, 1]


def test_with_json_output_the_order_goes_to_stderr(named_file):
    import json

    out, err, code = command(
        named_file, "--format", "json", "--levels", "Fachkraft,Direktor,Vorstand"
    )
    assert code == 0
    assert json.loads(out)["written"] is True
    assert "1 Fachkraft, 2 Direktor, 3 Vorstand" in err


@pytest.mark.parametrize(
    ("order", "message"),
    [
        ("Fachkraft,Direktor,Vorstand,Praktikant", "'Praktikant' is not a career level"),
        ("Fachkraft,Direktor,Fachkraft,Vorstand", "'Fachkraft' is listed twice"),
        ("Fachkraft,Vorstand", "these are missing: Direktor"),
    ],
)
def test_a_wrong_levels_list_writes_nothing_and_exits_1(named_file, order, message):
    _out, err, code = command(named_file, "--levels", order)
    assert code == 1
    assert message in err
    assert "Nothing was written" in err
    assert not Person.objects.exists() and not CareerLevel.objects.exists()


def test_a_dry_run_checks_the_levels_list_against_the_levels_the_file_creates(named_file):
    _out, err, code = command(named_file, "--dry-run", "--levels", "Fachkraft,Direktor")
    assert code == 1 and "these are missing: Vorstand" in err
    _out, err, code = command(named_file, "--dry-run", "--levels", "Fachkraft,Direktor,Vorstand")
    assert (code, err) == (0, "")
    assert not CareerLevel.objects.exists()


# --- the page ------------------------------------------------------------------------------


URL = "/people/career-levels/"


def test_the_career_levels_url():
    assert reverse("people:career_levels") == URL


@pytest.mark.parametrize("who", ["mentee", "mentor", "sponsor", "outsider"])
def test_only_coordinators_may_open_or_change_the_career_levels(request, client_for, who):
    level = CareerLevel.objects.create(name="A")
    client = client_for(request.getfixturevalue(who))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {f"rank-{level.pk}": "1"}).status_code == 403
    move = reverse("people:career_level_move", args=[level.pk])
    assert client.post(move, {"direction": "up"}).status_code == 403
    assert levels() == {"A": None}


def test_anonymous_visitors_are_sent_to_the_login(client):
    level = CareerLevel.objects.create(name="A")
    for response in (
        client.get(URL),
        client.post(URL, {f"rank-{level.pk}": "1"}),
        client.post(reverse("people:career_level_move", args=[level.pk])),
    ):
        assert response.status_code == 302 and "login" in response["Location"]
    assert levels() == {"A": None}


@pytest.mark.parametrize("who", ["coordinator", "superuser"])
def test_coordinators_and_superusers_rank_the_levels_on_the_page(request, client_for, who):
    a = CareerLevel.objects.create(name="Fachkraft")
    b = CareerLevel.objects.create(name="Direktor")
    PersonFactory(level=a)
    client = client_for(request.getfixturevalue(who))
    page = client.get(URL).content.decode()
    assert "Fachkraft" in page and "2 career levels have no rank yet" in page
    response = client.post(URL, {f"rank-{a.pk}": "1", f"rank-{b.pk}": "4"}, follow=True)
    assert "The order of the career levels is saved." in response.content.decode()
    assert levels() == {"Fachkraft": 1, "Direktor": 4}
    assert Person.objects.get(level=a).career_level == 1
    client.post(reverse("people:career_level_move", args=[a.pk]), {"direction": "up"})
    assert levels() == {"Direktor": 1, "Fachkraft": 2}


def test_the_page_explains_a_wrong_rank_and_changes_nothing(client_for, coordinator):
    a = CareerLevel.objects.create(name="A")
    b = CareerLevel.objects.create(name="B")
    client = client_for(coordinator)
    page = client.post(URL, {f"rank-{a.pk}": "2", f"rank-{b.pk}": "2"}).content.decode()
    assert "&#x27;B&#x27; and &#x27;A&#x27; both have rank 2" in page or "both have rank 2" in page
    page = client.post(URL, {f"rank-{a.pk}": "x", f"rank-{b.pk}": ""}).content.decode()
    assert "must be a whole number from 1 upwards, or empty" in page
    assert levels() == {"A": None, "B": None}


def test_an_import_preview_with_new_levels_links_to_the_career_levels_page(client_for, coordinator):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(coordinator)
    file = SimpleUploadedFile("hr.csv", NAMED.encode(), content_type="text/csv")
    response = client.post(reverse("people:import_upload"), {"file": file}, follow=True)
    page = response.content.decode()
    assert "created without a rank" in page
    assert f'href="{URL}"' in page


def test_the_directory_shows_an_unranked_level_by_name(client_for, coordinator):
    fach = PersonFactory(last_name="Fach", level=CareerLevel.objects.create(name="Fachkraft"))
    client = client_for(coordinator)
    assert "Fachkraft (not ranked yet)" in client.get("/people/?q=Fach").content.decode()
    assert "Fachkraft (not ranked yet)" in client.get(f"/people/{fach.pk}/").content.decode()


def test_without_levels_the_page_says_where_they_come_from(client_for, coordinator):
    page = client_for(coordinator).get(URL).content.decode()
    assert "No career levels are defined yet." in page


def test_the_page_lists_the_most_senior_level_first_with_the_arrows_that_cannot_move_disabled(
    client_for, coordinator
):
    import re

    CareerLevel.objects.all().delete()
    CareerLevel.objects.create(name="Fachkraft", rank=1)
    CareerLevel.objects.create(name="Vorstand", rank=3)
    CareerLevel.objects.create(name="Direktor", rank=2)
    CareerLevel.objects.create(name="Neu", rank=None)
    html = client_for(coordinator).get(URL).content.decode()
    names = re.findall(r'<label for="id_rank-\d+">([^<]+)</label>', html)
    assert names == ["Vorstand", "Direktor", "Fachkraft", "Neu"]
    disabled = re.findall(r'value="(up|down)" disabled aria-label="Move “(\w+)”', html)
    assert sorted(disabled) == [("down", "Fachkraft"), ("up", "Vorstand")]

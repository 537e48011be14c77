"""The demo company is realistic and reproducible (pure: no database)."""

from __future__ import annotations

from collections import Counter

from tandem.demo.company import CAREER_LEVELS, build_company
from tandem.people.normalize import email_key
from tandem.people.reporting_line import find_cycle


def test_the_same_seed_gives_the_same_company():
    assert build_company(seed=7) == build_company(seed=7)
    assert build_company(seed=7) != build_company(seed=8)


def test_about_600_people_in_six_levels_from_board_to_apprentices():
    people = build_company()
    assert 550 <= len(people) <= 700
    levels = Counter(p.career_level for p in people)
    assert set(levels) == set(CAREER_LEVELS) == {1, 2, 3, 4, 5, 6}
    assert levels[6] == 4  # the board
    assert levels[1] >= 50  # enough digital natives to mentor


def test_several_sites_and_international_names_with_umlauts():
    people = build_company()
    assert len({p.location for p in people}) >= 5
    names = " ".join(f"{p.first_name} {p.last_name}" for p in people)
    assert any(ch in names for ch in "äöüß")
    assert any(ch in names for ch in "ıłşćØ")


def test_ids_and_emails_are_unique_and_managers_exist_without_cycles():
    people = build_company()
    ids = [p.employee_id for p in people if p.employee_id]
    assert len(ids) == len(set(ids))
    assert len({email_key(p.email) for p in people}) == len(people)
    assert all(p.email.isascii() for p in people)
    known = set(ids)
    assert all(p.manager_id in known for p in people if p.manager_id)
    tops = [p for p in people if p.manager_id is None and p.kind == "employee"]
    assert len(tops) == 1  # only the CEO reports to nobody
    assert find_cycle({p.employee_id or p.email: p.manager_id for p in people}) is None


def test_alumni_have_no_employee_id():
    alumni = [p for p in build_company() if p.kind == "alumnus"]
    assert alumni and all(p.employee_id is None for p in alumni)

"""The instance file format: every malformed input is refused naming the field. No database."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tandem.matching.engine import Edge, Instance, InstanceError, Participant, fileformat, solve
from tandem.matching.engine.fileformat import load_problem, solution_json
from tandem.matching.engine.solve import solve_problem


def document(**changes) -> dict:
    doc = {
        "mentees": [{"id": "anna"}, {"id": "ben", "capacity": 2}],
        "mentors": [{"id": "xaver", "capacity": 1}, {"id": "yusuf"}],
        "edges": [
            {"mentee": "anna", "mentor": "xaver", "score": 80},
            {"mentee": "ben", "mentor": "xaver", "score": 70.5},
            {"mentee": "ben", "mentor": "yusuf", "score": 0},
        ],
    }
    doc.update(changes)
    return doc


def error_of(doc: object) -> InstanceError:
    data = doc if isinstance(doc, str) else json.dumps(doc)
    with pytest.raises(InstanceError) as caught:
        load_problem(data)
    return caught.value


def test_a_valid_file_is_read_into_arrays_with_default_capacity_1():
    problem = load_problem(json.dumps(document(pinned=[["ben", "yusuf"]])).encode())
    assert problem.mentee_ids == ("anna", "ben") and problem.mentor_ids == ("xaver", "yusuf")
    assert problem.mentee_capacity.tolist() == [1, 2]
    assert problem.mentor_capacity.tolist() == [1, 1]
    assert problem.edge_mentee.tolist() == [0, 1, 1]
    assert problem.edge_mentor.tolist() == [0, 0, 1]
    assert problem.edge_score.tolist() == [80.0, 70.5, 0.0]
    assert problem.pinned.tolist() == [2]


def test_the_answer_has_the_documented_shape():
    answer = json.loads(solution_json(solve_problem(load_problem(json.dumps(document())))))
    assert answer == {
        "pairs": [
            {"mentee": "anna", "mentor": "xaver", "score": 80},
            {"mentee": "ben", "mentor": "yusuf", "score": 0},
        ],
        "total_score": 80,
        "matched": 2,
        "optimal": True,
        "bound": 80,
        "unmatched": {"mentees": {}, "mentors": {}},
    }


def people(side: str, *entries: object) -> dict:
    return {side: list(entries)}


def edge(mentee: object = "anna", mentor: object = "xaver", score: object = 50) -> dict:
    return {"mentee": mentee, "mentor": mentor, "score": score}


@pytest.mark.parametrize(
    ("doc", "field", "text"),
    [
        ('{\n  "mentees": [,]\n}', "json", "invalid JSON at line 2, column 15: Expecting value"),
        ("[]", "json", "top level must be an object"),
        (document(forbiden=[]), "forbiden", "unknown key"),
        ({"mentees": [], "mentors": []}, "edges", "missing"),
        (document(edges={}), "edges", "must be a list"),
        (document(**people("mentees", {"id": "a"}, "b")), "mentees[1]", "must be an object"),
        (document(**people("mentees", {"name": "a"})), "mentees[0].id", "missing"),
        (document(**people("mentors", {"id": 7})), "mentors[0].id", "non-empty string, got 7"),
        (document(**people("mentors", {"id": ""})), "mentors[0].id", "non-empty string"),
        (
            document(**people("mentees", {"id": "a"}, {"id": "b"}, {"id": "a"})),
            "mentees[2].id",
            "duplicate mentee id 'a' (already mentees[0])",
        ),
        (
            document(**people("mentors", {"id": "x", "capacity": -1})),
            "mentors[0].capacity",
            "got -1",
        ),
        (document(**people("mentors", {"id": "x", "capacity": 1.5})), "mentors[0].capacity", "1.5"),
        (document(**people("mentees", {"id": "a", "capacity": True})), "mentees[0].capacity", ""),
        (document(edges=[edge(), 3]), "edges[1]", "must be an object"),
        (
            document(edges=[edge(), {"mentee": "anna", "mentor": "yusuf"}]),
            "edges[1].score",
            "missing",
        ),
        (document(edges=[edge(mentee="zoe")]), "edges[0].mentee", "unknown mentee id 'zoe'"),
        (document(edges=[edge(), edge(mentor=None)]), "edges[1].mentor", "missing"),
        (document(edges=[edge(mentor=["x"])]), "edges[0].mentor", "must be a string"),
        (document(edges=[edge(score="high")]), "edges[0].score", "between 0 and 100, got 'high'"),
        (document(edges=[edge(score=100.5)]), "edges[0].score", "between 0 and 100"),
        (document(edges=[edge(score=-1)]), "edges[0].score", "between 0 and 100"),
        (document(edges=[edge(score=True)]), "edges[0].score", "got True"),
        (document(edges=[edge(score=None)]), "edges[0].score", "got nothing"),
        (
            document(edges=[edge(), edge("ben"), edge(score=3)]),
            "edges[2]",
            "duplicate pair 'anna'–'xaver' (already edges[0])",
        ),
        (document(forbidden=[["anna"]]), "forbidden[0]", "must be a pair"),
        (document(forbidden=[["anna", "zed"]]), "forbidden[0][1]", "unknown mentor id 'zed'"),
        (document(pinned="anna"), "pinned", "must be a list"),
        (document(pinned=[["anna", "yusuf"]]), "pinned[0]", "not a feasible pair"),
        (
            document(pinned=[["anna", "xaver"], ["ben", "xaver"]]),
            "pinned[1]",
            "mentor 'xaver' has more pinned pairs (2) than capacity (1)",
        ),
    ],
)
def test_malformed_input_is_refused_naming_the_field(doc, field, text):
    error = error_of(doc)
    assert error.field == field
    assert str(error).startswith(f"{field}: ")
    assert text in str(error)


def test_nan_and_huge_scores_are_refused():
    assert error_of('{"mentees": [{"id": "a"}], "mentors": [{"id": "b"}], '
                    '"edges": [{"mentee": "a", "mentor": "b", "score": NaN}]}'
                    ).field == "edges[0].score"  # fmt: skip
    huge = document(edges=[edge(score=10**400)])
    assert error_of(huge).field == "edges[0].score"


def test_not_utf8_is_refused():
    with pytest.raises(InstanceError, match="not UTF-8"):
        load_problem(b'{"mentees": ["\xff"]}')


def test_the_instance_api_validates_the_same_way():
    instance = Instance(
        (Participant("a"),),
        (Participant("b"),),
        (Edge("a", "b", 50), Edge("a", "c", 50)),
    )
    with pytest.raises(InstanceError) as caught:
        solve(instance)
    assert str(caught.value) == "edges[1].mentor: unknown mentor id 'c'; list it under mentors."


def test_a_forbidden_pair_without_an_edge_is_harmless():
    problem = load_problem(json.dumps(document(forbidden=[["anna", "yusuf"]])))
    assert not np.any(problem.forbidden)


def _standard_reading(data: bytes) -> object:
    """What the file means to the standard library's `json` (the reference of every reading)."""
    try:
        problem = fileformat._problem(fileformat._decode(data))
    except InstanceError as exc:
        return str(exc)
    return _arrays(problem)


def _arrays(problem) -> tuple:
    return (
        problem.mentee_ids,
        problem.mentor_ids,
        *(
            getattr(problem, name).tolist()
            for name in (
                "mentee_capacity",
                "mentor_capacity",
                "edge_mentee",
                "edge_mentor",
                "edge_score",
                "pinned",
                "forbidden",
            )
        ),
    )


def _reading(data: bytes) -> object:
    try:
        return _arrays(load_problem(data))
    except InstanceError as exc:
        return str(exc)


ids = st.sampled_from(["a", "b", "c", "", "ä", 7, None, 10**20, ["a"]])
values: st.SearchStrategy[object] = st.one_of(
    st.integers(-3, 3),
    st.sampled_from([10**20, -(10**25), 1.5, 100, 100.5, "high", None, True, [], {}]),
    st.floats(0, 100),
)
person = st.fixed_dictionaries({"id": ids}, optional={"capacity": values, "note": values})
edge_entry = st.fixed_dictionaries(
    {"mentee": ids, "mentor": ids, "score": values}, optional={"extra": values}
)
pair = st.lists(ids, min_size=1, max_size=3)
instance = st.fixed_dictionaries(
    {
        "mentees": st.lists(person, max_size=3),
        "mentors": st.lists(person, max_size=3),
        "edges": st.lists(st.one_of(edge_entry, values), max_size=5),
    },
    optional={
        "pinned": st.lists(pair, max_size=2),
        "forbidden": st.lists(pair, max_size=2),
        "other": values,
    },
)


@settings(max_examples=300)  # the fast reader's corner cases are many and cheap
@given(doc=st.one_of(instance, values, st.lists(values)))
def test_the_fast_reading_means_exactly_what_the_standard_json_reading_means(doc):
    data = json.dumps(doc).encode()
    assert _reading(data) == _standard_reading(data)


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf" + json.dumps(document()).encode(),  # a byte-order mark
        json.dumps(document()).encode("utf-16"),
        json.dumps(document(edges=[edge(score=1e400)])).encode(),  # read by json as infinity
        b'{"mentees": [{"id": "a"}, {"id": "b"}], "mentors": [{"id": "x"}], '
        b'"edges": [{"mentee": "a", "mentor": "x", "score": 5, "mentee": "b"}]}',  # last key wins
        b'{"mentees": [{"id": "\\ud800"}], "mentors": [], "edges": []}',  # a lone surrogate
        b'{"mentees": [], "mentors": [], "edges": [], "pinned": [], "pinned": 3}',
    ],
)
def test_files_the_fast_reader_refuses_are_read_as_the_standard_library_reads_them(data):
    assert _reading(data) == _standard_reading(data)


def test_a_valid_file_is_read_without_the_standard_library_reader(monkeypatch):
    def refuse(data):
        raise AssertionError("the fast reading should have been enough")

    monkeypatch.setattr(fileformat, "_decode", refuse)
    problem = load_problem(json.dumps(document(pinned=[["ben", "yusuf"]])).encode())
    assert problem.pinned.tolist() == [2]

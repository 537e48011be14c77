"""The instance file of `tandem solve-matching` (JSON) and its JSON answer. No Django.

Input::

    {"mentees": [{"id": "m1", "capacity": 1}, ...],      capacity defaults to 1
     "mentors": [{"id": "t1", "capacity": 2}, ...],
     "edges": [{"mentee": "m1", "mentor": "t1", "score": 87.5}, ...],   score 0–100
     "pinned": [["m1", "t1"], ...],                        optional
     "forbidden": [["m2", "t1"], ...]}                     optional

A pair without an edge is infeasible. The file is parsed once and turned into columns with list
comprehensions and numpy; errors name the field and the position, e.g. ``edges[17].score: must be
a number between 0 and 100, got "high".``

Reading: msgspec decodes the file straight into the small structs below (a third of the time of
`json.loads`, which builds a dict per edge). Its structs check only the shape (objects, lists,
required keys); every value is checked by `build_problem` as before. Whenever msgspec or a check
fails, the file is read again with the standard library's `json` and that reading decides: its
messages, and what it accepts (NaN, a byte-order mark, UTF-16), are exactly those of `json.loads`.
"""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring
from typing import Any

import msgspec

from .problem import Problem, build_problem
from .solve import Solution
from .types import InstanceError

KEYS = ("mentees", "mentors", "edges", "pinned", "forbidden")


class _Person(msgspec.Struct, gc=False):
    id: object
    capacity: object = 1


class _Edge(msgspec.Struct, gc=False):  # other keys are ignored, as by the json reading
    mentee: object
    mentor: object
    score: object


class _Instance(msgspec.Struct, forbid_unknown_fields=True):
    mentees: list[_Person]
    mentors: list[_Person]
    edges: list[_Edge]
    pinned: list[object] = msgspec.field(default_factory=list)
    forbidden: list[object] = msgspec.field(default_factory=list)


_DECODER = msgspec.json.Decoder(_Instance)
REQUIRED = ("mentees", "mentors", "edges")
EDGE_KEYS = ("mentee", "mentor", "score")


def _decode(data: bytes | str) -> object:
    try:
        return json.loads(data)
    except json.JSONDecodeError as exc:
        raise InstanceError(
            "json", f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}."
        ) from None
    except UnicodeDecodeError:
        raise InstanceError("json", "the file is not UTF-8 text.") from None
    except RecursionError:
        raise InstanceError("json", "the file is nested too deeply.") from None


def _list(doc: dict[str, Any], key: str) -> list[Any]:
    value = doc.get(key, [])
    if not isinstance(value, list):
        raise InstanceError(key, f"must be a list, got {type(value).__name__}.")
    return value


def _objects(items: list[Any], name: str, what: str) -> None:
    if not set(map(type, items)) <= {dict}:
        k = next(k for k, item in enumerate(items) if type(item) is not dict)
        raise InstanceError(f"{name}[{k}]", f"must be an object with {what}.")


def _participants(doc: dict[str, Any], side: str) -> tuple[list[Any], list[Any]]:
    people = _list(doc, side)
    _objects(people, side, '"id" and optionally "capacity"')
    try:
        ids = [p["id"] for p in people]
    except KeyError:
        k = next(k for k, p in enumerate(people) if "id" not in p)
        raise InstanceError(f"{side}[{k}].id", "missing; every participant needs an id.") from None
    return ids, [p.get("capacity", 1) for p in people]


def _edge_columns(edges: list[Any]) -> tuple[list[Any], list[Any], list[Any]]:
    try:  # anything but an object fails here with a TypeError, a missing key with a KeyError
        mentees = [e["mentee"] for e in edges]
        mentors = [e["mentor"] for e in edges]
        scores = [e["score"] for e in edges]
    except (KeyError, TypeError):
        _objects(edges, "edges", '"mentee", "mentor" and "score"')
        for k, edge in enumerate(edges):
            for key in EDGE_KEYS:
                if key not in edge:
                    raise InstanceError(f"edges[{k}].{key}", "missing.") from None
        raise  # pragma: no cover - the checks above explain every KeyError and TypeError
    return mentees, mentors, scores


def load_problem(data: bytes | str) -> Problem:
    """Parse and validate an instance file; raise `InstanceError` naming the field."""
    try:
        return _fast_problem(_DECODER.decode(data))
    except (msgspec.MsgspecError, InstanceError):
        pass  # the standard library's reading below gives the message (or accepts the file)
    return _problem(_decode(data))


def _fast_problem(doc: _Instance) -> Problem:
    edges = doc.edges
    return build_problem(
        mentee_ids=[p.id for p in doc.mentees],
        mentee_capacity=[p.capacity for p in doc.mentees],
        mentor_ids=[p.id for p in doc.mentors],
        mentor_capacity=[p.capacity for p in doc.mentors],
        edge_mentee=[e.mentee for e in edges],
        edge_mentor=[e.mentor for e in edges],
        edge_score=[e.score for e in edges],
        pinned=doc.pinned,
        forbidden=doc.forbidden,
    )


def _problem(doc: object) -> Problem:
    if not isinstance(doc, dict):
        raise InstanceError("json", 'the top level must be an object with "mentees", '
                            '"mentors" and "edges".')  # fmt: skip
    unknown = sorted(set(doc) - set(KEYS))
    if unknown:
        raise InstanceError(unknown[0], f"unknown key; expected {', '.join(KEYS)}.")
    for key in REQUIRED:
        if key not in doc:
            raise InstanceError(key, "missing; give a list (it may be empty).")
    mentee_ids, mentee_capacity = _participants(doc, "mentees")
    mentor_ids, mentor_capacity = _participants(doc, "mentors")
    mentees, mentors, scores = _edge_columns(_list(doc, "edges"))
    return build_problem(
        mentee_ids=mentee_ids,
        mentee_capacity=mentee_capacity,
        mentor_ids=mentor_ids,
        mentor_capacity=mentor_capacity,
        edge_mentee=mentees,
        edge_mentor=mentors,
        edge_score=scores,
        pinned=_list(doc, "pinned"),
        forbidden=_list(doc, "forbidden"),
    )


def _number(value: float | None) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return round(value, 6)


def solution_json(solution: Solution) -> str:
    """The answer: pairs (one per line), total_score, matched, optimal, bound, unmatched."""
    result = solution.result
    text = encode_basestring  # the C string encoder of json.dumps
    pairs = ",\n".join(
        f'    {{"mentee": {text(p.mentee)}, "mentor": {text(p.mentor)}, "score": {p.score!r}}}'
        for p in result.pairs
    )
    head = {
        "total_score": _number(result.total_score),
        "matched": result.matched,
        "optimal": result.optimal,
        "bound": _number(result.bound),
        "unmatched": {
            "mentees": solution.unmatched_mentees,
            "mentors": solution.unmatched_mentors,
        },
    }
    body = json.dumps(head, indent=2, ensure_ascii=False)
    opening = '{\n  "pairs": [\n' + pairs + "\n  ],\n" if pairs else '{\n  "pairs": [],\n'
    return opening + body[2:]

"""The session plan's order (pure): examples, and its invariants property-tested against a naive
pairwise rule."""

from __future__ import annotations

import functools

from hypothesis import given
from hypothesis import strategies as st

from tandem.workspace.plan.ordering import (
    GiveBackTopic,
    LearningTopic,
    Slot,
    merge_positions,
    ordered_learning,
    plan_order,
)

levels = st.none() | st.integers(min_value=1, max_value=8)


@st.composite
def learning_topics(draw, max_size: int = 14) -> list[LearningTopic]:
    ids = draw(st.lists(st.integers(1, 60), max_size=max_size, unique=True))
    topics = []
    for topic_id in ids:
        current = draw(levels)
        target = None if current is None else draw(st.integers(current, 8))
        topics.append(
            LearningTopic(
                topic_id=topic_id,
                priority=draw(st.integers(0, 5)),
                current_level=current,
                target_level=target,
                is_competence=draw(st.booleans()),
            )
        )
    return topics


give_back_topics = st.lists(st.integers(100, 160), max_size=8, unique=True).flatmap(
    lambda ids: st.tuples(*[st.integers(0, 5) for _ in ids]).map(
        lambda prios: [GiveBackTopic(i, p) for i, p in zip(ids, prios, strict=True)]
    )
)
meeting_counts = st.integers(min_value=0, max_value=12)


def comes_before(a: LearningTopic, b: LearningTopic) -> int:
    """The documented order, spelt out rule by rule (the naive version of `learning_key`)."""
    a_fundamental = a.is_competence or (a.current_level is not None and a.current_level <= 2)
    b_fundamental = b.is_competence or (b.current_level is not None and b.current_level <= 2)
    if a_fundamental != b_fundamental:
        return -1 if a_fundamental else 1

    def gap(t):
        return t.target_level - t.current_level if t.current_level is not None else 0

    if gap(a) != gap(b):
        return -1 if gap(a) > gap(b) else 1
    if a.priority != b.priority:
        return -1 if a.priority > b.priority else 1
    return -1 if a.topic_id < b.topic_id else (1 if a.topic_id > b.topic_id else 0)


def first_appearances(order) -> list[int]:
    seen: list[int] = []
    for meeting in order.meetings:
        for topic_id in meeting.learning:
            if topic_id not in seen:
                seen.append(topic_id)
    return seen


@given(learning_topics(), give_back_topics, meeting_counts)
def test_every_meeting_gets_an_entry_as_soon_as_there_is_a_topic(learning, give_back, meetings):
    order = plan_order(learning=learning, give_back=give_back, meetings=meetings)
    if not learning and not give_back:
        assert order.meetings == ()
        return
    assert [m.meeting for m in order.meetings] == list(range(1, max(1, meetings) + 1))
    for meeting in order.meetings:
        assert (1 <= len(meeting.learning) <= 2) if learning else meeting.learning == ()
        assert (meeting.give_back is not None) == bool(give_back)
        assert len(set(meeting.learning)) == len(meeting.learning)


@given(learning_topics(), give_back_topics, meeting_counts)
def test_each_topic_appears_or_is_named_as_not_fitting(learning, give_back, meetings):
    order = plan_order(learning=learning, give_back=give_back, meetings=meetings)
    placed = {t for m in order.meetings for t in m.learning}
    assert placed | set(order.unplaced_learning) == {t.topic_id for t in learning}
    assert not placed & set(order.unplaced_learning)
    if len(learning) <= 2 * max(1, meetings):
        assert order.unplaced_learning == ()
    placed_back = {m.give_back for m in order.meetings if m.give_back is not None}
    assert placed_back | set(order.unplaced_give_back) == {t.topic_id for t in give_back}
    if len(give_back) <= max(1, meetings):
        assert order.unplaced_give_back == ()


@given(learning_topics(), give_back_topics, meeting_counts)
def test_topics_first_appear_in_the_documented_order(learning, give_back, meetings):
    order = plan_order(learning=learning, give_back=give_back, meetings=meetings)
    naive = [t.topic_id for t in sorted(learning, key=functools.cmp_to_key(comes_before))]
    assert first_appearances(order) + list(order.unplaced_learning) == naive


@given(learning_topics(), give_back_topics, meeting_counts, st.randoms(use_true_random=False))
def test_the_plan_is_deterministic_whatever_the_input_order(learning, give_back, meetings, rnd):
    first = plan_order(learning=learning, give_back=give_back, meetings=meetings)
    shuffled_learning, shuffled_back = list(learning), list(give_back)
    rnd.shuffle(shuffled_learning)
    rnd.shuffle(shuffled_back)
    again = plan_order(learning=shuffled_learning, give_back=shuffled_back, meetings=meetings)
    assert again == first


@given(learning_topics(max_size=5), st.integers(6, 12))
def test_fewer_topics_than_meetings_come_round_in_turn(learning, meetings):
    order = plan_order(learning=learning, give_back=[], meetings=meetings)
    if not learning:
        return
    cycle = [t.topic_id for t in ordered_learning(learning)]
    assert [m.learning for m in order.meetings] == [
        (cycle[i % len(cycle)],) for i in range(meetings)
    ]


def test_fundamentals_come_before_a_larger_gap_and_a_higher_priority():
    advanced = LearningTopic(1, priority=5, current_level=4, target_level=8)
    foundation = LearningTopic(2, priority=0, current_level=2, target_level=3)
    competence = LearningTopic(3, priority=1, is_competence=True)
    assert [t.topic_id for t in ordered_learning([advanced, foundation, competence])] == [2, 3, 1]


def test_the_larger_gap_comes_first_then_the_higher_priority_then_the_id():
    small_gap = LearningTopic(1, priority=5, current_level=4, target_level=5)
    large_gap = LearningTopic(2, priority=0, current_level=3, target_level=7)
    top = LearningTopic(3, priority=5, current_level=3, target_level=4)
    same_as_top = LearningTopic(4, priority=5, current_level=3, target_level=4)
    ordered = ordered_learning([same_as_top, small_gap, top, large_gap])
    assert [t.topic_id for t in ordered] == [2, 1, 3, 4]


def test_a_topic_named_twice_counts_once_with_its_larger_gap():
    twice = [LearningTopic(7, current_level=5, target_level=6), LearningTopic(7, 2, 3, 8)]
    assert ordered_learning(twice) == [LearningTopic(7, 2, 3, 8)]


def test_more_topics_than_meetings_double_up_in_the_first_meetings():
    topics = [LearningTopic(i, priority=5 - i) for i in range(1, 6)]
    order = plan_order(learning=topics, give_back=[GiveBackTopic(50)], meetings=3)
    assert [m.learning for m in order.meetings] == [(1, 2), (3, 4), (5,)]
    assert [m.give_back for m in order.meetings] == [50, 50, 50]


def test_what_does_not_fit_two_per_meeting_is_named():
    topics = [LearningTopic(i) for i in range(1, 6)]
    order = plan_order(learning=topics, give_back=[GiveBackTopic(8), GiveBackTopic(9)], meetings=1)
    assert order.meetings[0].learning == (1, 2)
    assert order.unplaced_learning == (3, 4, 5)
    assert order.unplaced_give_back == (9,)


def test_only_give_back_topics_still_make_a_plan_and_no_topic_makes_none():
    order = plan_order(
        learning=[], give_back=[GiveBackTopic(8, 1), GiveBackTopic(9, 4)], meetings=3
    )
    assert [(m.learning, m.give_back) for m in order.meetings] == [((), 9), ((), 8), ((), 9)]
    assert plan_order(learning=[], give_back=[], meetings=6).meetings == ()


def test_zero_meetings_still_give_one_entry():
    order = plan_order(learning=[LearningTopic(1)], give_back=[], meetings=0)
    assert len(order.meetings) == 1


@given(
    st.integers(0, 10),
    st.lists(st.integers(1, 25), max_size=8, unique=True).flatmap(st.permutations),
)
def test_merging_keeps_both_orders_and_every_position_it_can(new, kept_positions):
    slots = merge_positions(new=new, kept_positions=kept_positions)
    assert len(slots) == new + len(kept_positions)
    assert [s.index for s in slots if s.kind == "new"] == list(range(new))
    kept_in_plan = [kept_positions[s.index] for s in slots if s.kind == "kept"]
    assert kept_in_plan == sorted(kept_positions)
    all_fit = all(position <= len(slots) for position in kept_positions)
    for place, slot in enumerate(slots, start=1):
        if slot.kind == "kept":
            # Never later than before; exactly there when every old position still exists.
            assert place <= kept_positions[slot.index]
            assert place == kept_positions[slot.index] or not all_fit


def test_merging_puts_kept_entries_back_where_they_were():
    slots = merge_positions(new=3, kept_positions=[9, 2])
    assert slots == [
        Slot("new", 0),
        Slot("kept", 1),
        Slot("new", 1),
        Slot("new", 2),
        Slot("kept", 0),
    ]

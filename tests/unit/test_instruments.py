"""WHO-5 and the burnout item: exact wording, validation with clear messages, scoring, storage and export
round trips, and when each is offered."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wellbeing_app.errors import InvalidInput
from wellbeing_app.instruments import (
    INTERVAL_DAYS,
    InstrumentResult,
    burnout,
    is_due,
    next_due,
    parse_burnout_answer,
    parse_who5_answers,
    validate_answers,
    validate_who5_answers,
    who5,
    who5_percentage,
)

DAY = dt.date(2025, 3, 16)
ID = "0b8f3c1e-6a47-4f43-9a55-0b9c2f1e3d7a"


def test_who5_is_the_1998_form_word_for_word() -> None:
    assert who5.ITEMS == (
        "I have felt cheerful and in good spirits",
        "I have felt calm and relaxed",
        "I have felt active and vigorous",
        "I woke up feeling fresh and rested",
        "My daily life has been filled with things that interest me",
    )
    assert who5.OPTIONS == (
        (5, "All of the time"),
        (4, "Most of the time"),
        (3, "More than half of the time"),
        (2, "Less than half of the time"),
        (1, "Some of the time"),
        (0, "At no time"),
    )
    assert who5.INSTRUCTION.startswith("Please indicate for each of the five statements which is closest")
    assert who5.INSTRUCTION.endswith("Notice that higher numbers mean better well-being.")
    assert "the number 3 in the upper right corner" in who5.EXAMPLE
    assert who5.COLUMN_HEADER == "Over the last two weeks"
    assert "Psychiatric Research Unit" in who5.ATTRIBUTION and "Hillerød" in who5.ATTRIBUTION


def test_burnout_item_is_the_1_0_direction_word_for_word() -> None:
    assert [value for value, _ in burnout.OPTIONS] == [1, 2, 3, 4, 5]
    assert burnout.OPTIONS[0][1] == "I enjoy my work. I have no symptoms of burnout."
    assert burnout.OPTIONS[1][1] == (
        "Occasionally I am under stress, and I don't always have as much energy as I once did, "
        "but I don't feel burned out."
    )
    assert burnout.OPTIONS[2][1] == (
        "I am definitely burning out and have one or more symptoms of burnout, "
        "such as physical and emotional exhaustion."
    )
    assert burnout.OPTIONS[3][1] == (
        "The symptoms of burnout that I'm experiencing won't go away. I think about frustration at work a lot."
    )
    assert burnout.OPTIONS[4][1] == (
        "I feel completely burned out and often wonder if I can go on. I am at the point where I may need "
        "some changes or may need to seek some sort of help."
    )
    assert (
        burnout.STEM
        == "Overall, based on your definition of burnout, how would you rate your level of burnout?"
    )
    assert "Schmoldt" in burnout.ATTRIBUTION and "Dolan" in burnout.ATTRIBUTION
    assert burnout.statement(5) == burnout.OPTIONS[4][1]


@pytest.mark.parametrize(
    ("text", "answers"), [("3,4,5,2,1", (3, 4, 5, 2, 1)), (" 0, 0,0 ,5,5 ", (0, 0, 0, 5, 5))]
)
def test_who5_answers_parse(text: str, answers: tuple[int, ...]) -> None:
    assert parse_who5_answers(text) == answers


@pytest.mark.parametrize(
    ("text", "in_message"),
    [
        ("3,4,5,2", "Got 4"),
        ("3,4,5,2,1,0", "Got 6"),
        ("3,4,5,2,6", "Answer 5 is 6"),
        ("3,4,-1,2,1", "Answer 3 is '-1'"),
        ("3,x,5,2,1", "Answer 2 is 'x'"),
        ("3,4,5,2,1.0", "Answer 5 is '1.0'"),
        ("3,4,,2,1", "Answer 3 is ''"),
        ("", "Answer 1 is ''"),
        ("３,4,5,2,1", "Answer 1 is '３'"),
    ],
)
def test_invalid_who5_answers_name_the_field_and_the_range(text: str, in_message: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_who5_answers(text)
    assert caught.value.field == "answers"
    assert in_message in str(caught.value)
    assert "from 0 to 5" in str(caught.value)
    assert caught.value.exit_code == 2


@pytest.mark.parametrize("answers", [[True, 1, 1, 1, 1], [1.0, 1, 1, 1, 1], ["1", 1, 1, 1, 1], [1, 1, 1, 1]])
def test_who5_validation_takes_whole_numbers_only(answers: list[object]) -> None:
    with pytest.raises(InvalidInput):
        validate_who5_answers(answers)


@pytest.mark.parametrize("text", ["0", "6", "x", "", "2.5", "-1", "10"])
def test_invalid_burnout_answers_name_the_field_and_the_range(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_burnout_answer(text)
    assert caught.value.field == "answer"
    assert "from 1 to 5" in str(caught.value)


def test_burnout_answer_parses() -> None:
    assert parse_burnout_answer(" 3 ") == 3


def test_burnout_has_exactly_one_answer() -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_answers("burnout", [3, 3])
    assert caught.value.field == "answer"


@pytest.mark.parametrize(("raw", "percentage"), [(0, 0), (7, 28), (12, 48), (13, 52), (25, 100)])
def test_who5_percentage_is_raw_times_4(raw: int, percentage: int) -> None:
    assert who5_percentage(raw) == percentage


@pytest.mark.parametrize("raw", [-1, 26, True])
def test_who5_percentage_refuses_impossible_totals(raw: int) -> None:
    with pytest.raises(InvalidInput):
        who5_percentage(raw)


def test_new_result_scores_and_gets_a_uuid4() -> None:
    result = InstrumentResult.new("who5", [3, 4, 5, 2, 1], DAY)
    assert result.score == 15 and result.who5_percentage == 60
    assert uuid.UUID(result.id).version == 4
    single = InstrumentResult.new("burnout", [4], DAY, id=ID)
    assert (single.id, single.score, single.who5_percentage) == (ID, 4, None)


def test_export_dict_has_exactly_the_issues_fields() -> None:
    result = InstrumentResult.new("who5", [3, 4, 5, 2, 1], DAY, id=ID)
    exported = result.to_export_dict()
    assert exported == {
        "id": ID,
        "date": "2025-03-16",
        "kind": "who5",
        "answers": [3, 4, 5, 2, 1],
        "score": 15,
    }
    assert InstrumentResult.from_export_dict(json.loads(json.dumps(exported))) == result
    assert InstrumentResult.from_payload(result.to_payload()) == result


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"score": 14}, "score"),
        ({"score": True}, "score"),
        ({"score": "15"}, "score"),
        ({"kind": "phq9"}, "kind"),
        ({"date": "16/03/2025"}, "date"),
        ({"date": None}, "date"),
        ({"id": "not-a-uuid"}, "id"),
        ({"id": 5}, "id"),
        ({"answers": "3,4,5,2,1"}, "answers"),
        ({"answers": [3, 4, 5, 2, 9]}, "answers"),
        ({"kind": "burnout"}, "answer"),
    ],
)
def test_bad_imports_name_the_field(change: dict[str, object], field: str) -> None:
    payload = InstrumentResult.new("who5", [3, 4, 5, 2, 1], DAY, id=ID).to_export_dict() | change
    with pytest.raises(InvalidInput) as caught:
        InstrumentResult.from_payload(payload)
    assert caught.value.field == field


@pytest.mark.parametrize("missing", ["id", "date", "kind", "answers", "score"])
def test_missing_keys_are_named(missing: str) -> None:
    payload = InstrumentResult.new("burnout", [2], DAY, id=ID).to_export_dict()
    del payload[missing]
    with pytest.raises(InvalidInput) as caught:
        InstrumentResult.from_payload(payload)
    assert caught.value.field == missing


def test_a_result_cannot_be_built_inconsistent() -> None:
    with pytest.raises(InvalidInput):
        InstrumentResult(id=ID, date=DAY, kind="who5", answers=(1, 1, 1, 1, 1), score=4)


@settings(max_examples=100, deadline=None)
@given(
    kind_answers=st.one_of(
        st.tuples(st.just("who5"), st.lists(st.integers(0, 5), min_size=5, max_size=5)),
        st.tuples(st.just("burnout"), st.lists(st.integers(1, 5), min_size=1, max_size=1)),
    ),
    on=st.dates(),
    ident=st.uuids(),
)
def test_any_valid_result_survives_json(
    kind_answers: tuple[str, list[int]], on: dt.date, ident: uuid.UUID
) -> None:
    kind, answers = kind_answers
    result = InstrumentResult.new(kind, answers, on, id=str(ident))  # type: ignore[arg-type]
    assert InstrumentResult.from_payload(json.loads(json.dumps(result.to_payload()))) == result
    assert result.score == sum(answers)


@pytest.mark.parametrize(
    ("kind", "days_since", "due"),
    [
        ("who5", None, True),
        ("who5", 0, False),
        ("who5", 13, False),
        ("who5", 14, True),
        ("who5", 40, True),
        ("who5", -3, False),
        ("burnout", None, True),
        ("burnout", 27, False),
        ("burnout", 28, True),
        ("burnout", -1, False),
    ],
)
def test_who5_every_14_days_burnout_every_28(kind: str, days_since: int | None, due: bool) -> None:
    last = None if days_since is None else DAY - dt.timedelta(days=days_since)
    assert is_due(kind, last, DAY) is due  # type: ignore[arg-type]


def test_next_due_and_intervals() -> None:
    assert INTERVAL_DAYS == {"who5": 14, "burnout": 28}
    assert next_due("who5", DAY) == dt.date(2025, 3, 30)
    assert next_due("burnout", DAY) == dt.date(2025, 4, 13)
    assert next_due("who5", None) is None
    with pytest.raises(InvalidInput):
        next_due("phq9", DAY)  # type: ignore[arg-type]

"""A completed questionnaire: scoring, its export form, and refusing inconsistent or incomplete results."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wellbeing_app.errors import InvalidInput
from wellbeing_app.instruments import (
    InstrumentResult,
)

DAY = dt.date(2025, 3, 16)
ID = "0b8f3c1e-6a47-4f43-9a55-0b9c2f1e3d7a"


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

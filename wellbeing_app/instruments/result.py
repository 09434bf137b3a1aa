"""One completed questionnaire, as stored (encrypted) and as exported.

Construction validates everything, so a result that exists is always complete and consistent: only complete
forms are scored, and the stored score is always the raw sum of the stored answers.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final, Literal, TypeGuard

from wellbeing_app.errors import InvalidInput
from wellbeing_app.instruments.burnout import validate_burnout_answer
from wellbeing_app.instruments.who5 import validate_who5_answers, who5_percentage

InstrumentKind = Literal["who5", "burnout"]
KINDS: Final[tuple[InstrumentKind, ...]] = ("who5", "burnout")


def is_kind(value: object) -> TypeGuard[InstrumentKind]:
    """True for the two instrument kinds this app knows."""
    return value in KINDS


def validate_answers(kind: InstrumentKind, answers: Sequence[object]) -> tuple[int, ...]:
    """Check answers for either kind; burnout has exactly one answer, 1–5."""
    if kind == "who5":
        return validate_who5_answers(answers)
    if len(answers) != 1:
        raise InvalidInput(
            f"The burnout question has one answer, from 1 to 5; got {len(answers)}.", field="answer"
        )
    return (validate_burnout_answer(answers[0]),)


@dataclass(frozen=True)
class InstrumentResult:
    """A completed WHO-5 or burnout question; `score` is the raw sum (WHO-5 0–25, burnout 1–5)."""

    id: str
    date: dt.date
    kind: InstrumentKind
    answers: tuple[int, ...]
    score: int

    def __post_init__(self) -> None:
        _check_uuid(self.id)
        if not is_kind(self.kind):
            raise InvalidInput(_unknown_kind(self.kind), field="kind")
        validate_answers(self.kind, self.answers)
        if self.score != sum(self.answers):
            raise InvalidInput(
                f"The total {self.score!r} does not match the answers (they add up to {sum(self.answers)}).",
                field="score",
            )

    @classmethod
    def new(
        cls, kind: InstrumentKind, answers: Sequence[object], on: dt.date, *, id: str | None = None
    ) -> InstrumentResult:
        """Validate the answers and score them; a fresh uuid4 id unless one is given (import keeps ids)."""
        checked = validate_answers(kind, answers)
        return cls(id=id or str(uuid.uuid4()), date=on, kind=kind, answers=checked, score=sum(checked))

    @property
    def who5_percentage(self) -> int | None:
        """WHO-5 percentage (raw × 4), None for the burnout item."""
        return who5_percentage(self.score) if self.kind == "who5" else None

    def to_export_dict(self) -> dict[str, object]:
        """The export's `instruments` entry: {"id", "date", "kind", "answers", "score"}."""
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "kind": self.kind,
            "answers": list(self.answers),
            "score": self.score,
        }

    def to_payload(self) -> dict[str, object]:
        """The encrypted record payload; the same shape as the export, so one parser serves both."""
        return self.to_export_dict()

    @classmethod
    def from_payload(cls, payload: Mapping[str, object]) -> InstrumentResult:
        """Parse a stored payload or an imported entry; bad data raises InvalidInput naming the field."""
        if not isinstance(payload, Mapping):
            raise InvalidInput("A questionnaire entry must be a JSON object.", field="instruments")
        for key in ("id", "date", "kind", "answers", "score"):
            if key not in payload:
                raise InvalidInput(f"The questionnaire entry has no {key!r}.", field=key)
        answers = payload["answers"]
        if not isinstance(answers, list):
            raise InvalidInput("'answers' must be a list of whole numbers.", field="answers")
        kind = payload["kind"]
        if not is_kind(kind):
            raise InvalidInput(_unknown_kind(kind), field="kind")
        score = payload["score"]
        if not isinstance(score, int) or isinstance(score, bool):
            raise InvalidInput(f"'score' must be a whole number, not {score!r}.", field="score")
        identifier = payload["id"]
        if not isinstance(identifier, str):
            raise InvalidInput("'id' must be a UUID in text form.", field="id")
        return cls(
            id=identifier,
            date=_parse_date(payload["date"]),
            kind=kind,
            answers=validate_answers(kind, answers),
            score=score,
        )

    from_export_dict = from_payload


def _unknown_kind(kind: object) -> str:
    return f"Unknown questionnaire kind {kind!r}; use 'who5' or 'burnout'."


def _parse_date(value: object) -> dt.date:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidInput(f"'date' must be a date like 2025-03-16, not {value!r}.", field="date")


def _check_uuid(value: object) -> None:
    """Ids are UUIDs in their usual 36-character text form, the same in the vault and the export."""
    try:
        valid = isinstance(value, str) and len(value) == 36 and bool(uuid.UUID(value))
    except ValueError:
        valid = False
    if not valid:
        raise InvalidInput(f"'id' must be a UUID in text form, not {value!r}.", field="id")

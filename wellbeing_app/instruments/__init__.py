"""The WHO-5 and single-item burnout questionnaires: exact wording, validation, scoring and due dates."""

from wellbeing_app.instruments import burnout, who5
from wellbeing_app.instruments.burnout import parse_burnout_answer, validate_burnout_answer
from wellbeing_app.instruments.result import (
    KINDS,
    InstrumentKind,
    InstrumentResult,
    is_kind,
    validate_answers,
)
from wellbeing_app.instruments.schedule import INTERVAL_DAYS, is_due, next_due
from wellbeing_app.instruments.who5 import parse_who5_answers, validate_who5_answers, who5_percentage

__all__ = [
    "INTERVAL_DAYS",
    "KINDS",
    "InstrumentKind",
    "InstrumentResult",
    "burnout",
    "is_due",
    "is_kind",
    "next_due",
    "parse_burnout_answer",
    "parse_who5_answers",
    "validate_answers",
    "validate_burnout_answer",
    "validate_who5_answers",
    "who5",
    "who5_percentage",
]

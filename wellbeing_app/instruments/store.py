"""Completed questionnaires in the vault: record kind "instrument", one record each, dated by the day they describe."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Final

from wellbeing_app.detection.rules import latest_instrument
from wellbeing_app.errors import DamagedRecord, InvalidInput
from wellbeing_app.instruments.result import InstrumentKind, InstrumentResult
from wellbeing_app.instruments.schedule import is_due, next_due
from wellbeing_app.record_service import RecordService
from wellbeing_app.storage.records import StoredRecord

INSTRUMENT_KIND: Final = "instrument"


def check_questionnaire_date(day: date, today: date) -> date:
    """The day itself, or InvalidInput (field "date") when it is after today."""
    if day > today:
        raise InvalidInput(
            f"The date {day.isoformat()} is in the future; questionnaires can only be for today or earlier.",
            field="date",
        )
    return day


class InstrumentService(RecordService[InstrumentResult]):
    """Saves and reads completed questionnaires; the clock decides what 'today' is."""

    kind = INSTRUMENT_KIND

    @staticmethod
    def parse(record: StoredRecord) -> InstrumentResult:
        result = InstrumentResult.from_payload(record.payload)
        if result.id != record.id or result.date != record.day:
            raise DamagedRecord(INSTRUMENT_KIND, record.id, "does not match its record")
        return result

    def _today(self) -> date:
        return self._clock.now().date()

    def build(
        self, kind: InstrumentKind, answers: Sequence[object], on: date | None = None
    ) -> InstrumentResult:
        """A validated, scored result for today (or an earlier day), not yet saved."""
        today = self._today()
        return InstrumentResult.new(kind, answers, check_questionnaire_date(on or today, today))

    def save(self, result: InstrumentResult) -> InstrumentResult:
        check_questionnaire_date(result.date, self._today())
        self._store.put(INSTRUMENT_KIND, result.id, result.to_payload(), result.date)
        return result

    def add(
        self, kind: InstrumentKind, answers: Sequence[object], on: date | None = None
    ) -> InstrumentResult:
        return self.save(self.build(kind, answers, on))

    def between(self, day_from: date | None = None, day_to: date | None = None) -> list[InstrumentResult]:
        """Results dated day_from..day_to (inclusive), oldest first; unreadable ones are listed in `damaged`."""
        results = self._read(day_from, day_to)
        return sorted(results, key=lambda result: (result.date, result.kind, result.id))

    def latest(self, kind: InstrumentKind) -> InstrumentResult | None:
        """The most recent answer of `kind` up to today (two on one day: the more concerning one, as detection)."""
        today = self._today()
        return latest_instrument(self.between(day_to=today), kind, date.min, today)

    def next_due(self, kind: InstrumentKind) -> date | None:
        """The first day the questionnaire is offered again; None when it was never answered (due now)."""
        latest = self.latest(kind)
        return next_due(kind, latest.date if latest else None)

    def is_due(self, kind: InstrumentKind) -> bool:
        """WHO-5 every 14 days (never more often), burnout every 28."""
        latest = self.latest(kind)
        return is_due(kind, latest.date if latest else None, self._today())

    def due(self, kinds: Sequence[InstrumentKind]) -> list[tuple[InstrumentKind, InstrumentResult | None]]:
        """Those of ``kinds`` due today, in that order, each with its latest answer (None: never answered);
        the questionnaires are read once for all of them (the Today page asks on every refresh)."""
        today = self._today()
        results = self.between(day_to=today)
        latest = {kind: latest_instrument(results, kind, date.min, today) for kind in kinds}
        return [
            (kind, last) for kind, last in latest.items() if is_due(kind, last.date if last else None, today)
        ]

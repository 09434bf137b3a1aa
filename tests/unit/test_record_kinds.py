"""The registry of record kinds: every stored kind listed once, with its export section."""

from __future__ import annotations

from dataclasses import replace

import pytest

from wellbeing_app import record_kinds
from wellbeing_app.checkins import CheckInService
from wellbeing_app.record_service import RecordService


class MoodService(CheckInService):
    kind = "moods"


def test_a_kind_or_a_section_is_registered_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(record_kinds, "_KINDS", dict(record_kinds._KINDS))
    checkins = record_kinds.kind_named("checkin")
    assert checkins is not None and checkins.section is not None
    with pytest.raises(ValueError, match="already registered"):
        record_kinds.register(checkins)
    with pytest.raises(ValueError, match="already belongs"):
        record_kinds.register(replace(checkins, service=MoodService))


def test_every_stored_kind_is_in_the_registry() -> None:
    from wellbeing_app import checkins, drafts, journal, periods
    from wellbeing_app.detection.episode_store import EPISODE_KIND
    from wellbeing_app.directory import records as service
    from wellbeing_app.instruments.store import INSTRUMENT_KIND

    stored = {
        checkins.KIND,
        journal.KIND,
        drafts.KIND,
        service.KIND,
        service.PROFILE_KIND,
        service.OUTREACH_KIND,
        INSTRUMENT_KIND,
        EPISODE_KIND,
        periods.KIND,
    }
    assert {kind.name for kind in record_kinds.all_kinds()} == stored
    assert [section.name for section in record_kinds.export_sections()] == [
        "checkins",
        "journal",
        "contacts",
        "instruments",
        "periods",
    ]


def test_every_kind_has_its_service_on_the_common_base() -> None:
    for kind in record_kinds.all_kinds():
        assert issubclass(kind.service, RecordService), kind.name
        assert kind.service.parse is not RecordService.parse, f"{kind.name} has no reading of its own"
    assert len({kind.service for kind in record_kinds.all_kinds()}) == len(record_kinds.all_kinds())

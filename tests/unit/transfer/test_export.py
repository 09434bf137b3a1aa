"""Export: the JSON document's shape, the CSV of check-ins, progress, damaged records and never overwriting."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import stat
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest

from tests.unit.transfer.conftest import NewServices
from wellbeing_app import record_kinds
from wellbeing_app.errors import InvalidInput
from wellbeing_app.record_service import RecordService
from wellbeing_app.services import Services
from wellbeing_app.storage.records import PendingRecord, StoredRecord, utc_stamp
from wellbeing_app.transfer import (
    ImportContext,
    Section,
    export_csv,
    export_json,
    import_json,
    write_export,
)
from wellbeing_app.transfer.section import require_date
from wellbeing_app.vault import db_path


def add_sample(services: Services) -> None:
    services.checkins.add(mood=6, day="2026-11-24", at="21:30")
    services.checkins.add(
        mood=3,
        energy=2,
        stress=9,
        sleep_hours=4.5,
        tags=["night shift", "Patient death"],
        note='Hard night.\nTalked to Sam, café after; "quoted"',
        day="2026-11-23",
        at="07:05",
    )
    services.journal.add(body="Walked by the sea.", day="2026-11-22")
    services.journal.add(body="Debrief went well.", title="Debrief", tags=["debrief"], day="2026-11-24")


def test_empty_vault_exports_an_empty_document(services: Services) -> None:
    document = json.loads(export_json(services).text)
    assert document == {
        "format": "wellbeing-app-export",
        "version": 1,
        "exported_at": services.clock.now().isoformat(timespec="seconds"),
        "checkins": [],
        "journal": [],
        "contacts": [],
        "instruments": [],
        "periods": [],
    }


def test_json_export_shape(services: Services) -> None:
    add_sample(services)
    result = export_json(services)
    document = json.loads(result.text)
    assert list(document) == [
        "format",
        "version",
        "exported_at",
        "checkins",
        "journal",
        "contacts",
        "instruments",
        "periods",
    ]
    assert result.counts == {"checkins": 2, "journal": 2, "contacts": 0, "instruments": 0, "periods": 0}
    assert result.describe() == "2 check-ins and 2 journal entries"
    first, second = document["checkins"]
    assert list(first) == [
        "id",
        "date",
        "time",
        "mood",
        "energy",
        "stress",
        "sleep_hours",
        "tags",
        "note",
        "changed_at",
    ]
    assert first["changed_at"] == utc_stamp(services.clock.now())  # when it was saved, in UTC
    assert (first["date"], first["time"], first["mood"]) == ("2026-11-23", "07:05", 3)
    assert first["tags"] == ["night shift", "Patient death"]
    assert first["sleep_hours"] == 4.5
    assert second == {
        "id": second["id"],
        "date": "2026-11-24",
        "time": "21:30",
        "mood": 6,
        "energy": None,
        "stress": None,
        "sleep_hours": None,
        "tags": [],
        "note": None,
        "changed_at": first["changed_at"],
    }
    assert [entry["title"] for entry in document["journal"]] == [None, "Debrief"]
    assert list(document["journal"][0]) == ["id", "date", "title", "body", "tags", "changed_at"]
    assert document["journal"][1]["tags"] == ["debrief"]
    assert "café" in result.text  # UTF-8 text, not \u escapes


def test_export_is_stable(services: Services) -> None:
    add_sample(services)
    assert export_json(services).text == export_json(services).text


def test_csv_export(services: Services) -> None:
    add_sample(services)
    result = export_csv(services)
    assert result.counts == {"checkins": 2}
    assert result.text.startswith("id,date,time,mood,energy,stress,sleep_hours,tags,note\r\n")
    rows = list(csv.DictReader(io.StringIO(result.text, newline="")))
    assert [row["date"] for row in rows] == ["2026-11-23", "2026-11-24"]
    assert rows[0]["tags"] == "night shift;Patient death"
    assert rows[0]["note"] == 'Hard night.\nTalked to Sam, café after; "quoted"'
    assert rows[0]["sleep_hours"] == "4.5"
    assert {
        key: rows[1][key] for key in ("energy", "stress", "sleep_hours", "tags", "note")
    } == dict.fromkeys(("energy", "stress", "sleep_hours", "tags", "note"), "")


def test_progress_runs_from_zero_to_total(services: Services) -> None:
    for day in range(1, 21):
        services.checkins.add(mood=day % 11, day=date(2026, 10, day), at=time(8, 0))
    calls: list[tuple[int, int]] = []
    export_json(services, progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, 20) and calls[-1] == (20, 20)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert len(calls) >= 3


def test_damaged_records_are_left_out_and_reported(services: Services) -> None:
    add_sample(services)
    broken = services.checkins.between()[0].id
    conn = sqlite3.connect(db_path(services.vault.data_dir))
    with conn:
        conn.execute("UPDATE records SET payload = X'00' WHERE id = ?", (broken,))
    conn.close()
    result = export_json(services)
    assert [damaged.record_id for damaged in result.damaged] == [broken]
    assert result.counts["checkins"] == 1
    assert broken not in result.text


# -- write_export ---------------------------------------------------------------------------------------------


def test_write_export_creates_a_private_file(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    write_export(target, '{"é": 1}\n')
    assert target.read_text(encoding="utf-8") == '{"é": 1}\n'
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_write_export_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_text("precious")
    with pytest.raises(InvalidInput, match="already exists") as caught:
        write_export(target, "new")
    assert caught.value.field == "out" and caught.value.exit_code == 2
    assert target.read_text() == "precious"


def test_write_export_refuses_a_link(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    link = tmp_path / "export.json"
    link.symlink_to(elsewhere)
    with pytest.raises(InvalidInput):
        write_export(link, "data")
    assert not elsewhere.exists()


def test_write_export_into_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="cannot be written"):
        write_export(tmp_path / "no" / "such" / "export.json", "data")


# -- sections: a later kind of record joins by registering ----------------------------------------------------


def _goal_to_export(record: StoredRecord) -> dict[str, Any]:
    return {"id": record.id, "start": record.payload["start"]}


class GoalService(RecordService[dict[str, Any]]):
    kind = "goal"

    @staticmethod
    def parse(record: StoredRecord) -> dict[str, Any]:
        return record.payload


def _goal_from_export(values: Any, record_id: str, context: ImportContext) -> PendingRecord:
    start = require_date(values, context, "start")
    return PendingRecord("goal", record_id, {"start": start.isoformat()}, start)


def test_a_registered_section_is_exported_and_imported(
    services: Services, new_services: NewServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(record_kinds, "_KINDS", dict(record_kinds._KINDS))
    section = Section(
        name="goals",
        kind="goal",
        one="goal",
        many="goals",
        to_export=_goal_to_export,
        from_export=_goal_from_export,
        sort_key=lambda item: (item["start"], item["id"]),
    )
    record_kinds.register(record_kinds.RecordKind(GoalService, "goal", "goals", True, section))
    record_id = "00000000-0000-4000-8000-000000000001"
    services.vault.store.put("goal", record_id, {"start": "2026-11-01"}, date(2026, 11, 1))
    exported = export_json(services)
    assert json.loads(exported.text)["goals"] == [
        {"id": record_id, "start": "2026-11-01", "changed_at": utc_stamp(services.clock.now())}
    ]
    assert exported.describe() == "1 goal"
    other = new_services()
    assert import_json(other, exported.text).sections["goals"].added == 1
    assert json.loads(export_json(other).text) == json.loads(exported.text)

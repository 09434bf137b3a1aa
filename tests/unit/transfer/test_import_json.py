"""Importing our own JSON export: merged by id, checked completely first, written in one transaction."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import pytest

from tests.unit.transfer.conftest import NewServices
from wellbeing_app.errors import InvalidInput
from wellbeing_app.services import Services
from wellbeing_app.storage.records import PendingRecord, RecordStore
from wellbeing_app.transfer import export_json, import_json, read_import_file
from wellbeing_app.vault import db_path

ID = "3f2b6c1e-8a4d-4e5f-9a6b-7c8d9e0f1a2b"


def checkin(index: int, **changes: Any) -> dict[str, Any]:
    record = {
        "id": f"00000000-0000-4000-8000-{index:012d}",
        "date": f"2026-11-{index + 1:02d}",
        "time": "21:30",
        "mood": 6,
        "energy": None,
        "stress": 4,
        "sleep_hours": 7.5,
        "tags": ["night shift"],
        "note": "Quiet night.",
    }
    record.update(changes)
    return record


def entry(index: int, **changes: Any) -> dict[str, Any]:
    record = {
        "id": f"00000000-0000-4000-9000-{index:012d}",
        "date": f"2026-10-{index + 1:02d}",
        "title": None,
        "body": f"Entry {index}: walked home the long way.",
        "tags": [],
    }
    record.update(changes)
    return record


def document(
    checkins: list[dict[str, Any]] | None = None, journal: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    return {
        "format": "wellbeing-app-export",
        "version": 1,
        "exported_at": "2026-11-25T08:00:00+00:00",
        "checkins": [checkin(i) for i in range(5)] if checkins is None else checkins,
        "journal": [entry(i) for i in range(3)] if journal is None else journal,
    }


def text(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False)


def test_import_into_an_empty_vault(services: Services) -> None:
    summary = import_json(services, text(document()))
    assert (summary.added, summary.updated, summary.unchanged) == (8, 0, 0)
    assert summary.sections["checkins"].added == 5 and summary.sections["journal"].added == 3
    assert summary.describe() == "8 added, 0 updated, 0 unchanged"
    saved = services.checkins.between()
    assert [c.mood for c in saved] == [6] * 5
    assert saved[0].sleep_hours == 7.5 and saved[0].tags == ("night shift",) and saved[0].energy is None
    assert len(services.journal.entries()) == 3


def test_the_same_file_twice_adds_nothing(services: Services) -> None:
    payload = text(document())
    import_json(services, payload)
    before = export_json(services).text
    summary = import_json(services, payload)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 8)
    assert services.vault.store.count() == 8
    assert export_json(services).text == before


def test_changed_records_are_updated_by_id(services: Services) -> None:
    import_json(services, text(document()))
    changed = document()
    changed["checkins"][2]["mood"] = 9
    changed["journal"][0]["title"] = "A title now"
    summary = import_json(services, text(changed))
    assert (summary.added, summary.updated, summary.unchanged) == (0, 2, 6)
    assert services.checkins.get(checkin(2)["id"]).mood == 9  # type: ignore[union-attr]
    assert services.journal.get(entry(0)["id"]).title == "A title now"  # type: ignore[union-attr]


def test_unknown_sections_are_ignored(services: Services) -> None:
    doc = document()
    doc["goals"] = [{"anything": True}]
    doc["something_new"] = "ok"
    assert import_json(services, text(doc)).added == 8


def test_missing_sections_are_empty(services: Services) -> None:
    doc = document()
    del doc["journal"]
    assert import_json(services, text(doc)).added == 5


def test_the_whole_import_is_one_transaction(services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    original = RecordStore.put_many

    def spy(self: RecordStore, items: Any, **options: Any) -> int:
        items = list(items)
        calls.append(len(items))
        return original(self, items, **options)

    monkeypatch.setattr(RecordStore, "put_many", spy)
    import_json(services, text(document()))
    assert calls == [8]


def test_the_search_index_sees_imported_records(services: Services) -> None:
    assert services.search.search("walked") == []  # index built, empty
    import_json(services, text(document()))
    assert len(services.search.search("walked")) == 3


def test_progress_ends_only_after_writing(services: Services) -> None:
    calls: list[tuple[int, int, int]] = []
    store = services.vault.store
    import_json(
        services, text(document()), progress=lambda done, total: calls.append((done, total, store.count()))
    )
    assert calls[0] == (0, 8, 0)
    assert calls[-1] == (8, 8, 8)
    assert all(count == 0 for done, _, count in calls[:-1])


def test_a_damaged_stored_record_is_repaired_by_import(services: Services) -> None:
    import_json(services, text(document()))
    broken = checkin(1)["id"]
    conn = sqlite3.connect(db_path(services.vault.data_dir))
    with conn:
        conn.execute("UPDATE records SET payload = X'00' WHERE id = ?", (broken,))
    conn.close()
    summary = import_json(services, text(document()))
    assert (summary.updated, summary.unchanged) == (1, 7)
    assert services.checkins.get(broken) is not None


def test_ids_are_normalised(services: Services) -> None:
    doc = document(checkins=[checkin(0, id=ID.upper())], journal=[])
    import_json(services, text(doc))
    assert services.checkins.get(ID) is not None
    assert import_json(services, text(doc)).unchanged == 1


def test_an_id_of_another_kind_of_record_is_refused(services: Services) -> None:
    services.vault.store.put_many([PendingRecord("contact", ID, {"name": "Sam"})])
    doc = document(checkins=[checkin(0), checkin(1, id=ID)], journal=[])
    with pytest.raises(InvalidInput, match=r"checkins\[1\]: the id .* contact record") as caught:
        import_json(services, text(doc))
    assert caught.value.field == "id"
    assert services.vault.store.count() == 1
    assert services.vault.store.get("contact", ID) is not None


def test_sections_in_any_order(services: Services, new_services: NewServices) -> None:
    """Export from one vault, import into a new one: the same records, whatever the order of the keys."""
    import_json(services, text(document()))
    exported = json.loads(export_json(services).text)
    reordered = {key: exported[key] for key in reversed(list(exported))}
    other = new_services()
    assert import_json(other, json.dumps(reordered)).added == 8
    assert json.loads(export_json(other).text) == exported


# -- refused files and records: nothing is written ------------------------------------------------------------


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ("not json at all", "file", r"not valid JSON \(line 1"),
        ('{\n  "format": "wellbeing-app-export",\n  "version": 1,\n  "checkins": [,]\n}', "file", "line 4"),
        ("[]", "format", "not a Wellbeing Check-in export"),
        ('{"version": 1}', "format", "not a Wellbeing Check-in export"),
        ('{"format": "daylio", "version": 1}', "format", "its format is 'daylio'"),
        ('{"format": "wellbeing-app-export"}', "version", "version"),
        ('{"format": "wellbeing-app-export", "version": "1"}', "version", "version"),
        ('{"format": "wellbeing-app-export", "version": true}', "version", "version"),
        ('{"format": "wellbeing-app-export", "version": 2}', "version", "newer version"),
        ('{"format": "wellbeing-app-export", "version": 0}', "version", "not supported"),
        ('{"format": "wellbeing-app-export", "version": 1, "checkins": {}}', "checkins", "must be a list"),
    ],
)
def test_refused_documents(services: Services, payload: str, field: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message) as caught:
        import_json(services, payload)
    assert caught.value.field == field
    assert services.vault.store.count() == 0


def test_the_example_from_the_issue(services: Services) -> None:
    doc = document()
    doc["checkins"][3]["mood"] = 11
    with pytest.raises(InvalidInput) as caught:
        import_json(services, text(doc))
    assert str(caught.value) == "checkins[3]: mood must be from 0 to 10, not 11."
    assert caught.value.field == "mood"
    assert services.vault.store.count() == 0


@pytest.mark.parametrize(
    ("section", "index", "changes", "field", "message"),
    [
        ("checkins", 0, {"mood": "abc"}, "mood", "mood must be a whole number from 0 to 10"),
        ("checkins", 1, {"mood": None}, "mood", "mood is required"),
        ("checkins", 1, {"mood": True}, "mood", "whole number"),
        ("checkins", 2, {"energy": -1}, "energy", "energy must be from 0 to 10, not -1"),
        ("checkins", 2, {"stress": 10.5}, "stress", "stress"),
        ("checkins", 4, {"sleep_hours": 25}, "sleep_hours", "from 0 to 24"),
        ("checkins", 4, {"sleep_hours": 6.2}, "sleep_hours", "steps of half an hour"),
        ("checkins", 0, {"date": "2026-11-26"}, "date", "in the future"),
        ("checkins", 0, {"date": "25/11/2026"}, "date", "YYYY-MM-DD"),
        ("checkins", 0, {"date": None}, "date", "date is required"),
        ("checkins", 0, {"time": "25:00"}, "time", "HH:MM"),
        ("checkins", 0, {"time": None}, "time", "time is required"),
        ("checkins", 3, {"tags": "night shift"}, "tags", "list of texts"),
        ("checkins", 3, {"tags": [1, 2]}, "tags", "list of texts"),
        ("checkins", 3, {"tags": ["x" * 61]}, "tags", "longer than 60"),
        ("checkins", 3, {"note": 42}, "note", "note must be text"),
        ("checkins", 3, {"note": "x" * 20_001}, "note", "limit is 20,000"),
        ("checkins", 1, {"id": None}, "id", "id is required"),
        ("checkins", 1, {"id": "not-a-uuid"}, "id", "must be a UUID"),
        ("checkins", 1, {"id": checkin(0)["id"]}, "id", r"used twice \(also by checkins\[0\]\)"),
        ("journal", 2, {"body": None}, "body", "body is required"),
        ("journal", 2, {"title": "t" * 201}, "title", "limit is 200"),
        ("journal", 0, {"date": "2027-01-01"}, "date", "in the future"),
        ("journal", 1, {"id": checkin(4)["id"]}, "id", r"used twice \(also by checkins\[4\]\)"),
    ],
)
def test_invalid_records_name_section_number_and_field(
    services: Services, section: str, index: int, changes: dict[str, Any], field: str, message: str
) -> None:
    doc = document()
    doc[section][index].update(changes)
    with pytest.raises(InvalidInput, match=message) as caught:
        import_json(services, text(doc))
    assert str(caught.value).startswith(f"{section}[{index}]: ")
    assert caught.value.field == field
    assert services.vault.store.count() == 0


def test_a_record_that_is_not_an_object(services: Services) -> None:
    doc = document()
    doc["journal"][1] = "just text"
    with pytest.raises(InvalidInput, match=r"journal\[1\]: each record must be a JSON object"):
        import_json(services, text(doc))


def test_an_invalid_record_changes_nothing_already_there(services: Services) -> None:
    import_json(services, text(document()))
    before = export_json(services).text
    doc = document()
    doc["checkins"][0]["mood"] = 1
    doc["checkins"].append(checkin(9, mood=11))
    with pytest.raises(InvalidInput, match=r"checkins\[5\]"):
        import_json(services, text(doc))
    assert export_json(services).text == before


# -- reading the file -----------------------------------------------------------------------------------------


def test_read_import_file(tmp_path: Any) -> None:
    path = tmp_path / "export.json"
    path.write_bytes('\ufeff{"a": "é"}'.encode())
    assert read_import_file(path) == '{"a": "é"}'
    with pytest.raises(InvalidInput, match="There is no file"):
        read_import_file(tmp_path / "missing.json")
    with pytest.raises(InvalidInput, match="is a folder"):
        read_import_file(tmp_path)
    path.write_bytes(b'{"a":\n"\xff"}')
    with pytest.raises(InvalidInput, match=r"not UTF-8 text \(line 2\)"):
        read_import_file(path)

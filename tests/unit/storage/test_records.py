"""The record store's change times and deletion markers: what a merge of two copies needs."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import date, timedelta

import pytest

from wellbeing_app.clock import FixedClock
from wellbeing_app.storage.newer import is_newer
from wellbeing_app.storage.records import Change, PendingRecord, utc_stamp
from wellbeing_app.vault import Vault, db_path

CANARY = "CANARY-MARKER-8812"

# The store does not read payloads: a kind the registry does not know keeps these tests about storage alone.
NOTE = "test-note"


def rid(number: int) -> str:
    return str(uuid.UUID(int=number))


def raw(vault: Vault, statement: str, *params: object) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db_path(vault.data_dir))
    try:
        with conn:
            return conn.execute(statement, params).fetchall()
    finally:
        conn.close()


def test_writes_are_stamped_with_the_time_in_utc_and_this_device(vault: Vault, clock: FixedClock) -> None:
    vault.store.put("checkin", rid(1), {"note": "x"}, date(2026, 11, 24))
    record = vault.store.get("checkin", rid(1))
    assert record is not None
    assert record.changed_at == utc_stamp(clock.now()) and record.changed_at.endswith("Z")
    assert record.device_id == vault.device_id and len(vault.device_id) == 36


def test_deleting_leaves_a_marker_with_the_content_erased(vault: Vault, clock: FixedClock) -> None:
    vault.store.put("checkin", rid(1), {"note": CANARY}, date(2026, 11, 24))
    assert vault.store.delete("checkin", rid(1))
    assert vault.store.get("checkin", rid(1)) is None
    assert vault.store.count("checkin") == 0
    assert vault.store.load("checkin").records == []
    assert not vault.store.delete("checkin", rid(1))  # already deleted
    [(day, deleted, changed_at)] = raw(vault, "SELECT day, deleted, changed_at FROM records")
    assert day is None and deleted == 1
    assert str(changed_at) > utc_stamp(clock.now())  # after the write it deletes, even on a frozen clock
    changes, damaged = vault.store.changes_since()
    assert damaged == [] and [(c.id, c.deleted, c.payload) for c in changes] == [(rid(1), True, {})]
    vault.lock()
    for path in vault.data_dir.glob("vault.sqlite3*"):
        assert CANARY.encode() not in path.read_bytes()


def test_verify_reads_markers_and_sees_a_forged_undelete(vault: Vault) -> None:
    vault.store.put("checkin", rid(1), {"note": "x"}, date(2026, 11, 24))
    vault.store.delete("checkin", rid(1))
    assert vault.verify().ok and vault.verify().records_checked == 1
    raw(vault, "UPDATE records SET deleted = 0")
    report = vault.verify()
    assert [d.record_id for d in report.damaged] == [rid(1)]


@pytest.mark.parametrize("column", ["changed_at", "device_id"])
def test_the_change_time_and_device_are_authenticated(vault: Vault, column: str) -> None:
    vault.store.put("checkin", rid(1), {"note": "x"}, date(2026, 11, 24))
    raw(vault, f"UPDATE records SET {column} = '2099-01-01T00:00:00.000000Z'")
    assert [d.record_id for d in vault.verify().damaged] == [rid(1)]


def test_changes_since_lists_what_changed_after_a_moment(vault: Vault, clock: FixedClock) -> None:
    vault.store.put("checkin", rid(1), {"n": 1}, date(2026, 11, 24))
    since = vault.store.now()
    clock.moment += timedelta(seconds=1)
    vault.store.put("journal", rid(2), {"n": 2}, date(2026, 11, 24))
    clock.moment += timedelta(seconds=1)
    vault.store.delete("checkin", rid(1))
    changes, _ = vault.store.changes_since(since)
    assert [(c.kind, c.id, c.deleted) for c in changes] == [
        ("journal", rid(2), False),
        ("checkin", rid(1), True),
    ]


@pytest.mark.parametrize(
    ("incoming", "incoming_deleted", "stored", "stored_deleted", "expected"),
    [
        ("2026-11-25T10:00:00.000000Z", False, "2026-11-25T09:00:00.000000Z", False, True),
        ("2026-11-25T08:00:00.000000Z", False, "2026-11-25T09:00:00.000000Z", False, False),
        ("2026-11-25T09:00:00.000000Z", False, "2026-11-25T09:00:00.000000Z", False, True),
        ("2026-11-25T09:00:00.000000Z", False, "2026-11-25T09:00:00.000000Z", True, False),
        ("2026-11-25T09:00:00.000000Z", True, "2026-11-25T09:00:00.000000Z", False, True),
        ("", False, "2026-11-25T09:00:00.000000Z", True, False),
        ("", False, "", False, True),
    ],
)
def test_which_side_is_newer(
    incoming: str, incoming_deleted: bool, stored: str, stored_deleted: bool, expected: bool
) -> None:
    assert is_newer(incoming, incoming_deleted, stored, stored_deleted) is expected


def test_apply_changes_keeps_the_newer_side_of_each_record(vault: Vault, clock: FixedClock) -> None:
    old = utc_stamp(clock.now() - timedelta(days=1))
    vault.store.put(NOTE, rid(1), {"v": "edited here"}, date(2026, 11, 24))
    vault.store.put(NOTE, rid(2), {"v": "to delete"}, date(2026, 11, 24))
    vault.store.delete(NOTE, rid(2))
    applied, kept = vault.store.apply_changes(
        [
            Change(rid(1), NOTE, date(2026, 11, 24), {"v": "old copy"}, old, "other-device"),
            Change(rid(2), NOTE, date(2026, 11, 24), {"v": "old copy"}, old, "other-device"),
            Change(rid(3), NOTE, date(2026, 11, 23), {"v": "new"}, old, "other-device"),
        ]
    )
    assert [c.id for c in applied] == [rid(3)] and [c.id for c in kept] == [rid(1), rid(2)]
    assert vault.store.get(NOTE, rid(1)).payload == {"v": "edited here"}  # type: ignore[union-attr]
    assert vault.store.get(NOTE, rid(2)) is None
    assert vault.store.get(NOTE, rid(3)).device_id == "other-device"  # type: ignore[union-attr]
    assert vault.verify().ok


def test_a_put_after_a_delete_brings_the_record_back(vault: Vault) -> None:
    """Undo of a delete writes the same id again."""
    vault.store.put_many([PendingRecord(NOTE, rid(1), {"v": 1}, date(2026, 11, 24))])
    vault.store.delete(NOTE, rid(1))
    vault.store.put(NOTE, rid(1), {"v": 1}, date(2026, 11, 24))
    assert vault.store.count(NOTE) == 1 and vault.verify().ok


def test_apply_changes_never_overwrites_an_edit_saved_after_it_looked(
    vault: Vault, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The newer-side rule is checked again in the write itself: a save between the look and the write stays."""
    old = utc_stamp(clock.now() - timedelta(days=1))
    vault.store.put(NOTE, rid(1), {"v": "saved here meanwhile"}, date(2026, 11, 24))
    monkeypatch.setattr(vault.store, "versions", lambda ids: {})  # what it saw before that save
    vault.store.apply_changes([Change(rid(1), NOTE, date(2026, 11, 24), {"v": "older copy"}, old, "other")])
    assert vault.store.get(NOTE, rid(1)).payload == {"v": "saved here meanwhile"}  # type: ignore[union-attr]

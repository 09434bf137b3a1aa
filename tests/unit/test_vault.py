"""The vault: creating, opening each way, file modes, passphrase change, tamper detection and the record store."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import stat
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TEST_PASSPHRASE
from wellbeing_app.clock import FixedClock
from wellbeing_app.crypto.kdf import KdfParams
from wellbeing_app.crypto.recovery import format_recovery_key, new_recovery_key
from wellbeing_app.errors import (
    AuthenticationFailed,
    DamagedRecord,
    IntegrityError,
    InvalidInput,
    VaultMissing,
)
from wellbeing_app.storage.migrate import backup_database
from wellbeing_app.storage.records import PendingRecord
from wellbeing_app.vault import Vault, db_path

NEW_PASSPHRASE = "a different and longer sentence"


def rid(n: int) -> str:
    """A stable UUID for readable tests."""
    return str(uuid.UUID(int=n))


def sql(data_dir: Path, statement: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Run one statement on the vault file directly, as an attacker or a disk fault would."""
    conn = sqlite3.connect(db_path(data_dir))
    try:
        with conn:
            return conn.execute(statement, params).fetchall()
    finally:
        conn.close()


@pytest.fixture
def created(data_dir: Path, fast_kdf: KdfParams, clock: FixedClock) -> Iterator[tuple[Vault, str]]:
    """A fresh vault and its recovery key; the vault is locked after the test."""
    vault, recovery = Vault.create(data_dir, TEST_PASSPHRASE, kdf=fast_kdf, clock=clock)
    yield vault, recovery
    vault.lock()


@pytest.fixture
def three_records(vault: Vault) -> Vault:
    """The vault holding three check-ins on three days; locked (WAL checkpointed) and reopened by the test."""
    vault.store.put("checkin", rid(1), {"mood": 1, "note": "first"}, date(2026, 11, 23))
    vault.store.put("checkin", rid(2), {"mood": 2, "note": "second"}, date(2026, 11, 24))
    vault.store.put("checkin", rid(3), {"mood": 3, "note": "third"}, date(2026, 11, 25))
    vault.lock()
    return vault


# -- creating and opening ------------------------------------------------------------------------------------


def test_create_returns_an_unlocked_vault_and_a_recovery_key(
    created: tuple[Vault, str], clock: FixedClock
) -> None:
    vault, recovery = created
    assert not vault.is_locked
    assert len(vault.data_key) == 32
    assert len(recovery.split("-")) == 8
    uuid.UUID(vault.vault_id)
    assert vault.clock is clock
    assert vault.verify().ok


def test_open_with_passphrase(created: tuple[Vault, str], data_dir: Path) -> None:
    vault, _ = created
    vault.store.put("checkin", rid(1), {"mood": 4})
    key = vault.data_key
    vault.lock()
    reopened = Vault.open_with_passphrase(data_dir, TEST_PASSPHRASE)
    try:
        assert reopened.data_key == key
        assert reopened.vault_id == vault.vault_id
        assert reopened.store.get("checkin", rid(1)).payload == {"mood": 4}  # type: ignore[union-attr]
    finally:
        reopened.lock()


@pytest.mark.parametrize(
    "typed",
    [
        lambda k: k,
        lambda k: k.replace("-", ""),
        lambda k: k.lower(),
        lambda k: k.replace("0", "O").replace("1", "l"),
    ],
    ids=["as-shown", "no-hyphens", "lowercase", "confusables"],
)
def test_open_with_recovery_key(created: tuple[Vault, str], data_dir: Path, typed: Any) -> None:
    vault, recovery = created
    key = vault.data_key
    vault.lock()
    reopened = Vault.open_with_recovery_key(data_dir, typed(recovery))
    try:
        assert reopened.data_key == key
    finally:
        reopened.lock()


def test_open_with_data_key(created: tuple[Vault, str], data_dir: Path) -> None:
    vault, _ = created
    key = vault.data_key
    vault.lock()
    reopened = Vault.open_with_data_key(data_dir, key)
    try:
        assert reopened.verify().ok
    finally:
        reopened.lock()


def test_wrong_passphrase_fails(created: tuple[Vault, str], data_dir: Path) -> None:
    created[0].lock()
    with pytest.raises(AuthenticationFailed, match="recovery key"):
        Vault.open_with_passphrase(data_dir, TEST_PASSPHRASE + "!")


def test_wrong_recovery_key_fails(created: tuple[Vault, str], data_dir: Path) -> None:
    created[0].lock()
    with pytest.raises(AuthenticationFailed):
        Vault.open_with_recovery_key(data_dir, format_recovery_key(new_recovery_key()))


def test_wrong_data_key_fails(created: tuple[Vault, str], data_dir: Path) -> None:
    created[0].lock()
    with pytest.raises(AuthenticationFailed):
        Vault.open_with_data_key(data_dir, os.urandom(32))


def test_data_key_of_the_wrong_length_fails_calmly(created: tuple[Vault, str], data_dir: Path) -> None:
    created[0].lock()
    with pytest.raises(AuthenticationFailed):
        Vault.open_with_data_key(data_dir, b"too short")


@pytest.mark.parametrize(
    "opener",
    [
        lambda d: Vault.open_with_passphrase(d, TEST_PASSPHRASE),
        lambda d: Vault.open_with_recovery_key(d, format_recovery_key(new_recovery_key())),
        lambda d: Vault.open_with_data_key(d, os.urandom(32)),
    ],
    ids=["passphrase", "recovery-key", "data-key"],
)
def test_missing_vault(data_dir: Path, opener: Any) -> None:
    with pytest.raises(VaultMissing, match="init"):
        opener(data_dir)
    assert not data_dir.exists()


def test_missing_vault_is_an_authentication_failure() -> None:
    assert issubclass(VaultMissing, AuthenticationFailed)
    assert VaultMissing.exit_code == 3


def test_create_where_a_vault_exists_leaves_it_untouched(
    created: tuple[Vault, str], data_dir: Path, fast_kdf: KdfParams
) -> None:
    created[0].lock()
    path = db_path(data_dir)
    before = (path.read_bytes(), path.stat().st_mtime_ns, sorted(p.name for p in data_dir.iterdir()))
    with pytest.raises(InvalidInput, match="already exists"):
        Vault.create(data_dir, "another long passphrase", kdf=fast_kdf)
    assert (path.read_bytes(), path.stat().st_mtime_ns, sorted(p.name for p in data_dir.iterdir())) == before
    Vault.open_with_passphrase(data_dir, TEST_PASSPHRASE).lock()


def test_create_with_a_short_passphrase_creates_nothing(data_dir: Path, fast_kdf: KdfParams) -> None:
    with pytest.raises(InvalidInput, match="10 characters") as caught:
        Vault.create(data_dir, "too short", kdf=fast_kdf)
    assert caught.value.field == "passphrase"
    assert not data_dir.exists()


def test_create_in_a_data_dir_that_is_a_file(tmp_path: Path, fast_kdf: KdfParams) -> None:
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("keep me")
    with pytest.raises(InvalidInput, match=re.escape(str(not_a_dir))):
        Vault.create(not_a_dir, TEST_PASSPHRASE, kdf=fast_kdf)
    assert not_a_dir.read_text() == "keep me"


def test_create_stores_the_kdf_params(created: tuple[Vault, str], fast_kdf: KdfParams) -> None:
    assert created[0].kdf_params == fast_kdf


# -- file modes ----------------------------------------------------------------------------------------------


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """A umask that would leave files world-readable, so the modes checked are the vault's own doing."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_data_dir_is_0700_and_every_file_0600(
    permissive_umask: None, data_dir: Path, fast_kdf: KdfParams, clock: FixedClock
) -> None:
    vault, _ = Vault.create(data_dir, TEST_PASSPHRASE, kdf=fast_kdf, clock=clock)
    try:
        vault.store.put("checkin", rid(1), {"mood": 3})
        backup_database(db_path(data_dir), clock.now(), "test")
        names = {p.name for p in data_dir.iterdir()}
        assert {"vault.sqlite3", "vault.sqlite3-wal", "vault.sqlite3-shm", "backups"} <= names
        assert mode(data_dir) == 0o700
        assert mode(data_dir / "backups") == 0o700
        files = [p for p in data_dir.rglob("*") if p.is_file()]
        assert len(files) >= 4
        assert {str(p.relative_to(data_dir)): oct(mode(p)) for p in files} == {
            str(p.relative_to(data_dir)): oct(0o600) for p in files
        }
    finally:
        vault.lock()


def test_an_existing_data_dir_is_made_private(
    permissive_umask: None, data_dir: Path, fast_kdf: KdfParams
) -> None:
    data_dir.mkdir(mode=0o755)
    Vault.create(data_dir, TEST_PASSPHRASE, kdf=fast_kdf)[0].lock()
    assert mode(data_dir) == 0o700
    assert mode(db_path(data_dir)) == 0o600


# -- changing the passphrase ---------------------------------------------------------------------------------


def test_change_passphrase(created: tuple[Vault, str], data_dir: Path, fast_kdf: KdfParams) -> None:
    vault, recovery = created
    vault.store.put("checkin", rid(1), {"mood": 2})
    vault.change_passphrase(NEW_PASSPHRASE)
    assert vault.kdf_params.salt != fast_kdf.salt
    # A new passphrase is never wrapped more weakly than today's defaults (64 MiB, 3 passes).
    assert vault.kdf_params.memory_kib >= 64 * 1024 and vault.kdf_params.iterations >= 3
    vault.lock()

    with pytest.raises(AuthenticationFailed):
        Vault.open_with_passphrase(data_dir, TEST_PASSPHRASE)
    for reopened in (
        Vault.open_with_passphrase(data_dir, NEW_PASSPHRASE),
        Vault.open_with_recovery_key(data_dir, recovery),
    ):
        try:
            assert reopened.store.get("checkin", rid(1)).payload == {"mood": 2}  # type: ignore[union-attr]
        finally:
            reopened.lock()


def test_lowered_kdf_parameters_on_disk_break_the_passphrase_unlock(
    created: tuple[Vault, str], data_dir: Path
) -> None:
    import json
    import sqlite3

    created[0].lock()
    with sqlite3.connect(data_dir / "vault.sqlite3") as db:
        stored = json.loads(db.execute("SELECT value FROM vault_meta WHERE key = 'kdf'").fetchone()[0])
        stored["iterations"] = 1 if stored["iterations"] != 1 else 2
        db.execute("UPDATE vault_meta SET value = ? WHERE key = 'kdf'", (json.dumps(stored),))
    with pytest.raises(AuthenticationFailed):
        Vault.open_with_passphrase(data_dir, TEST_PASSPHRASE)


def test_change_passphrase_can_raise_the_kdf_cost(created: tuple[Vault, str], data_dir: Path) -> None:
    vault, _ = created
    stronger = KdfParams.fresh(memory_kib=2048, iterations=2, lanes=1)
    vault.change_passphrase(NEW_PASSPHRASE, kdf=stronger)
    vault.lock()
    reopened = Vault.open_with_passphrase(data_dir, NEW_PASSPHRASE)
    try:
        assert reopened.kdf_params == stronger
    finally:
        reopened.lock()


def test_change_passphrase_refuses_a_short_one(created: tuple[Vault, str], data_dir: Path) -> None:
    vault, _ = created
    with pytest.raises(InvalidInput):
        vault.change_passphrase("short")
    vault.lock()
    Vault.open_with_passphrase(data_dir, TEST_PASSPHRASE).lock()


# -- locking -------------------------------------------------------------------------------------------------


def test_lock_drops_the_key(vault: Vault) -> None:
    vault.lock()
    assert vault.is_locked
    with pytest.raises(AuthenticationFailed, match="locked"):
        _ = vault.data_key
    with pytest.raises(AuthenticationFailed, match="locked"):
        vault.verify()
    vault.lock()  # locking twice is harmless


def test_a_locked_vault_store_reads_nothing(vault: Vault) -> None:
    vault.store.put("checkin", rid(1), {"note": "private"})
    vault.lock()
    with pytest.raises(AuthenticationFailed):
        vault.store.load("checkin")


# -- tampering and damage ------------------------------------------------------------------------------------


def test_payload_swapped_into_another_row_is_reported_and_the_rest_still_load(
    three_records: Vault, data_dir: Path
) -> None:
    sql(
        data_dir,
        "UPDATE records SET payload = (SELECT payload FROM records WHERE id = ?) WHERE id = ?",
        (rid(1), rid(2)),
    )
    vault = Vault.open_with_passphrase(data_dir, TEST_PASSPHRASE)
    try:
        report = vault.verify()
        assert report.records_checked == 3
        assert [(d.kind, d.record_id) for d in report.damaged] == [("checkin", rid(2))]
        assert not report.sqlite_problems
        assert not report.ok
        assert "1 of 3 records are damaged" in report.summary()

        loaded = vault.store.load("checkin")
        assert sorted(r.payload["note"] for r in loaded.records) == ["first", "third"]
        assert [d.record_id for d in loaded.damaged] == [rid(2)]
        with pytest.raises(DamagedRecord) as caught:
            vault.store.get("checkin", rid(2))
        assert rid(2) in str(caught.value)
        assert caught.value.exit_code == 4
        assert vault.store.get("checkin", rid(1)).payload["note"] == "first"  # type: ignore[union-attr]
    finally:
        vault.lock()


@pytest.mark.parametrize(
    ("statement", "params"),
    [
        ("UPDATE records SET day = '2026-11-20' WHERE id = ?", (rid(2),)),
        ("UPDATE records SET day = NULL WHERE id = ?", (rid(2),)),
        ("UPDATE records SET kind = 'journal' WHERE id = ?", (rid(2),)),
        ("UPDATE records SET id = ? WHERE id = ?", (rid(9), rid(2))),
        ("UPDATE records SET payload = substr(payload, 1, length(payload) - 1) WHERE id = ?", (rid(2),)),
        ("UPDATE records SET payload = X'00' WHERE id = ?", (rid(2),)),
    ],
    ids=["moved-to-another-day", "day-removed", "kind-changed", "id-changed", "truncated", "replaced"],
)
def test_every_edit_of_a_row_is_detected(
    three_records: Vault, data_dir: Path, statement: str, params: Any
) -> None:
    sql(data_dir, statement, params)
    vault = Vault.open_with_passphrase(data_dir, TEST_PASSPHRASE)
    try:
        report = vault.verify()
        assert report.records_checked == 3
        assert len(report.damaged) == 1
        assert report.damaged[0].record_id in (rid(2), rid(9))
    finally:
        vault.lock()


def test_payload_that_is_not_a_json_object_is_damaged(vault: Vault) -> None:
    from wellbeing_app.crypto.aead import RecordCipher, associated_data

    sealed = RecordCipher(vault.data_key).seal(
        b"[1, 2]", associated_data("records", "payload", rid(1), "checkin\x1f")
    )
    with vault.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO records(id, kind, day, payload) VALUES (?, 'checkin', NULL, ?)", (rid(1), sealed)
        )
    with pytest.raises(DamagedRecord):
        vault.store.get("checkin", rid(1))


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM vault_meta WHERE key = 'format'",
        "UPDATE vault_meta SET value = 'something-else/9' WHERE key = 'format'",
        "DROP TABLE vault_meta",
    ],
    ids=["format-row-missing", "format-changed", "table-dropped"],
)
def test_damaged_vault_header_is_an_integrity_error(
    created: tuple[Vault, str], data_dir: Path, statement: str
) -> None:
    created[0].lock()
    sql(data_dir, statement)
    with pytest.raises(IntegrityError, match="backup"):
        Vault.open_with_passphrase(data_dir, TEST_PASSPHRASE)


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE vault_meta SET value = '{not json' WHERE key = 'kdf'",
        "DELETE FROM vault_meta WHERE key = 'wrapped_key.passphrase'",
        "UPDATE vault_meta SET value = 'zz' WHERE key = 'wrapped_key.passphrase'",
    ],
    ids=["kdf-not-json", "wrapped-key-missing", "wrapped-key-not-hex"],
)
def test_damaged_header_values_are_integrity_errors(
    created: tuple[Vault, str], data_dir: Path, statement: str
) -> None:
    created[0].lock()
    sql(data_dir, statement)
    with pytest.raises(IntegrityError):
        Vault.open_with_passphrase(data_dir, TEST_PASSPHRASE)


def test_tampered_wrapped_key_does_not_open(created: tuple[Vault, str], data_dir: Path) -> None:
    created[0].lock()
    (wrapped,) = sql(data_dir, "SELECT value FROM vault_meta WHERE key = 'wrapped_key.passphrase'")[0]
    flipped = wrapped[:-2] + ("00" if wrapped[-2:] != "00" else "11")
    sql(data_dir, "UPDATE vault_meta SET value = ? WHERE key = 'wrapped_key.passphrase'", (flipped,))
    with pytest.raises(AuthenticationFailed):
        Vault.open_with_passphrase(data_dir, TEST_PASSPHRASE)


def test_wrapped_keys_cannot_be_swapped_between_slots(created: tuple[Vault, str], data_dir: Path) -> None:
    vault, recovery = created
    vault.lock()
    sql(
        data_dir,
        "UPDATE vault_meta SET value = (SELECT value FROM vault_meta WHERE key = 'wrapped_key.passphrase') "
        "WHERE key = 'wrapped_key.recovery'",
    )
    with pytest.raises(AuthenticationFailed):
        Vault.open_with_recovery_key(data_dir, recovery)


@pytest.mark.parametrize(
    "content", [b"this is not a database, just text\n" * 200, b"SQLite format 3\x00" + b"\xff" * 4000]
)
def test_a_file_that_is_not_a_vault_is_an_integrity_error(data_dir: Path, content: bytes) -> None:
    data_dir.mkdir()
    db_path(data_dir).write_bytes(content)
    with pytest.raises(IntegrityError):
        Vault.open_with_passphrase(data_dir, TEST_PASSPHRASE)
    assert db_path(data_dir).read_bytes() == content


def test_an_empty_sqlite_database_is_an_integrity_error(data_dir: Path) -> None:
    data_dir.mkdir()
    sqlite3.connect(db_path(data_dir)).close()
    with pytest.raises(IntegrityError):
        Vault.open_with_passphrase(data_dir, TEST_PASSPHRASE)


def test_verify_reports_a_healthy_vault(three_records: Vault, data_dir: Path) -> None:
    vault = Vault.open_with_passphrase(data_dir, TEST_PASSPHRASE)
    try:
        report = vault.verify()
    finally:
        vault.lock()
    assert report.ok
    assert report.records_checked == 3
    assert report.summary().startswith("Vault OK: 3 records")


def test_verify_reads_every_payload_back_through_its_kind(vault: Vault) -> None:
    """A record that decrypts but holds what its kind cannot read is damaged too; unknown kinds only decrypt."""
    vault.store.put("checkin", str(uuid.uuid4()), {"mood": 5}, date(2026, 11, 20))
    vault.store.put("checkin", str(uuid.uuid4()), {"mood": "rather low"}, date(2026, 11, 21))
    vault.store.put("profile", str(uuid.uuid4()), {"experience_tags": 7})
    vault.store.put("episode", str(uuid.uuid4()), {"peak_level": [3], "start": {"a": 1}})  # wrong shapes
    vault.store.put("a-kind-from-a-newer-version", str(uuid.uuid4()), {"anything": True})
    report = vault.verify()
    assert report.records_checked == 5
    assert sorted(damaged.kind for damaged in report.damaged) == ["checkin", "episode", "profile"]
    assert report.summary().startswith("3 of 5 records are damaged")


# -- the record store ----------------------------------------------------------------------------------------


def test_put_get_replace_delete(vault: Vault) -> None:
    store = vault.store
    assert store.get("checkin", rid(1)) is None
    store.put("checkin", rid(1), {"mood": 2, "tags": ["sleep"], "note": "Ωmega"}, date(2026, 11, 25))
    record = store.get("checkin", rid(1))
    assert record is not None
    assert (record.id, record.kind, record.day) == (rid(1), "checkin", date(2026, 11, 25))
    assert record.payload == {"mood": 2, "tags": ["sleep"], "note": "Ωmega"}

    store.put("checkin", rid(1), {"mood": 4}, date(2026, 11, 25))
    assert store.get("checkin", rid(1)).payload == {"mood": 4}  # type: ignore[union-attr]
    assert store.count() == 1

    assert store.get("journal", rid(1)) is None
    assert not store.delete("journal", rid(1))
    assert store.delete("checkin", rid(1))
    assert store.get("checkin", rid(1)) is None
    assert not store.delete("checkin", rid(1))


def test_load_with_day_ranges(vault: Vault) -> None:
    for n in range(20, 26):
        vault.store.put("checkin", rid(n), {"n": n}, date(2026, 11, n))
    vault.store.put("checkin", rid(99), {"n": 99})  # no day
    vault.store.put("journal", rid(50), {"n": 50}, date(2026, 11, 22))

    def days(**kwargs: date) -> list[int]:
        result = vault.store.load("checkin", **kwargs)
        assert not result.damaged
        return sorted(r.payload["n"] for r in result.records)

    assert days() == [20, 21, 22, 23, 24, 25, 99]
    assert days(day_from=date(2026, 11, 23)) == [23, 24, 25]
    assert days(day_to=date(2026, 11, 21)) == [20, 21]
    assert days(day_from=date(2026, 11, 22), day_to=date(2026, 11, 22)) == [22]
    assert days(day_from=date(2026, 11, 21), day_to=date(2026, 11, 24)) == [21, 22, 23, 24]
    assert days(day_from=date(2026, 11, 26)) == []
    assert days(day_from=date(2026, 11, 24), day_to=date(2026, 11, 21)) == []
    assert vault.store.count("checkin") == 7
    assert vault.store.count("journal") == 1
    assert vault.store.count() == 8


def test_put_many_writes_all_and_notifies_once_per_kind(vault: Vault) -> None:
    seen: list[frozenset[str]] = []
    vault.store.add_listener(seen.append)
    written = vault.store.put_many(
        [
            PendingRecord("checkin", rid(1), {"a": 1}, date(2026, 11, 24)),
            PendingRecord("checkin", rid(2), {"a": 2}, date(2026, 11, 25)),
            PendingRecord("journal", rid(3), {"a": 3}),
        ]
    )
    assert written == 3
    assert vault.store.count() == 3
    assert seen == [frozenset({"checkin", "journal"})]
    assert vault.store.put_many([]) == 0
    assert seen == [frozenset({"checkin", "journal"})]


def test_put_many_is_atomic(vault: Vault) -> None:
    seen: list[frozenset[str]] = []
    vault.store.put("checkin", rid(1), {"version": "original"})
    vault.store.add_listener(seen.append)
    with pytest.raises(TypeError):
        vault.store.put_many(
            [
                PendingRecord("checkin", rid(1), {"version": "replacement"}),
                PendingRecord("checkin", rid(2), {"fine": True}),
                PendingRecord("checkin", rid(3), {"not json": object()}),
                PendingRecord("checkin", rid(4), {"fine": True}),
            ]
        )
    assert vault.store.count() == 1
    assert vault.store.get("checkin", rid(1)).payload == {"version": "original"}  # type: ignore[union-attr]
    assert seen == []


def test_put_many_is_atomic_when_the_database_refuses(vault: Vault) -> None:
    vault.store.put("checkin", rid(1), {"version": "original"})
    with vault.engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TRIGGER refuse BEFORE INSERT ON records WHEN NEW.kind = 'refuse-me' "
            "BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )
    with pytest.raises(Exception, match="refused"):
        vault.store.put_many(
            [
                PendingRecord("checkin", rid(1), {"version": "replacement"}),
                PendingRecord("refuse-me", rid(2), {}),
            ]
        )
    assert vault.store.count() == 1
    assert vault.store.get("checkin", rid(1)).payload == {"version": "original"}  # type: ignore[union-attr]


def test_payloads_are_stored_encrypted(vault: Vault, data_dir: Path) -> None:
    vault.store.put("checkin", rid(1), {"note": "visible?"}, date(2026, 11, 25))
    vault.lock()
    ((kind, day, payload),) = sql(data_dir, "SELECT kind, day, payload FROM records")
    assert (kind, day) == ("checkin", "2026-11-25")
    assert b"visible" not in payload
    assert payload[:1] == b"\x01"


def test_meta_holds_no_secrets_in_the_clear(created: tuple[Vault, str], data_dir: Path) -> None:
    vault, recovery = created
    key_hex = vault.data_key.hex()
    vault.lock()
    meta = dict(sql(data_dir, "SELECT key, value FROM vault_meta"))
    assert set(meta) == {
        "format",
        "vault_id",
        "device_id",
        "created_at",
        "kdf",
        "recovery_salt",
        "wrapped_key.passphrase",
        "wrapped_key.recovery",
        "key_check",
        "header_mac",
    }
    assert meta["created_at"] == "2026-11-25T09:00:00" + meta["created_at"][19:]
    assert json.loads(meta["kdf"])["algorithm"] == "argon2id"
    for value in meta.values():
        assert key_hex not in value
        assert TEST_PASSPHRASE not in value
        assert recovery not in value and recovery.replace("-", "") not in value

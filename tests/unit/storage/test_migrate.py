"""Alembic migrations: the schema head, upgrading an empty database, and the backup taken before a migration."""

from __future__ import annotations

import shutil
import sqlite3
import stat
import textwrap
import uuid
from datetime import date
from pathlib import Path

import pytest

from wellbeing_app.clock import FixedClock
from wellbeing_app.errors import IntegrityError
from wellbeing_app.storage import migrate
from wellbeing_app.storage.engine import open_engine
from wellbeing_app.storage.migrate import (
    SCHEMA_HEAD,
    backup_database,
    current_revision,
    head_revision,
    migrate_if_needed,
    upgrade_to_head,
)
from wellbeing_app.vault import Vault, db_path

CANARY = "CANARY-MIGRATION-5521"


def tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')")
        }
    finally:
        conn.close()


def rows(path: Path, statement: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(statement).fetchall()
    finally:
        conn.close()


@pytest.fixture
def filled_vault(vault: Vault, data_dir: Path) -> Path:
    """A locked vault file at the head revision holding two records with a canary in them."""
    vault.store.put("checkin", str(uuid.UUID(int=1)), {"mood": 5, "note": CANARY}, date(2026, 11, 24))
    vault.store.put("journal", str(uuid.UUID(int=2)), {"text": f"{CANARY} again"}, date(2026, 11, 25))
    vault.lock()
    return db_path(data_dir)


@pytest.fixture
def schema_one_ahead(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The app's migrations plus a harmless test revision, so an existing vault is one revision behind."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9999_test_index.py").write_text(
        textwrap.dedent(
            f'''\
            """A test-only revision: an index on records.day."""
            from alembic import op

            revision = "9999_test"
            down_revision = "{migrate.SCHEMA_HEAD}"
            branch_labels = None
            depends_on = None


            def upgrade() -> None:
                op.create_index("ix_test_records_day", "records", ["day"])


            def downgrade() -> None:
                op.drop_index("ix_test_records_day", table_name="records")
            '''
        )
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)
    monkeypatch.setattr(migrate, "SCHEMA_HEAD", "9999_test")
    return "9999_test"


def test_schema_head_matches_alembic() -> None:
    assert head_revision() == SCHEMA_HEAD


def test_upgrading_an_empty_database_creates_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    engine = open_engine(path)
    try:
        assert current_revision(engine) is None
        upgrade_to_head(engine)
        assert current_revision(engine) == SCHEMA_HEAD
    finally:
        engine.dispose()
    assert {"vault_meta", "records", "alembic_version", "ix_records_kind_day"} <= tables(path)
    columns = [row[1] for row in rows(path, "PRAGMA table_info(records)")]
    assert columns == ["id", "kind", "day", "payload", "changed_at", "device_id", "deleted"]


def test_migrate_if_needed_on_an_empty_database_needs_no_backup(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "empty.sqlite3"
    engine = open_engine(path)
    try:
        assert migrate_if_needed(engine, path, clock.now()) is None
        assert current_revision(engine) == SCHEMA_HEAD
        assert migrate_if_needed(engine, path, clock.now()) is None  # already at head: nothing to do
    finally:
        engine.dispose()
    assert not (tmp_path / "backups").exists()


def test_opening_a_vault_at_head_makes_no_backup(filled_vault: Path, data_dir: Path, passphrase: str) -> None:
    vault = Vault.open_with_passphrase(data_dir, passphrase)
    vault.lock()
    assert vault.backup_made is None
    assert not (data_dir / "backups").exists()


def test_a_vault_behind_head_is_backed_up_then_upgraded(
    filled_vault: Path, data_dir: Path, passphrase: str, clock: FixedClock, schema_one_ahead: str
) -> None:
    before = rows(filled_vault, "SELECT id, kind, day, payload FROM records ORDER BY id")
    vault = Vault.open_with_passphrase(data_dir, passphrase, clock=clock)
    try:
        backup = vault.backup_made
        assert backup is not None
        assert backup.parent == data_dir / "backups"
        assert backup.name == f"vault-20261125-090000-before-migration-from-{SCHEMA_HEAD}.sqlite3"
        assert current_revision(vault.engine) == schema_one_ahead
        assert "ix_test_records_day" in tables(filled_vault)
        assert vault.verify().ok
        assert vault.store.count() == 2
    finally:
        vault.lock()

    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.parent.stat().st_mode) == 0o700
    assert rows(backup, "SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]
    assert rows(backup, "SELECT id, kind, day, payload FROM records ORDER BY id") == before
    assert CANARY.encode() not in backup.read_bytes()

    reopened = Vault.open_with_passphrase(data_dir, passphrase, clock=clock)
    reopened.lock()
    assert reopened.backup_made is None  # migrated once, not on every unlock


def test_a_database_with_tables_but_no_revision_is_refused_unchanged(
    filled_vault: Path, data_dir: Path, passphrase: str
) -> None:
    conn = sqlite3.connect(filled_vault)
    with conn:
        conn.execute("DELETE FROM alembic_version")
    conn.close()
    before = rows(filled_vault, "SELECT * FROM records ORDER BY id")
    with pytest.raises(IntegrityError, match="unchanged"):
        Vault.open_with_passphrase(data_dir, passphrase)
    assert rows(filled_vault, "SELECT * FROM records ORDER BY id") == before
    assert rows(filled_vault, "SELECT count(*) FROM vault_meta") == [(10,)]


def test_a_vault_from_a_newer_app_is_refused_calmly(
    filled_vault: Path, data_dir: Path, passphrase: str
) -> None:
    conn = sqlite3.connect(filled_vault)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    with pytest.raises(IntegrityError):
        Vault.open_with_passphrase(data_dir, passphrase)


def test_backup_database_copies_the_encrypted_rows(
    filled_vault: Path, data_dir: Path, clock: FixedClock
) -> None:
    backup = backup_database(filled_vault, clock.now(), "manual")
    assert backup == data_dir / "backups" / "vault-20261125-090000-manual.sqlite3"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert rows(backup, "PRAGMA integrity_check") == [("ok",)]
    assert rows(backup, "SELECT id, kind, day, payload FROM records ORDER BY id") == rows(
        filled_vault, "SELECT id, kind, day, payload FROM records ORDER BY id"
    )
    assert rows(backup, "SELECT key, value FROM vault_meta ORDER BY key") == rows(
        filled_vault, "SELECT key, value FROM vault_meta ORDER BY key"
    )
    for path in backup.parent.iterdir():
        data = path.read_bytes()
        assert CANARY.encode("utf-8") not in data
        assert CANARY.encode("utf-16-le") not in data


def test_a_backup_opens_as_a_vault(
    filled_vault: Path, tmp_path: Path, passphrase: str, clock: FixedClock
) -> None:
    backup = backup_database(filled_vault, clock.now(), "manual")
    restored = tmp_path / "restored"
    restored.mkdir()
    shutil.copy(backup, db_path(restored))
    vault = Vault.open_with_passphrase(restored, passphrase)
    try:
        assert vault.store.count() == 2
        assert vault.store.load("checkin").records[0].payload == {"mood": 5, "note": CANARY}
        assert vault.verify().ok
    finally:
        vault.lock()


def test_a_vault_from_before_change_times_upgrades_in_place_and_stays_readable(
    vault: Vault, data_dir: Path, passphrase: str, clock: FixedClock
) -> None:
    """Revision 0001 rows were sealed without a change time; 0002 adds the columns and they still open."""
    from wellbeing_app.crypto.aead import RecordCipher, associated_data
    from wellbeing_app.vault_keys import KEY_CHECK_LEGACY, _wrap_aad

    cipher = RecordCipher(vault.data_key)
    legacy_check = cipher.seal(KEY_CHECK_LEGACY, _wrap_aad(vault.vault_id, "key_check")).hex()
    vault.lock()
    path = db_path(data_dir)
    conn = sqlite3.connect(path)
    with conn:
        # A vault of that time also had no authenticated header (issue 14).
        conn.execute("UPDATE vault_meta SET value = ? WHERE key = 'key_check'", (legacy_check,))
        conn.execute("DELETE FROM vault_meta WHERE key = 'header_mac'")
        conn.execute("DROP INDEX ix_records_changed_at")
        for column in ("changed_at", "device_id", "deleted"):
            conn.execute(f"ALTER TABLE records DROP COLUMN {column}")
        conn.execute("DELETE FROM vault_meta WHERE key = 'device_id'")
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
        record_id = str(uuid.UUID(int=7))
        aad = associated_data("records", "payload", record_id, "checkin\x1f2026-11-24")
        sealed = cipher.seal(f'{{"mood": 5, "note": "{CANARY}"}}'.encode(), aad)
        conn.execute("INSERT INTO records VALUES (?, 'checkin', '2026-11-24', ?)", (record_id, sealed))
    conn.close()

    upgraded = Vault.open_with_passphrase(data_dir, passphrase, clock=clock)
    try:
        assert upgraded.backup_made is not None and "from-0001" in upgraded.backup_made.name
        assert current_revision(upgraded.engine) == SCHEMA_HEAD
        assert upgraded.store.get("checkin", record_id).payload == {"mood": 5, "note": CANARY}  # type: ignore[union-attr]
        assert upgraded.device_id  # made on the first open after the upgrade
        assert upgraded.verify().ok
        upgraded.store.delete("checkin", record_id)
        assert upgraded.store.get("checkin", record_id) is None
        assert upgraded.verify().ok
    finally:
        upgraded.lock()

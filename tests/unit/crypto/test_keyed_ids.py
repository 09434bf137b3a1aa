"""Record ids on disk give nothing away: the attack of issue 14 on a copy of a vault, and the migration.

Before, an imported Daylio row, a directory contact and a draft had a uuid5 id of their content, the same in
every vault: reading only the file, a guess (time and mood, a contact's name, a draft slot) could be confirmed.
"""

from __future__ import annotations

import sqlite3
import uuid
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import TEST_PASSPHRASE
from tests.helpers.builders import ORG_CSV
from wellbeing_app.clock import FixedClock
from wellbeing_app.crypto.kdf import KdfParams
from wellbeing_app.drafts import draft_id
from wellbeing_app.services import Services
from wellbeing_app.storage.records import PendingRecord
from wellbeing_app.transfer.daylio import daylio_id, import_daylio, validate_daylio
from wellbeing_app.transfer.export import ImportContext
from wellbeing_app.vault import Vault, db_path

DAYLIO = (Path(__file__).parents[1] / "transfer" / "data" / "daylio_renamed.csv").read_text(encoding="utf-8")
MOODS = {"super": 9, "fine": 6, "low": 2}
SLOT = "journal-editor"


def stored_ids(data_dir: Path) -> set[str]:
    conn = sqlite3.connect(db_path(data_dir))
    try:
        return {str(row[0]) for row in conn.execute("SELECT id FROM records")}
    finally:
        conn.close()


def fill(services: Services) -> None:
    import_daylio(services, DAYLIO, moods=MOODS)
    services.directory.apply_import(services.directory.plan_import(ORG_CSV, source_name="org.csv"))
    services.drafts.save(SLOT, {"body": "half a thought"})


def attacker_guesses() -> set[str]:
    """What someone holding only the file computes: the old content-derived ids of likely content."""
    guesses = {draft_id(SLOT), draft_id("checkin-note")}
    guesses.add(daylio_id("2026-11-20", "00:05", "meh", ""))
    for contact_id in ("p-001", "p-002", "p-003", "p-004"):
        guesses.add(
            str(uuid.uuid5(uuid.UUID("6f1d3c52-8a3e-5b7a-9c41-2f0e5d7b9a13"), f"org.csv\x1f{contact_id}"))
        )
    return guesses


@pytest.fixture
def two_vaults(tmp_path: Path, fast_kdf: KdfParams, clock: FixedClock) -> tuple[Path, Path]:
    """Two vaults filled with exactly the same content."""
    dirs = []
    for name in ("a", "b"):
        vault, _ = Vault.create(tmp_path / name, TEST_PASSPHRASE, kdf=fast_kdf, clock=clock)
        fill(Services(vault, clock))
        vault.lock()
        dirs.append(tmp_path / name)
    return dirs[0], dirs[1]


def test_no_stored_id_can_be_confirmed_from_content(two_vaults: tuple[Path, Path]) -> None:
    first, second = two_vaults
    ids_a, ids_b = stored_ids(first), stored_ids(second)
    assert len(ids_a) == len(ids_b) > 9
    assert not ids_a & attacker_guesses()
    assert not ids_a & ids_b, "the same content must not give the same id in two vaults"
    assert {uuid.UUID(record_id).version for record_id in ids_a} == {4}


def test_reimport_still_adds_nothing(vault: Vault, clock: FixedClock) -> None:
    services = Services(vault, clock)
    fill(services)
    before = stored_ids(vault.data_dir)
    assert import_daylio(services, DAYLIO, moods=MOODS).added == 0
    plan = services.directory.plan_import(ORG_CSV, source_name="org.csv")
    assert not plan.changes
    services.drafts.save(SLOT, {"body": "the same slot again"})
    assert stored_ids(vault.data_dir) == before


def test_a_deleted_imported_checkin_stays_deleted_on_reimport(vault: Vault, clock: FixedClock) -> None:
    """Deterministic keyed ids: the deletion marker (issue 9) has the same id as the re-imported row."""
    services = Services(vault, clock)
    import_daylio(services, DAYLIO, moods=MOODS)
    victim = services.checkins.on_day(date(2026, 11, 20))[0]
    services.checkins.delete(victim.id)
    import_daylio(services, DAYLIO, moods=MOODS)
    assert victim.id not in {c.id for c in services.checkins.on_day(date(2026, 11, 20))}


def make_legacy_vault(data_dir: Path, kdf: KdfParams, clock: FixedClock) -> None:
    """A vault as the previous version wrote it: content-derived ids, schema revision 0002 (change times)."""
    vault, _ = Vault.create(data_dir, TEST_PASSPHRASE, kdf=kdf, clock=clock)
    services = Services(vault, clock)
    legacy = ImportContext(clock.now(), keyed_id=lambda stable_id: stable_id)
    vault.store.put_many(candidate.record for candidate in validate_daylio(DAYLIO, legacy, moods=MOODS))
    plan = services.directory.plan_import(ORG_CSV, source_name="org.csv")
    vault.store.put_many(PendingRecord("contact", c.record_id, c.to_payload()) for c in plan.changes)
    vault.store.put("draft", draft_id(SLOT), {"slot": SLOT, "fields": {"body": "half a thought"}})
    vault.lock()
    conn = sqlite3.connect(db_path(data_dir))
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '0002'")
    conn.close()


def test_existing_vaults_are_migrated_to_keyed_ids(
    data_dir: Path, fast_kdf: KdfParams, clock: FixedClock
) -> None:
    make_legacy_vault(data_dir, fast_kdf, clock)
    assert stored_ids(data_dir) & attacker_guesses()
    count = len(stored_ids(data_dir))
    vault = Vault.open_with_passphrase(data_dir, TEST_PASSPHRASE, clock=clock)
    try:
        assert vault.backup_made is not None
        assert vault.verify().ok
        services = Services(vault, clock)
        assert not stored_ids(data_dir) & attacker_guesses()
        assert len(stored_ids(data_dir)) == count
        assert services.drafts.load(SLOT) == {"body": "half a thought"}
        assert len(services.directory.contacts()) == 4
        assert import_daylio(services, DAYLIO, moods=MOODS).added == 0
        assert not services.directory.plan_import(ORG_CSV, source_name="org.csv").changes
        assert len(stored_ids(data_dir)) == count
    finally:
        vault.lock()


def test_a_damaged_legacy_record_is_left_for_verify_to_report(
    data_dir: Path, fast_kdf: KdfParams, clock: FixedClock
) -> None:
    make_legacy_vault(data_dir, fast_kdf, clock)
    conn = sqlite3.connect(db_path(data_dir))
    with conn:
        conn.execute("UPDATE records SET payload = X'00' WHERE id = ?", (draft_id(SLOT),))
    conn.close()
    vault = Vault.open_with_passphrase(data_dir, TEST_PASSPHRASE, clock=clock)
    try:
        report = vault.verify()
        assert [damaged.record_id for damaged in report.damaged] == [draft_id(SLOT)]
        assert report.records_checked == len(stored_ids(data_dir))
    finally:
        vault.lock()

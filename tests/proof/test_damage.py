"""Damage (issue 12): bit flips, swapped values, a truncated file, overwritten pages, a deleted WAL.

Each is detected (exit 4, or the damaged records named), none crashes, the undamaged records stay readable,
and salvage rescues them into a new vault that the same passphrase opens.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.helpers.cli import PASSPHRASE
from tests.proof.conftest import Run, fill_vault
from wellbeing_app.clock import FixedClock
from wellbeing_app.crypto.kdf import KdfParams
from wellbeing_app.vault import Vault, db_path

SEED = 20261130


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """One filled vault per module (filling is the slow part); each test damages its own copy."""
    from datetime import datetime

    folder = tmp_path_factory.mktemp("pristine") / "vault"
    clock = FixedClock(datetime(2026, 11, 25, 9, 0).astimezone())
    fill_vault(folder, KdfParams.fresh(memory_kib=1024, iterations=1, lanes=1), clock)
    conn = sqlite3.connect(db_path(folder))
    count = conn.execute("SELECT count(*) FROM records").fetchone()[0]
    conn.close()
    return folder, int(count)


@pytest.fixture
def copy(pristine: tuple[Path, int], tmp_path: Path) -> Path:
    target = tmp_path / "vault"
    shutil.copytree(pristine[0], target)
    return target


def sql(folder: Path, statement: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db_path(folder))
    try:
        with conn:
            return conn.execute(statement, params).fetchall()
    finally:
        conn.close()


def salvaged(run: Run, folder: Path, out: Path) -> int:
    """Salvage into ``out``; returns how many records the new vault holds (after it verifies clean)."""
    result = run(folder, "salvage", "--out", str(out))
    assert result.code == 0, result.err
    assert run(out, "verify").code == 0
    vault = Vault.open_with_passphrase(out, PASSPHRASE)
    try:
        return vault.store.count()
    finally:
        vault.lock()


def test_bit_flips_in_stored_values_are_named_and_salvage_keeps_the_rest(
    run: Run, copy: Path, tmp_path: Path, pristine: tuple[Path, int]
) -> None:
    rng = random.Random(SEED)
    rows = sql(copy, "SELECT rowid, payload FROM records ORDER BY rowid")
    victims = rng.sample(rows, 5)
    for rowid, payload in victims:
        assert isinstance(payload, bytes)
        position = rng.randrange(len(payload))
        flipped = (
            payload[:position]
            + bytes([payload[position] ^ (1 << rng.randrange(8))])
            + payload[position + 1 :]
        )
        sql(copy, "UPDATE records SET payload = ? WHERE rowid = ?", (flipped, rowid))
    result = run(copy, "verify")
    assert result.code == 4
    assert result.err.count("Damaged:") == 5
    listed = run(copy, "journal", "list")
    assert listed.code == 0 and "could not be read" in listed.err
    assert salvaged(run, copy, tmp_path / "rescued") == pristine[1] - 5


@pytest.mark.parametrize(
    "swap", ["payload-between-rows", "day-between-rows", "kind-of-a-row", "id-between-rows"]
)
def test_values_swapped_between_rows_and_fields_are_detected(run: Run, copy: Path, swap: str) -> None:
    (a_id, _, _), (b_id, _, b_payload) = sql(
        copy,
        "SELECT id, day, payload FROM records WHERE kind = 'journal' AND day IS NOT NULL LIMIT 2 OFFSET 7",
    )[:2]
    if swap == "payload-between-rows":
        sql(copy, "UPDATE records SET payload = ? WHERE id = ?", (b_payload, a_id))
    elif swap == "day-between-rows":
        sql(copy, "UPDATE records SET day = ? WHERE id = ?", ("2020-01-01", a_id))
    elif swap == "kind-of-a-row":
        sql(copy, "UPDATE records SET kind = 'checkin' WHERE id = ?", (a_id,))
    else:
        sql(copy, "UPDATE records SET id = 'x' WHERE id = ?", (b_id,))
        sql(copy, "UPDATE records SET id = ? WHERE id = ?", (b_id, a_id))
        sql(copy, "UPDATE records SET id = ? WHERE id = 'x'", (a_id,))
    result = run(copy, "verify")
    assert result.code == 4
    assert "Damaged:" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("keep", [0.9, 0.6])
def test_a_truncated_file_is_damage_and_salvage_rescues_what_is_left(
    run: Run, copy: Path, tmp_path: Path, keep: float, pristine: tuple[Path, int]
) -> None:
    data = db_path(copy).read_bytes()
    page = 4096
    db_path(copy).write_bytes(data[: (int(len(data) * keep) // page) * page])
    for command in (("verify",), ("journal", "list"), ("status",)):
        result = run(copy, *command)
        assert result.code == 4, (command, result.err)
        assert "salvage" in result.err
    rescued = salvaged(run, copy, tmp_path / "rescued")
    assert 0 < rescued < pristine[1]


@pytest.mark.parametrize("trial", range(4))
def test_overwritten_pages_are_damage_never_a_crash(
    run: Run, copy: Path, tmp_path: Path, trial: int, pristine: tuple[Path, int]
) -> None:
    rng = random.Random(SEED + trial)
    size = db_path(copy).stat().st_size
    page = 4096
    with db_path(copy).open("r+b") as file:
        for _ in range(2):
            file.seek(rng.randrange(2, size // page) * page + rng.randrange(0, page - 16))
            file.write(rng.randbytes(rng.choice([16, 512, 4096])))
    result = run(copy, "verify")
    assert result.code in (0, 4), result.err  # a page of free space or of an index can be harmless
    assert "unexpected" not in result.err
    if result.code == 4:
        rescued = salvaged(run, copy, tmp_path / "rescued")
        assert rescued > pristine[1] // 2


def test_a_deleted_wal_loses_only_the_unsaved_tail(
    run: Run, copy: Path, tmp_path: Path, clock: FixedClock, pristine: tuple[Path, int]
) -> None:
    """The WAL of a vault still open is removed (a sync tool copying only the main file)."""
    vault = Vault.open_with_passphrase(copy, PASSPHRASE, clock=clock)
    try:
        vault.store.put("journal", "00000000-0000-4000-8000-00000000abcd", {"body": "late"}, None)
        snapshot = tmp_path / "synced"
        snapshot.mkdir()
        shutil.copy2(db_path(copy), db_path(snapshot))
    finally:
        vault.lock()
    result = run(snapshot, "verify")
    assert result.code == 0, result.err
    assert f"{pristine[1]} records" in result.out

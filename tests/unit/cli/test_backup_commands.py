"""Backups, restore, passwd and recover from the command line: round trips and refusals (issue 12)."""

from __future__ import annotations

import sqlite3
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tests.helpers.cli import PASSPHRASE, Cli
from wellbeing_app.backup import automatic_backup, backups_to_keep, list_backups, prune
from wellbeing_app.clock import FixedClock
from wellbeing_app.crypto.kdf import KdfParams
from wellbeing_app.vault import Vault

NEW = "a completely different sentence"


@pytest.fixture
def recovery(data_dir: Path, fast_kdf: KdfParams, clock: FixedClock) -> str:
    """The test vault, made here so the recovery key is known; with a few records."""
    vault, key = Vault.create(data_dir, PASSPHRASE, kdf=fast_kdf, clock=clock)
    vault.lock()
    return key


@pytest.fixture
def cli_vault(data_dir: Path, recovery: str) -> Path:
    return data_dir


def fill(cli: Cli) -> None:
    assert cli("checkin", "--mood", "6", "--note", "backup canary night").code == 0
    assert cli("journal", "add", "a long walk by the river").code == 0


def export(cli: Cli, out: Path, data_dir: Path | None = None, env: dict[str, str] | None = None) -> str:
    result = cli("export", "--format", "json", "--out", str(out), data_dir=data_dir, environ=env)
    assert result.code == 0, result.err
    return out.read_text(encoding="utf-8")


def test_backup_then_restore_into_a_new_folder_gives_the_same_export(cli: Cli, tmp_path: Path) -> None:
    fill(cli)
    before = export(cli, tmp_path / "before.json")
    backup = tmp_path / "usb" / "copy.sqlite3"
    backup.parent.mkdir()
    made = cli("backup", "--out", str(backup))
    assert made.code == 0, made.err
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert b"backup canary" not in backup.read_bytes()
    assert not list(backup.parent.glob("*-wal")), "a backup is one self-contained file"
    restored = tmp_path / "restored"
    result = cli("restore", str(backup), data_dir=restored)
    assert result.code == 0, result.err
    assert "Restored 2 records" in result.out
    assert export(cli, tmp_path / "after.json", data_dir=restored) == before


def test_backup_never_overwrites(cli: Cli, tmp_path: Path) -> None:
    existing = tmp_path / "taken.sqlite3"
    existing.write_bytes(b"someone else's file")
    result = cli("backup", "--out", str(existing))
    assert result.code == 2 and "already exists" in result.err
    assert existing.read_bytes() == b"someone else's file"


def test_backup_without_out_goes_to_the_backups_folder_and_is_listed(cli: Cli, data_dir: Path) -> None:
    assert cli("backup").code == 0
    listed = cli("backup", "list")
    assert listed.code == 0
    assert "manual" in listed.out and str(data_dir / "backups") in listed.out


def test_restore_refuses_to_replace_without_replace(cli: Cli, data_dir: Path, tmp_path: Path) -> None:
    fill(cli)
    backup = tmp_path / "b.sqlite3"
    assert cli("backup", "--out", str(backup)).code == 0
    before = (data_dir / "vault.sqlite3").read_bytes()
    result = cli("restore", str(backup))
    assert result.code == 2 and "--replace" in result.err
    assert (data_dir / "vault.sqlite3").read_bytes() == before


def test_restore_with_replace_keeps_the_replaced_vault(cli: Cli, data_dir: Path, tmp_path: Path) -> None:
    fill(cli)
    backup = tmp_path / "b.sqlite3"
    assert cli("backup", "--out", str(backup)).code == 0
    before = export(cli, tmp_path / "before.json")
    assert cli("checkin", "--mood", "2", "--note", "after the backup").code == 0
    result = cli("restore", str(backup), "--replace")
    assert result.code == 0, result.err
    assert "kept at" in result.out
    assert export(cli, tmp_path / "after.json") == before
    kept = [info for info in list_backups(data_dir) if info.kind == "before a restore"]
    assert len(kept) == 1
    assert export(cli, tmp_path / "kept.json", data_dir=None) == before  # the vault in place is the backup's
    old = tmp_path / "old"
    assert cli("restore", str(kept[0].path), data_dir=old).code == 0
    assert "after the backup" in export(cli, tmp_path / "old.json", data_dir=old)


@pytest.mark.parametrize("damage", ["payload", "not-sqlite", "truncated"])
def test_a_damaged_backup_is_refused_and_nothing_changes(
    cli: Cli, data_dir: Path, tmp_path: Path, damage: str
) -> None:
    fill(cli)
    backup = tmp_path / "b.sqlite3"
    assert cli("backup", "--out", str(backup)).code == 0
    if damage == "payload":
        conn = sqlite3.connect(backup)
        with conn:
            conn.execute(
                "UPDATE records SET payload = substr(payload, 1, 20) || X'00' || substr(payload, 22)"
            )
        conn.close()
    elif damage == "not-sqlite":
        backup.write_bytes(b"just some bytes, not a backup")
    else:
        backup.write_bytes(backup.read_bytes()[:5000])
    target = tmp_path / "fresh"
    result = cli("restore", str(backup), data_dir=target)
    assert result.code == 4, result.err
    assert "nothing was changed" in result.err
    assert not (target / "vault.sqlite3").exists()
    assert not list(tmp_path.glob(".fresh.restore-*"))


def test_passwd_changes_only_the_passphrase(cli: Cli, data_dir: Path, recovery: str) -> None:
    fill(cli)
    result = cli("passwd", environ={"WELLBEING_PASSPHRASE": PASSPHRASE, "WELLBEING_NEW_PASSPHRASE": NEW})
    assert result.code == 0, result.err
    assert cli("journal", "list").code == 3
    assert cli("journal", "list", environ={"WELLBEING_PASSPHRASE": NEW}).code == 0
    Vault.open_with_recovery_key(data_dir, recovery).lock()


def test_passwd_refuses_a_short_new_passphrase(cli: Cli) -> None:
    result = cli("passwd", environ={"WELLBEING_PASSPHRASE": PASSPHRASE, "WELLBEING_NEW_PASSPHRASE": "short"})
    assert result.code == 2
    assert cli("journal", "list").code == 0


def test_recover_sets_a_new_passphrase(cli: Cli, data_dir: Path, recovery: str) -> None:
    fill(cli)
    result = cli("recover", environ={"WELLBEING_RECOVERY_KEY": recovery, "WELLBEING_NEW_PASSPHRASE": NEW})
    assert result.code == 0, result.err
    assert cli("journal", "list").code == 3
    listed = cli("journal", "list", environ={"WELLBEING_PASSPHRASE": NEW})
    assert "river" in listed.out
    wrong = cli(
        "recover", environ={"WELLBEING_RECOVERY_KEY": "AAAA-" * 7 + "AAAA", "WELLBEING_NEW_PASSPHRASE": NEW}
    )
    assert wrong.code == 3


def test_one_automatic_backup_a_day_when_changed(cli: Cli, data_dir: Path, clock: FixedClock) -> None:
    fill(cli)
    autos = [info for info in list_backups(data_dir) if info.kind == "automatic"]
    assert len(autos) == 1
    assert automatic_backup(data_dir, clock.now()) is None  # one a day
    assert automatic_backup(data_dir, clock.now() + timedelta(days=1)) is not None  # changed since
    assert automatic_backup(data_dir, clock.now() + timedelta(days=2)) is None  # nothing changed since


def test_retention_keeps_7_daily_and_4_weekly(data_dir: Path) -> None:
    folder = data_dir / "backups"
    folder.mkdir(parents=True)
    start = datetime(2026, 10, 2, 8, 0)  # a Friday; 60 days to Monday 30 November
    for offset in range(60):
        for hour in (8, 20):
            made = start + timedelta(days=offset, hours=hour - 8)
            (folder / f"auto-{made:%Y%m%d-%H%M%S}.sqlite3").write_bytes(b"x")
    (folder / "vault-20260901-080000-before-migration-from-0001.sqlite3").write_bytes(b"x")
    prune(data_dir)
    left = list_backups(data_dir)
    autos = sorted(info.made_at for info in left if info.kind == "automatic" and info.made_at)
    assert [made.date() for made in autos] == [
        date(2026, 11, 15),  # newest of the week of 9 November
        date(2026, 11, 22),  # newest of the week of 16 November
        *(date(2026, 11, day) for day in range(24, 31)),  # the last 7 days (weeks of 23 and 30 November)
    ]
    assert all(made.hour == 20 for made in autos), "the newest backup of each day is the one kept"
    assert any(info.kind == "before an upgrade" for info in left)


@pytest.mark.parametrize(
    ("days", "kept"),
    [
        ([date(2026, 11, 1), date(2026, 11, 2)], [date(2026, 11, 1), date(2026, 11, 2)]),
        (
            [date(2026, 11, 2) + timedelta(days=7 * w) for w in range(10)],
            [date(2026, 11, 2) + timedelta(days=7 * w) for w in range(3, 10)],
        ),
    ],
    ids=["few", "weekly-only"],
)
def test_backups_to_keep(days: list[date], kept: list[date]) -> None:
    assert sorted(backups_to_keep(days)) == kept


def test_recover_without_a_vault_asks_nothing(cli: Cli, tmp_path: Path) -> None:
    result = cli("recover", data_dir=tmp_path / "empty", environ={})
    assert result.code == 3 and "no vault" in result.err


def test_salvage_refuses_an_existing_vault_as_target(cli: Cli, tmp_path: Path, fast_kdf: KdfParams) -> None:
    other = tmp_path / "other"
    Vault.create(other, PASSPHRASE, kdf=fast_kdf)[0].lock()
    result = cli("salvage", "--out", str(other))
    assert result.code == 2 and "already exists" in result.err


def test_salvage_of_a_file_whose_header_is_gone(cli: Cli, data_dir: Path, tmp_path: Path) -> None:
    fill(cli)
    conn = sqlite3.connect(data_dir / "vault.sqlite3")
    with conn:
        conn.execute("DELETE FROM vault_meta")
    conn.close()
    result = cli("salvage", "--out", str(tmp_path / "rescued"))
    assert result.code == 4 and "restore a backup" in result.err


def test_import_merges_a_backup_of_this_vault_and_keeps_what_is_newer_here(
    cli: Cli, tmp_path: Path, clock: FixedClock
) -> None:
    fill(cli)
    backup = tmp_path / "copy.sqlite3"
    assert cli("backup", "--out", str(backup)).code == 0
    listed = cli("checkin", "list", "--json")
    checkin_id = listed.out.split('"id": "')[1].split('"')[0]
    clock.moment += timedelta(minutes=5)
    assert cli("checkin", "delete", checkin_id, "--yes").code == 0

    merged = cli("import", str(backup))
    assert merged.code == 0, merged.err
    assert "Merged the backup copy.sqlite3: 0 added, 0 updated, 1 unchanged" in merged.out
    assert "1 kept as they are here" in merged.out
    assert cli("checkin", "list", "--json").out.strip() == "[]"

    refused = cli("import", str(backup), "--daylio-moods", "rad=9")
    assert refused.code == 2 and "--daylio-moods" in refused.err

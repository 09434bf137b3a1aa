"""Restoring a backup: checked completely in a staging copy before the vault in place is touched.

The backup is copied next to the data folder (same file system, so the final step is one rename), opened there
with the passphrase or recovery key of the moment it was made, and every record is decrypted. Only then is the
current vault, if any and only with ``replace``, kept as a backup and swapped for the restored one.
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from wellbeing_app.backup import snapshot
from wellbeing_app.damage import is_damaged_database
from wellbeing_app.errors import IntegrityError, InvalidInput
from wellbeing_app.paths import BACKUP_DIRNAME, DB_FILENAME, ensure_private_dir, make_private
from wellbeing_app.storage.migrate import backup_database
from wellbeing_app.vault import Vault, vault_exists

SQLITE_MAGIC = b"SQLite format 3\x00"
Opener = Callable[[Path], Vault]


@dataclass(frozen=True)
class RestoreReport:
    records: int
    replaced_kept_at: Path | None


def _starts_like_sqlite(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def is_backup_file(path: Path) -> bool:
    """A SQLite file, as our backups are: recognised by its first bytes, whatever its name."""
    try:
        return _starts_like_sqlite(path)
    except OSError:
        return False  # the caller reads the file next and names the problem


def check_is_backup(backup: Path) -> None:
    try:
        looks_right = _starts_like_sqlite(backup)
    except FileNotFoundError:
        raise InvalidInput(f"There is no file {backup}.", field="file") from None
    except IsADirectoryError:
        raise InvalidInput(f"{backup} is a folder; give the backup file itself.", field="file") from None
    except OSError as exc:
        raise InvalidInput(f"{backup} cannot be read ({exc.strerror}).", field="file") from exc
    if not looks_right:
        raise IntegrityError(
            f"{backup} is not a Wellbeing Check-in backup, or it is damaged; nothing was changed."
        )


def stage_copy(backup: Path, data_dir: Path) -> Path:
    """A private copy of ``backup`` beside the data folder (restore renames it into place; merge only reads it).

    The file is copied byte for byte first, with its write-ahead log or rollback journal if one lies beside it
    (a folder copied while the app was running): SQLite folds or rolls those back when it opens a database,
    and it must do that to the copy, never to the user's backup.
    """
    staging = data_dir.parent / f".{data_dir.name}.restore-{uuid.uuid4().hex[:8]}"
    ensure_private_dir(staging)
    raw = staging / "as-given.sqlite3"
    try:
        shutil.copyfile(backup, raw)
        for suffix in ("-wal", "-journal"):
            side = backup.with_name(backup.name + suffix)
            if side.is_file():
                shutil.copyfile(side, raw.with_name(raw.name + suffix))
        snapshot(raw, staging / DB_FILENAME)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, sqlite3.DatabaseError) and is_damaged_database(exc):
            raise IntegrityError(f"{backup} is damaged and cannot be read; nothing was changed.") from exc
        raise
    for leftover in staging.glob(f"{raw.name}*"):
        leftover.unlink()
    return staging


def _fold_wal(db_file: Path) -> None:
    """Write the write-ahead log into the file and leave rollback mode, so no log file remains beside it."""
    conn = sqlite3.connect(db_file)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    finally:
        conn.close()
    if str(mode).lower() != "delete":
        raise InvalidInput(
            "The vault is in use (is the app open?); close it and try again. Nothing was changed.",
            field="vault",
        )
    for suffix in ("-wal", "-shm"):
        db_file.with_name(db_file.name + suffix).unlink(missing_ok=True)


def _retire_current(data_dir: Path, now: datetime) -> Path:
    """Keep the current vault as a backup; its log is folded in so no stale log can meet the restored file."""
    current = data_dir / DB_FILENAME
    try:
        kept = backup_database(current, now, "before-restore")
        _fold_wal(current)
    except sqlite3.DatabaseError as exc:
        if not is_damaged_database(exc):
            raise
        # A damaged vault cannot be copied through SQLite: keep its files byte for byte instead.
        kept = (
            ensure_private_dir(data_dir / BACKUP_DIRNAME)
            / f"vault-{now:%Y%m%d-%H%M%S}-before-restore-damaged.sqlite3"
        )
        shutil.copyfile(current, kept)
        make_private(kept)
        for suffix in ("-wal", "-shm"):
            log = data_dir / f"{DB_FILENAME}{suffix}"
            if log.is_file() and suffix == "-wal":
                shutil.copyfile(log, kept.with_name(kept.name + suffix))
                make_private(kept.with_name(kept.name + suffix))
            log.unlink(missing_ok=True)
    return kept


def restore_backup(
    backup: Path, data_dir: Path, open_staged: Opener, now: datetime, *, replace: bool
) -> RestoreReport:
    """Check ``backup`` completely, then put it in place; ``open_staged(folder)`` unlocks the staged copy."""
    if vault_exists(data_dir) and not replace:
        raise InvalidInput(
            f"A vault already exists in {data_dir}; nothing was changed. Add --replace to replace it "
            "(it is kept as a backup first), or restore into another --data-dir.",
            field="replace",
        )
    check_is_backup(backup)
    staging = stage_copy(backup, data_dir)
    try:
        vault = open_staged(staging)
        try:
            report = vault.verify()
        finally:
            vault.lock()
        if not report.ok:
            parts = [f"{len(report.damaged)} of {report.records_checked} records cannot be read"]
            if report.sqlite_problems:
                parts.append("the database reports damage")
            raise IntegrityError(f"The backup is damaged ({'; '.join(parts)}); nothing was changed.")
        _fold_wal(staging / DB_FILENAME)
        ensure_private_dir(data_dir)
        kept = _retire_current(data_dir, now) if vault_exists(data_dir) else None
        (staging / DB_FILENAME).replace(data_dir / DB_FILENAME)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return RestoreReport(records=report.records_checked, replaced_kept_at=kept)

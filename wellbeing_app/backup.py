"""Backups: one encrypted file per snapshot, automatic daily copies with 7 daily and 4 weekly kept.

A backup is the vault's database copied through SQLite's online backup API (a consistent snapshot even while the
app writes), in rollback-journal mode so it is one self-contained file. Inside is only what the vault holds: the
encrypted records and the header, so it opens with the passphrase or the recovery key of that moment. A backup is
written beside its final name and renamed into place, and it never replaces an existing file.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from wellbeing_app.errors import InvalidInput
from wellbeing_app.paths import BACKUP_DIRNAME, DB_FILENAME, ensure_private_dir, make_private

AUTO_PREFIX = "auto-"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
_STAMP = re.compile(r"(\d{8})-(\d{6})")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime | None
    kind: str  # "automatic", "manual", "before an upgrade", "before a restore"
    size: int


def backups_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIRNAME


def _claim(target: Path) -> None:
    """Create ``target`` empty and exclusively: an existing file is never overwritten, even in a race."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise InvalidInput(f"{target} already exists; choose another name.", field="out") from None
    except OSError as exc:
        raise InvalidInput(f"{target} cannot be written ({exc.strerror}).", field="out") from exc
    os.close(fd)


def snapshot(db_file: Path, target: Path) -> Path:
    """Copy the database at ``db_file`` to the new file ``target`` (consistent, checked, then renamed)."""
    _claim(target)
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.unlink(missing_ok=True)
        source = sqlite3.connect(db_file)
        try:
            dest = sqlite3.connect(partial)
            try:
                source.backup(dest)
                dest.execute("PRAGMA journal_mode=DELETE")
                problems = [row[0] for row in dest.execute("PRAGMA integrity_check")]
                if problems != ["ok"]:
                    raise sqlite3.DatabaseError("the snapshot failed its integrity check")
            finally:
                dest.close()
        finally:
            source.close()
        make_private(partial)
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        target.unlink(missing_ok=True)
        raise
    return target


def _stamp(now: datetime) -> str:
    return f"{now:%Y%m%d-%H%M%S}"


def write_backup(data_dir: Path, now: datetime, out: Path | None = None) -> Path:
    """A backup at ``out``, or in the vault's backups folder when no file is given."""
    if out is None:
        folder = ensure_private_dir(backups_dir(data_dir))
        out = folder / f"manual-{_stamp(now)}.sqlite3"
    elif out.is_dir():
        out = out / f"wellbeing-backup-{_stamp(now)}.sqlite3"
    return snapshot(data_dir / DB_FILENAME, out)


def _made_at(path: Path) -> datetime | None:
    match = _STAMP.search(path.name)
    if match is None:
        return None
    try:
        return datetime.strptime(f"{match[1]}{match[2]}", "%Y%m%d%H%M%S")
    except ValueError:
        return None


def _kind(name: str) -> str:
    if name.startswith(AUTO_PREFIX):
        return "automatic"
    if "before-migration" in name:
        return "before an upgrade"
    if "before-restore" in name:
        return "before a restore"
    return "manual"


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """Every backup in the data folder, newest first."""
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return []
    found = [
        BackupInfo(path, _made_at(path), _kind(path.name), path.stat().st_size)
        for path in folder.glob("*.sqlite3")
        if path.is_file() and not path.name.startswith(".")
    ]
    return sorted(found, key=lambda info: (info.made_at or datetime.min, info.path.name), reverse=True)


def _changed_since(data_dir: Path, newest: Path | None) -> bool:
    if newest is None:
        return True
    last = newest.stat().st_mtime_ns
    files = [data_dir / DB_FILENAME, data_dir / f"{DB_FILENAME}-wal"]
    return any(path.is_file() and path.stat().st_mtime_ns > last for path in files)


def _automatic_backups(data_dir: Path) -> list[BackupInfo]:
    """The automatic backups whose name carries their time, newest first."""
    return [info for info in list_backups(data_dir) if info.kind == "automatic" and info.made_at]


def automatic_backup(data_dir: Path, now: datetime) -> Path | None:
    """One automatic backup a day when the vault changed since the last one; then prune. Returns the new file."""
    autos = _automatic_backups(data_dir)
    newest = autos[0] if autos else None
    if newest is not None and newest.made_at is not None and newest.made_at.date() == now.date():
        return None
    if not _changed_since(data_dir, newest.path if newest else None):
        return None
    folder = ensure_private_dir(backups_dir(data_dir))
    made = snapshot(data_dir / DB_FILENAME, folder / f"{AUTO_PREFIX}{_stamp(now)}.sqlite3")
    prune(data_dir)
    return made


def backups_to_keep(days: list[date]) -> set[date]:
    """From the days that have an automatic backup: the last 7 days, and the newest day of the last 4 weeks."""
    ordered = sorted(set(days), reverse=True)
    keep = set(ordered[:KEEP_DAILY])
    weeks: dict[tuple[int, int], date] = {}
    for day in ordered:
        weeks.setdefault(day.isocalendar()[:2], day)
    keep.update(sorted(weeks.values(), reverse=True)[:KEEP_WEEKLY])
    return keep


def prune(data_dir: Path) -> list[Path]:
    """Delete automatic backups outside the retention (never manual or pre-upgrade ones); returns them."""
    autos = _automatic_backups(data_dir)
    newest_per_day: dict[date, BackupInfo] = {}
    for info in autos:  # newest first
        assert info.made_at is not None
        newest_per_day.setdefault(info.made_at.date(), info)
    keep_days = backups_to_keep(list(newest_per_day))
    kept = {newest_per_day[day].path for day in keep_days}
    removed = [info.path for info in autos if info.path not in kept]
    for path in removed:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    return removed

"""Salvage: copy every record that still reads and authenticates from a damaged vault into a new one.

The damaged file is only read. Rows are found two ways (a scan of the table as far as it goes, and the kind/day
index), then fetched one by one, so a bad page loses the records on it and not the rest. The new vault gets the
same header, so the same passphrase and recovery key open it, and the surviving ciphertexts are copied as they
are: nothing is decrypted to disk, and what could not be saved is reported by kind and day.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import text

from wellbeing_app.crypto.aead import RecordCipher
from wellbeing_app.crypto.keyed_ids import id_key_from
from wellbeing_app.errors import IntegrityError, InvalidInput
from wellbeing_app.paths import DB_FILENAME, ensure_private_dir, make_private
from wellbeing_app.storage.engine import open_engine
from wellbeing_app.storage.migrate import upgrade_to_head
from wellbeing_app.storage.records import payload_aad
from wellbeing_app.storage.rekey import rekey_content_ids
from wellbeing_app.vault import DAMAGED_HEADER, VAULT_FORMAT, vault_exists

# Given the damaged vault's header, return its data key (raising AuthenticationFailed when it does not open).
KeyFinder = Callable[[dict[str, str]], bytes]


@dataclass
class SalvageReport:
    saved: Counter[str] = field(default_factory=Counter)
    lost: Counter[tuple[str, str]] = field(default_factory=Counter)  # (kind, day or "no day") → count
    unreadable_areas: int = 0

    @property
    def saved_total(self) -> int:
        return sum(self.saved.values())

    def lines(self) -> list[str]:
        lines = [
            f"Saved {self.saved_total} records: "
            + (", ".join(f"{n} {k}" for k, n in sorted(self.saved.items())) or "none")
        ]
        for (kind, day), count in sorted(self.lost.items()):
            lines.append(f"Could not save: {count} {kind} record{'s' if count != 1 else ''} ({day})")
        if self.unreadable_areas:
            lines.append(
                "Parts of the file could not be read at all; records stored only there could not be counted."
            )
        return lines


def _working_copy(source: Path, folder: Path) -> Path:
    """A copy of the damaged file (and its log) to read from, padded back to its size if it was truncated.

    SQLite refuses a whole file shorter than its header says; zero pages in their place fail only when read.
    """
    work = folder / ".salvage-source.sqlite3"
    data = source.read_bytes()
    if len(data) >= 100:
        page_size = int.from_bytes(data[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
        declared = int.from_bytes(data[28:32], "big") * page_size
        if page_size >= 512 and len(data) < declared <= 2**34:
            data += bytes(declared - len(data))
    work.write_bytes(data)
    make_private(work)
    wal = source.with_name(source.name + "-wal")
    if wal.is_file():
        work.with_name(work.name + "-wal").write_bytes(wal.read_bytes())
    return work


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.text_factory = lambda data: data.decode("utf-8", "replace")
    return conn


def _read_header(conn: sqlite3.Connection) -> dict[str, str]:
    try:
        meta = {str(key): str(value) for key, value in conn.execute("SELECT key, value FROM vault_meta")}
    except sqlite3.DatabaseError as exc:
        raise IntegrityError(
            "The vault's header cannot be read, so nothing in it can be unlocked; restore a backup instead."
        ) from exc
    if meta.get("format") != VAULT_FORMAT:
        raise IntegrityError(
            "This is not a Wellbeing Check-in vault, or its header is damaged beyond salvage; "
            "restore a backup instead."
        )
    return meta


def _rowids(conn: sqlite3.Connection, report: SalvageReport) -> list[int]:
    """Every rowid reachable by the table scan or the index; each failing path counts as an unreadable area."""
    found: set[int] = set()
    for query in (
        "SELECT rowid FROM records ORDER BY rowid",
        "SELECT rowid FROM records INDEXED BY ix_records_kind_day WHERE kind IS NOT NULL",
        "SELECT rowid FROM records ORDER BY rowid DESC",
    ):
        try:
            for (rowid,) in conn.execute(query):
                found.add(int(rowid))
        except sqlite3.DatabaseError:
            report.unreadable_areas += 1
    return sorted(found)


def _rows(conn: sqlite3.Connection, rowids: Iterable[int], report: SalvageReport) -> Iterable[dict[str, Any]]:
    for rowid in rowids:
        try:
            cursor = conn.execute("SELECT * FROM records WHERE rowid = ?", (rowid,))
            names = [column[0] for column in cursor.description]
            row = cursor.fetchone()
        except sqlite3.DatabaseError:
            report.lost[("unknown kind", "unreadable")] += 1
            continue
        if row is not None:
            yield dict(zip(names, row, strict=True))


def _readable(row: dict[str, Any], cipher: RecordCipher) -> bool:
    try:
        stamp = (str(row.get("changed_at") or ""), str(row.get("device_id") or ""), bool(row.get("deleted")))
        data = cipher.open(row["payload"], payload_aad(row["kind"], row["id"], row["day"], *stamp))
        return isinstance(json.loads(data.decode("utf-8")), dict)
    except (IntegrityError, ValueError, TypeError, KeyError, UnicodeDecodeError, RecursionError):
        return False


def salvage(source_dir: Path, out_dir: Path, find_key: KeyFinder) -> SalvageReport:
    """Copy what still reads from the vault in ``source_dir`` into a new vault in ``out_dir``."""
    if vault_exists(out_dir):
        raise InvalidInput(
            f"A vault already exists in {out_dir}; choose an empty folder for --out.", field="out"
        )
    if out_dir.resolve() == source_dir.resolve():
        raise InvalidInput("--out must be another folder than the damaged vault's.", field="out")
    source_file = source_dir / DB_FILENAME
    if not source_file.is_file():
        raise InvalidInput(f"There is no vault in {source_dir} to salvage.", field="data-dir")
    ensure_private_dir(out_dir)
    work = _working_copy(source_file, out_dir)
    conn = _connect(work)
    report = SalvageReport()
    try:
        meta = _read_header(conn)
        try:
            data_key = find_key(meta)
        except (KeyError, ValueError, TypeError) as exc:
            raise IntegrityError(DAMAGED_HEADER) from exc
        cipher = RecordCipher(data_key)
        good: list[dict[str, Any]] = []
        for row in _rows(conn, _rowids(conn, report), report):
            if _readable(row, cipher):
                good.append(row)
                report.saved[str(row["kind"])] += 1
            else:
                report.lost[(str(row.get("kind")), str(row.get("day") or "no day"))] += 1
    finally:
        conn.close()
        for leftover in out_dir.glob(".salvage-source.sqlite3*"):
            leftover.unlink(missing_ok=True)
    _write_new_vault(out_dir, meta, good, data_key)
    return report


def _write_new_vault(
    out_dir: Path, meta: dict[str, str], rows: list[dict[str, Any]], data_key: bytes
) -> None:
    ensure_private_dir(out_dir)
    path = out_dir / DB_FILENAME
    path.touch(mode=0o600, exist_ok=False)
    engine = open_engine(path)
    try:
        upgrade_to_head(engine)
        with engine.begin() as conn:
            columns = {str(row[1]) for row in conn.execute(text("PRAGMA table_info(records)"))}
            for key, value in meta.items():
                conn.execute(
                    text("INSERT INTO vault_meta(key, value) VALUES(:k, :v)"), {"k": key, "v": value}
                )
            for row in rows:
                kept = {name: value for name, value in row.items() if name in columns}
                names = ", ".join(kept)
                conn.execute(
                    text(f"INSERT INTO records({names}) VALUES({', '.join(':' + n for n in kept)})"), kept
                )
            rekey_content_ids(conn, RecordCipher(data_key), id_key_from(data_key))
    except BaseException:
        engine.dispose()
        for leftover in out_dir.glob(f"{DB_FILENAME}*"):
            leftover.unlink(missing_ok=True)
        raise
    engine.dispose()
    for file in out_dir.glob(f"{DB_FILENAME}*"):
        make_private(file)

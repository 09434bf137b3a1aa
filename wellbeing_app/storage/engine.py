"""The SQLite engine: WAL for crash safety, synchronous=FULL so an acknowledged save survives a power cut."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event


def _lenient_text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _configure_connection(dbapi_connection: Any, _record: Any) -> None:
    # A damaged or edited cell holding text that is not UTF-8 must read as a damaged record, not stop every
    # query with "Could not decode to UTF-8" (the payload's authentication then fails).
    dbapi_connection.text_factory = _lenient_text
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # Freed pages are zeroed and temporary tables stay in memory, so no stale bytes linger on disk.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


def open_engine(db_path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{db_path}",
        connect_args={"check_same_thread": False},
    )
    event.listen(engine, "connect", _configure_connection)
    return engine

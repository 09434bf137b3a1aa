"""Telling a damaged database file apart from other failures, so it is reported as damage (exit 4) everywhere.

SQLite reports a bad page, a truncated file or a file that is no database as ``sqlite3.DatabaseError`` (wrapped by
SQLAlchemy); a locked or busy database, a full disk or a permission problem are ``OperationalError`` and are not
damage. Only the standard library is imported here, so the command line can use it without slowing its start.
"""

from __future__ import annotations

import sqlite3

DAMAGED_FILE = (
    "The vault file is damaged: part of it cannot be read. Nothing was changed. "
    "'wellbeing-app salvage --out NEW_FOLDER' copies every record that still reads into a new vault, "
    "or restore a backup (see 'wellbeing-app backup list')."
)
_NOT_DAMAGE = (
    sqlite3.OperationalError,
    sqlite3.IntegrityError,
    sqlite3.ProgrammingError,
    sqlite3.InterfaceError,
)


def is_damaged_database(error: BaseException) -> bool:
    """True for SQLite's own 'malformed', 'not a database' and similar errors, also when SQLAlchemy wraps them."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        original = getattr(current, "orig", None)
        for candidate in (current, original):
            if isinstance(candidate, sqlite3.DatabaseError) and not isinstance(candidate, _NOT_DAMAGE):
                return True
        current = current.__cause__ or current.__context__
    return False

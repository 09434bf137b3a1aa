"""What is known of a vault before the storage layer loads: whether it exists, its id and its Argon2id settings.

They are read with the standard library only, so the first page paints without importing SQLAlchemy or the
cryptography bindings, and the command line can start deriving the key while SQLAlchemy loads (issue 15); the
vault itself is opened, and its header checked, by ``wellbeing_app.vault``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from wellbeing_app.paths import DB_FILENAME


def vault_file_exists(data_dir: Path) -> bool:
    return (data_dir / DB_FILENAME).is_file()


def peek_vault_id(data_dir: Path) -> str | None:
    """The vault's id from its header, read-only; None when there is no vault or it cannot be read."""
    return _peek(data_dir, "vault_id")


def peek_kdf(data_dir: Path) -> str | None:
    """The stored key-derivation parameters (JSON text, salt included), unchecked: only a hint for deriving the
    key ahead (wellbeing_app/key_ahead.py). The vault reads and checks its header itself when it opens."""
    return _peek(data_dir, "kdf")


def _peek(data_dir: Path, key: str) -> str | None:
    path = data_dir / DB_FILENAME
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT value FROM vault_meta WHERE key = ?", (key,)).fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row and row[0] else None

"""What the window needs to know about a vault before the storage layer loads: whether it exists, and its id.

Both are read with the standard library only, so the first page paints without importing SQLAlchemy or the
cryptography bindings (issue 15); the vault itself is opened by ``wellbeing_app.vault``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from wellbeing_app.paths import DB_FILENAME


def vault_file_exists(data_dir: Path) -> bool:
    return (data_dir / DB_FILENAME).is_file()


def peek_vault_id(data_dir: Path) -> str | None:
    """The vault's id from its header, read-only; None when there is no vault or it cannot be read."""
    path = data_dir / DB_FILENAME
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT value FROM vault_meta WHERE key = 'vault_id'").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row and row[0] else None

"""Where the vault lives: --data-dir, else WELLBEING_DATA_DIR, else the platform's user data folder."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_data_dir

from wellbeing_app.errors import InvalidInput

APP_NAME = "wellbeing-app"
ENV_DATA_DIR = "WELLBEING_DATA_DIR"
DB_FILENAME = "vault.sqlite3"
BACKUP_DIRNAME = "backups"


def resolve_data_dir(explicit: str | os.PathLike[str] | None, environ: Mapping[str, str]) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    if environ.get(ENV_DATA_DIR):
        return Path(environ[ENV_DATA_DIR]).expanduser()
    return Path(user_data_dir(APP_NAME, appauthor=False))


def ensure_private_dir(path: Path) -> Path:
    """Create the folder readable by this user only (0700), or explain why it cannot be used."""
    if path.exists() and not path.is_dir():
        raise InvalidInput(f"The data folder {path} is a file, not a folder. Choose another --data-dir.")
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.chmod(0o700)
    except OSError as exc:
        raise InvalidInput(
            f"The data folder {path} cannot be created or changed ({exc.strerror}). Choose another --data-dir."
        ) from exc
    if not os.access(path, os.W_OK | os.X_OK):
        raise InvalidInput(f"The data folder {path} cannot be written to. Choose another --data-dir.")
    return path


def make_private(path: Path) -> None:
    """Files holding vault data are readable by this user only (0600)."""
    if path.exists():
        path.chmod(0o600)

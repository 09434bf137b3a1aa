"""Schema migrations with Alembic, run on unlock after an encrypted backup copy of the database.

Alembic is imported only when the schema is behind, which keeps the command line's cold start short.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import OperationalError

from wellbeing_app.errors import VaultTooNew
from wellbeing_app.paths import BACKUP_DIRNAME, ensure_private_dir, make_private

SCHEMA_HEAD = "0003_keyed_ids"
# Migrations that change encrypted data get the unlocked vault's callbacks through Alembic's config attributes.
Rekey = Callable[[Connection], int]
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def current_revision(engine: Engine) -> str | None:
    """The schema's revision in one query (None for a new database), without importing Alembic."""
    try:
        with engine.connect() as conn:
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    except OperationalError as error:
        if "no such table" not in str(error.orig):
            raise
        return None
    return str(row[0]) if row else None


def _alembic_config(connection: object) -> object:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config).get_current_head()


def _known_revision(revision: str) -> bool:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    try:
        return ScriptDirectory.from_config(config).get_revision(revision) is not None
    except CommandError:
        return False


def upgrade_to_head(engine: Engine, rekey: Rekey | None = None) -> None:
    """Upgrade in one transaction; ``rekey`` re-seals content-derived record ids (needs the data key)."""
    from alembic import command
    from alembic.config import Config

    with engine.begin() as conn:
        config = _alembic_config(conn)
        assert isinstance(config, Config)
        config.attributes["rekey_records"] = rekey
        command.upgrade(config, "head")


def backup_database(db_path: Path, now: datetime, label: str) -> Path:
    """A consistent copy through SQLite's backup API; the content in it stays encrypted."""
    backup_dir = ensure_private_dir(db_path.parent / BACKUP_DIRNAME)
    target = backup_dir / f"vault-{now:%Y%m%d-%H%M%S}-{label}.sqlite3"
    source = sqlite3.connect(db_path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    make_private(target)
    return target


def migrate_if_needed(
    engine: Engine, db_path: Path, now: datetime, rekey: Rekey | None = None
) -> Path | None:
    """Bring the schema to the head revision; returns the backup made first, if any."""
    revision = current_revision(engine)
    if revision == SCHEMA_HEAD:
        return None
    if revision is not None and not _known_revision(revision):
        raise VaultTooNew(
            "This vault was made by a newer version of Wellbeing Check-in. Update the app to open it; "
            "the vault was left unchanged."
        )
    backup = backup_database(db_path, now, f"before-migration-from-{revision}") if revision else None
    upgrade_to_head(engine, rekey)
    return backup

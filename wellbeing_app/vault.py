"""The vault: one encrypted SQLite database per data folder, opened with a passphrase, recovery key or stored key.

A random 256-bit data key encrypts all content. It is stored only wrapped: once under a key derived from the
passphrase (Argon2id) and once under the recovery key, so either can open the vault and the passphrase can change
without re-encrypting anything.
"""

from __future__ import annotations

import hmac
import json
import os
import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, insert, select, text
from sqlalchemy.exc import DatabaseError, OperationalError

from wellbeing_app.clock import Clock, SystemClock
from wellbeing_app.crypto.aead import KEY_BYTES, RecordCipher
from wellbeing_app.crypto.kdf import KdfParams, derive_key
from wellbeing_app.crypto.keyed_ids import id_key_from
from wellbeing_app.crypto.recovery import format_recovery_key, new_recovery_key, parse_recovery_key
from wellbeing_app.damage import DAMAGED_FILE, is_damaged_database
from wellbeing_app.errors import (
    AuthenticationFailed,
    IntegrityError,
    InvalidInput,
    VaultMissing,
    WellbeingError,
)
from wellbeing_app.passphrase import MIN_PASSPHRASE_LENGTH as MIN_PASSPHRASE_LENGTH
from wellbeing_app.passphrase import validate_new_passphrase as validate_new_passphrase
from wellbeing_app.paths import BACKUP_DIRNAME, DB_FILENAME, ensure_private_dir, make_private
from wellbeing_app.storage.engine import open_engine
from wellbeing_app.storage.migrate import Rekey, migrate_if_needed
from wellbeing_app.storage.models import VaultMeta
from wellbeing_app.storage.records import RecordStore
from wellbeing_app.storage.rekey import rekey_content_ids
from wellbeing_app.vault_keys import (
    HEADER_MAC,
    KEY_CHECK_AUTHENTICATED,
    _recovery_kek,
    _wrap_aad,
    check_header,
    header_mac,
    key_from_passphrase,
    key_from_recovery,
    unwrap,
)
from wellbeing_app.vault_report import VerifyReport

if TYPE_CHECKING:
    from wellbeing_app.key_ahead import KeyAhead

VAULT_FORMAT = "wellbeing-vault/1"
DAMAGED_HEADER = "The vault's header is damaged. Restore the vault from a backup."


def _rekey_with(data_key: bytes) -> Rekey:
    return lambda conn: rekey_content_ids(conn, RecordCipher(data_key), id_key_from(data_key))


def db_path(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def vault_exists(data_dir: Path) -> bool:
    return db_path(data_dir).is_file()


def _read_meta(engine: Engine) -> dict[str, str]:
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(VaultMeta.key, VaultMeta.value)).all()
    except (DatabaseError, OperationalError) as exc:
        raise IntegrityError(
            "The vault file is damaged or is not a Wellbeing Check-in vault. Restore it from a backup, or "
            "copy what still reads into a new vault with 'wellbeing-app salvage --out NEW_FOLDER'."
        ) from exc
    meta = {str(key): str(value) for key, value in rows}
    if meta.get("format") != VAULT_FORMAT:
        raise IntegrityError("The vault file has no readable header. Restore it from a backup.")
    try:
        # Bounds are checked before anything is derived: a damaged header must never make an unlock hang.
        KdfParams.from_json(json.loads(meta["kdf"]))
    except (KeyError, ValueError, TypeError, RecursionError) as exc:
        raise IntegrityError(
            "The vault's header is damaged (its key-derivation settings are unreadable or out of bounds). "
            "Restore the vault from a backup."
        ) from exc
    return meta


class Vault:
    """An unlocked vault. ``lock()`` drops the key; create a new Vault to unlock again."""

    def __init__(
        self, data_dir: Path, engine: Engine, data_key: bytes, meta: dict[str, str], clock: Clock
    ) -> None:
        self.data_dir = data_dir
        self.clock = clock
        self._engine: Engine | None = engine
        self._data_key: bytes | None = data_key
        self._meta = meta
        self.vault_id = meta["vault_id"]
        self.device_id = meta.get("device_id", "")
        self.store = RecordStore(
            engine,
            RecordCipher(data_key),
            device_id=self.device_id,
            clock=clock,
            id_key=id_key_from(data_key),
        )
        self.backup_made: Path | None = None
        # Run once the database is closed, e.g. the automatic daily backup; lock() completes even if they fail.
        self.after_lock: list[Callable[[], None]] = []

    # -- creating and opening ---------------------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        data_dir: Path,
        passphrase: str,
        *,
        kdf: KdfParams | None = None,
        clock: Clock | None = None,
    ) -> tuple[Vault, str]:
        """A new vault; returns it unlocked with the recovery key text, to be shown once."""
        validate_new_passphrase(passphrase)
        ensure_private_dir(data_dir)
        path = db_path(data_dir)
        if path.exists():
            raise InvalidInput(f"A vault already exists in {data_dir}; it was left untouched.")
        clock = clock or SystemClock()
        kdf = kdf or KdfParams.fresh()
        data_key = os.urandom(KEY_BYTES)
        recovery = new_recovery_key()
        vault_id = str(uuid.uuid4())
        recovery_salt = os.urandom(16)
        kdf_json = json.dumps(kdf.to_json())
        meta = {
            "format": VAULT_FORMAT,
            "vault_id": vault_id,
            "device_id": str(uuid.uuid4()),
            "created_at": clock.now().isoformat(timespec="seconds"),
            "kdf": kdf_json,
            "recovery_salt": recovery_salt.hex(),
            "wrapped_key.passphrase": RecordCipher(derive_key(passphrase, kdf))
            .seal(data_key, _wrap_aad(vault_id, "passphrase", kdf_json))
            .hex(),
            "key_check": RecordCipher(data_key)
            .seal(KEY_CHECK_AUTHENTICATED, _wrap_aad(vault_id, "key_check"))
            .hex(),
            "wrapped_key.recovery": RecordCipher(_recovery_kek(recovery, recovery_salt))
            .seal(data_key, _wrap_aad(vault_id, "recovery"))
            .hex(),
        }
        meta[HEADER_MAC] = header_mac(data_key, meta)
        path.touch(mode=0o600, exist_ok=False)
        engine = open_engine(path)
        try:
            migrate_if_needed(engine, path, clock.now(), _rekey_with(data_key))
            with engine.begin() as conn:
                conn.execute(insert(VaultMeta), [{"key": k, "value": v} for k, v in meta.items()])
        except BaseException:
            # A half-made vault would block the next attempt with "a vault already exists".
            engine.dispose()
            for leftover in data_dir.glob(f"{DB_FILENAME}*"):
                leftover.unlink(missing_ok=True)
            raise
        cls._protect_files(data_dir)
        return cls(data_dir, engine, data_key, meta, clock), format_recovery_key(recovery)

    @classmethod
    def _open_engine(cls, data_dir: Path) -> tuple[Engine, dict[str, str]]:
        path = db_path(data_dir)
        if not path.is_file():
            raise VaultMissing(
                f"There is no vault in {data_dir}. Create one with 'wellbeing-app init' or open the app."
            )
        engine = open_engine(path)
        try:
            return engine, _read_meta(engine)
        except Exception:
            engine.dispose()
            raise

    @classmethod
    def _finish_open(
        cls, data_dir: Path, engine: Engine, data_key: bytes, meta: dict[str, str], clock: Clock | None
    ) -> Vault:
        clock = clock or SystemClock()
        try:
            cls._check_header(engine, data_key, meta)
        except BaseException:
            engine.dispose()
            raise
        try:
            backup = migrate_if_needed(engine, db_path(data_dir), clock.now(), _rekey_with(data_key))
        except IntegrityError:
            engine.dispose()
            raise
        except (DatabaseError, OperationalError, sqlite3.DatabaseError) as exc:
            engine.dispose()
            raise IntegrityError(
                "The vault could not be upgraded; it is unchanged. Restore it from a backup."
            ) from exc
        cls._protect_files(data_dir)
        vault = cls(data_dir, engine, data_key, meta, clock)
        vault.backup_made = backup
        if not vault.device_id:  # vaults made before change times were kept
            vault._write_meta({"device_id": str(uuid.uuid4())})
            vault.device_id = vault.store.device_id = vault._meta["device_id"]
        return vault

    @staticmethod
    def _check_header(engine: Engine, data_key: bytes, meta: dict[str, str]) -> None:
        """Every header value must be authenticated under the data key; older vaults get their MAC now."""
        updates = check_header(data_key, meta)
        if updates:
            meta.update(updates)
            _upsert_meta(engine, updates)

    _unwrap = staticmethod(unwrap)

    @classmethod
    def _open_with(
        cls, data_dir: Path, unlock: Callable[[dict[str, str]], bytes], clock: Clock | None
    ) -> Vault:
        """Open the database, find the data key with ``unlock(meta)``, then migrate; the engine never leaks."""
        engine, meta = cls._open_engine(data_dir)
        try:
            key = unlock(meta)
        except WellbeingError:
            engine.dispose()
            raise
        except (KeyError, ValueError, TypeError) as exc:
            engine.dispose()
            raise IntegrityError(DAMAGED_HEADER) from exc
        except BaseException:
            engine.dispose()
            raise
        return cls._finish_open(data_dir, engine, key, meta, clock)

    @classmethod
    def open_with_passphrase(
        cls, data_dir: Path, passphrase: str, *, clock: Clock | None = None, ahead: KeyAhead | None = None
    ) -> Vault:
        """``ahead``: the key derived on a thread while this module loaded, used only if it is the same key."""
        return cls._open_with(data_dir, lambda meta: key_from_passphrase(meta, passphrase, ahead), clock)

    @classmethod
    def open_with_recovery_key(
        cls, data_dir: Path, recovery_text: str, *, clock: Clock | None = None
    ) -> Vault:
        recovery = parse_recovery_key(recovery_text)
        return cls._open_with(data_dir, lambda meta: key_from_recovery(meta, recovery), clock)

    @classmethod
    def open_with_data_key(cls, data_dir: Path, data_key: bytes, *, clock: Clock | None = None) -> Vault:
        """Open with the key remembered in the OS keychain; checked against the wrapped copy's owner."""
        if len(data_key) != KEY_BYTES:
            raise AuthenticationFailed(
                "The key kept on this computer is not valid. Unlock with your passphrase."
            )

        def unlock(meta: dict[str, str]) -> bytes:
            try:
                RecordCipher(data_key).open(
                    bytes.fromhex(meta.get("key_check", "")), _wrap_aad(meta["vault_id"], "key_check")
                )
            except (IntegrityError, ValueError, KeyError) as exc:
                raise AuthenticationFailed(
                    "The key kept on this computer no longer opens this vault."
                ) from exc
            return data_key

        return cls._open_with(data_dir, unlock, clock)

    @staticmethod
    def _protect_files(data_dir: Path) -> None:
        """Files 0600, and the folder and backups/ 0700 even when something had loosened them (e.g. 0755)."""
        for folder in (data_dir, data_dir / BACKUP_DIRNAME):
            if folder.is_dir() and not folder.is_symlink():
                folder.chmod(0o700)
        for path in data_dir.glob(f"{DB_FILENAME}*"):
            make_private(path)
        for path in (data_dir / BACKUP_DIRNAME).glob("*"):
            if path.is_file() and not path.is_symlink():
                make_private(path)

    # -- while unlocked ---------------------------------------------------------------------------------------
    @property
    def data_key(self) -> bytes:
        if self._data_key is None:
            raise AuthenticationFailed("The vault is locked.")
        return self._data_key

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise AuthenticationFailed("The vault is locked.")
        return self._engine

    @property
    def is_locked(self) -> bool:
        return self._data_key is None

    @property
    def kdf_params(self) -> KdfParams:
        return KdfParams.from_json(json.loads(self._meta["kdf"]))

    def _write_meta(self, updates: dict[str, str]) -> None:
        """Write header values; the header's authentication code is recomputed with them, in one transaction."""
        updates = {**updates, HEADER_MAC: header_mac(self.data_key, {**self._meta, **updates})}
        _upsert_meta(self.engine, updates)
        self._meta.update(updates)

    def confirm_passphrase(self, passphrase: str) -> None:
        """AuthenticationFailed unless ``passphrase`` opens this vault now: asked before changing it."""
        try:
            key = key_from_passphrase(self._meta, passphrase)
        except AuthenticationFailed:
            key = b""
        if not hmac.compare_digest(key, self.data_key):
            raise AuthenticationFailed("That is not the current passphrase. Nothing was changed.")

    def change_passphrase(self, new_passphrase: str, *, kdf: KdfParams | None = None) -> None:
        """Re-wrap the data key under a new passphrase (and fresh salt); content is not re-encrypted."""
        validate_new_passphrase(new_passphrase)
        current, default = self.kdf_params, KdfParams.fresh()
        # Never weaker than today's defaults, whatever the stored parameters say (they could have been lowered).
        kdf = kdf or KdfParams.fresh(
            memory_kib=max(current.memory_kib, default.memory_kib),
            iterations=max(current.iterations, default.iterations),
            lanes=current.lanes,
        )
        kdf_json = json.dumps(kdf.to_json())
        wrapped = RecordCipher(derive_key(new_passphrase, kdf)).seal(
            self.data_key, _wrap_aad(self.vault_id, "passphrase", kdf_json)
        )
        self._write_meta({"kdf": kdf_json, "wrapped_key.passphrase": wrapped.hex()})

    def verify(self) -> VerifyReport:
        """Every record decrypted, SQLite's integrity check, and the header (both slots) against its MAC."""
        try:
            with self.engine.connect() as conn:
                problems = [str(row[0]) for row in conn.execute(text("PRAGMA integrity_check"))]
            stored = _read_meta(self.engine)
            if not hmac.compare_digest(stored.get(HEADER_MAC, ""), header_mac(self.data_key, stored)):
                problems.append("the header (key slots or settings) does not match its authentication code")
            from wellbeing_app.record_kinds import parsers  # the domain code: needed here only

            checked, damaged = self.store.check_all(parsers())
        except (DatabaseError, sqlite3.DatabaseError) as exc:
            if not is_damaged_database(exc):
                raise
            raise IntegrityError(DAMAGED_FILE) from exc
        return VerifyReport(
            records_checked=checked,
            damaged=damaged,
            sqlite_problems=[p for p in problems if p != "ok"],
        )

    def lock(self) -> None:
        """Drop the key and close the database. Python cannot wipe memory; the references go at least."""
        was_open = self._engine is not None
        self.store.close()
        if self._engine is not None:
            self._engine.dispose()
        self._engine = None
        self._data_key = None
        callbacks, self.after_lock = (self.after_lock if was_open else []), []
        for callback in callbacks:
            callback()


def _upsert_meta(engine: Engine, updates: dict[str, str]) -> None:
    """Header values written in one transaction (callers keep the header's MAC right)."""
    with engine.begin() as conn:
        for key, value in updates.items():
            conn.execute(
                text(
                    "INSERT INTO vault_meta(key, value) VALUES(:k, :v) ON CONFLICT(key) DO UPDATE SET value=:v"
                ),
                {"k": key, "v": value},
            )


def read_vault_id(data_dir: Path) -> str:
    """The vault's id without unlocking, to find its remembered key in the keychain."""
    engine, meta = Vault._open_engine(data_dir)
    engine.dispose()
    return meta["vault_id"]

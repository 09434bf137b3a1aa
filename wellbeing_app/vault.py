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
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Engine, insert, select, text
from sqlalchemy.exc import DatabaseError, OperationalError

from wellbeing_app.clock import Clock, SystemClock
from wellbeing_app.crypto.aead import KEY_BYTES, RecordCipher, associated_data
from wellbeing_app.crypto.kdf import KdfParams, derive_key, derive_raw_key
from wellbeing_app.crypto.keyed_ids import id_key_from
from wellbeing_app.crypto.recovery import format_recovery_key, new_recovery_key, parse_recovery_key
from wellbeing_app.damage import DAMAGED_FILE, is_damaged_database
from wellbeing_app.errors import (
    AuthenticationFailed,
    DamagedRecord,
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

VAULT_FORMAT = "wellbeing-vault/1"
DAMAGED_HEADER = "The vault's header is damaged. Restore the vault from a backup."
HEADER_CHANGED = (
    "The vault's header does not match its key: part of it (a key slot or a setting) was damaged or changed. "
    "Your records are untouched; restore the vault from a backup, or rescue them with 'wellbeing-app salvage'."
)
HEADER_MAC = "header_mac"
# key_check plaintexts: vaults whose header is authenticated say so inside the encrypted key check, so deleting
# header_mac from the file cannot turn the check off.
KEY_CHECK_LEGACY = b"wellbeing"
KEY_CHECK_AUTHENTICATED = b"wellbeing-header-v1"


def _recovery_kek(recovery: bytes, salt: bytes) -> bytes:
    """The recovery key already has 160 random bits, so a fast KDF is enough."""
    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=b"wellbeing recovery wrap"
    ).derive(recovery)


def _subkey(data_key: bytes, purpose: bytes) -> bytes:
    """A key for one purpose (header authentication, keyed record ids) derived from the data key."""
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=purpose).derive(data_key)


def header_mac(data_key: bytes, meta: dict[str, str]) -> str:
    """HMAC-SHA256 over every header value (both slots, all parameters, the vault id), in a canonical form."""
    fields = {key: value for key, value in meta.items() if key != HEADER_MAC}
    canonical = json.dumps(fields, sort_keys=True, ensure_ascii=True, separators=(",", ":")).encode()
    return hmac.new(_subkey(data_key, b"wellbeing header mac"), canonical, "sha256").hexdigest()


def passphrase_forms(passphrase: str) -> list[str]:
    """NFC first (how every key is wrapped now), then as typed and NFD for vaults wrapped before normalisation."""
    forms = [unicodedata.normalize("NFC", passphrase), passphrase, unicodedata.normalize("NFD", passphrase)]
    return list(dict.fromkeys(forms))


def _wrap_aad(vault_id: str, slot: str, bound: str = "") -> bytes:
    """The passphrase slot also binds the Argon2id parameters, so lowering them on disk breaks the unlock."""
    return associated_data("vault_meta", "wrapped_key", slot, f"{vault_id}\x1f{bound}" if bound else vault_id)


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


@dataclass
class VerifyReport:
    records_checked: int
    damaged: list[DamagedRecord] = field(default_factory=list)
    sqlite_problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.damaged and not self.sqlite_problems

    def summary(self) -> str:
        if self.ok:
            return f"Vault OK: {self.records_checked} records decrypted and checked; database integrity ok."
        parts = []
        if self.damaged:
            parts.append(f"{len(self.damaged)} of {self.records_checked} records are damaged")
        if self.sqlite_problems:
            parts.append("the database reports damage")
        return "; ".join(parts).capitalize() + ". The rest of the vault is readable."


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
        try:
            check = RecordCipher(data_key).open(
                bytes.fromhex(meta.get("key_check", "")), _wrap_aad(meta["vault_id"], "key_check")
            )
        except (IntegrityError, ValueError) as exc:
            raise IntegrityError(HEADER_CHANGED) from exc
        expected = header_mac(data_key, meta)
        if check == KEY_CHECK_AUTHENTICATED:
            if not hmac.compare_digest(meta.get(HEADER_MAC, ""), expected):
                raise IntegrityError(HEADER_CHANGED)
            return
        if check != KEY_CHECK_LEGACY:
            raise IntegrityError(HEADER_CHANGED)
        # A vault made before headers were authenticated: authenticate what it has now, once.
        meta["key_check"] = (
            RecordCipher(data_key)
            .seal(KEY_CHECK_AUTHENTICATED, _wrap_aad(meta["vault_id"], "key_check"))
            .hex()
        )
        meta[HEADER_MAC] = header_mac(data_key, meta)
        with engine.begin() as conn:
            for key in ("key_check", HEADER_MAC):
                conn.execute(
                    text(
                        "INSERT INTO vault_meta(key, value) VALUES(:k, :v) ON CONFLICT(key) DO UPDATE SET value=:v"
                    ),
                    {"k": key, "v": meta[key]},
                )

    @staticmethod
    def _unwrap(wrapping_key: bytes, meta: dict[str, str], slot: str, message: str) -> bytes:
        blob = bytes.fromhex(meta[f"wrapped_key.{slot}"])
        try:
            bound = meta["kdf"] if slot == "passphrase" else ""
            return RecordCipher(wrapping_key).open(blob, _wrap_aad(meta["vault_id"], slot, bound))
        except IntegrityError as exc:
            raise AuthenticationFailed(message) from exc

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
    def open_with_passphrase(cls, data_dir: Path, passphrase: str, *, clock: Clock | None = None) -> Vault:
        return cls._open_with(data_dir, lambda meta: key_from_passphrase(meta, passphrase), clock)

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
        with self.engine.begin() as conn:
            for key, value in updates.items():
                conn.execute(
                    text(
                        "INSERT INTO vault_meta(key, value) VALUES(:k, :v) ON CONFLICT(key) DO UPDATE SET value=:v"
                    ),
                    {"k": key, "v": value},
                )
        self._meta.update(updates)

    def confirm_passphrase(self, passphrase: str) -> None:
        """AuthenticationFailed unless ``passphrase`` opens this vault now: asked before changing it."""
        message = "That is not the current passphrase. Nothing was changed."
        for form in passphrase_forms(passphrase):
            try:
                key = self._unwrap(derive_raw_key(form, self.kdf_params), self._meta, "passphrase", message)
            except AuthenticationFailed:
                continue
            if hmac.compare_digest(key, self.data_key):
                return
        raise AuthenticationFailed(message)

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
            checked, damaged = self.store.check_all()
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


def key_from_passphrase(meta: dict[str, str], passphrase: str) -> bytes:
    """The data key from the header's passphrase slot; AuthenticationFailed when the passphrase is wrong."""
    kdf = KdfParams.from_json(json.loads(meta["kdf"]))
    message = "That passphrase does not open this vault. Check it and try again, or use your recovery key."
    for form in passphrase_forms(passphrase):
        try:
            return Vault._unwrap(derive_raw_key(form, kdf), meta, "passphrase", message)
        except AuthenticationFailed:
            continue
    raise AuthenticationFailed(message)


def key_from_recovery(meta: dict[str, str], recovery: bytes) -> bytes:
    """The data key from the header's recovery slot (``recovery`` as parsed by parse_recovery_key)."""
    kek = _recovery_kek(recovery, bytes.fromhex(meta["recovery_salt"]))
    return Vault._unwrap(kek, meta, "recovery", "That recovery key does not open this vault.")


def read_vault_id(data_dir: Path) -> str:
    """The vault's id without unlocking, to find its remembered key in the keychain."""
    engine, meta = Vault._open_engine(data_dir)
    engine.dispose()
    return meta["vault_id"]

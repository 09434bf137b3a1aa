"""Attacks on a copy of a vault's header: out-of-bounds key derivation, damaged slots, passphrase forms.

Each test edits the file directly, as someone holding only the files (or a failing disk) would.
"""

from __future__ import annotations

import json
import sqlite3
import stat
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TEST_PASSPHRASE
from wellbeing_app.clock import FixedClock
from wellbeing_app.crypto.aead import RecordCipher
from wellbeing_app.crypto.kdf import KdfParams, derive_raw_key
from wellbeing_app.errors import AuthenticationFailed, IntegrityError
from wellbeing_app.vault import Vault, db_path
from wellbeing_app.vault_keys import KEY_CHECK_LEGACY, _wrap_aad, header_mac


def meta_value(data_dir: Path, key: str) -> str:
    conn = sqlite3.connect(db_path(data_dir))
    try:
        return str(conn.execute("SELECT value FROM vault_meta WHERE key = ?", (key,)).fetchone()[0])
    finally:
        conn.close()


def set_meta(data_dir: Path, key: str, value: str | None) -> None:
    conn = sqlite3.connect(db_path(data_dir))
    try:
        with conn:
            if value is None:
                conn.execute("DELETE FROM vault_meta WHERE key = ?", (key,))
            else:
                conn.execute("UPDATE vault_meta SET value = ? WHERE key = ?", (value, key))
    finally:
        conn.close()


def flip_hex(value: str, position: int = 5) -> str:
    return value[:position] + ("0" if value[position] != "0" else "1") + value[position + 1 :]


@pytest.fixture
def made(data_dir: Path, fast_kdf: KdfParams, clock: FixedClock) -> tuple[Path, str, bytes]:
    """A locked vault: its folder, recovery key and data key."""
    vault, recovery = Vault.create(data_dir, TEST_PASSPHRASE, kdf=fast_kdf, clock=clock)
    key = vault.data_key
    vault.lock()
    return data_dir, recovery, key


@pytest.mark.parametrize(
    "change",
    [
        {"iterations": 5000},
        {"iterations": 2**31 - 1},
        {"memory_kib": 32 * 1024 * 1024},
        {"memory_kib": 2**40},
        {"lanes": 0},
        {"iterations": 0},
        {"memory_kib": "1024"},
        {"iterations": 1.5},
        {"salt": "00"},
        {"memory_kib": 1024 * 1024, "iterations": 16},
    ],
    ids=lambda change: "-".join(f"{k}={v}" for k, v in change.items()),
)
def test_out_of_bounds_key_derivation_is_a_damaged_header_never_a_hang(
    made: tuple[Path, str, bytes], change: dict[str, Any]
) -> None:
    data_dir, recovery, _ = made
    stored = json.loads(meta_value(data_dir, "kdf"))
    set_meta(data_dir, "kdf", json.dumps({**stored, **change}))
    with pytest.raises(IntegrityError, match="key-derivation settings"):
        Vault.open_with_passphrase(data_dir, TEST_PASSPHRASE)
    with pytest.raises(IntegrityError, match="key-derivation settings"):
        Vault.open_with_recovery_key(data_dir, recovery)


def test_bounds_accept_the_defaults_and_the_test_cost() -> None:
    assert KdfParams.fresh().check_bounds()
    assert KdfParams.fresh(memory_kib=1024, iterations=1, lanes=1).check_bounds()


@pytest.mark.parametrize(
    "key", ["wrapped_key.recovery", "recovery_salt", "key_check", "created_at", "format_extra"]
)
def test_a_changed_header_value_is_damage_at_unlock(made: tuple[Path, str, bytes], key: str) -> None:
    data_dir, _, _ = made
    if key == "format_extra":
        conn = sqlite3.connect(db_path(data_dir))
        with conn:
            conn.execute("INSERT INTO vault_meta(key, value) VALUES('extra', 'x')")
        conn.close()
    elif key == "created_at":
        set_meta(data_dir, key, "2020-01-01T00:00:00+00:00")
    else:
        set_meta(data_dir, key, flip_hex(meta_value(data_dir, key)))
    with pytest.raises(IntegrityError, match="header"):
        Vault.open_with_passphrase(data_dir, TEST_PASSPHRASE)


def test_a_damaged_recovery_slot_is_seen_by_verify(made: tuple[Path, str, bytes]) -> None:
    data_dir, _, _ = made
    vault = Vault.open_with_passphrase(data_dir, TEST_PASSPHRASE)
    try:
        set_meta(data_dir, "wrapped_key.recovery", flip_hex(meta_value(data_dir, "wrapped_key.recovery")))
        report = vault.verify()
    finally:
        vault.lock()
    assert not report.ok
    assert any("header" in problem for problem in report.sqlite_problems)


def test_a_removed_header_mac_is_damage_not_a_downgrade(made: tuple[Path, str, bytes]) -> None:
    data_dir, _, _ = made
    set_meta(data_dir, "header_mac", None)
    with pytest.raises(IntegrityError, match="header"):
        Vault.open_with_passphrase(data_dir, TEST_PASSPHRASE)


def test_a_vault_from_before_header_authentication_opens_and_is_upgraded(
    made: tuple[Path, str, bytes],
) -> None:
    data_dir, recovery, key = made
    vault_id = meta_value(data_dir, "vault_id")
    legacy_check = RecordCipher(key).seal(KEY_CHECK_LEGACY, _wrap_aad(vault_id, "key_check")).hex()
    set_meta(data_dir, "key_check", legacy_check)
    set_meta(data_dir, "header_mac", None)
    Vault.open_with_passphrase(data_dir, TEST_PASSPHRASE).lock()
    assert len(meta_value(data_dir, "header_mac")) == 64
    # From now on the header is checked: a later change of the recovery slot is damage.
    set_meta(data_dir, "wrapped_key.recovery", flip_hex(meta_value(data_dir, "wrapped_key.recovery")))
    with pytest.raises(IntegrityError):
        Vault.open_with_passphrase(data_dir, TEST_PASSPHRASE)
    with pytest.raises(AuthenticationFailed):
        Vault.open_with_recovery_key(data_dir, recovery)


def test_a_flipped_passphrase_slot_is_still_a_wrong_passphrase(made: tuple[Path, str, bytes]) -> None:
    """Without the key the two cannot be told apart; the recovery key then finds the damage."""
    data_dir, recovery, _ = made
    set_meta(data_dir, "wrapped_key.passphrase", flip_hex(meta_value(data_dir, "wrapped_key.passphrase")))
    with pytest.raises(AuthenticationFailed):
        Vault.open_with_passphrase(data_dir, TEST_PASSPHRASE)
    with pytest.raises(IntegrityError, match="header"):
        Vault.open_with_recovery_key(data_dir, recovery)


CAFE_NFC = unicodedata.normalize("NFC", "café au lait, s'il vous plaît")
CAFE_NFD = unicodedata.normalize("NFD", CAFE_NFC)


def test_passphrases_are_normalised(data_dir: Path, fast_kdf: KdfParams) -> None:
    assert CAFE_NFC != CAFE_NFD
    Vault.create(data_dir, CAFE_NFD, kdf=fast_kdf)[0].lock()
    Vault.open_with_passphrase(data_dir, CAFE_NFC).lock()
    Vault.open_with_passphrase(data_dir, CAFE_NFD).lock()


def test_a_vault_wrapped_before_normalisation_still_opens(data_dir: Path, fast_kdf: KdfParams) -> None:
    """A vault whose key was wrapped under the NFD bytes, as the app did before normalising."""
    vault, _ = Vault.create(data_dir, CAFE_NFC, kdf=fast_kdf)
    key, vault_id = vault.data_key, vault.vault_id
    vault.lock()
    kdf_json = meta_value(data_dir, "kdf")
    wrapped = RecordCipher(derive_raw_key(CAFE_NFD, fast_kdf)).seal(
        key, _wrap_aad(vault_id, "passphrase", kdf_json)
    )
    set_meta(data_dir, "wrapped_key.passphrase", wrapped.hex())
    conn = sqlite3.connect(db_path(data_dir))
    meta = {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM vault_meta")}
    conn.close()
    set_meta(data_dir, "header_mac", header_mac(key, meta))
    Vault.open_with_passphrase(data_dir, CAFE_NFD).lock()
    Vault.open_with_passphrase(data_dir, CAFE_NFC).lock()


def test_folders_loosened_to_0755_are_tightened_on_open(made: tuple[Path, str, bytes]) -> None:
    data_dir, _, _ = made
    backups = data_dir / "backups"
    backups.mkdir(mode=0o700)
    (backups / "vault-old.sqlite3").write_bytes(b"encrypted copy")
    for path, loose in ((data_dir, 0o755), (backups, 0o755), (backups / "vault-old.sqlite3", 0o644)):
        path.chmod(loose)
    Vault.open_with_passphrase(data_dir, TEST_PASSPHRASE).lock()
    modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in (data_dir, backups)}
    assert modes == {data_dir.name: 0o700, "backups": 0o700}
    assert stat.S_IMODE((backups / "vault-old.sqlite3").stat().st_mode) == 0o600

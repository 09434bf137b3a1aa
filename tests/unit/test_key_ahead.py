"""The key derived ahead on a thread (issue 15) is used only when it is the very key the unlock would derive.

Every other case (other parameters or salt, a header changed between the peek and the open, another passphrase)
falls back to the normal derivation, and a wrong passphrase fails exactly as before.
"""

from __future__ import annotations

import io
import json
import sqlite3
import sys
import threading
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import TEST_PASSPHRASE
from tests.helpers.cli import run_main
from wellbeing_app import key_ahead, vault_keys
from wellbeing_app.cli.context import CliContext
from wellbeing_app.clock import FixedClock
from wellbeing_app.crypto.kdf import KdfParams, derive_raw_key
from wellbeing_app.errors import AuthenticationFailed, IntegrityError
from wellbeing_app.key_ahead import KeyAhead
from wellbeing_app.vault import Vault, db_path
from wellbeing_app.vault_header import peek_kdf


@pytest.fixture
def locked(data_dir: Path, fast_kdf: KdfParams, clock: FixedClock) -> Path:
    Vault.create(data_dir, TEST_PASSPHRASE, kdf=fast_kdf, clock=clock)[0].lock()
    return data_dir


@pytest.fixture
def derivations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The passphrase forms the unlock derives itself (not ahead)."""
    seen: list[str] = []

    def counting(passphrase: str, params: KdfParams) -> bytes:
        seen.append(passphrase)
        return derive_raw_key(passphrase, params)

    monkeypatch.setattr(vault_keys, "derive_raw_key", counting)
    return seen


def set_kdf(data_dir: Path, value: str) -> None:
    conn = sqlite3.connect(db_path(data_dir))
    try:
        with conn:
            conn.execute("UPDATE vault_meta SET value = ? WHERE key = 'kdf'", (value,))
    finally:
        conn.close()


def test_a_matching_key_ahead_unlocks_without_deriving_again(locked: Path, derivations: list[str]) -> None:
    ahead = KeyAhead.start(locked, TEST_PASSPHRASE)
    assert ahead is not None
    Vault.open_with_passphrase(locked, TEST_PASSPHRASE, ahead=ahead).lock()
    assert derivations == []


def test_the_key_is_handed_over_only_for_the_same_parameters_and_passphrase_form(locked: Path) -> None:
    kdf_json = peek_kdf(locked)
    assert kdf_json is not None
    params = KdfParams.from_json(json.loads(kdf_json))
    other_salt = json.dumps({**json.loads(kdf_json), "salt": "11" * 16})
    for asked_kdf, asked_form in ((other_salt, TEST_PASSPHRASE), (kdf_json, TEST_PASSPHRASE + " ")):
        ahead = KeyAhead.start(locked, TEST_PASSPHRASE)
        assert ahead is not None
        assert ahead.key_for(asked_kdf, asked_form) is None
    ahead = KeyAhead.start(locked, TEST_PASSPHRASE)
    assert ahead is not None
    assert ahead.key_for(kdf_json, TEST_PASSPHRASE) == derive_raw_key(TEST_PASSPHRASE, params)
    assert ahead.key_for(kdf_json, TEST_PASSPHRASE) is None  # handed over once, no copy kept


def test_the_derivation_ahead_is_over_before_the_unlock_derives_anything_itself(
    locked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two Argon2id derivations at once can fail in one process (OpenSSL's thread pool): never run both."""
    running, release = threading.Event(), threading.Event()

    def slow(passphrase: str, params: KdfParams) -> bytes:
        running.set()
        release.wait(timeout=10)
        return derive_raw_key(passphrase, params)

    monkeypatch.setattr(key_ahead, "derive_raw_key", slow)
    ahead = KeyAhead.start(locked, "not the passphrase at all")
    assert ahead is not None and running.wait(timeout=10)
    threading.Timer(0.05, release.set).start()
    assert (
        ahead.key_for("{}", TEST_PASSPHRASE) is None
    )  # not the key asked for: returned only once it is done
    assert release.is_set()


def test_a_passphrase_changed_between_the_peek_and_the_open_is_derived_as_usual(
    locked: Path, derivations: list[str], fast_kdf: KdfParams
) -> None:
    ahead = KeyAhead.start(locked, TEST_PASSPHRASE)
    vault = Vault.open_with_passphrase(locked, TEST_PASSPHRASE)
    vault.change_passphrase("a new passphrase, also long", kdf=KdfParams.fresh(memory_kib=1024, iterations=1))
    vault.lock()
    derivations.clear()
    # The header now has a new salt: the key derived ahead for the old one is not used...
    with pytest.raises(AuthenticationFailed, match="does not open this vault"):
        Vault.open_with_passphrase(locked, TEST_PASSPHRASE, ahead=ahead)
    assert derivations == [TEST_PASSPHRASE]
    # ...and the new passphrase opens with a key derived under the header's own parameters.
    ahead = KeyAhead.start(locked, TEST_PASSPHRASE)
    Vault.open_with_passphrase(locked, "a new passphrase, also long", ahead=ahead).lock()


def test_parameters_edited_between_the_peek_and_the_open_are_damage_as_before(
    locked: Path, derivations: list[str]
) -> None:
    ahead = KeyAhead.start(locked, TEST_PASSPHRASE)
    kdf_json = peek_kdf(locked)
    assert kdf_json is not None
    set_kdf(locked, json.dumps({**json.loads(kdf_json), "iterations": 2}))
    # Not the key derived ahead (other parameters): derived again, and the slot, bound to the parameters, fails.
    with pytest.raises(AuthenticationFailed):
        Vault.open_with_passphrase(locked, TEST_PASSPHRASE, ahead=ahead)
    assert derivations == [TEST_PASSPHRASE]
    set_kdf(locked, json.dumps({**json.loads(kdf_json), "iterations": 5000}))
    assert KeyAhead.start(locked, TEST_PASSPHRASE) is None
    with pytest.raises(IntegrityError, match="key-derivation settings"):
        Vault.open_with_passphrase(locked, TEST_PASSPHRASE, ahead=ahead)


def test_a_wrong_passphrase_derived_ahead_still_fails(locked: Path, derivations: list[str]) -> None:
    ahead = KeyAhead.start(locked, "not the passphrase at all")
    with pytest.raises(AuthenticationFailed, match="does not open this vault"):
        Vault.open_with_passphrase(locked, "not the passphrase at all", ahead=ahead)
    assert derivations == []  # the form derived ahead was tried, and refused by the key slot


def test_a_key_ahead_for_another_passphrase_is_not_used(locked: Path, derivations: list[str]) -> None:
    ahead = KeyAhead.start(locked, "not the passphrase at all")
    Vault.open_with_passphrase(locked, TEST_PASSPHRASE, ahead=ahead).lock()
    assert derivations == [TEST_PASSPHRASE]


def test_the_form_derived_ahead_is_nfc(data_dir: Path, fast_kdf: KdfParams, derivations: list[str]) -> None:
    nfd = unicodedata.normalize("NFD", "café au lait, s'il vous plaît")
    Vault.create(data_dir, nfd, kdf=fast_kdf)[0].lock()
    derivations.clear()
    Vault.open_with_passphrase(data_dir, nfd, ahead=KeyAhead.start(data_dir, nfd)).lock()
    assert derivations == []


def test_no_vault_or_no_readable_header_derives_nothing_ahead(tmp_path: Path) -> None:
    assert KeyAhead.start(tmp_path / "nothing here", TEST_PASSPHRASE) is None
    (tmp_path / "vault.sqlite3").write_bytes(b"not a database at all")
    assert KeyAhead.start(tmp_path, TEST_PASSPHRASE) is None


def test_the_command_line_with_a_wrong_passphrase_still_exits_3(
    locked: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    environ = {"WELLBEING_DATA_DIR": str(locked), "WELLBEING_PASSPHRASE": "not the passphrase at all"}
    result = run_main(capsys, ["checkin", "--mood", "5"], environ)
    assert result.code == 3
    assert result.err.startswith(
        "wellbeing-app: That passphrase does not open this vault; nothing was changed."
    )


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_storage_layer_loads_while_the_passphrase_is_typed(
    locked: Path, monkeypatch: pytest.MonkeyPatch, clock: FixedClock
) -> None:
    loaded_on: list[str] = []
    typing = threading.Event()

    def load() -> None:
        typing.wait(timeout=10)
        loaded_on.append(threading.current_thread().name)

    def getpass(prompt: str) -> str:
        typing.set()  # the loader runs while this "types"
        return TEST_PASSPHRASE

    monkeypatch.setattr("wellbeing_app.cli.context.getpass.getpass", getpass)
    ctx = CliContext(data_dir=locked, environ={}, stdin=_Terminal(), clock=clock)
    ctx.open_vault(load=load).lock()
    # On the loader thread while typing, then once more on the main thread (a no-op for real imports).
    assert loaded_on == ["load-while-typing", threading.current_thread().name]

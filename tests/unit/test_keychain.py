"""'Remember on this computer': the data key in a keychain of priority >= 1, or nowhere; never an exception."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import keyring
import pytest

from tests.helpers.keyrings import BrokenKeyring, MemoryKeyring, NoKeyring
from wellbeing_app.keychain import SERVICE, Keychain
from wellbeing_app.vault import Vault

VAULT_ID = "0c6a7b0e-4f7e-4a55-9d4e-6a8f3c1b2d90"


def one_sentence(text: str) -> bool:
    return text.endswith(".") and text.count(". ") == 0 and "\n" not in text and len(text) < 160


def test_tests_never_reach_the_real_keychain() -> None:
    assert isinstance(keyring.get_keyring(), NoKeyring)
    assert os.environ["PYTHON_KEYRING_BACKEND"] == "keyring.backends.fail.Keyring"


def test_memory_keyring_is_available_with_an_explanation(memory_keyring: MemoryKeyring) -> None:
    for keychain in (Keychain(memory_keyring), Keychain()):  # explicit, and found through keyring
        status = keychain.status()
        assert status.available
        assert one_sentence(status.explanation), status.explanation
        assert "kept in" in status.explanation


def test_store_load_forget_round_trip(memory_keyring: MemoryKeyring) -> None:
    keychain = Keychain()
    key = os.urandom(32)
    assert keychain.load(VAULT_ID) is None
    assert keychain.store(VAULT_ID, key) is True
    assert keychain.load(VAULT_ID) == key
    assert keychain.load("another-vault") is None
    stored = memory_keyring.secrets[(SERVICE, VAULT_ID)]
    assert key not in stored.encode() and key.hex() not in stored  # kept as base64 text, only in the keychain
    keychain.forget(VAULT_ID)
    assert keychain.load(VAULT_ID) is None
    keychain.forget(VAULT_ID)  # forgetting twice is harmless


def test_two_vaults_keep_separate_keys(memory_keyring: MemoryKeyring) -> None:
    keychain = Keychain(memory_keyring)
    keychain.store("vault-a", b"a" * 32)
    keychain.store("vault-b", b"b" * 32)
    assert (keychain.load("vault-a"), keychain.load("vault-b")) == (b"a" * 32, b"b" * 32)


@pytest.mark.parametrize(
    "backend", [None, NoKeyring(), keyring.backends.fail.Keyring()], ids=["default", "no", "fail"]
)
def test_no_keyring_is_unavailable_and_never_raises(backend: Any) -> None:
    keychain = Keychain(backend)
    status = keychain.status()
    assert not status.available
    assert one_sentence(status.explanation), status.explanation
    assert "passphrase" in status.explanation
    assert keychain.store(VAULT_ID, os.urandom(32)) is False
    assert keychain.load(VAULT_ID) is None
    keychain.forget(VAULT_ID)


def test_a_plaintext_style_backend_below_priority_1_counts_as_none() -> None:
    class PlaintextFile(MemoryKeyring):
        priority = 0.5

    backend = PlaintextFile()
    keychain = Keychain(backend)
    assert not keychain.status().available
    assert keychain.store(VAULT_ID, b"k" * 32) is False
    assert backend.secrets == {}


def test_a_backend_whose_calls_raise_never_raises() -> None:
    keychain = Keychain(BrokenKeyring())
    assert keychain.status().available  # it claims to work; failures show up as False / None
    assert keychain.store(VAULT_ID, os.urandom(32)) is False
    assert keychain.load(VAULT_ID) is None
    keychain.forget(VAULT_ID)


def test_a_backend_whose_priority_raises_is_unavailable() -> None:
    class Unsuitable:  # not a KeyringBackend subclass, so keyring's registry of backends stays clean
        @property
        def priority(self) -> float:
            raise RuntimeError("not on this platform")

        def get_password(self, service: str, username: str) -> str:
            raise AssertionError("an unsuitable backend must not be used")

        set_password = delete_password = get_password

    keychain = Keychain(Unsuitable())
    assert not keychain.status().available
    assert keychain.store(VAULT_ID, b"k" * 32) is False
    assert keychain.load(VAULT_ID) is None


def test_keyring_itself_failing_is_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode() -> None:
        raise RuntimeError("broken keyringrc.cfg")

    monkeypatch.setattr(keyring, "get_keyring", explode)
    keychain = Keychain()
    assert not keychain.status().available
    assert keychain.load(VAULT_ID) is None


def test_garbage_in_the_keychain_loads_as_nothing(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.set_password(SERVICE, VAULT_ID, "not base64 at all!")
    assert Keychain().load(VAULT_ID) is None


def test_remembered_key_opens_the_vault(memory_keyring: MemoryKeyring, vault: Vault, data_dir: Path) -> None:
    keychain = Keychain()
    assert keychain.store(vault.vault_id, vault.data_key)
    vault_id = vault.vault_id
    vault.lock()
    key = keychain.load(vault_id)
    assert key is not None
    reopened = Vault.open_with_data_key(data_dir, key)
    try:
        assert reopened.vault_id == vault_id
    finally:
        reopened.lock()


def test_a_chain_with_a_weak_member_counts_as_no_keychain() -> None:
    from keyring.backends.chainer import ChainerBackend

    from tests.helpers.keyrings import MemoryKeyring, NoKeyring
    from wellbeing_app.keychain import Keychain

    class WeakChain(ChainerBackend):
        @property
        def backends(self) -> list[object]:  # type: ignore[override]
            return [MemoryKeyring(), NoKeyring()]

    assert not Keychain(WeakChain()).status().available

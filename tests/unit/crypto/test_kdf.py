"""Argon2id key derivation and its stored parameters."""

from __future__ import annotations

import json

import pytest

from wellbeing_app.crypto.kdf import SALT_BYTES, KdfParams, derive_key

CHEAP = {"memory_kib": 1024, "iterations": 1, "lanes": 1}


def test_defaults_are_at_least_64_mib_and_3_iterations() -> None:
    params = KdfParams.fresh()
    assert params.memory_kib >= 64 * 1024
    assert params.iterations >= 3
    assert params.lanes >= 1
    assert len(params.salt) == SALT_BYTES


def test_fresh_salts_differ() -> None:
    assert KdfParams.fresh(**CHEAP).salt != KdfParams.fresh(**CHEAP).salt


def test_json_round_trip_through_text() -> None:
    params = KdfParams.fresh(memory_kib=2048, iterations=2, lanes=2)
    stored = json.dumps(params.to_json())
    assert KdfParams.from_json(json.loads(stored)) == params
    assert json.loads(stored)["algorithm"] == "argon2id"


def test_default_params_round_trip() -> None:
    params = KdfParams.fresh()
    assert KdfParams.from_json(json.loads(json.dumps(params.to_json()))) == params


def test_unknown_algorithm_is_refused() -> None:
    data = KdfParams.fresh(**CHEAP).to_json()
    data["algorithm"] = "pbkdf2"
    with pytest.raises(ValueError, match="algorithm"):
        KdfParams.from_json(data)


def test_derivation_is_deterministic_and_256_bits() -> None:
    params = KdfParams.fresh(**CHEAP)
    key = derive_key("correct horse battery staple", params)
    assert len(key) == 32
    assert derive_key("correct horse battery staple", params) == key


@pytest.mark.parametrize(
    "change",
    [
        {"salt": b"\x00" * SALT_BYTES},
        {"memory_kib": 2048},
        {"iterations": 2},
        {"lanes": 2},
    ],
    ids=["salt", "memory", "iterations", "lanes"],
)
def test_every_parameter_changes_the_key(change: dict[str, object]) -> None:
    params = KdfParams.fresh(**CHEAP)
    changed = KdfParams(**{**params.__dict__, **change})
    assert derive_key("correct horse battery staple", changed) != derive_key(
        "correct horse battery staple", params
    )


def test_different_passphrases_give_different_keys() -> None:
    params = KdfParams.fresh(**CHEAP)
    assert derive_key("correct horse battery staple", params) != derive_key(
        "correct horse battery stapl", params
    )


def test_non_ascii_passphrase() -> None:
    params = KdfParams.fresh(**CHEAP)
    assert derive_key("Ωmega über straße 🌙", params) == derive_key("Ωmega über straße 🌙", params)

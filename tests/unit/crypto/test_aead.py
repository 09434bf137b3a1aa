"""AES-256-GCM record sealing: round trips, and every kind of damage or misplacement is refused."""

from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wellbeing_app.crypto.aead import KEY_BYTES, NONCE_BYTES, RecordCipher, associated_data
from wellbeing_app.errors import IntegrityError

KEY = bytes(range(32))
AAD = associated_data("records", "payload", "3f6c1b2e-0000-4000-8000-000000000001", "checkin")


def test_round_trip() -> None:
    cipher = RecordCipher(KEY)
    assert (
        cipher.open(cipher.seal(b"slept badly, walked at lunch", AAD), AAD) == b"slept badly, walked at lunch"
    )


def test_each_seal_uses_a_fresh_nonce() -> None:
    cipher = RecordCipher(KEY)
    first, second = cipher.seal(b"same", AAD), cipher.seal(b"same", AAD)
    assert first != second
    assert first[1 : 1 + NONCE_BYTES] != second[1 : 1 + NONCE_BYTES]


def test_ciphertext_does_not_contain_the_plaintext() -> None:
    assert b"a private note" not in RecordCipher(KEY).seal(b"a private note", AAD)


def test_wrong_key_fails() -> None:
    blob = RecordCipher(KEY).seal(b"secret", AAD)
    with pytest.raises(IntegrityError):
        RecordCipher(os.urandom(KEY_BYTES)).open(blob, AAD)


@given(data=st.binary(max_size=200), position=st.integers(min_value=0), mask=st.integers(1, 255))
def test_flipping_any_bit_of_the_blob_fails(data: bytes, position: int, mask: int) -> None:
    cipher = RecordCipher(KEY)
    blob = bytearray(cipher.seal(data, AAD))
    blob[position % len(blob)] ^= mask
    with pytest.raises(IntegrityError):
        cipher.open(bytes(blob), AAD)


@pytest.mark.parametrize("length", [0, 1, 1 + NONCE_BYTES, 1 + NONCE_BYTES + 15])
def test_truncated_blob_fails(length: int) -> None:
    cipher = RecordCipher(KEY)
    blob = cipher.seal(b"", AAD)
    with pytest.raises(IntegrityError):
        cipher.open(blob[:length], AAD)


def test_appended_bytes_fail() -> None:
    cipher = RecordCipher(KEY)
    with pytest.raises(IntegrityError):
        cipher.open(cipher.seal(b"note", AAD) + b"\x00", AAD)


@pytest.mark.parametrize(
    "moved_to",
    [
        associated_data("journal", "payload", "3f6c1b2e-0000-4000-8000-000000000001", "checkin"),
        associated_data("records", "title", "3f6c1b2e-0000-4000-8000-000000000001", "checkin"),
        associated_data("records", "payload", "3f6c1b2e-0000-4000-8000-000000000002", "checkin"),
        associated_data("records", "payload", "3f6c1b2e-0000-4000-8000-000000000001", "journal"),
        associated_data("records", "payload", "3f6c1b2e-0000-4000-8000-000000000001"),
        b"",
    ],
    ids=["other-table", "other-field", "other-id", "other-kind", "no-kind", "no-aad"],
)
def test_ciphertext_moved_to_another_place_fails(moved_to: bytes) -> None:
    cipher = RecordCipher(KEY)
    blob = cipher.seal(b"mood 3/5", AAD)
    with pytest.raises(IntegrityError):
        cipher.open(blob, moved_to)


def test_associated_data_keeps_parts_apart() -> None:
    assert associated_data("records", "payload", "id", "kind") != associated_data(
        "records", "payload", "kind", "id"
    )
    assert associated_data("records", "payload", "ab", "c") != associated_data(
        "records", "payload", "a", "bc"
    )


@pytest.mark.parametrize("length", [0, 16, 31, 33])
def test_key_must_be_256_bits(length: int) -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        RecordCipher(b"k" * length)


@given(plaintext=st.binary(max_size=4096), aad=st.binary(max_size=256))
def test_round_trip_of_arbitrary_bytes(plaintext: bytes, aad: bytes) -> None:
    cipher = RecordCipher(KEY)
    assert cipher.open(cipher.seal(plaintext, aad), aad) == plaintext


@given(
    table=st.text(min_size=1, max_size=20),
    field=st.text(min_size=1, max_size=20),
    record_id=st.uuids().map(str),
    kind=st.text(max_size=20),
    text=st.text(max_size=500),
)
def test_round_trip_of_arbitrary_text_in_any_place(
    table: str, field: str, record_id: str, kind: str, text: str
) -> None:
    cipher = RecordCipher(KEY)
    aad = associated_data(table, field, record_id, kind)
    assert cipher.open(cipher.seal(text.encode("utf-8"), aad), aad).decode("utf-8") == text

"""The recovery key: 8 groups of 4 Crockford base32 characters, forgiving when typed back."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wellbeing_app.crypto.recovery import (
    ALPHABET,
    RECOVERY_BITS,
    format_recovery_key,
    new_recovery_key,
    parse_recovery_key,
)
from wellbeing_app.errors import AuthenticationFailed

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
SHAPE = re.compile(rf"^[{CROCKFORD}]{{4}}(-[{CROCKFORD}]{{4}}){{7}}$")
keys = st.binary(min_size=RECOVERY_BITS // 8, max_size=RECOVERY_BITS // 8)


def test_alphabet_is_crockford() -> None:
    assert ALPHABET == CROCKFORD
    assert not set("ILOU") & set(ALPHABET)


def test_new_key_has_at_least_128_random_bits() -> None:
    key = new_recovery_key()
    assert len(key) * 8 >= 128
    assert new_recovery_key() != key


def test_format_is_eight_groups_of_four() -> None:
    text = format_recovery_key(new_recovery_key())
    assert SHAPE.match(text), text


def test_known_value() -> None:
    assert format_recovery_key(b"\x00" * 20) == "0000-0000-0000-0000-0000-0000-0000-0000"
    assert format_recovery_key(b"\xff" * 20) == "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"
    assert parse_recovery_key("0000-0000-0000-0000-0000-0000-0000-0001") == b"\x00" * 19 + b"\x01"


@given(key=keys)
def test_round_trip(key: bytes) -> None:
    text = format_recovery_key(key)
    assert SHAPE.match(text)
    assert parse_recovery_key(text) == key


@given(key=keys)
def test_accepted_without_hyphens_in_lowercase_and_with_spaces(key: bytes) -> None:
    text = format_recovery_key(key)
    assert parse_recovery_key(text.replace("-", "")) == key
    assert parse_recovery_key(text.lower()) == key
    assert parse_recovery_key(f"  {text.replace('-', ' ')}\n") == key


@given(key=keys, one=st.sampled_from("IiLl"), zero=st.sampled_from("Oo"))
def test_confusable_letters_are_read_as_digits(key: bytes, one: str, zero: str) -> None:
    typed = format_recovery_key(key).replace("1", one).replace("0", zero)
    assert parse_recovery_key(typed) == key


def test_o_i_l_map_to_zero_and_one() -> None:
    expected = parse_recovery_key("0000-0000-0000-0000-0000-0000-0000-0011")
    assert parse_recovery_key("OOOO-oooo-0000-0000-0000-0000-0000-00Il") == expected
    assert parse_recovery_key("oooooooooooooooooooooooooooooo1L") == expected


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "0000-0000-0000-0000-0000-0000-0000-000",  # one character short
        "0000-0000-0000-0000-0000-0000-0000-00000",  # one character too many
        "0000-0000-0000-0000-0000-0000-0000",  # a group missing
        "0000-0000-0000-0000-0000-0000-0000-000U",  # U is not in the alphabet
        "0000-0000-0000-0000-0000-0000-0000-000!",
        "correct horse battery staple",
    ],
)
def test_malformed_keys_are_refused_with_a_helpful_message(typed: str) -> None:
    with pytest.raises(AuthenticationFailed, match="groups of 4"):
        parse_recovery_key(typed)

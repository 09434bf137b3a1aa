"""What a new passphrase must be: apart from the vault, so the first page can check it before storage loads."""

from __future__ import annotations

import unicodedata

from wellbeing_app.errors import InvalidInput

MIN_PASSPHRASE_LENGTH = 10


def validate_new_passphrase(passphrase: str, confirmation: str | None = None) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise InvalidInput(
            f"The passphrase needs at least {MIN_PASSPHRASE_LENGTH} characters; a short sentence works well.",
            field="passphrase",
        )
    if confirmation is not None and confirmation != passphrase:
        raise InvalidInput(
            "The two passphrases are not the same. Please type them again.", field="passphrase"
        )


def passphrase_forms(passphrase: str) -> list[str]:
    """NFC first (how every key is wrapped now), then as typed and NFD for vaults wrapped before normalisation."""
    forms = [unicodedata.normalize("NFC", passphrase), passphrase, unicodedata.normalize("NFD", passphrase)]
    return list(dict.fromkeys(forms))

"""How the data key is wrapped and the header authenticated: the small cryptographic rules of the vault file.

The data key is stored only wrapped: under a key derived from the passphrase (Argon2id; the passphrase slot also
binds the Argon2id parameters, so lowering them on disk breaks the unlock) and under the recovery key (HKDF, the
recovery key already being 160 random bits). Every header value is covered by an HMAC under a subkey of the
data key, checked at each unlock and by ``verify``.
"""

from __future__ import annotations

import hmac
import json
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from wellbeing_app.crypto.aead import KEY_BYTES, RecordCipher, associated_data
from wellbeing_app.crypto.kdf import KdfParams, derive_raw_key
from wellbeing_app.errors import AuthenticationFailed, IntegrityError
from wellbeing_app.passphrase import passphrase_forms

if TYPE_CHECKING:
    from wellbeing_app.key_ahead import KeyAhead

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


def _wrap_aad(vault_id: str, slot: str, bound: str = "") -> bytes:
    """The passphrase slot also binds the Argon2id parameters, so lowering them on disk breaks the unlock."""
    return associated_data("vault_meta", "wrapped_key", slot, f"{vault_id}\x1f{bound}" if bound else vault_id)


HEADER_CHANGED = (
    "The vault's header does not match its key: part of it (a key slot or a setting) was damaged or changed. "
    "Your records are untouched; restore the vault from a backup, or rescue them with 'wellbeing-app salvage'."
)


def unwrap(wrapping_key: bytes, meta: dict[str, str], slot: str, message: str) -> bytes:
    """The data key from one slot of the header; AuthenticationFailed (with ``message``) when it does not open."""
    blob = bytes.fromhex(meta[f"wrapped_key.{slot}"])
    try:
        bound = meta["kdf"] if slot == "passphrase" else ""
        return RecordCipher(wrapping_key).open(blob, _wrap_aad(meta["vault_id"], slot, bound))
    except IntegrityError as exc:
        raise AuthenticationFailed(message) from exc


def check_header(data_key: bytes, meta: dict[str, str]) -> dict[str, str]:
    """Raise IntegrityError when the header was changed; for a vault made before headers were authenticated,
    the values to write so that it is authenticated from now on (empty when there is nothing to write)."""
    try:
        check = RecordCipher(data_key).open(
            bytes.fromhex(meta.get("key_check", "")), _wrap_aad(meta["vault_id"], "key_check")
        )
    except (IntegrityError, ValueError) as exc:
        raise IntegrityError(HEADER_CHANGED) from exc
    if check == KEY_CHECK_AUTHENTICATED:
        if not hmac.compare_digest(meta.get(HEADER_MAC, ""), header_mac(data_key, meta)):
            raise IntegrityError(HEADER_CHANGED)
        return {}
    if check != KEY_CHECK_LEGACY:
        raise IntegrityError(HEADER_CHANGED)
    updated = dict(meta)
    updated["key_check"] = (
        RecordCipher(data_key).seal(KEY_CHECK_AUTHENTICATED, _wrap_aad(meta["vault_id"], "key_check")).hex()
    )
    return {"key_check": updated["key_check"], HEADER_MAC: header_mac(data_key, updated)}


def key_from_passphrase(meta: dict[str, str], passphrase: str, ahead: KeyAhead | None = None) -> bytes:
    """The data key from the header's passphrase slot; AuthenticationFailed when the passphrase is wrong.

    ``ahead`` may hold the key of one passphrase form already derived on a thread (wellbeing_app/key_ahead.py);
    it is used only for exactly this header's parameters and that form, and must unwrap like any other.
    """
    kdf = KdfParams.from_json(json.loads(meta["kdf"]))
    message = "That passphrase does not open this vault. Check it and try again, or use your recovery key."
    for form in passphrase_forms(passphrase):
        derived = ahead.key_for(meta["kdf"], form) if ahead is not None else None
        try:
            key = derived if derived is not None else derive_raw_key(form, kdf)
            return unwrap(key, meta, "passphrase", message)
        except AuthenticationFailed:
            continue
    raise AuthenticationFailed(message)


def key_from_recovery(meta: dict[str, str], recovery: bytes) -> bytes:
    """The data key from the header's recovery slot (``recovery`` as parsed by parse_recovery_key)."""
    kek = _recovery_kek(recovery, bytes.fromhex(meta["recovery_salt"]))
    return unwrap(kek, meta, "recovery", "That recovery key does not open this vault.")

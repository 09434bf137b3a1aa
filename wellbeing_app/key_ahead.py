"""The passphrase's Argon2id key, derived on a thread while the storage layer is still loading (issue 15).

`cryptography`'s Argon2id releases the GIL, so on two cores the derivation (about 0.14 s at the default cost)
and importing SQLAlchemy (about 0.3 s) run side by side instead of one after the other. The parameters and salt
are only peeked at here, with the standard library; the vault reads and checks its header itself when it opens,
and takes this key only for exactly the parameter text it read and exactly the passphrase form it is trying,
that is, only when deriving again would give the same bytes. Everything after the derivation is unchanged: the
data key must still unwrap (AES-GCM) and the header's MAC still be right, so a wrong passphrase or an edited
header fails just as it did without this.
"""

from __future__ import annotations

import hmac
import json
import threading
from pathlib import Path

from wellbeing_app.crypto.kdf import KdfParams, derive_raw_key
from wellbeing_app.passphrase import passphrase_forms
from wellbeing_app.vault_header import peek_kdf


class KeyAhead:
    """One derivation started early; ``key_for`` hands its result over only when it is the key asked for."""

    def __init__(self, kdf_json: str, params: KdfParams, passphrase_form: str) -> None:
        self._kdf_json = kdf_json
        self._params = params
        self._form = passphrase_form
        self._key: bytes | None = None
        self._thread = threading.Thread(target=self._derive, name="argon2id-ahead")

    @classmethod
    def start(cls, data_dir: Path, passphrase: str) -> KeyAhead | None:
        """Start deriving the key of the passphrase's NFC form (the form every key is wrapped with now) under
        the parameters peeked from the vault's header; None when they cannot be read or are out of bounds (the
        unlock then derives, or reports the damage, as usual)."""
        try:
            kdf_json = peek_kdf(data_dir)
            if kdf_json is None:
                return None
            params = KdfParams.from_json(json.loads(kdf_json))
        except (OSError, ValueError, TypeError, RecursionError):  # only a head start: never a failure
            return None
        ahead = cls(kdf_json, params, passphrase_forms(passphrase)[0])
        ahead._thread.start()
        return ahead

    def _derive(self) -> None:
        try:
            self._key = derive_raw_key(self._form, self._params)
        except Exception:  # the unlock derives again and reports the problem itself
            self._key = None

    def key_for(self, kdf_json: str, passphrase_form: str) -> bytes | None:
        """``derive_raw_key(passphrase_form, <params in kdf_json>)`` when that is what was derived here, else
        None: other parameters, another salt or another passphrase form get nothing.

        Always waits for the derivation first, so that the caller's own derivation never runs beside it:
        `cryptography` runs Argon2id's lanes on OpenSSL's thread pool, and two derivations at once in one
        process can fail (MemoryError) for want of threads.
        """
        self._thread.join()
        key, self._key = self._key, None  # handed over at most once; this object keeps no copy
        same_form = hmac.compare_digest(
            passphrase_form.encode("utf-8", "surrogatepass"), self._form.encode("utf-8", "surrogatepass")
        )
        return key if kdf_json == self._kdf_json and same_form else None

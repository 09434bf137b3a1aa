"""The country for crisis lines, kept outside the encrypted vault so that `crisis` can honour it without a
passphrase: someone in distress must never be asked for one first.

It is two letters in a file readable by this user only (``crisis-country`` in the data folder), written by
`profile set --country`; docs/security.md lists it among what is stored unencrypted.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from wellbeing_app.paths import make_private

FILENAME = "crisis-country"
_CODE = re.compile(r"[A-Z]{2}")


def saved_crisis_country(data_dir: Path) -> str | None:
    """The saved code, or None when there is none or the file holds anything but two letters."""
    try:
        text = (data_dir / FILENAME).read_text(encoding="ascii").strip().upper()
    except (OSError, UnicodeDecodeError):
        return None
    return text if _CODE.fullmatch(text) else None


def save_crisis_country(data_dir: Path, code: str | None) -> None:
    """Keep ``code`` for the next `crisis`; None forgets it. The data folder already exists (it holds the vault)."""
    path = data_dir / FILENAME
    if code is None:
        path.unlink(missing_ok=True)
        return
    if not _CODE.fullmatch(code):
        raise ValueError(f"not a two-letter country code: {code!r}")
    temporary = path.with_name(FILENAME + ".new")
    temporary.write_text(code + "\n", encoding="ascii")
    make_private(temporary)
    os.replace(temporary, path)

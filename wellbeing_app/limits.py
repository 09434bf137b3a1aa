"""How long a note, title or entry may be: apart from the records, so the command line's help can say so cheaply."""

from __future__ import annotations

MAX_NOTE_LENGTH = 20_000
MAX_BODY_LENGTH = 200_000
MAX_TITLE_LENGTH = 200

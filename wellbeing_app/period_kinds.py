"""The kinds of life period and their words: apart from the records, so the command line's parser can list
them without loading storage (the `--version` and `crisis` start-up, issue 15)."""

from __future__ import annotations

from typing import Final

PERIOD_KINDS: Final = ("deployment", "home", "leave", "training", "other")
KIND_WORDS: Final = {
    "deployment": "Deployment",
    "home": "At home",
    "leave": "Leave",
    "training": "Training",
    "other": "Other",
}

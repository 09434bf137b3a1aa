"""The crisis country kept outside the vault: two letters or nothing, readable by this user only."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from wellbeing_app.crisis_country import FILENAME, save_crisis_country, saved_crisis_country


def test_saved_then_forgotten(tmp_path: Path) -> None:
    assert saved_crisis_country(tmp_path) is None
    save_crisis_country(tmp_path, "KE")
    assert saved_crisis_country(tmp_path) == "KE"
    assert stat.S_IMODE((tmp_path / FILENAME).stat().st_mode) == 0o600
    save_crisis_country(tmp_path, None)
    assert saved_crisis_country(tmp_path) is None
    save_crisis_country(tmp_path, None)  # forgetting twice is fine


@pytest.mark.parametrize("content", [b"", b"Kenya\n", b"K\n", b"\xff\xfe", b"KE; rm -rf /\n"])
def test_anything_but_two_letters_is_ignored(tmp_path: Path, content: bytes) -> None:
    (tmp_path / FILENAME).write_bytes(content)
    assert saved_crisis_country(tmp_path) is None


def test_only_two_letter_codes_are_written(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="two-letter"):
        save_crisis_country(tmp_path, "Kenya")
    assert not (tmp_path / FILENAME).exists()

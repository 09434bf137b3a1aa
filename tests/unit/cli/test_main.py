"""Broken text at every edge is bad input: exit 2 naming the field, the vault unchanged."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.cli import PASSPHRASE, Cli, run_main, unlocked
from wellbeing_app.clock import FixedClock


def record_count(data_dir: Path, clock: FixedClock) -> int:
    with unlocked(data_dir, clock) as services:
        return services.vault.store.count()


def export_document(**note: Any) -> dict[str, Any]:
    return {
        "format": "wellbeing-app-export",
        "version": 1,
        "checkins": [
            {"id": "00000000-0000-4000-8000-000000000001", "date": "2026-11-20", "time": "21:30", "mood": 6}
            | note
        ],
    }


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["checkin", "--mood", "5", "--note", "night \udcff shift"], "--note"),
        (["checkin", "--mood", "5", "--tag", "ok", "--tag", "\ud800"], "--tag"),
        (["journal", "add", "a walk \udce9"], "TEXT"),
        (["journal", "search", "caf\udce9"], "WORDS"),
    ],
    ids=["note", "tag", "journal-text", "search-words"],
)
def test_arguments_that_are_not_utf8(
    cli: Cli, cli_vault: Path, clock: FixedClock, argv: list[str], named: str
) -> None:
    result = cli(*argv)
    assert result.code == 2, result.err
    assert named in result.err and "UTF-8" in result.err
    assert record_count(cli_vault, clock) == 0


@pytest.mark.parametrize(
    "stream",
    [
        io.TextIOWrapper(io.BytesIO(b"a walk home \xff\xfe\n"), encoding="utf-8"),
        io.StringIO("a walk home \udcff"),
    ],
    ids=["strict-decoding", "surrogateescape"],
)
def test_standard_input_that_is_not_utf8(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    cli_vault: Path,
    clock: FixedClock,
    stream: io.TextIOBase,
) -> None:
    monkeypatch.setattr(sys, "stdin", stream)
    argv = ["--data-dir", str(cli_vault), "journal", "add", "-"]
    result = run_main(capsys, argv, {"WELLBEING_PASSPHRASE": PASSPHRASE}, clock)
    assert result.code == 2, result.err
    assert "not valid UTF-8" in result.err
    assert record_count(cli_vault, clock) == 0


@pytest.mark.parametrize(
    ("raw_note", "named"),
    [
        ('"\\ud800 lone"', "checkins[0].note"),
        ("1" * 5000, "checkins[0].mood"),
        ("1e999", "checkins[0].mood"),
        ("NaN", "checkins[0].mood"),
    ],
    ids=["lone-surrogate", "5000-digits", "infinity", "nan"],
)
def test_json_import_with_broken_values(
    cli: Cli, cli_vault: Path, clock: FixedClock, tmp_path: Path, raw_note: str, named: str
) -> None:
    text = json.dumps(export_document(note="placeholder"))
    field = named.rsplit(".", 1)[1]
    text = (
        text.replace('"placeholder"', raw_note)
        if field == "note"
        else text.replace('"mood": 6', f'"mood": {raw_note}')
    )
    path = tmp_path / "export.json"
    path.write_text(text, encoding="utf-8")
    result = cli("import", str(path))
    assert result.code == 2, result.err
    assert named in result.err
    assert "Traceback" not in result.err
    assert record_count(cli_vault, clock) == 0


def test_directory_json_with_a_lone_surrogate(cli: Cli, cli_vault: Path, tmp_path: Path) -> None:
    path = tmp_path / "directory.json"
    path.write_text(
        '{"format": "wellbeing-directory", "version": 1, "contacts": '
        '[{"name": "Sam \\udc00", "kind": "peer_supporter"}]}',
        encoding="utf-8",
    )
    result = cli("directory", "import", str(path))
    assert result.code == 2, result.err
    assert "contacts[0].name" in result.err


def test_a_real_process_given_invalid_utf8_bytes(cli_vault: Path, tmp_path: Path) -> None:
    """The bytes as a shell passes them, through Python's own argument decoding."""
    env = {**os.environ, "WELLBEING_PASSPHRASE": PASSPHRASE, "PYTHONUTF8": "1"}
    note = os.fsdecode(b"night \xff shift")
    argv = ["--data-dir", str(cli_vault), "checkin", "--mood", "5", "--note", note]
    completed = subprocess.run(
        [sys.executable, "-m", "wellbeing_app", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode == 2, completed.stderr
    assert "--note" in completed.stderr

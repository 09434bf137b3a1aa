"""What main() does around every command: broken text at every edge is bad input (exit 2 naming the field,
the vault unchanged); a closed pipe stops quietly; --data-dir may follow the command; help describes each one.
"""

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


# -- a closed pipe, --data-dir after the command (issue 11) ---------------------------------------------------


class _ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_reader_that_stops_early_is_not_an_error(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    result = cli("crisis", "--country", "GB")
    assert (result.code, result.err) == (141, "")


# argparse itself ignores a closed pipe when printing help, and exits 0.
@pytest.mark.parametrize(("argv", "code"), [(["crisis"], 141), (["--help"], 0)])
def test_a_pipe_closed_before_the_first_line_stops_quietly(
    tmp_path: Path, argv: list[str], code: int
) -> None:
    """As `wellbeing-app crisis | true`: the reader is gone before anything is written."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "wellbeing_app", *argv],
            stdin=subprocess.DEVNULL,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "WELLBEING_DATA_DIR": str(tmp_path / "vault")},
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert done.stderr == ""
    assert done.returncode == code


@pytest.mark.parametrize(
    "argv",
    [
        ["checkin", "--mood", "6", "--data-dir", "{vault}"],
        ["checkin", "--data-dir", "{vault}", "--mood", "6"],
        ["--data-dir", "{elsewhere}", "checkin", "--mood", "6", "--data-dir", "{vault}"],
    ],
)
def test_data_dir_may_follow_the_command(
    capsys: pytest.CaptureFixture[str], cli_vault: Path, tmp_path: Path, argv: list[str]
) -> None:
    filled = [arg.format(vault=cli_vault, elsewhere=tmp_path / "elsewhere") for arg in argv]
    result = run_main(capsys, filled, {"WELLBEING_PASSPHRASE": PASSPHRASE})
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith("Saved your check-in")


def test_data_dir_after_a_nested_command(cli: Cli, cli_vault: Path) -> None:
    assert cli("journal", "add", "A calm evening.").code == 0
    result = cli("journal", "list", "--data-dir", str(cli_vault))
    assert result.code == 0
    assert "A calm evening." in result.out


# -- help (issue 11) ------------------------------------------------------------------------------------------


def test_who5_help_shows_the_five_statements(cli: Cli) -> None:
    from wellbeing_app.instruments import who5

    result = cli("instrument", "who5", "--help")
    assert result.code == 0
    for number, statement in enumerate(who5.ITEMS, start=1):
        assert f"  {number}. {statement}\n" in result.out
    for value, label in who5.OPTIONS:
        assert f"  {value} {label}\n" in result.out


@pytest.mark.parametrize(
    ("command", "words"),
    [
        ("init", "Create a new, empty vault"),
        ("verify", "Decrypt and check every record"),
        ("export", "Write a decrypted copy"),
    ],
)
def test_commands_describe_themselves_in_their_help(cli: Cli, command: str, words: str) -> None:
    result = cli(command, "--help")
    assert result.code == 0
    assert result.out.split("\n\n")[1].startswith(words)

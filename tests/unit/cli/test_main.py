"""What main() does around every command: a closed pipe, and where --data-dir may be given."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.cli import Cli


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
    from tests.helpers.cli import PASSPHRASE, run_main

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

"""The command line, driven in-process through main(argv, environ=...): every exit code of the shared conventions."""

from __future__ import annotations

import io
import os
import re
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Protocol

import pytest

from tests.helpers.cli import PASSPHRASE, Result, run_main
from wellbeing_app import __version__
from wellbeing_app.crypto.kdf import KdfParams
from wellbeing_app.vault import Vault, db_path

RECOVERY_KEY = re.compile(r"\b[0-9A-Z]{4}(?:-[0-9A-Z]{4}){7}\b")


class Cli(Protocol):
    def __call__(self, argv: Sequence[str], environ: Mapping[str, str] | None = None) -> Result: ...


@pytest.fixture(autouse=True)
def _no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Standard input is not a terminal unless a test says so."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], data_dir: Path) -> Cli:
    """Run main() in-process with the data folder from the environment (this file's own ``cli``: no vault yet)."""

    def run(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> Result:
        env = {"WELLBEING_DATA_DIR": str(data_dir)} if environ is None else dict(environ)
        return run_main(capsys, argv, env)

    return run


def env(data_dir: Path, passphrase: str | None = PASSPHRASE) -> dict[str, str]:
    environ = {"WELLBEING_DATA_DIR": str(data_dir)}
    if passphrase is not None:
        environ["WELLBEING_PASSPHRASE"] = passphrase
    return environ


@pytest.fixture
def existing_vault(data_dir: Path, fast_kdf: KdfParams) -> Path:
    """A vault with two records, made directly with a cheap KDF (the CLI reads the stored parameters)."""
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf=fast_kdf)
    vault.store.put("checkin", str(uuid.UUID(int=1)), {"mood": 3}, date(2026, 11, 24))
    vault.store.put("checkin", str(uuid.UUID(int=2)), {"mood": 4}, date(2026, 11, 25))
    vault.lock()
    return data_dir


def one_line(text: str) -> bool:
    return text.count("\n") == 1 and text.endswith("\n")


# -- 0: done -------------------------------------------------------------------------------------------------


def test_version(cli: Cli) -> None:
    result = cli(["--version"])
    assert (result.code, result.out.strip()) == (0, f"wellbeing-app {__version__}")


def test_init_prints_the_recovery_key_once(cli: Cli, data_dir: Path) -> None:
    result = cli(["init"], env(data_dir))
    assert result.code == 0, result.err
    assert result.err == ""
    keys = RECOVERY_KEY.findall(result.out)
    assert len(keys) == 1
    assert result.out.count(keys[0]) == 1
    assert "Store this recovery key somewhere safe" in result.out
    assert PASSPHRASE not in result.out
    assert db_path(data_dir).is_file()
    for vault in (
        Vault.open_with_recovery_key(data_dir, keys[0]),
        Vault.open_with_passphrase(data_dir, PASSPHRASE),
    ):
        vault.lock()


def test_verify_prints_a_summary(cli: Cli, existing_vault: Path) -> None:
    result = cli(["verify"], env(existing_vault))
    assert result.code == 0, result.err
    assert result.out == "Vault OK: 2 records decrypted and checked; database integrity ok.\n"
    assert result.err == ""


def test_data_dir_option_wins_over_the_environment(cli: Cli, existing_vault: Path, tmp_path: Path) -> None:
    environ = env(tmp_path / "elsewhere")
    assert cli(["--data-dir", str(existing_vault), "verify"], environ).code == 0
    assert cli(["verify"], environ).code == 3


def test_interactive_passphrase_prompt(
    cli: Cli, existing_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", _Terminal())
    asked: list[str] = []

    def fake_getpass(prompt: str) -> str:
        asked.append(prompt)
        return PASSPHRASE

    monkeypatch.setattr("wellbeing_app.cli.context.getpass.getpass", fake_getpass)
    assert cli(["verify"], env(existing_vault, passphrase=None)).code == 0
    assert asked == ["Passphrase: "]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


# -- 1: unexpected internal error ----------------------------------------------------------------------------


def _explode(self: Vault) -> None:
    raise RuntimeError("internal detail that users need not see")


def test_unexpected_error_is_one_line_without_traceback(
    cli: Cli, existing_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Vault, "verify", _explode)
    result = cli(["verify"], env(existing_vault))
    assert result.code == 1
    assert one_line(result.err), result.err
    assert "Traceback" not in result.err
    assert "RuntimeError" in result.err and "--debug" in result.err
    assert result.out == ""


def test_unexpected_error_with_debug_shows_the_traceback(
    cli: Cli, existing_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Vault, "verify", _explode)
    result = cli(["--debug", "verify"], env(existing_vault))
    assert result.code == 1
    assert "Traceback (most recent call last)" in result.err
    assert "internal detail that users need not see" in result.err


# -- 2: invalid input or usage, nothing changed --------------------------------------------------------------


def test_init_where_a_vault_exists_leaves_it_untouched(cli: Cli, existing_vault: Path) -> None:
    path = db_path(existing_vault)
    before = (path.read_bytes(), path.stat().st_mtime_ns, sorted(p.name for p in existing_vault.iterdir()))
    result = cli(["init"], env(existing_vault, passphrase="a brand new long passphrase"))
    assert result.code == 2
    assert "already exists" in result.err and str(existing_vault) in result.err
    assert not RECOVERY_KEY.search(result.out + result.err)
    assert (
        path.read_bytes(),
        path.stat().st_mtime_ns,
        sorted(p.name for p in existing_vault.iterdir()),
    ) == before
    assert cli(["verify"], env(existing_vault)).code == 0


def test_init_twice_through_the_command_line(cli: Cli, data_dir: Path) -> None:
    assert cli(["init"], env(data_dir)).code == 0
    before = db_path(data_dir).read_bytes()
    assert cli(["init"], env(data_dir)).code == 2
    assert db_path(data_dir).read_bytes() == before


@pytest.mark.parametrize("command", ["init", "verify"])
def test_data_dir_that_is_a_file(cli: Cli, tmp_path: Path, command: str) -> None:
    not_a_dir = tmp_path / "notes.txt"
    not_a_dir.write_text("keep me")
    result = cli(["--data-dir", str(not_a_dir), command], env(tmp_path / "unused"))
    assert result.code == 2
    assert str(not_a_dir) in result.err
    assert one_line(result.err)
    assert not_a_dir.read_text() == "keep me"


def test_data_dir_that_cannot_be_created(cli: Cli, tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("keep me")
    target = blocker / "vault"
    result = cli(["--data-dir", str(target), "init"], env(tmp_path / "unused"))
    assert result.code == 2
    assert str(target) in result.err and "cannot be created" in result.err
    assert blocker.read_text() == "keep me"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write anywhere")
def test_data_dir_that_cannot_be_written(cli: Cli, tmp_path: Path) -> None:
    locked = tmp_path / "read-only"
    locked.mkdir(mode=0o500)
    target = locked / "vault"
    try:
        result = cli(["--data-dir", str(target), "init"], env(tmp_path / "unused"))
    finally:
        locked.chmod(0o700)
    assert result.code == 2
    assert str(target) in result.err


def test_init_with_a_short_passphrase(cli: Cli, data_dir: Path) -> None:
    result = cli(["init"], env(data_dir, passphrase="short"))
    assert result.code == 2
    assert "10 characters" in result.err
    assert not db_path(data_dir).exists()


def test_init_with_mismatched_passphrases(cli: Cli, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Terminal())
    answers = iter([PASSPHRASE, PASSPHRASE + "?"])
    monkeypatch.setattr("wellbeing_app.cli.context.getpass.getpass", lambda prompt: next(answers))
    result = cli(["init"], env(data_dir, passphrase=None))
    assert result.code == 2
    assert "not the same" in result.err
    assert not db_path(data_dir).exists()


def test_a_failed_init_leaves_nothing_behind(cli: Cli, data_dir: Path) -> None:
    assert cli(["init"], env(data_dir, passphrase="short")).code == 2
    assert not data_dir.exists()


@pytest.mark.parametrize("argv", [["--no-such-option"], ["no-such-command"], ["verify", "extra"]])
def test_usage_errors(cli: Cli, data_dir: Path, argv: list[str]) -> None:
    result = cli(argv)
    assert result.code == 2
    assert "usage: wellbeing-app" in result.err
    assert not data_dir.exists()


def test_no_command_without_a_display_says_so_in_one_line(cli: Cli, data_dir: Path) -> None:
    result = cli([], {"WELLBEING_DATA_DIR": str(data_dir)})
    assert result.code == 2
    assert one_line(result.err)
    assert "display" in result.err and "command line" in result.err


# -- 3: authentication failed or no vault --------------------------------------------------------------------


def test_wrong_passphrase(cli: Cli, existing_vault: Path) -> None:
    result = cli(["verify"], env(existing_vault, passphrase="not the passphrase at all"))
    assert result.code == 3
    # The way out it offers is a command that exists: recover takes the recovery key.
    assert "passphrase" in result.err and "wellbeing-app recover" in result.err
    assert one_line(result.err)


def test_missing_vault(cli: Cli, data_dir: Path) -> None:
    result = cli(["verify"], env(data_dir, passphrase=None))
    assert result.code == 3
    assert str(data_dir) in result.err and "init" in result.err
    assert not data_dir.exists()


@pytest.mark.parametrize("command", ["verify", "init"])
def test_no_passphrase_and_no_terminal(cli: Cli, existing_vault: Path, tmp_path: Path, command: str) -> None:
    target = existing_vault if command == "verify" else tmp_path / "new-vault"
    result = cli([command], env(target, passphrase=None))
    assert result.code == 3
    assert "WELLBEING_PASSPHRASE" in result.err and "terminal" in result.err
    assert not db_path(tmp_path / "new-vault").exists()


# -- 4: integrity error --------------------------------------------------------------------------------------


def test_damaged_record_is_named(cli: Cli, existing_vault: Path) -> None:
    damaged_id = str(uuid.UUID(int=2))
    conn = sqlite3.connect(db_path(existing_vault))
    with conn:
        conn.execute(
            "UPDATE records SET payload = (SELECT payload FROM records WHERE id = ?) WHERE id = ?",
            (str(uuid.UUID(int=1)), damaged_id),
        )
    conn.close()
    result = cli(["verify"], env(existing_vault))
    assert result.code == 4
    assert f"checkin record {damaged_id}" in result.err
    assert str(uuid.UUID(int=1)) not in result.err
    assert "1 of 2 records are damaged" in result.err
    assert "backup" in result.err


def test_a_file_that_is_not_a_vault(cli: Cli, data_dir: Path) -> None:
    data_dir.mkdir()
    db_path(data_dir).write_bytes(b"not a database\n" * 100)
    result = cli(["verify"], env(data_dir))
    assert result.code == 4
    assert one_line(result.err)


# -- the real process ----------------------------------------------------------------------------------------


def test_python_dash_m_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "wellbeing_app", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout.strip()) == (0, f"wellbeing-app {__version__}")


def test_exit_code_reaches_the_shell(tmp_path: Path) -> None:
    environ = {**os.environ, "WELLBEING_DATA_DIR": str(tmp_path / "none"), "WELLBEING_PASSPHRASE": PASSPHRASE}
    done = subprocess.run(
        [sys.executable, "-m", "wellbeing_app", "verify"],
        capture_output=True,
        text=True,
        timeout=60,
        env=environ,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert done.returncode == 3
    assert done.stderr.startswith("wellbeing-app: There is no vault")


def test_desktop_problem_is_explained_before_qt_could_abort() -> None:
    from wellbeing_app.cli.main import desktop_problem

    assert "No display" in (desktop_problem({}, "linux") or "")
    assert desktop_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert desktop_problem({}, "darwin") is None
    assert desktop_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None


# -- passphrase attempts (issue 11) --------------------------------------------------------------------------


def test_a_terminal_allows_three_passphrase_attempts(
    cli: Cli, existing_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", _Terminal())
    answers = iter(["typo one", "typo two", PASSPHRASE])
    monkeypatch.setattr("wellbeing_app.cli.context.getpass.getpass", lambda prompt: next(answers))
    result = cli(["verify"], env(existing_vault, passphrase=None))
    assert result.code == 0
    assert result.err.count("please try again") == 2


def test_three_wrong_passphrases_stop_with_one_calm_line(
    cli: Cli, existing_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", _Terminal())
    asked: list[str] = []
    monkeypatch.setattr(
        "wellbeing_app.cli.context.getpass.getpass", lambda prompt: asked.append(prompt) or "wrong again"
    )
    result = cli(["verify"], env(existing_vault, passphrase=None))
    assert result.code == 3
    assert len(asked) == 3
    assert result.err.splitlines()[-1].startswith("wellbeing-app: That passphrase does not open this vault;")
    assert result.err.rstrip().endswith("with your recovery key: wellbeing-app recover.")

"""Each command loads only what it uses: run it in a fresh interpreter and look at ``sys.modules`` afterwards.

The time to start a command is mostly the time to import; these tests keep the heavy packages out of the
commands that do not need them (the figures themselves live in benchmarks/bench_startup.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.helpers.cli import PASSPHRASE, create_vault
from wellbeing_app.clock import FixedClock
from wellbeing_app.crypto.kdf import KdfParams

# Runs main(argv) like the installed script, then writes the names of every loaded module to argv[1].
CHILD = textwrap.dedent(
    """
    import json, sys
    from wellbeing_app.cli.main import main
    try:
        code = main(sys.argv[2:])
    except SystemExit as stop:
        code = stop.code
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump({"code": code, "modules": sorted(sys.modules)}, out)
    """
)
NEVER_WITHOUT_A_VAULT = ("sqlalchemy", "cryptography", "vobject", "alembic", "dateutil", "PySide6")
NOT_FOR_A_QUICK_ENTRY = (
    "wellbeing_app.directory",
    "wellbeing_app.detection",
    "wellbeing_app.transfer",
    "wellbeing_app.contacts",
    "wellbeing_app.wellbeing_status",
    # The other commands' modules are loaded to build the parser, but not what they run.
    "wellbeing_app.crisis",
    "wellbeing_app.restore",
    "wellbeing_app.salvage",
    "wellbeing_app.status",
    "wellbeing_app.trends",
    "wellbeing_app.report",
    "vobject",
    "alembic",
    "PySide6",
)


def loaded_modules(tmp_path: Path, argv: Sequence[str], env: dict[str, str]) -> tuple[int, set[str]]:
    report = tmp_path / "modules.json"
    subprocess.run(
        [sys.executable, "-c", CHILD, str(report), *argv],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=False,
        timeout=60,
    )
    found = json.loads(report.read_text(encoding="utf-8"))
    return int(found["code"]), set(found["modules"])


def forbidden_in(modules: set[str], packages: Sequence[str]) -> list[str]:
    """The loaded modules that are one of ``packages`` or inside one."""
    return sorted(name for name in modules if any(name == p or name.startswith(f"{p}.") for p in packages))


@pytest.fixture
def child_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(WELLBEING_DATA_DIR=str(tmp_path / "vault"), LANG="en_KE.UTF-8")
    env.pop("LC_ALL", None)
    return env


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["--version"], 0),
        (["--help"], 0),
        (["crisis"], 0),
        (["crisis", "--country", "FR"], 0),
        (["checkin"], 2),  # --mood missing: a usage error
        (["no-such-command"], 2),
        (["checkin", "--help"], 0),
        (["directory", "import", "--help"], 0),
    ],
)
def test_commands_without_a_vault_load_no_storage_crypto_or_vcard_code(
    tmp_path: Path, child_env: dict[str, str], argv: list[str], code: int
) -> None:
    exit_code, modules = loaded_modules(tmp_path, argv, child_env)
    assert exit_code == code
    assert forbidden_in(modules, NEVER_WITHOUT_A_VAULT) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["checkin", "--mood", "5", "--note", "a quiet day"],
        ["journal", "add", "A few words."],
    ],
)
def test_a_quick_entry_loads_storage_and_crypto_only(
    tmp_path: Path, child_env: dict[str, str], fast_kdf: KdfParams, clock: FixedClock, argv: list[str]
) -> None:
    create_vault(tmp_path / "vault", fast_kdf, clock)
    child_env["WELLBEING_PASSPHRASE"] = PASSPHRASE
    exit_code, modules = loaded_modules(tmp_path, argv, child_env)
    assert exit_code == 0
    assert {"sqlalchemy", "cryptography"} <= modules
    assert forbidden_in(modules, NOT_FOR_A_QUICK_ENTRY) == []


def test_the_directory_names_spelled_out_for_the_parser_match_the_directory_package() -> None:
    from wellbeing_app.cli import directory_commands
    from wellbeing_app.directory import FIELD_NAMES, ContactKind, DirectoryFormat

    assert tuple(fmt.value for fmt in DirectoryFormat) == directory_commands.FORMATS
    assert ", ".join(kind.value for kind in ContactKind) == directory_commands.KINDS_HELP
    assert (
        tuple(name for name in FIELD_NAMES if name not in {"id", "last_verified"})
        == directory_commands.ADD_FIELDS
    )


NEEDS_A_DISPLAY = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="elsewhere the desktop app would open a window"
)
COMMAND_PARSERS = tuple(
    f"wellbeing_app.cli.{name}_commands"
    for name in ("backup", "desktop", "diary", "directory", "record", "status", "support", "trends", "vault")
)


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        pytest.param([], 2, marks=NEEDS_A_DISPLAY),  # the desktop app: without a display it says so and stops
        pytest.param(["--debug", "--data-dir", "somewhere"], 2, marks=NEEDS_A_DISPLAY),
        (["--version"], 0),
    ],
)
def test_with_no_command_no_command_parser_is_loaded(
    tmp_path: Path, child_env: dict[str, str], argv: list[str], code: int
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        child_env.pop(name, None)
    exit_code, modules = loaded_modules(tmp_path, argv, child_env)
    assert exit_code == code
    assert forbidden_in(modules, COMMAND_PARSERS) == []
    assert forbidden_in(modules, NEVER_WITHOUT_A_VAULT) == []

"""Entry point: parse the command line, run one command, turn errors into calm messages and exit codes.

Exit codes: 0 done; 1 unexpected error; 2 invalid input or usage (nothing changed); 3 wrong passphrase or
no vault; 4 damaged or tampered data.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Mapping, Sequence
from importlib import metadata
from pathlib import Path

from wellbeing_app import __version__
from wellbeing_app.cli import (
    backup_commands,
    diary_commands,
    directory_commands,
    status_commands,
    trends_commands,
    vault_commands,
)
from wellbeing_app.cli.context import CliContext
from wellbeing_app.clock import Clock, SystemClock
from wellbeing_app.damage import DAMAGED_FILE, is_damaged_database
from wellbeing_app.errors import WellbeingError
from wellbeing_app.paths import resolve_data_dir
from wellbeing_app.textcheck import check_arguments

FRONTEND_GROUP = "wellbeing_app.frontends"
Registrar = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]
COMMAND_MODULES: list[Registrar] = [
    vault_commands.register,
    diary_commands.register,
    directory_commands.register,
    status_commands.register,
    trends_commands.register,
    backup_commands.register,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wellbeing-app",
        description="Wellbeing Check-in: private daily check-ins, an encrypted journal and peer support. "
        "With no command, the desktop app opens.",
    )
    parser.add_argument("--version", action="version", version=f"wellbeing-app {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the vault's folder (default: WELLBEING_DATA_DIR or your user data folder)",
    )
    parser.add_argument("--debug", action="store_true", help="show the full traceback of unexpected errors")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in COMMAND_MODULES:
        register(subparsers)
    return parser


def desktop_problem(environ: Mapping[str, str], platform: str = sys.platform) -> str | None:
    """Why the desktop app cannot start here, in one line; None when it may (the front end checks the rest)."""
    if environ.get("QT_QPA_PLATFORM"):
        return None
    if not (platform.startswith("linux") or "bsd" in platform):
        return None
    if not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")):
        return (
            "No display is available here, so the desktop app cannot open; use the command line instead "
            "(wellbeing-app --help)."
        )
    return None


def launch_desktop(data_dir: Path, environ: Mapping[str, str]) -> int:
    """Start the installed desktop front end, found by entry point so the core never imports it."""
    problem = desktop_problem(environ)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    for entry in metadata.entry_points(group=FRONTEND_GROUP):
        if entry.name == "desktop":
            run: Callable[[Path], int] = entry.load()
            return run(data_dir)
    print(
        "The desktop front end is not installed; use the command line (wellbeing-app --help).",
        file=sys.stderr,
    )
    return 2


def main(
    argv: Sequence[str] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    clock: Clock | None = None,
) -> int:
    environ = os.environ if environ is None else environ
    os.umask(0o077)
    parser = build_parser()
    args = parser.parse_args(argv)
    data_dir = resolve_data_dir(args.data_dir, environ)
    if args.command is None:
        return launch_desktop(data_dir, environ)
    ctx = CliContext(data_dir=data_dir, environ=environ, clock=clock or SystemClock())
    try:
        check_arguments(vars(args))
        result: int = args.func(ctx, args)
        return result
    except WellbeingError as error:
        print(f"wellbeing-app: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("wellbeing-app: stopped; nothing more was changed.", file=sys.stderr)
        return 130
    except Exception as error:
        if args.debug:
            traceback.print_exc()
        if is_damaged_database(error):
            print(f"wellbeing-app: {DAMAGED_FILE}", file=sys.stderr)
            return 4
        print(
            f"wellbeing-app: something unexpected went wrong ({type(error).__name__}). "
            "Your data was not changed by this error; run again with --debug for details.",
            file=sys.stderr,
        )
        return 1

"""Entry point: parse the command line, run one command, turn errors into calm messages and exit codes.

Exit codes: 0 done; 1 unexpected error; 2 invalid input or usage (nothing changed); 3 wrong passphrase or
no vault; 4 damaged or tampered data.

Building the parser imports no storage, cryptography or file-format code: each command imports what it uses
when it runs, so `--version`, `--help` and `crisis` start at once (tests/unit/cli/test_startup_imports.py).
With no command (the desktop app) the command modules are not even imported: only the global options are read.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import NoReturn

from wellbeing_app import __version__
from wellbeing_app.cli.invocation import help_hint
from wellbeing_app.clock import Clock, SystemClock
from wellbeing_app.damage import DAMAGED_FILE, is_damaged_database
from wellbeing_app.errors import WellbeingError
from wellbeing_app.paths import resolve_data_dir
from wellbeing_app.textcheck import check_arguments

FRONTEND_GROUP = "wellbeing_app.frontends"
EXIT_OUTPUT_CLOSED = 141  # 128 + SIGPIPE
Registrar = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]


def command_registrars() -> list[Registrar]:
    """Each command module's ``register``; imported only when a command (or the full help) needs the parser."""
    from wellbeing_app.cli import (
        backup_commands,
        desktop_commands,
        diary_commands,
        directory_commands,
        status_commands,
        support_commands,
        trends_commands,
        vault_commands,
    )

    return [
        vault_commands.register,
        diary_commands.register,
        directory_commands.register,
        support_commands.register,
        status_commands.register,
        trends_commands.register,
        backup_commands.register,
        desktop_commands.register,
    ]


class _NotJustOptions(Exception):
    """The command line is more than the global options: the full parser decides what it means."""


class _GlobalOptionsParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotJustOptions(message)


def add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"wellbeing-app {__version__}")
    add_data_dir_option(parser, default=None)
    parser.add_argument("--debug", action="store_true", help="show the full traceback of unexpected errors")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the desktop app on fictional data for a first look; nothing is saved",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wellbeing-app",
        description="Wellbeing Check-in: private daily check-ins, an encrypted journal and peer support. "
        "With no command, the desktop app opens.",
    )
    add_global_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in command_registrars():
        register(subparsers)
    for command in subparsers.choices.values():
        accept_data_dir_everywhere(command)
    return parser


def parse_without_a_command(argv: Sequence[str]) -> argparse.Namespace | None:
    """The global options when they are all there is (the desktop app opens, or --version), parsed without
    importing or building any command's parser (issue 15: the window's first paint); None otherwise (a
    command, --help, a mistake), and the full parser then reads the command line as it always did."""
    parser = _GlobalOptionsParser(prog="wellbeing-app", add_help=False)
    add_global_options(parser)
    parser.set_defaults(command=None)
    try:
        args, extra = parser.parse_known_args(argv)
    except _NotJustOptions:
        return None
    return None if extra else args


def add_data_dir_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="the vault's folder (default: WELLBEING_DATA_DIR or your user data folder)",
    )


def accept_data_dir_everywhere(parser: argparse.ArgumentParser) -> None:
    """`wellbeing-app checkin --data-dir D` works like `wellbeing-app --data-dir D checkin`.

    Given after the command, it is kept only when given (SUPPRESS), so it never hides the one given before.
    """
    add_data_dir_option(parser, default=argparse.SUPPRESS)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                accept_data_dir_everywhere(child)


def desktop_problem(environ: Mapping[str, str], platform: str = sys.platform) -> str | None:
    """Why the desktop app cannot start here, in one line; None when it may (the front end checks the rest)."""
    if environ.get("QT_QPA_PLATFORM"):
        return None
    if not (platform.startswith("linux") or "bsd" in platform):
        return None
    if not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")):
        return (
            "No display is available here, so the desktop app cannot open; use the command line instead "
            f"({help_hint()})."
        )
    return None


def launch_desktop(data_dir: Path, environ: Mapping[str, str], *, demo: bool = False) -> int:
    """Start the installed desktop front end, found by entry point so the core never imports it."""
    problem = desktop_problem(environ)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    from importlib import metadata

    for entry in metadata.entry_points(group=FRONTEND_GROUP):
        if entry.name == ("demo" if demo else "desktop"):
            run: Callable[[Path], int] = entry.load()
            return run(data_dir)
    print(
        f"The desktop front end is not installed; use the command line ({help_hint()}).",
        file=sys.stderr,
    )
    return 2


def take_late_text(parser: argparse.ArgumentParser, args: argparse.Namespace, extra: list[str]) -> None:
    """`journal edit ID --title T -`: argparse fills an optional TEXT only before the options, so the text
    given after them is left over; take it as TEXT. Anything else left over is a usage error, as before."""
    if getattr(args, "text", "") is None and len(extra) == 1 and (extra[0] == "-" or extra[0][:1] != "-"):
        args.text = extra[0]
        return
    parser.error(f"unrecognized arguments: {' '.join(extra)}")


def output_closed() -> int:
    """The reader stopped early (`journal list | head -2`): stop quietly with 141, as a Unix tool killed by
    SIGPIPE does, and point standard output at nothing so that Python's exit does not complain either."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (tests): nothing left to flush
        pass
    return EXIT_OUTPUT_CLOSED


def main(
    argv: Sequence[str] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    clock: Clock | None = None,
) -> int:
    environ = os.environ if environ is None else environ
    os.umask(0o077)
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        args = parse_without_a_command(argv)
        if args is None:
            parser = build_parser()
            args, extra = parser.parse_known_args(argv)
            if extra:
                take_late_text(parser, args, extra)
    except BrokenPipeError:  # --help read by `| head`
        return output_closed()
    data_dir = resolve_data_dir(args.data_dir, environ)
    if args.command is None:
        return launch_desktop(data_dir, environ, demo=args.demo)
    from wellbeing_app.cli.context import CliContext

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
    except BrokenPipeError:
        return output_closed()
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

"""How to run the command again, as this user can: `wellbeing-app` once `make install` put it on PATH, else the
way it was just started (`.venv/bin/wellbeing-app` from a checkout), so that messages never suggest a command
that is not there.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

COMMAND = "wellbeing-app"


def command_name(
    argv0: str | None = None,
    which: Callable[[str], str | None] = shutil.which,
    executable: str = sys.executable,
) -> str:
    started = argv0 if argv0 is not None else sys.argv[0]
    if Path(started).name == "__main__.py" or started in ("-m", "-c", ""):
        return f"{_shortest(executable)} -m wellbeing_app"
    on_path = which(COMMAND)
    if on_path is not None and _same_file(on_path, started):
        return COMMAND
    return _shortest(started)


def help_hint() -> str:
    return f"{command_name()} --help"


def _same_file(first: str, second: str) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def _shortest(path: str) -> str:
    """Relative to the current folder when inside it (.venv/bin/wellbeing-app), else as given."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    if relative.startswith(".."):
        return path
    return relative if os.sep in relative else f".{os.sep}{relative}"

"""Freedesktop entries: the app in the desktop's menu, and (on request) started with the session.

Linux and the BSDs follow the XDG specifications: ``$XDG_DATA_HOME/applications`` for the menu entry and
``$XDG_CONFIG_HOME/autostart`` for starting with the session. Windows and macOS users follow the README.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Final

APP_ID: Final = "wellbeing-app"
ENTRY_NAME: Final = f"{APP_ID}.desktop"


def supported(platform: str = sys.platform) -> bool:
    return platform.startswith("linux") or "bsd" in platform


def launch_command() -> str:
    """The installed command when there is one on PATH, else this interpreter running the package."""
    found = shutil.which(APP_ID)
    return f'"{found}"' if found else f'"{sys.executable}" -m wellbeing_app'


def entry_text(command: str, icon: str = APP_ID, *, autostart: bool = False) -> str:
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.5",
        "Name=Wellbeing Check-in",
        "GenericName=Wellbeing check-in and journal",
        "Comment=Private daily check-ins, an encrypted journal and peer support",
        f"Exec={command}",
        f"Icon={icon}",
        "Terminal=false",
        "Categories=Utility;Office;",
        "Keywords=wellbeing;mood;journal;peer support;",
        "StartupNotify=true",
    ]
    if autostart:
        lines.append("X-GNOME-Autostart-enabled=true")
    return "\n".join(lines) + "\n"


def _home(environ: Mapping[str, str], variable: str, fallback: str) -> Path:
    value = environ.get(variable)
    return Path(value) if value else Path(environ.get("HOME", str(Path.home()))) / fallback


def autostart_path(environ: Mapping[str, str] | None = None) -> Path:
    return (
        _home(os.environ if environ is None else environ, "XDG_CONFIG_HOME", ".config")
        / "autostart"
        / ENTRY_NAME
    )


def applications_path(environ: Mapping[str, str] | None = None) -> Path:
    return (
        _home(os.environ if environ is None else environ, "XDG_DATA_HOME", ".local/share")
        / "applications"
        / ENTRY_NAME
    )


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)


def set_autostart(enabled: bool, environ: Mapping[str, str] | None = None) -> Path:
    path = autostart_path(environ)
    if enabled:
        _write(path, entry_text(launch_command(), autostart=True))
    else:
        path.unlink(missing_ok=True)
    return path


def autostart_enabled(environ: Mapping[str, str] | None = None) -> bool:
    return autostart_path(environ).is_file()


def icon_path(environ: Mapping[str, str] | None = None) -> Path:
    base = _home(os.environ if environ is None else environ, "XDG_DATA_HOME", ".local/share")
    return base / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"


def install_desktop_entry(environ: Mapping[str, str] | None = None) -> tuple[Path, Path]:
    """The menu entry and its icon for the current user (no administrator rights needed)."""
    from resources import resource_path

    icon = icon_path(environ)
    icon.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(resource_path("icons", "app.svg"), icon)
    entry = applications_path(environ)
    _write(entry, entry_text(launch_command(), icon=str(icon)))
    return entry, icon

"""Before creating the QApplication: explain in one line why Qt could not start, instead of letting it abort.

Qt ends the process (SIGABRT) when its X11 plugin cannot load or reach the display; both are checked here
the same way Qt will do it: by loading the plugin's library and by connecting to $DISPLAY with libxcb.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import importlib.util
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from wellbeing_app.cli.invocation import help_hint


def _xcb_plugin() -> Path | None:
    # Only the binding's folder is needed, not the binding: ui/qt.py is the one module that imports it.
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    plugin = Path(spec.origin).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def _display_reachable() -> bool:
    name = ctypes.util.find_library("xcb")
    if name is None:
        return False
    try:
        xcb = ctypes.CDLL(name)
        xcb.xcb_connect.restype = ctypes.c_void_p
        xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
        xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
        xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
        connection = xcb.xcb_connect(None, None)
        failed = bool(xcb.xcb_connection_has_error(connection))
        xcb.xcb_disconnect(connection)
    except (OSError, AttributeError):
        return False
    return not failed


def platform_problem(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> str | None:
    """One calm line saying what is missing, or None when Qt should start."""
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if not platform.startswith("linux") or environ.get("WAYLAND_DISPLAY") or chosen not in ("", "xcb"):
        return None
    plugin = _xcb_plugin()
    if plugin is not None:
        try:
            ctypes.CDLL(str(plugin))
        except OSError as error:
            missing = str(error).split(":", 1)[0]
            return (
                f"The desktop app needs the system library {missing}, which is not installed (Qt on X11 needs "
                "libxcb-cursor0, libxcb-icccm4, libxkbcommon-x11-0 and similar packages). "
                f"The command line works meanwhile ({help_hint()})."
            )
    if not _display_reachable():
        return (
            f"The display {environ.get('DISPLAY', '')} cannot be reached, so the desktop app cannot open; "
            f"use the command line instead ({help_hint()})."
        )
    return None

"""Qt aborts when it cannot start on X11; the app explains it in one line first."""

from __future__ import annotations

from ui.platform_check import platform_problem
from wellbeing_app.cli.invocation import help_hint


def test_unreachable_display_is_explained_not_aborted() -> None:
    problem = platform_problem({"DISPLAY": ":99"}, "linux")
    # The command as it can be run here: wellbeing-app once installed, else the path that works.
    assert problem is not None and f"({help_hint()})" in problem
    assert "\n" not in problem


def test_offscreen_wayland_and_other_platforms_pass() -> None:
    assert platform_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert platform_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert platform_problem({}, "darwin") is None
    assert platform_problem({}, "win32") is None

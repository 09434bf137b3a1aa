"""Start the desktop app: the QApplication, the stylesheet, and the window for the chosen vault.

One window per data folder (``ui.single_instance``); the first page paints before the database layer loads
(``ui.preload``).
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from resources import resource_path

if TYPE_CHECKING:
    from ui.qt import QApplication, QWidget


def apply_style(app: object) -> None:
    from ui.qt import QApplication

    assert isinstance(app, QApplication)
    qss = resource_path("styles", "app.qss")
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))


def run(data_dir: Path) -> int:
    if _unsupported_platform():
        return 2
    from ui.main_window import create_window
    from ui.preload import preload_after_first_paint
    from ui.qt import QApplication
    from ui.single_instance import SingleInstance

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    instance = SingleInstance(data_dir)
    if not instance.claim():
        print(
            "Wellbeing Check-in is already open for this vault; its window was brought forward.",
            file=sys.stderr,
        )
        return 0
    _present(app, "Wellbeing Check-in")
    app.setOrganizationName("wellbeing-app")
    apply_saved_appearance(app, data_dir)
    window = create_window(data_dir)
    install_error_handler(window)
    instance.activation_requested.connect(lambda: bring_forward(window))
    preload_after_first_paint(window)
    window.show()
    try:
        return app.exec()
    finally:
        instance.release()


def apply_saved_appearance(app: object, data_dir: Path) -> None:
    """The theme and text size chosen in Settings (light or dark palettes, the stylesheet at that size)."""
    from ui import theme
    from ui.preferences import Preferences
    from ui.qt import QApplication

    assert isinstance(app, QApplication)
    preferences = Preferences(data_dir)
    theme.apply_appearance(app, preferences.theme, preferences.text_percent)


def run_demo(_data_dir: Path) -> int:
    """`wellbeing-app --demo`: the real window on a temporary vault of fictional data, deleted on exit.

    The user's own data folder is never opened or touched.
    """
    if _unsupported_platform():
        return 2
    from ui import theme
    from ui.demo import DemoVault, open_demo_window
    from ui.qt import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    _present(app, "Wellbeing Check-in (demo)")
    theme.apply_appearance(app, "system", 100)
    demo = DemoVault()
    try:
        window = open_demo_window(demo)
        install_error_handler(window)
        window.show()
        return app.exec()
    finally:
        demo.close()


def _unsupported_platform() -> bool:
    """Say on stderr why the desktop app cannot run here (the caller exits 2), before any window is made."""
    from ui.platform_check import platform_problem

    problem = platform_problem()
    if problem:
        print(problem, file=sys.stderr)
    return bool(problem)


def _present(app: QApplication, display_name: str) -> None:
    """The name and icon the title bar, task switcher and tray show; the demo says it is one."""
    from ui.qt import QIcon

    app.setApplicationName("Wellbeing Check-in")
    app.setApplicationDisplayName(display_name)
    icon = resource_path("icons", "app.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))


def bring_forward(window: QWidget) -> None:
    """Shown, restored from the tray or minimised, raised and focused."""
    window.showNormal()
    window.raise_()
    window.activateWindow()


def install_error_handler(window: object) -> None:
    """An unexpected error keeps what was typed (drafts) and says so calmly; no content reaches stderr."""
    from ui.main_window import MainWindow
    from ui.qt import QMessageBox

    assert isinstance(window, MainWindow)

    def handle(kind: type[BaseException], error: BaseException, _traceback: object) -> None:
        print(f"wellbeing-app: unexpected {kind.__name__} in the desktop app", file=sys.stderr)
        if window.main_area is not None:
            # Saving drafts is best effort here; the original error is what matters.
            with contextlib.suppress(Exception):
                window.main_area.save_state()
        QMessageBox.warning(
            window,
            "Something went wrong",
            "Something unexpected went wrong, and that last step may not have finished. "
            "What you were writing is kept as a draft. If it happens again, 'wellbeing-app verify' checks "
            "your vault.",
        )

    sys.excepthook = handle

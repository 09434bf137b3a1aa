"""Start the desktop app: the QApplication, the stylesheet, and the window for the chosen vault."""

from __future__ import annotations

import sys
from pathlib import Path

from resources import resource_path


def apply_style(app: object) -> None:
    from ui.qt import QApplication

    assert isinstance(app, QApplication)
    qss = resource_path("styles", "app.qss")
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))


def run(data_dir: Path) -> int:
    from ui.platform_check import platform_problem

    problem = platform_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    from ui.main_window import create_window
    from ui.qt import QApplication, QIcon

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Wellbeing Check-in")
    app.setOrganizationName("wellbeing-app")
    app.setApplicationDisplayName("Wellbeing Check-in")
    icon = resource_path("icons", "app.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    apply_style(app)
    window = create_window(data_dir)
    window.show()
    return app.exec()

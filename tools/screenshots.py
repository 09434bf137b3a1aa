"""`make screenshots`: every page and the main dialogs of the demo, offscreen, in light and dark, into
docs/screenshots/ — the pictures the README shows, made from the real window so they cannot go stale quietly.

Also the Trends page at 4 weeks, 1 year and all, and the first pages of the PDF report.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def _settle(app: object, rounds: int = 5) -> None:
    from ui.qt import QApplication

    assert isinstance(app, QApplication)
    for _ in range(rounds):
        app.processEvents()


def _pdf_pages(report_path: Path, stem: str) -> list[Path]:
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(report_path))
    saved = []
    for page in range(min(2, document.pageCount())):
        size = document.pagePointSize(page)
        image = document.render(page, QSize(int(size.width() * 1.6), int(size.height() * 1.6)))
        target = OUT / f"{stem}-{page + 1}.png"
        image.save(str(target))
        saved.append(target)
    return saved


def main() -> int:
    from ui.demo import DemoVault, open_demo_window
    from ui.pages.journal import JournalPage
    from ui.pages.settings import SettingsPage
    from ui.pages.support import SupportPage
    from ui.pages.today import TodayPage
    from ui.pages.trends import TrendsPage
    from ui.qt import QApplication
    from ui.theme import apply_appearance
    from wellbeing_app.report import build_report, pdf_renderer

    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    written: list[Path] = []
    for theme in ("light", "dark"):
        apply_appearance(app, theme, 100)
        demo = DemoVault()
        try:
            window = open_demo_window(demo)
            window.resize(1200, 860)
            window.show()
            _settle(app)
            area = window.main_area
            assert area is not None
            for name, page_type in (
                ("today", TodayPage),
                ("journal", JournalPage),
                ("support", SupportPage),
                ("settings", SettingsPage),
            ):
                area.show_page(page_type)
                _settle(app)
                target = OUT / f"{name}-{theme}.png"
                window.grab().save(str(target))
                written.append(target)
            area.show_page(TrendsPage)
            trends = area.page(TrendsPage)
            assert trends is not None
            for label, days in (("4weeks", 28), ("1year", 365), ("all", None)):
                trends.set_range(days)
                _settle(app)
                target = OUT / f"trends-{label}-{theme}.png"
                window.grab().save(str(target))
                written.append(target)
            window.show_crisis_lines()
            _settle(app)
            if window.crisis_dialog is not None:
                target = OUT / f"crisis-lines-{theme}.png"
                window.crisis_dialog.grab().save(str(target))
                written.append(target)
                window.crisis_dialog.close()
            if theme == "light":
                with tempfile.TemporaryDirectory() as folder:
                    report = Path(folder) / "report.pdf"
                    pdf_renderer()(build_report(area.context.services), report)
                    written += _pdf_pages(report, "report-page")
            window.lock()
            _settle(app)
            target = OUT / f"unlock-{theme}.png"
            window.grab().save(str(target))
            written.append(target)
            window.close()
        finally:
            demo.close()
    for path in written:
        print(path.relative_to(OUT.parents[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`--demo`: the real window, unlocked on fictional data, with a banner; the vault is gone afterwards."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.helpers.qt import find
from ui.demo import DemoVault, open_demo_window
from ui.pages.trends import TrendsPage


def test_the_demo_opens_unlocked_with_a_banner_and_leaves_nothing_behind(qtbot: QtBot) -> None:
    demo = DemoVault()
    folder = demo.data_dir.parent
    try:
        window = open_demo_window(demo)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.main_area is not None)
        assert "nothing is saved" in find(window, "Banner", QLabel).text()
        assert window.main_area is not None
        window.main_area.show_page(TrendsPage)
        trends = window.main_area.page(TrendsPage)
        assert trends is not None
        qtbot.waitUntil(lambda: trends.data is not None)
        assert trends.source is not None and len(trends.source.periods) == 2
        window.lock()
        assert "nothing is saved" in find(window, "Banner", QLabel).text()  # on the unlock page too
        window.close()
    finally:
        demo.close()
    assert not folder.exists()

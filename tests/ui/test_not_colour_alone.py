"""The chart and the year view carry their meaning in shapes and words as well as colour."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.trends_chart import SERIES
from ui.year_heatmap import YearHeatmap

LAST = date(2026, 11, 25)


def test_each_series_has_its_own_line_style_and_marker() -> None:
    styles = [style for _colour, style, _marker in SERIES.values()]
    markers = [marker for _colour, _style, marker in SERIES.values()]
    assert len(set(styles)) == len(styles) and Qt.PenStyle.SolidLine not in styles  # mood is the solid line
    assert len(set(markers)) == len(markers)


def test_the_year_view_says_each_day_in_words_from_the_keyboard(qtbot: QtBot) -> None:
    heatmap = YearHeatmap()
    qtbot.addWidget(heatmap)
    heatmap.show_year({LAST: 7.0, LAST - timedelta(days=7): 3.5}, LAST)
    heatmap.show()
    chosen: list[date] = []
    heatmap.day_chosen.connect(chosen.append)
    heatmap.setFocus()
    qtbot.waitUntil(lambda: chosen == [LAST])
    assert "Wed 25 Nov 2026: mood 7.0" in heatmap.accessibleDescription()
    qtbot.keyClick(heatmap, Qt.Key.Key_Left)
    qtbot.keyClick(heatmap, Qt.Key.Key_Up)
    assert chosen[1:] == [LAST - timedelta(days=7), LAST - timedelta(days=8)]
    assert "Tue 17 Nov 2026: no check-in" in heatmap.accessibleDescription()
    qtbot.keyClick(heatmap, Qt.Key.Key_End)
    qtbot.keyClick(heatmap, Qt.Key.Key_Down)
    assert chosen[-1] == LAST  # the ring stays within the year shown

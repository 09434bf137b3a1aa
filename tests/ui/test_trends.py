"""The Trends page, driven through accessible names: ranges, a period added through its dialog, hover values."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QListWidget, QPushButton, QTabWidget
from pytestqt.qtbot import QtBot

from tests.helpers.qt import find
from ui.main_window import MainWindow
from ui.pages.trends import TrendsPage
from ui.trends_chart import stamp


def _open_trends(qtbot: QtBot, window: MainWindow) -> TrendsPage:
    assert window.main_area is not None
    services = window.main_area.context.services
    today = services.clock.now().date()
    batch = []
    for offset in range(120):
        if offset % 5 == 3:
            continue  # gaps, as in real use
        mood = 3 if 40 <= offset < 80 else 7
        checkin = services.checkins.build(
            mood=mood, sleep_hours=5 if mood == 3 else 8, day=today - timedelta(days=offset), at="20:00"
        )
        batch.append(services.checkins.to_pending(checkin))
    services.vault.store.put_many(batch)
    navigation = find(window, "Navigation", QListWidget)
    item = navigation.findItems("Trends", Qt.MatchFlag.MatchExactly)[0]
    qtbot.mouseClick(
        navigation.viewport(), Qt.MouseButton.LeftButton, pos=navigation.visualItemRect(item).center()
    )
    page = window.main_area.page(TrendsPage)
    assert page is not None
    qtbot.waitUntil(lambda: page.data is not None)
    return page


def test_ranges_switch_and_the_summary_follows(qtbot: QtBot, unlocked_window: MainWindow) -> None:
    window = unlocked_window
    page = _open_trends(qtbot, window)
    today = page.context.clock.now().date()
    assert page.data is not None and page.data.first == today - timedelta(days=27)
    qtbot.mouseClick(find(window, "All", QPushButton), Qt.MouseButton.LeftButton)
    assert page.data.first == today - timedelta(days=119)
    assert "96 days with check-ins" in find(window, "Trends summary", QLabel).text()
    qtbot.mouseClick(find(window, "3 months", QPushButton), Qt.MouseButton.LeftButton)
    assert page.data.first == today - timedelta(days=90)
    qtbot.mouseClick(find(window, "Sleep", QCheckBox), Qt.MouseButton.LeftButton)
    assert page.series() == {"sleep"}


def test_a_period_added_through_the_dialog_appears_on_the_chart(
    qtbot: QtBot, unlocked_window: MainWindow
) -> None:
    window = unlocked_window
    page = _open_trends(qtbot, window)
    qtbot.mouseClick(find(window, "All", QPushButton), Qt.MouseButton.LeftButton)
    tabs = find(window, "Trends details", QTabWidget)
    tabs.setCurrentIndex(tabs.count() - 1)

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        qtbot.keyClicks(find(dialog, "Period name", QLineEdit), "Angola feeding centre")
        find(dialog, "First day").setDate(find(dialog, "First day").date().addDays(-60))  # type: ignore[attr-defined]
        qtbot.mouseClick(find(dialog, "Save period", QPushButton), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_in)
    qtbot.mouseClick(find(window, "Add period", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.data is not None and len(page.data.periods) == 1)
    [(period, numbers)] = page.data.periods
    assert period.name == "Angola feeding centre" and period.open_ended
    assert numbers.days_with_data == 49
    chart = page.chart
    assert chart is not None
    labels = [
        item.textItem.toPlainText() for item in chart.plot.getPlotItem().items if hasattr(item, "textItem")
    ]
    assert "Angola feeding centre (deployment)" in labels
    assert page.after_model.rowCount() == 2  # still going on: 30 days before and during, no "after" yet
    assert find(window, "Periods").model().rowCount() == 1  # type: ignore[attr-defined]


def test_hovering_a_day_shows_its_values(qtbot: QtBot, unlocked_window: MainWindow) -> None:
    window = unlocked_window
    page = _open_trends(qtbot, window)
    chart = page.chart
    assert chart is not None
    day = page.context.clock.now().date() - timedelta(days=1)
    view_box = chart.plot.getPlotItem().vb
    scene_point = view_box.mapViewToScene(QPointF(stamp(day), 5.0))
    widget_point = chart.plot.mapFromScene(scene_point)
    qtbot.mouseMove(chart.plot.viewport(), widget_point)
    label = find(window, "Chart values", QLabel)
    qtbot.waitUntil(lambda: "mood 7.0" in label.text(), timeout=3_000)
    assert "slept 8 h" in label.text()


def test_a_range_set_from_code_shows_as_the_chosen_button(qtbot: QtBot, unlocked_window: MainWindow) -> None:
    page = _open_trends(qtbot, unlocked_window)
    page.set_range(365)
    assert find(unlocked_window, "1 year", QPushButton).isChecked()
    assert not find(unlocked_window, "4 weeks", QPushButton).isChecked()

"""What the Settings page's changes do to the rest of the window: data actions, thresholds, appearance."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui import theme
from ui.preferences import Preferences
from ui.qt import QApplication
from wellbeing_app.app_settings import load_settings

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.pages.settings import SettingsPage


def connect_settings_page(window: MainWindow, page: SettingsPage) -> None:
    actions = {
        "backup": window.backup_action,
        "restore": window.restore_action,
        "export": window.export_action,
        "import": window.import_action,
    }
    page.data_action_requested.connect(lambda action: actions[action].trigger())
    page.settings_changed.connect(lambda: thresholds_changed(window))
    page.appearance_changed.connect(lambda: apply_appearance(window.preferences))


def thresholds_changed(window: MainWindow) -> None:
    """New detection thresholds apply at once: the status is worked out again on the Today page."""
    if window.main_area is None:
        return
    from ui.pages.today import TodayPage  # the unlocked app's pages load after the first paint

    services = window.main_area.context.services
    services.status.set_config(load_settings(window.session.data_dir).detection_config())
    today = window.main_area.page(TodayPage)
    if today is not None:
        today.stale = True


def apply_appearance(preferences: Preferences) -> None:
    """The theme and text size from the preferences, applied to the whole application at once."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        theme.apply_appearance(app, preferences.theme, preferences.text_percent)

"""The system tray and the daily reminder: present when the window is closed, content-free, never piling up.

The reminder is checked every half minute against ``settings.json`` and the plaintext day column (no passphrase
needed), so it works while the app is locked or only in the tray. It is shown at most once a day; on a desktop
without a tray it waits in the window (``reminder_waiting``) until the user next looks at the app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ui.qt import QAction, QMainWindow, QMenu, QObject, QSystemTrayIcon, QTimer, Signal
from wellbeing_app.app_settings import load_settings, save_settings
from wellbeing_app.clock import Clock
from wellbeing_app.reminders import REMINDER_TEXT, REMINDER_TITLE, has_checkin_on, reminder_due

CHECK_EVERY_MS = 30_000


class Tray(QObject):
    check_in_requested = Signal()
    reminder_waiting = Signal(str)
    """No tray to show it in: the window shows this text itself."""

    def __init__(
        self,
        window: QMainWindow,
        data_dir: Path,
        clock: Clock,
        lock_action: QAction,
        show_crisis_lines: Callable[[], None],
        quit_app: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.data_dir = data_dir
        self.clock = clock
        self.icon: QSystemTrayIcon | None = None
        self.reminders_shown = 0
        self.alerts_shown = 0
        self._showing_reminder = False
        if QSystemTrayIcon.isSystemTrayAvailable():
            icon = QSystemTrayIcon(window.windowIcon(), self)
            icon.setToolTip(REMINDER_TITLE)
            menu = QMenu(window)
            menu.addAction("Open", self.bring_forward)
            menu.addAction("Check in now", self.check_in_requested.emit)
            menu.addAction(lock_action)
            menu.addAction("Need help now?", show_crisis_lines)
            menu.addSeparator()
            menu.addAction("Quit", quit_app)
            icon.setContextMenu(menu)
            icon.activated.connect(lambda _reason: self.bring_forward())
            icon.messageClicked.connect(self._message_clicked)
            icon.show()
            self.icon = icon
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check_reminder)
        self.timer.start()
        QTimer.singleShot(0, self, self.check_reminder)  # a reminder missed while the app was closed: once

    @property
    def available(self) -> bool:
        return self.icon is not None

    def bring_forward(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def notify_alert(self) -> None:
        """Detection's content-free note: others may see the screen, so no score and no words from the journal."""
        from wellbeing_app.detection import NOTIFICATION_TEXT  # loaded with the unlocked app, not before

        self.alerts_shown += 1
        self._showing_reminder = False
        if self.icon is not None:
            self.icon.showMessage(REMINDER_TITLE, NOTIFICATION_TEXT, QSystemTrayIcon.MessageIcon.Information)

    def check_reminder(self) -> bool:
        """Show today's reminder if it is due; returns whether it was shown (or handed to the window)."""
        now = self.clock.now()
        settings = load_settings(self.data_dir)
        if not reminder_due(now, settings, has_checkin_on(self.data_dir, now.date())):
            return False
        try:
            save_settings(self.data_dir, replace(settings, reminder_shown_on=now.date()))
        except OSError:
            return False  # could not note it: better no reminder than one every half minute
        self.reminders_shown += 1
        if self.icon is not None:
            self._showing_reminder = True
            self.icon.showMessage(
                REMINDER_TITLE, REMINDER_TEXT, QSystemTrayIcon.MessageIcon.Information, 20_000
            )
        else:
            self.reminder_waiting.emit(REMINDER_TEXT)
        return True

    def _message_clicked(self) -> None:
        self.bring_forward()
        if self._showing_reminder:
            self.check_in_requested.emit()

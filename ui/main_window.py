"""The top-level window: first run, recovery key, unlock and the unlocked app in one stack.

"Need help now?" sits in the header on every screen, locked or not.

The unlocked app's pages, the crisis lines dialog and the database layer are imported on first use (preloaded
by ``ui.preload`` while the user types the passphrase), so the first page paints without them.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resources import resource_path
from ui.changes import ChangeHub
from ui.clipboard import clear_if_ours, watch_clipboard
from ui.idle import IdleWatcher
from ui.pages.recovery import RecoveryKeyPage
from ui.pages.unlock import UnlockPage
from ui.pages.welcome import WelcomePage
from ui.preferences import Preferences
from ui.qt import (
    QAction,
    QApplication,
    QCloseEvent,
    QDialog,
    QIcon,
    QLabel,
    QLocale,
    QMainWindow,
    QMenu,
    QPushButton,
    QShowEvent,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.session import VaultSession
from ui.start_pages import StartPages
from ui.tray import Tray
from ui.window_menus import build_header, build_menus
from ui.window_messages import (
    APP_TITLE,
    UNLOCK_WENT_WRONG,
    damage_message,
    newest_backup_hint,
)
from ui.window_settings import apply_appearance, connect_settings_page
from wellbeing_app.app_settings import load_settings

if TYPE_CHECKING:
    from ui.dialogs.crisis import CrisisDialog
    from ui.pages.base import VaultPage
    from ui.pages.shell import MainArea
    from wellbeing_app.services import Services


class MainWindow(QMainWindow):
    # Made by ui.window_menus.build_header and build_menus.
    lock_button: QPushButton
    help_button: QPushButton
    file_menu: QMenu
    lock_action: QAction
    import_action: QAction
    export_action: QAction
    backup_action: QAction
    restore_action: QAction

    def __init__(self, session: VaultSession) -> None:
        super().__init__()
        self.session = session
        self.preferences = Preferences(session.data_dir)
        self.main_area: MainArea | None = None
        self.crisis_dialog: CrisisDialog | None = None
        self.setWindowTitle(APP_TITLE)
        self.setAccessibleName(APP_TITLE)
        icon = resource_path("icons", "app.svg")
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self.resize(1100, 760)
        self.setMinimumSize(760, 560)

        self.stack = QStackedWidget()

        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(build_header(self))
        self.banner = QLabel()
        self.banner.setObjectName("Banner")
        self.banner.setAccessibleName("Banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        column.addWidget(self.banner)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.start_pages = StartPages(self)

        self.notifications_sent = 0
        self.quitting = False
        watch_clipboard()
        self.tray = Tray(
            self, session.data_dir, session.clock, self.lock_action, self.show_crisis_lines, self.quit
        )
        self.tray.check_in_requested.connect(self.check_in_now)
        self.tray.reminder_waiting.connect(self._reminder_in_window)
        self.idle = IdleWatcher(self.preferences.autolock_minutes, self)
        self.idle.idle_timed_out.connect(self.lock)

        session.unlocked.connect(self._on_unlocked)
        session.about_to_lock.connect(self._before_lock)
        session.locked.connect(self._on_locked)

        geometry = self.preferences.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.show_start_page()
        self.start_pages.ask_keychain_after_first_paint()

    # -- the pages before unlock (ui/start_pages.py) -------------------------------------------------------------
    @property
    def welcome_page(self) -> WelcomePage:
        return self.start_pages.welcome_page

    @property
    def recovery_page(self) -> RecoveryKeyPage:
        return self.start_pages.recovery_page

    @property
    def unlock_page(self) -> UnlockPage:
        return self.start_pages.unlock_page

    # -- layout -------------------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        build_menus(self)

    # -- flow ---------------------------------------------------------------------------------------------------
    def show_start_page(self) -> None:
        self.start_pages.show()

    def _on_unlocked(self) -> None:
        """Build the unlocked app; any failure on the way locks again (fail closed) and says what happened."""
        try:
            self._show_unlocked_app()
        except Exception as error:
            self._unlock_went_wrong(error)

    def _unlock_went_wrong(self, _error: BaseException) -> None:
        """Drop the key and the half-built pages before anything else can use them, even if handlers fail."""
        vault = self.session.vault
        area, self.main_area = self.main_area, None
        if area is not None:
            self.stack.removeWidget(area)
            area.deleteLater()
        try:
            self.session.lock()
        except Exception:
            self.session.vault = None  # the lock handlers failed too; the key still goes below
        if vault is not None:
            vault.lock()
        for hub in self.findChildren(ChangeHub):  # made before the failure; nothing may watch a locked vault
            with contextlib.suppress(Exception):  # one that failed half-way through being built
                hub.stop()
            hub.deleteLater()
        if self.stack.currentWidget() is not self.unlock_page:
            self._on_locked()
        self.unlock_page.show_error(UNLOCK_WENT_WRONG + newest_backup_hint(self.session.data_dir))

    def _show_unlocked_app(self) -> None:
        from ui.pages.base import PageContext
        from ui.pages.shell import MainArea
        from wellbeing_app.services import Services

        vault = self.session.vault
        assert vault is not None
        self.preferences = Preferences(self.session.data_dir)
        services = Services(vault, self.session.clock)
        services.status.fallback_country = self.crisis_country()
        changes = ChangeHub(services, self)
        context = PageContext(self.session, vault, self.session.clock, self.preferences, services, changes)
        self.main_area = MainArea(context, on_build_error=self._unlock_went_wrong)
        self.stack.addWidget(self.main_area)
        self.stack.setCurrentWidget(self.main_area)
        self.unlock_page.reset()
        self._offer_vault_actions(True)
        self.apply_autolock()
        self.main_area.on_page_built(self._page_built)
        self._report_damage(context.services)
        first = self.main_area.current_page()
        if first is not None:
            first.setFocus()

    def _page_built(self, page: VaultPage) -> None:
        """Today at once; the other pages just after Today's first frame (or when first opened)."""
        from ui.pages.settings import SettingsPage
        from ui.pages.today import TodayPage

        if isinstance(page, TodayPage) and self.main_area is not None:
            page.navigate_requested.connect(self.main_area.show_page)
            page.alert_raised.connect(self.notify)
            if page.unseen_alert:  # raised while the page was being built, before this connection
                self.notify()
        elif isinstance(page, SettingsPage):
            connect_settings_page(self, page)
        if self.main_area is not None:
            # A page built later may have found damaged records the first ones did not read.
            message = damage_message(self.main_area.context.services)
            if message:
                self.statusBar().showMessage(message)

    def _report_damage(self, services: Services) -> None:
        message = damage_message(services)
        if message:
            self.statusBar().showMessage(message)
        else:
            self.statusBar().clearMessage()

    def apply_appearance(self) -> None:
        apply_appearance(self.preferences)

    def apply_autolock(self) -> None:
        self.idle.set_minutes(self.preferences.autolock_minutes)
        self.idle.start()

    def _before_lock(self) -> None:
        if self.main_area is not None:
            self.main_area.save_state()
        # Dialogs of the unlocked app (editors, questionnaires, confirmations quoting titles) must not stay on
        # screen over the unlock page; rejecting them cancels what they were about to do.
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and widget is not self.crisis_dialog:
                widget.reject()
        clear_if_ours()

    def _on_locked(self) -> None:
        self.idle.stop()
        self.start_pages.forget_recovery_key()
        if self.main_area is not None:
            self.main_area.context.changes.stop()
            self.main_area.context.changes.deleteLater()
            self.stack.removeWidget(self.main_area)
            self.main_area.deleteLater()
            self.main_area = None
        self._offer_vault_actions(False)
        self.show_start_page()
        if self.session.backup_failed:
            self.session.backup_failed = False
            self.unlock_page.show_error(
                "Today's automatic backup could not be made (is the disk full?). Your vault itself is fine."
            )

    def _offer_vault_actions(self, unlocked: bool) -> None:
        """Lock, Import, Export and Back up need an open vault; Restore works locked too."""
        self.lock_button.setVisible(unlocked)
        for action in (self.lock_action, self.import_action, self.export_action, self.backup_action):
            action.setEnabled(unlocked)

    def lock(self) -> None:
        """Lock on demand (Ctrl+L), on idle, or on close: drafts are saved, the key dropped."""
        self.session.lock()

    def show_banner(self, text: str) -> None:
        """A line under the header on every screen, locked or not (the demo says so here)."""
        self.banner.setText(text)
        self.banner.show()

    def bring_forward(self) -> None:
        self.tray.bring_forward()

    def notify(self) -> None:
        from ui.pages.today import TodayPage

        self.notifications_sent += 1
        today = self.main_area.page(TodayPage) if self.main_area is not None else None
        if today is not None:
            today.unseen_alert = False
        self.tray.notify_alert()

    def check_in_now(self) -> None:
        """From the reminder: the Today page, Mood first (the unlock page first while locked)."""
        from ui.pages.today import TodayPage

        self.tray.bring_forward()
        if self.main_area is not None:
            self.main_area.show_page(TodayPage)
            today = self.main_area.page(TodayPage)
            if today is not None:
                today.form.mood.setFocus()

    def _reminder_in_window(self, text: str) -> None:
        self.statusBar().showMessage(text)

    # -- other --------------------------------------------------------------------------------------------------
    def crisis_country(self) -> str:
        """The country last chosen for crisis lines, else the computer's region."""
        from ui.dialogs.crisis import crisis_directory
        from wellbeing_app.crisis import default_country

        available = [code for code, _ in crisis_directory().countries()]
        return self.preferences.crisis_country or default_country(QLocale.system().name(), available)

    def show_crisis_lines(self) -> None:
        """Non-modal, so the lines stay visible while the user dials or keeps using the app."""
        from ui.dialogs.crisis import CrisisDialog  # preloaded just after the first paint (ui.preload)

        if self.crisis_dialog is not None and self.crisis_dialog.isVisible():
            self.crisis_dialog.raise_()
            self.crisis_dialog.activateWindow()
            return
        dialog = CrisisDialog(self.preferences.crisis_country, self)
        dialog.finished.connect(lambda _code: self._remember_country(dialog))
        self.crisis_dialog = dialog
        dialog.show()

    def _remember_country(self, dialog: CrisisDialog) -> None:
        self.preferences.crisis_country = dialog.selected_country()

    def show_shortcuts(self) -> None:
        """Help → Keyboard shortcuts, without blocking: it can stay open while the keys are tried."""
        from ui.dialogs.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcuts_dialog = dialog
        dialog.show()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()
        current = self.stack.currentWidget()
        if current is not None:
            current.setFocus()

    def quit(self) -> None:
        self.quitting = True
        self.close()
        QApplication.quit()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing always locks; with "Keep running in the tray" the app then stays in the tray."""
        self.preferences.save_geometry(self.saveGeometry())
        self.lock()
        if not self.quitting and self.tray.available and load_settings(self.session.data_dir).keep_in_tray:
            QApplication.setQuitOnLastWindowClosed(False)
            event.ignore()
            self.hide()
            return
        self.idle.dispose()
        event.accept()


def create_window(data_dir: Path, **session_options: Any) -> MainWindow:
    """The top-level window for the vault in ``data_dir``, not yet shown; the caller owns the QApplication."""
    return MainWindow(VaultSession(Path(data_dir), **session_options))

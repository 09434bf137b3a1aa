"""The top-level window: first run, recovery key, unlock and the unlocked app in one stack.

"Need help now?" sits in the header on every screen, locked or not.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from resources import resource_path
from ui import shortcuts
from ui.changes import ChangeHub
from ui.clipboard import clear_if_ours, watch_clipboard
from ui.dialogs.backups import back_up_now, restore_from_backup
from ui.dialogs.crisis import CrisisDialog
from ui.dialogs.transfer import export_data, import_data
from ui.idle import IdleWatcher
from ui.pages.base import PageContext
from ui.pages.recovery import RecoveryKeyPage
from ui.pages.shell import MainArea
from ui.pages.today import TodayPage
from ui.pages.unlock import UnlockPage
from ui.pages.welcome import WelcomePage
from ui.preferences import Preferences
from ui.qt import (
    QAction,
    QApplication,
    QCloseEvent,
    QDialog,
    QHBoxLayout,
    QIcon,
    QLabel,
    QLocale,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QShowEvent,
    QStackedWidget,
    QSystemTrayIcon,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.session import VaultSession
from wellbeing_app import __version__
from wellbeing_app.backup import list_backups
from wellbeing_app.crisis import default_country
from wellbeing_app.detection import NOTIFICATION_TEXT
from wellbeing_app.errors import AuthenticationFailed, IntegrityError, WellbeingError
from wellbeing_app.services import Services

APP_TITLE = "Wellbeing Check-in"
UNLOCK_WENT_WRONG = (
    "Your vault opened, but part of it could not be read, so it was locked again to keep it safe. Nothing was "
    "changed. File → Restore… puts a backup back; 'wellbeing-app salvage' rescues the records that still read."
)


def newest_backup_hint(data_dir: Path) -> str:
    """One sentence naming the newest backup, for messages about a damaged vault; empty when there is none."""
    backups = [info for info in list_backups(data_dir) if info.made_at is not None]
    if not backups:
        return ""
    made = backups[0].made_at
    assert made is not None
    return f" Your newest backup is from {made:%d %b %Y, %H:%M}: File → Restore… offers it."


def friendly_error(error: BaseException) -> str:
    if isinstance(error, AuthenticationFailed):
        return "That passphrase didn't open the vault. Take your time and try again."
    if isinstance(error, WellbeingError):
        return str(error)
    return "Something unexpected went wrong. Nothing was changed; please try again."


class MainWindow(QMainWindow):
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

        status = session.keychain.status()
        self.welcome_page = WelcomePage(status.available, status.explanation)
        self.recovery_page = RecoveryKeyPage()
        self.unlock_page = UnlockPage(status.available, status.explanation)
        self.stack = QStackedWidget()
        for page in (self.welcome_page, self.recovery_page, self.unlock_page):
            self.stack.addWidget(page)

        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self._build_header())
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()

        self.notifications_sent = 0
        watch_clipboard()
        self._build_tray()
        self.idle = IdleWatcher(self.preferences.autolock_minutes, self)
        self.idle.idle_timed_out.connect(self.lock)

        self.welcome_page.create_requested.connect(self._create_vault)
        self.recovery_page.continued.connect(session.finish_first_run)
        self.unlock_page.unlock_requested.connect(self._unlock)
        self.unlock_page.keychain_unlock_requested.connect(self._unlock_with_keychain)
        self.unlock_page.recovery_requested.connect(self._recover)
        session.unlocked.connect(self._on_unlocked)
        session.about_to_lock.connect(self._before_lock)
        session.locked.connect(self._on_locked)

        geometry = self.preferences.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._show_start_page()

    # -- layout -------------------------------------------------------------------------------------------------
    def _build_header(self) -> QWidget:
        header = QWidget()
        header.setObjectName("Header")
        row = QHBoxLayout(header)
        row.setContentsMargins(16, 8, 16, 8)
        title = QLabel(APP_TITLE)
        title.setProperty("role", "app-title")
        row.addWidget(title)
        row.addStretch(1)
        self.lock_button = QPushButton("Lock")
        self.lock_button.setAccessibleName("Lock")
        self.lock_button.setToolTip(shortcuts.with_keys("Lock now", "lock"))
        self.lock_button.clicked.connect(self.lock)
        self.lock_button.hide()
        row.addWidget(self.lock_button)
        self.help_button = QPushButton("Need help now?")
        self.help_button.setObjectName("NeedHelpButton")
        self.help_button.setAccessibleName("Need help now?")
        self.help_button.setToolTip(shortcuts.with_keys("Crisis lines and people to call", "help_now"))
        self.help_button.clicked.connect(self.show_crisis_lines)
        row.addWidget(self.help_button)
        return header

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.file_menu = file_menu
        self.lock_action = QAction("&Lock", self)
        self.lock_action.setShortcuts(shortcuts.sequences("lock"))
        self.lock_action.triggered.connect(self.lock)
        self.lock_action.setEnabled(False)
        self.addAction(self.lock_action)
        self.import_action = QAction("&Import…", self)
        self.import_action.triggered.connect(self._import)
        self.export_action = QAction("&Export…", self)
        self.export_action.triggered.connect(self._export)
        for action in (self.import_action, self.export_action):
            action.setEnabled(False)
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.backup_action = QAction("&Back up now…", self)
        self.backup_action.triggered.connect(self._back_up)
        self.backup_action.setEnabled(False)
        self.restore_action = QAction(
            "&Restore…", self
        )  # also while locked: for a vault that no longer opens
        self.restore_action.triggered.connect(self._restore)
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcuts(shortcuts.sequences("quit"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        crisis_action = QAction("&Need help now?", self)
        crisis_action.setShortcuts(shortcuts.sequences("help_now"))
        crisis_action.triggered.connect(self.show_crisis_lines)
        help_menu.addAction(crisis_action)
        self.addAction(crisis_action)  # its shortcut works even when the menu bar is hidden
        keys_action = QAction("&Keyboard shortcuts", self)
        keys_action.triggered.connect(self.show_shortcuts)
        help_menu.addAction(keys_action)
        help_menu.addSeparator()
        about_action = QAction(f"About {APP_TITLE}", self)
        about_action.triggered.connect(self._about)
        help_menu.addAction(about_action)

    # -- flow ---------------------------------------------------------------------------------------------------
    def _show_start_page(self) -> None:
        if not self.session.has_vault():
            self.stack.setCurrentWidget(self.welcome_page)
            self.welcome_page.setFocus()
            return
        self.unlock_page.reset()
        self.unlock_page.set_key_remembered(self.session.remembered_key() is not None)
        self.stack.setCurrentWidget(self.unlock_page)
        self.unlock_page.setFocus()

    def _create_vault(self, passphrase: str, remember: bool) -> None:
        self.session.create(passphrase, remember, self._vault_created, self._creation_failed)

    def _vault_created(self, recovery_key: str) -> None:
        self.welcome_page.set_busy(False)
        self.welcome_page.clear()
        self.recovery_page.show_key(recovery_key)
        self.stack.setCurrentWidget(self.recovery_page)
        self.lock_action.setEnabled(
            True
        )  # the vault is open while the key is on screen: it locks like any page
        self.apply_autolock()
        self.recovery_page.saved_check.setFocus()

    def _creation_failed(self, error: BaseException) -> None:
        self.welcome_page.show_error(
            friendly_error(error) if not isinstance(error, AuthenticationFailed) else str(error)
        )

    def _unlock(self, passphrase: str, remember: bool) -> None:
        self.session.unlock(passphrase, remember, self._unlock_failed)

    def _unlock_with_keychain(self) -> None:
        if not self.session.unlock_with_keychain(self._keychain_unlock_failed):
            self.unlock_page.set_key_remembered(False)
            self.unlock_page.show_error("This computer no longer remembers your key. Type your passphrase.")

    def _recover(self, recovery_key: str, new_passphrase: str) -> None:
        self.session.unlock_with_recovery_key(recovery_key, new_passphrase, self._recovery_failed)

    def _keychain_unlock_failed(self, error: BaseException) -> None:
        self.unlock_page.set_key_remembered(False)
        self.unlock_page.show_error(
            str(error)
            if isinstance(error, WellbeingError)
            else "The key kept on this computer did not work. Type your passphrase instead."
        )

    def _unlock_failed(self, error: BaseException) -> None:
        hint = newest_backup_hint(self.session.data_dir) if isinstance(error, IntegrityError) else ""
        self.unlock_page.show_error(friendly_error(error) + hint)

    def _recovery_failed(self, error: BaseException) -> None:
        message = str(error) if isinstance(error, WellbeingError) else friendly_error(error)
        self.unlock_page.show_error(message)

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
        vault = self.session.vault
        assert vault is not None
        self.preferences = Preferences(self.session.data_dir)
        services = Services(vault, self.session.clock)
        services.status.fallback_country = self.crisis_country()
        changes = ChangeHub(services, self)
        context = PageContext(self.session, vault, self.session.clock, self.preferences, services, changes)
        self.main_area = MainArea(context)
        self.stack.addWidget(self.main_area)
        self.stack.setCurrentWidget(self.main_area)
        self.unlock_page.reset()
        self.lock_button.show()
        self.lock_action.setEnabled(True)
        self.import_action.setEnabled(True)
        self.export_action.setEnabled(True)
        self.backup_action.setEnabled(True)
        self.apply_autolock()
        today = self.main_area.page(TodayPage)
        if today is not None:
            today.navigate_requested.connect(self.main_area.show_page)
            today.alert_raised.connect(self.notify)
            if today.unseen_alert:  # raised while the page was being built, before this connection
                self.notify()
        self._report_damage(context.services)
        self.main_area.pages[0].setFocus()

    def _report_damage(self, services: Services) -> None:
        """Damaged records are skipped by the pages; say so once, calmly, and how to learn more."""
        damaged = {
            d.record_id
            for d in services.checkins.damaged + services.journal.damaged + services.directory.damaged
        }
        if damaged:
            count = len(damaged)
            # Only the records loaded so far were checked (check-ins of recent days): "at least", honestly.
            self.statusBar().showMessage(
                f"At least {count} record{'s' if count != 1 else ''} could not be read and "
                f"{'are' if count != 1 else 'is'} not shown; everything else is fine. "
                "'wellbeing-app verify' checks them all and lists them."
            )
        else:
            self.statusBar().clearMessage()

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
        self.recovery_page.key_field.clear()
        if self.main_area is not None:
            self.main_area.context.changes.stop()
            self.main_area.context.changes.deleteLater()
            self.stack.removeWidget(self.main_area)
            self.main_area.deleteLater()
            self.main_area = None
        self.lock_button.hide()
        self.lock_action.setEnabled(False)
        self.import_action.setEnabled(False)
        self.export_action.setEnabled(False)
        self.backup_action.setEnabled(False)
        self._show_start_page()
        if self.session.backup_failed:
            self.session.backup_failed = False
            self.unlock_page.show_error(
                "Today's automatic backup could not be made (is the disk full?). Your vault itself is fine."
            )

    def lock(self) -> None:
        """Lock on demand (Ctrl+L), on idle, or on close: drafts are saved, the key dropped."""
        self.session.lock()

    def _import(self) -> None:
        if self.main_area is not None:
            import_data(self, self.main_area.context.services)

    def _export(self) -> None:
        if self.main_area is not None:
            export_data(self, self.main_area.context.services)

    def _back_up(self) -> None:
        back_up_now(self, self.session.data_dir, self.session.clock.now())

    def _restore(self) -> None:
        restore_from_backup(
            self, self.session.data_dir, self.session.clock.now(), self.lock, self._show_start_page
        )

    def _build_tray(self) -> None:
        """A tray icon where the desktop has one; its notifications never carry content."""
        self.tray: QSystemTrayIcon | None = None
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        tray = QSystemTrayIcon(self.windowIcon(), self)
        tray.setToolTip(APP_TITLE)
        menu = QMenu(self)
        menu.addAction("Open", self.bring_forward)
        menu.addAction(self.lock_action)
        menu.addAction("Need help now?", self.show_crisis_lines)
        tray.setContextMenu(menu)
        tray.activated.connect(lambda _reason: self.bring_forward())
        tray.show()
        self.tray = tray

    def bring_forward(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def notify(self) -> None:
        """Content-free: others may see the screen, so no score and no words from the journal."""
        self.notifications_sent += 1
        today = self.main_area.page(TodayPage) if self.main_area is not None else None
        if today is not None:
            today.unseen_alert = False
        if self.tray is not None:
            self.tray.showMessage(APP_TITLE, NOTIFICATION_TEXT, QSystemTrayIcon.MessageIcon.Information)

    # -- other --------------------------------------------------------------------------------------------------
    def crisis_country(self) -> str:
        """The country last chosen for crisis lines, else the computer's region."""
        from ui.dialogs.crisis import crisis_directory

        available = [code for code, _ in crisis_directory().countries()]
        return self.preferences.crisis_country or default_country(QLocale.system().name(), available)

    def show_crisis_lines(self) -> None:
        """Non-modal, so the lines stay visible while the user dials or keeps using the app."""
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
        from ui.dialogs.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcuts_dialog = dialog
        dialog.show()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_TITLE}",
            f"{APP_TITLE} {__version__}\n\nA private self-care tool for check-ins, journaling and finding peer "
            "support. It is not a medical device and does not diagnose. Your data stays on this computer.",
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()
        current = self.stack.currentWidget()
        if current is not None:
            current.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.preferences.save_geometry(self.saveGeometry())
        self.lock()
        self.idle.dispose()
        event.accept()


def create_window(data_dir: Path, **session_options: Any) -> MainWindow:
    """The top-level window for the vault in ``data_dir``, not yet shown; the caller owns the QApplication."""
    return MainWindow(VaultSession(Path(data_dir), **session_options))

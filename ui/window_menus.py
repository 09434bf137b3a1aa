"""The window's header (title, Lock, "Need help now?"), its menus and the actions other parts of the window reach for (lock, import, back up, …)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui import shortcuts
from ui.qt import QAction, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget
from ui.window_messages import ABOUT_TEXT, APP_TITLE

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    file_menu = window.menuBar().addMenu("&File")
    window.file_menu = file_menu
    window.lock_action = QAction("&Lock", window)
    window.lock_action.setShortcuts(shortcuts.sequences("lock"))
    window.lock_action.triggered.connect(window.lock)
    window.lock_action.setEnabled(False)
    window.addAction(window.lock_action)
    window.import_action = QAction("&Import…", window)
    window.import_action.triggered.connect(lambda: import_into(window))
    window.export_action = QAction("&Export…", window)
    window.export_action.triggered.connect(lambda: export_from(window))
    for action in (window.import_action, window.export_action):
        action.setEnabled(False)
        file_menu.addAction(action)
    file_menu.addSeparator()
    window.backup_action = QAction("&Back up now…", window)
    window.backup_action.triggered.connect(lambda: back_up(window))
    window.backup_action.setEnabled(False)
    window.restore_action = QAction(
        "&Restore…", window
    )  # also while locked: for a vault that no longer opens
    window.restore_action.triggered.connect(lambda: restore(window))
    file_menu.addAction(window.backup_action)
    file_menu.addAction(window.restore_action)
    file_menu.addSeparator()
    file_menu.addAction(window.lock_action)
    file_menu.addSeparator()
    quit_action = QAction("&Quit", window)
    quit_action.setShortcuts(shortcuts.sequences("quit"))
    quit_action.triggered.connect(window.quit)
    file_menu.addAction(quit_action)
    help_menu = window.menuBar().addMenu("&Help")
    crisis_action = QAction("&Need help now?", window)
    crisis_action.setShortcuts(shortcuts.sequences("help_now"))
    crisis_action.triggered.connect(window.show_crisis_lines)
    help_menu.addAction(crisis_action)
    window.addAction(crisis_action)  # its shortcut works even when the menu bar is hidden
    keys_action = QAction("&Keyboard shortcuts", window)
    keys_action.triggered.connect(window.show_shortcuts)
    help_menu.addAction(keys_action)
    help_menu.addSeparator()
    about_action = QAction(f"About {APP_TITLE}", window)
    about_action.triggered.connect(lambda: QMessageBox.about(window, f"About {APP_TITLE}", ABOUT_TEXT))
    help_menu.addAction(about_action)


def build_header(window: MainWindow) -> QWidget:
    header = QWidget()
    header.setObjectName("Header")
    row = QHBoxLayout(header)
    row.setContentsMargins(16, 8, 16, 8)
    title = QLabel(APP_TITLE)
    title.setProperty("role", "app-title")
    row.addWidget(title)
    row.addStretch(1)
    window.lock_button = QPushButton("Lock")
    window.lock_button.setAccessibleName("Lock")
    window.lock_button.setToolTip(shortcuts.with_keys("Lock now", "lock"))
    window.lock_button.clicked.connect(window.lock)
    window.lock_button.hide()
    row.addWidget(window.lock_button)
    window.help_button = QPushButton("Need help now?")
    window.help_button.setObjectName("NeedHelpButton")
    window.help_button.setAccessibleName("Need help now?")
    window.help_button.setToolTip(shortcuts.with_keys("Crisis lines and people to call", "help_now"))
    window.help_button.clicked.connect(window.show_crisis_lines)
    row.addWidget(window.help_button)
    return header


# -- the File menu's data actions (the Settings page's buttons run the same actions) ---------------------------


def import_into(window: MainWindow) -> None:
    from ui.dialogs.transfer import import_data

    if window.main_area is not None:
        import_data(window, window.main_area.context.services)


def export_from(window: MainWindow) -> None:
    from ui.dialogs.transfer import export_data

    if window.main_area is not None:
        export_data(window, window.main_area.context.services)


def back_up(window: MainWindow) -> None:
    from ui.dialogs.backups import back_up_now

    back_up_now(window, window.session.data_dir, window.session.clock.now())


def restore(window: MainWindow) -> None:
    from ui.dialogs.backups import restore_from_backup

    restore_from_backup(
        window, window.session.data_dir, window.session.clock.now(), window.lock, window.show_start_page
    )

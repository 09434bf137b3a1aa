"""Every page and dialog, as a screen-reader and keyboard user meets it: every control named, Tab goes round
in reading order, and never gets stuck."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.helpers.accessibility import reading_order_problems, tab_chain, unnamed_controls
from tests.helpers.qt import find
from tests.ui.conftest import PASSPHRASE, UI_KDF
from tests.ui.test_support import csv_text
from ui.main_window import MainWindow
from wellbeing_app.vault import Vault

MakeWindow = Callable[..., MainWindow]
PAGES = ("Today", "Journal", "Trends", "Support", "Settings")


def audit(qtbot: QtBot, root: QWidget) -> None:
    root.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is root.window())
    problems = [f"unnamed {problem}" for problem in unnamed_controls(root)]
    chain, chain_problems = tab_chain(qtbot, root)
    problems += chain_problems + reading_order_problems(chain)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("row", range(len(PAGES)), ids=PAGES)
def test_unlocked_pages(qtbot: QtBot, unlocked_window: MainWindow, row: int) -> None:
    area = unlocked_window.main_area
    assert area is not None
    area.navigation.setCurrentRow(row)
    audit(qtbot, unlocked_window)


def test_welcome_and_recovery_pages(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    audit(qtbot, window)
    window.session.create(
        PASSPHRASE, False, window.start_pages.vault_created, window.start_pages.creation_failed
    )
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.recovery_page, timeout=10_000)
    audit(qtbot, window)


def test_unlock_page(qtbot: QtBot, make_window: MakeWindow, tmp_path: Path) -> None:
    Vault.create(tmp_path / "vault", PASSPHRASE, kdf=UI_KDF)[0].lock()
    window = make_window(tmp_path / "vault")
    audit(qtbot, window)


def _dialogs(window: MainWindow) -> dict[str, Callable[[], QDialog]]:
    from ui.dialogs.checkin_notes import CheckinNotesDialog
    from ui.dialogs.contact_editor import ContactEditor
    from ui.dialogs.crisis import CrisisDialog, crisis_directory
    from ui.dialogs.period_editor import PeriodEditor
    from ui.dialogs.profile_editor import ProfileEditor
    from ui.dialogs.questionnaire import QuestionnaireDialog
    from ui.dialogs.shortcuts import ShortcutsDialog
    from wellbeing_app.search import SearchHit

    assert window.main_area is not None
    services = window.main_area.context.services
    today = date(2026, 11, 25)
    hit = SearchHit(id="x", kind="checkin", date=today, title="Check-in 20:00", snippet="a walk")
    return {
        "crisis lines": lambda: CrisisDialog("GB", window),
        "contact editor": lambda: ContactEditor(services.directory, None, ["peer"], window),
        "profile editor": lambda: ProfileEditor(
            services.directory, crisis_directory().countries(), [], window
        ),
        "who5": lambda: QuestionnaireDialog("who5", today, window),
        "burnout": lambda: QuestionnaireDialog("burnout", today, window),
        "period editor": lambda: PeriodEditor(services.periods, today, None, window),
        "check-in notes": lambda: CheckinNotesDialog("walk", [hit], window),
        "keyboard shortcuts": lambda: ShortcutsDialog(window),
        "delete confirmation": lambda: _delete_question(window),
    }


def _delete_question(window: MainWindow) -> QDialog:
    """The same buttons and default as ``ui.widgets.confirm_delete``, shown without blocking."""
    box = QMessageBox(
        QMessageBox.Icon.Question, "Delete check-in", "Delete your 20:00 check-in?", parent=window
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box


DIALOGS = (
    "crisis lines",
    "contact editor",
    "profile editor",
    "who5",
    "burnout",
    "period editor",
    "check-in notes",
    "keyboard shortcuts",
    "delete confirmation",
)


@pytest.mark.parametrize("name", DIALOGS)
def test_dialogs(qtbot: QtBot, unlocked_window: MainWindow, name: str) -> None:
    dialog = _dialogs(unlocked_window)[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    audit(qtbot, dialog)
    dialog.reject()


def test_directory_import_dialog(qtbot: QtBot, unlocked_window: MainWindow, tmp_path: Path) -> None:
    from ui.dialogs.directory_import import DirectoryImportDialog

    source = tmp_path / "team.csv"
    source.write_text(csv_text(), encoding="utf-8")
    assert unlocked_window.main_area is not None
    dialog = DirectoryImportDialog(source, unlocked_window.main_area.context.services, unlocked_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: find(dialog, "Import").isEnabled(), timeout=10_000)  # the file was read
    audit(qtbot, dialog)
    dialog.reject()


def test_every_dialog_module_is_audited() -> None:
    """A new dialog module must join the list above (backups and transfer only use standard dialogs)."""
    audited = {
        "checkin_notes",
        "contact_editor",
        "crisis",
        "period_editor",
        "profile_editor",
        "questionnaire",
        "shortcuts",
        "directory_import",
    }
    standard_only = {"backups", "transfer", "__init__"}
    modules = {path.stem for path in (Path(__file__).parents[2] / "ui" / "dialogs").glob("*.py")}
    assert modules == audited | standard_only


def test_tab_leaves_the_journal_text(qtbot: QtBot, unlocked_window: MainWindow) -> None:
    area = unlocked_window.main_area
    assert area is not None
    area.navigation.setCurrentRow(1)
    body = find(unlocked_window, "Entry text")
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not body
    assert isinstance(find(unlocked_window, "Search journal", QLineEdit), QLineEdit)

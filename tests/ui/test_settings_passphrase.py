"""Settings asks for the current passphrase before changing it (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from tests.helpers.qt import find
from tests.ui.conftest import PASSPHRASE
from ui.main_window import MainWindow
from ui.pages.settings import SettingsPage
from wellbeing_app.errors import AuthenticationFailed
from wellbeing_app.vault import Vault

NEW = "a brand new evening sentence"


def change(qtbot: QtBot, window: MainWindow, current: str) -> QLabel:
    assert window.main_area is not None
    assert window.main_area.show_page(SettingsPage)
    for name, text in (
        ("Current passphrase", current),
        ("New passphrase", NEW),
        ("Confirm new passphrase", NEW),
    ):
        field = find(window, name, QLineEdit)
        field.clear()
        qtbot.keyClicks(field, text)
    find(window, "Change passphrase", QPushButton).click()
    message = find(window, "Passphrase message", QLabel, visible=False)
    qtbot.waitUntil(lambda: message.isVisible() and bool(message.text()), timeout=10_000)
    return message


def test_a_wrong_current_passphrase_changes_nothing(
    qtbot: QtBot, unlocked_window: MainWindow, tmp_path: Path
) -> None:
    message = change(qtbot, unlocked_window, "not the passphrase at all")
    assert "not the current passphrase" in message.text()
    unlocked_window.lock()
    Vault.open_with_passphrase(tmp_path / "vault", PASSPHRASE).lock()


def test_the_right_current_passphrase_changes_it(
    qtbot: QtBot, unlocked_window: MainWindow, tmp_path: Path
) -> None:
    message = change(qtbot, unlocked_window, PASSPHRASE)
    assert message.text() == "Your passphrase has been changed."
    unlocked_window.lock()
    Vault.open_with_passphrase(tmp_path / "vault", NEW).lock()
    with pytest.raises(AuthenticationFailed):
        Vault.open_with_passphrase(tmp_path / "vault", PASSPHRASE)

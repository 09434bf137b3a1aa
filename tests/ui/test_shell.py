"""First run, recovery key, unlock, lock and crisis lines, driven through accessible names."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from tests.helpers.qt import find, shown, toggle
from tests.ui.conftest import PASSPHRASE, UI_KDF
from ui.main_window import MainWindow
from wellbeing_app.keychain import Keychain
from wellbeing_app.vault import Vault

MakeWindow = Callable[..., MainWindow]


def _unlocked(window: MainWindow) -> bool:
    return window.main_area is not None and window.stack.currentWidget() is window.main_area


def test_first_run_creates_vault_and_shows_recovery_key_once(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window()
    create = find(window, "Create vault", QPushButton)
    assert not create.isEnabled()
    qtbot.keyClicks(find(window, "Passphrase", QLineEdit), PASSPHRASE)
    qtbot.keyClicks(find(window, "Confirm passphrase", QLineEdit), "something else")
    assert "don't match" in find(window, "Passphrase hint", QLabel).text()
    assert not create.isEnabled()
    confirm = find(window, "Confirm passphrase", QLineEdit)
    confirm.clear()
    qtbot.keyClicks(confirm, PASSPHRASE)
    assert create.isEnabled()
    qtbot.mouseClick(create, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: shown(window, "Recovery key", QLineEdit), timeout=10_000)
    key_field = find(window, "Recovery key", QLineEdit)
    assert key_field.isReadOnly()
    assert len(key_field.text().split("-")) == 8
    recovery_key = key_field.text()
    continue_button = find(window, "Continue", QPushButton)
    assert not continue_button.isEnabled()
    toggle(qtbot, find(window, "I have saved my recovery key", QCheckBox))
    assert continue_button.isEnabled()
    qtbot.mouseClick(continue_button, Qt.MouseButton.LeftButton)
    assert _unlocked(window)
    assert (tmp_path / "vault" / "vault.sqlite3").exists()
    # The key is no longer on screen anywhere, and it opens the vault.
    assert recovery_key not in key_field.text()
    window.lock()
    Vault.open_with_recovery_key(tmp_path / "vault", recovery_key).lock()


def test_too_short_passphrase_explains_what_is_missing(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    qtbot.keyClicks(find(window, "Passphrase", QLineEdit), "short")
    assert "5 more characters" in find(window, "Passphrase hint", QLabel).text()
    assert not find(window, "Create vault", QPushButton).isEnabled()


def _existing_vault(tmp_path: Path) -> Path:
    data_dir = tmp_path / "vault"
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf=UI_KDF)
    vault.lock()
    return data_dir


def test_unlock_wrong_then_right_passphrase_then_lock(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window(_existing_vault(tmp_path))
    field = find(window, "Passphrase", QLineEdit)
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "not my passphrase")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown(window, "Unlock message", QLabel), timeout=10_000)
    message = find(window, "Unlock message", QLabel).text()
    assert "didn't open" in message and "try again" in message
    assert field.hasFocus()
    assert not _unlocked(window)

    field.clear()
    qtbot.keyClicks(field, PASSPHRASE)
    qtbot.mouseClick(find(window, "Unlock", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _unlocked(window), timeout=10_000)
    assert window.session.vault is not None

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not _unlocked(window)
    assert window.session.vault is None
    assert find(window, "Passphrase", QLineEdit).text() == ""


def test_idle_timeout_locks(qtbot: QtBot, make_window: MakeWindow, tmp_path: Path) -> None:
    window = make_window(_existing_vault(tmp_path))
    qtbot.keyClicks(find(window, "Passphrase", QLineEdit), PASSPHRASE)
    qtbot.mouseClick(find(window, "Unlock", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _unlocked(window), timeout=10_000)
    window.idle.set_interval_ms(50)
    window.idle.start()
    qtbot.waitUntil(lambda: not _unlocked(window), timeout=5_000)
    assert window.session.vault is None


def test_remember_on_this_computer_unlocks_without_passphrase(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window(_existing_vault(tmp_path))
    remember = find(window, "Remember on this computer", QCheckBox)
    qtbot.waitUntil(remember.isEnabled)  # the keychain is asked just after the first paint
    qtbot.keyClicks(find(window, "Passphrase", QLineEdit), PASSPHRASE)
    toggle(qtbot, remember)
    qtbot.mouseClick(find(window, "Unlock", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _unlocked(window), timeout=10_000)
    window.lock()
    qtbot.mouseClick(find(window, "Unlock", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _unlocked(window), timeout=10_000)


def test_no_keychain_disables_remember_with_explanation(qtbot: QtBot, tmp_path: Path) -> None:
    from tests.helpers.keyrings import NoKeyring
    from ui.main_window import create_window
    from wellbeing_app.keychain import Keychain

    window = create_window(_existing_vault(tmp_path), keychain=Keychain(NoKeyring()), kdf=UI_KDF)
    qtbot.addWidget(window)
    window.show()
    remember = find(window, "Remember on this computer", QCheckBox)
    assert not remember.isEnabled()
    qtbot.waitUntil(
        lambda: any(
            "No secure keychain" in label.text() for label in window.findChildren(QLabel) if label.isVisible()
        )
    )
    assert not remember.isEnabled()


def test_unlock_pressed_before_the_keychain_answers_waits_for_it(
    qtbot: QtBot, tmp_path: Path, keychain: Keychain
) -> None:
    """A remembered key opens the vault even when Unlock is pressed in the first instant after start."""
    from ui.main_window import create_window

    data_dir = _existing_vault(tmp_path)
    vault = Vault.open_with_passphrase(data_dir, PASSPHRASE)
    assert keychain.store(vault.vault_id, vault.data_key)
    vault.lock()
    window = create_window(data_dir, keychain=keychain, kdf=UI_KDF)
    qtbot.addWidget(window)
    page = window.unlock_page
    assert page.remember_note.text().startswith("Checking")  # nothing asked before the first frame
    page.unlock_button.click()  # an empty field, the keychain not asked yet
    assert not page.busy.isHidden()
    window.show()
    qtbot.waitUntil(lambda: _unlocked(window), timeout=10_000)


def test_unlock_pressed_early_without_a_remembered_key_asks_for_the_passphrase(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from ui.main_window import create_window

    window = create_window(_existing_vault(tmp_path), kdf=UI_KDF)
    qtbot.addWidget(window)
    window.unlock_page.unlock_button.click()
    window.show()
    message = find(window, "Unlock message", QLabel, visible=False)
    qtbot.waitUntil(message.isVisible)
    assert message.text() == "Type your passphrase first."
    assert not _unlocked(window) and not window.unlock_page.busy.isVisible()


def test_need_help_is_on_every_screen_and_needs_no_unlock(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    qtbot.mouseClick(find(window, "Need help now?", QPushButton), Qt.MouseButton.LeftButton)
    dialog = window.crisis_dialog
    assert dialog is not None and dialog.isVisible()
    from PySide6.QtWidgets import QComboBox, QTextBrowser

    country = find(dialog, "Country", QComboBox)
    country.setCurrentIndex(country.findData("GB"))
    text = find(dialog, "Crisis lines list", QTextBrowser).toPlainText()
    assert text.index("999") < text.index("116 123")
    country.setCurrentIndex(country.findData("US"))
    assert "988" in find(dialog, "Crisis lines list", QTextBrowser).toPlainText()
    dialog.close()


def test_a_passphrase_unlock_before_the_keychain_answers_keeps_the_remembered_key(
    qtbot: QtBot, tmp_path: Path, keychain: Keychain
) -> None:
    """The greyed, unticked box means "not known yet", not "forget my key"."""
    from ui.main_window import create_window

    data_dir = _existing_vault(tmp_path)
    vault = Vault.open_with_passphrase(data_dir, PASSPHRASE)
    vault_id, key = vault.vault_id, vault.data_key
    assert keychain.store(vault_id, key)
    vault.lock()
    window = create_window(data_dir, keychain=keychain, kdf=UI_KDF)
    qtbot.addWidget(window)  # not shown yet: no first paint, so the keychain has not been asked
    assert window.start_pages.keychain_status is None
    window.unlock_page.passphrase.setText(PASSPHRASE)
    window.unlock_page.unlock_button.click()
    qtbot.waitUntil(lambda: window.main_area is not None, timeout=10_000)
    assert keychain.load(vault_id) == key


def test_unlock_builds_today_first_and_the_other_pages_just_after_its_first_frame(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    from ui.pages.today import TodayPage

    window = make_window(_existing_vault(tmp_path))
    qtbot.keyClicks(find(window, "Passphrase", QLineEdit), PASSPHRASE)
    built_at_unlock: list[list[str]] = []
    window.session.unlocked.connect(
        lambda: built_at_unlock.append(
            [type(page).__name__ for page in window.main_area.built_pages()] if window.main_area else []
        )
    )
    qtbot.mouseClick(find(window, "Unlock", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(built_at_unlock), timeout=10_000)
    assert built_at_unlock == [["TodayPage"]]
    area = window.main_area
    assert area is not None and isinstance(area.current_page(), TodayPage)
    qtbot.waitUntil(lambda: len(area.built_pages()) == 5, timeout=10_000)
    assert {type(page).__name__ for page in area.built_pages()} == {
        "TodayPage",
        "JournalPage",
        "TrendsPage",
        "SupportPage",
        "SettingsPage",
    }

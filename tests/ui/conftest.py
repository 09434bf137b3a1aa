"""A window per test on a fresh vault folder, with cheap key derivation and an in-memory keychain."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.helpers.keyrings import MemoryKeyring
from ui.main_window import MainWindow, create_window
from wellbeing_app.clock import FixedClock
from wellbeing_app.crypto.kdf import KdfParams
from wellbeing_app.keychain import Keychain

PASSPHRASE = "calm harbour lantern"
UI_KDF = KdfParams(salt=b"0123456789abcdef", memory_kib=1024, iterations=1, lanes=1)


@pytest.fixture
def ui_clock() -> FixedClock:
    from datetime import datetime

    return FixedClock(datetime(2026, 11, 25, 21, 30).astimezone())


@pytest.fixture
def keychain() -> Keychain:
    return Keychain(MemoryKeyring())


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path, ui_clock: FixedClock, keychain: Keychain) -> Iterator[object]:
    windows: list[MainWindow] = []

    def make(data_dir: Path | None = None) -> MainWindow:
        window = create_window(data_dir or tmp_path / "vault", keychain=keychain, clock=ui_clock, kdf=UI_KDF)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitActive(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture
def unlocked_window(qtbot: QtBot, make_window: object, tmp_path: Path) -> MainWindow:
    """A window on an existing vault, unlocked through the unlock page as a user would."""
    from wellbeing_app.vault import Vault

    data_dir = tmp_path / "vault"
    if not (data_dir / "vault.sqlite3").exists():
        Vault.create(data_dir, PASSPHRASE, kdf=UI_KDF)[0].lock()
    window = make_window(data_dir)  # type: ignore[operator]
    return unlock(qtbot, window)


def type_passphrase(qtbot: QtBot, window: MainWindow) -> None:
    """Type the passphrase on the unlock page and press Enter, as a user would."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    from tests.helpers.qt import find

    field = find(window, "Passphrase", QLineEdit)
    qtbot.keyClicks(field, PASSPHRASE)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def unlock(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """Unlock through the unlock page and wait for the unlocked app."""
    type_passphrase(qtbot, window)
    qtbot.waitUntil(lambda: window.main_area is not None, timeout=10_000)
    return window

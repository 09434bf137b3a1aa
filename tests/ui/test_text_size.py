"""At 150% text every page still shows all of its words: no label or button is cut."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.helpers.accessibility import clipped_text
from tests.ui.conftest import PASSPHRASE, UI_KDF
from tests.ui.test_accessibility import DIALOGS, PAGES, _dialogs
from ui.main_window import MainWindow
from ui.theme import apply_appearance
from wellbeing_app.vault import Vault

MakeWindow = Callable[..., MainWindow]


@pytest.fixture(autouse=True)
def restore_look(qapp: QApplication) -> Iterator[None]:
    font, palette, sheet = qapp.font(), qapp.palette(), qapp.styleSheet()
    yield
    qapp.setFont(font)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)


def settle(qtbot: QtBot) -> None:
    qtbot.wait(20)  # layouts settle over a couple of event-loop turns


@pytest.mark.parametrize("percent", [100, 150])
def test_unlocked_pages(qtbot: QtBot, unlocked_window: MainWindow, qapp: QApplication, percent: int) -> None:
    apply_appearance(qapp, "light", percent)
    area = unlocked_window.main_area
    assert area is not None
    problems = []
    for row, page in enumerate(PAGES):
        area.navigation.setCurrentRow(row)
        settle(qtbot)
        problems += [f"{page}: {problem}" for problem in clipped_text(unlocked_window)]
    assert not problems, "\n".join(problems)


def test_locked_pages(qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, qapp: QApplication) -> None:
    apply_appearance(qapp, "light", 150)
    welcome = make_window(tmp_path / "new")
    settle(qtbot)
    problems = [f"welcome: {problem}" for problem in clipped_text(welcome)]
    Vault.create(tmp_path / "vault", PASSPHRASE, kdf=UI_KDF)[0].lock()
    unlock = make_window(tmp_path / "vault")
    settle(qtbot)
    problems += [f"unlock: {problem}" for problem in clipped_text(unlock)]
    assert not problems, "\n".join(problems)


def test_dialogs(qtbot: QtBot, unlocked_window: MainWindow, qapp: QApplication) -> None:
    apply_appearance(qapp, "light", 150)
    problems = []
    for name in DIALOGS:
        dialog = _dialogs(unlocked_window)[name]()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        settle(qtbot)
        problems += [f"{name}: {problem}" for problem in clipped_text(dialog)]
        dialog.reject()
    assert not problems, "\n".join(problems)

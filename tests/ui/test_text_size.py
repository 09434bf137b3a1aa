"""At 150% text every page still shows all of its words: no label or button is cut."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
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


def settled_clipping(qtbot: QtBot, root: QWidget) -> list[str]:
    """What is still cut once the layouts have settled: a page fills in its text after it is shown, and
    word-wrapped labels take a few event-loop turns to get their height. Up to a second, then what remains."""
    problems = clipped_text(root)
    for _ in range(20):
        if not problems:
            break
        qtbot.wait(50)
        problems = clipped_text(root)
    return problems


def unlocked_at(qtbot: QtBot, make_window: MakeWindow, folder: str) -> MainWindow:
    """Unlocked, on a vault at a path of a usual length: Settings quotes it, and a path has no spaces to wrap
    at, so pytest's long folder names would stand in for the page's own text."""
    data_dir = Path(folder) / "vault"
    Vault.create(data_dir, PASSPHRASE, kdf=UI_KDF)[0].lock()
    window = make_window(data_dir)
    window.session.unlock(PASSPHRASE, False, lambda _error: None)
    qtbot.waitUntil(lambda: window.main_area is not None, timeout=10_000)
    return window


CASES = [pytest.param(page, percent) for percent in (100, 150) for page in PAGES]


@pytest.mark.parametrize(("page", "percent"), CASES)
def test_unlocked_pages(
    qtbot: QtBot, make_window: MakeWindow, qapp: QApplication, page: str, percent: int
) -> None:
    apply_appearance(qapp, "light", percent)  # before the window is built, as at start-up
    with tempfile.TemporaryDirectory(prefix="wb") as folder:
        window = unlocked_at(qtbot, make_window, folder)
        assert window.main_area is not None
        window.main_area.navigation.setCurrentRow(PAGES.index(page))
        problems = settled_clipping(qtbot, window)
        window.close()
    assert not problems, "\n".join(problems)


def test_locked_pages(qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, qapp: QApplication) -> None:
    apply_appearance(qapp, "light", 150)
    welcome = make_window(tmp_path / "new")
    problems = [f"welcome: {problem}" for problem in settled_clipping(qtbot, welcome)]
    Vault.create(tmp_path / "vault", PASSPHRASE, kdf=UI_KDF)[0].lock()
    unlock = make_window(tmp_path / "vault")
    problems += [f"unlock: {problem}" for problem in settled_clipping(qtbot, unlock)]
    assert not problems, "\n".join(problems)


def test_dialogs(qtbot: QtBot, unlocked_window: MainWindow, qapp: QApplication) -> None:
    apply_appearance(qapp, "light", 150)
    problems = []
    for name in DIALOGS:
        dialog = _dialogs(unlocked_window)[name]()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        problems += [f"{name}: {problem}" for problem in settled_clipping(qtbot, dialog)]
        dialog.reject()
    assert not problems, "\n".join(problems)

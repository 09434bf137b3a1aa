"""An unlock that fails half-way locks again (issue 14): attacks on a copy of a vault, then the unlock page."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import PASSPHRASE, UI_KDF, type_passphrase
from ui.main_window import UNLOCK_WENT_WRONG, MainWindow
from wellbeing_app.clock import FixedClock
from wellbeing_app.services import Services
from wellbeing_app.vault import Vault, db_path

MakeWindow = Callable[..., MainWindow]


def vault_with_checkins(data_dir: Path, clock: FixedClock, count: int = 300) -> None:
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf=UI_KDF, clock=clock)
    services = Services(vault, clock)
    for index in range(count):
        day = date(2026, 11, 25 - index % 20)
        services.checkins.add(mood=5, note=f"check-in number {index} " + "x" * 200, day=day, at=time(9, 0))
    vault.lock()


def test_a_payload_replaced_by_a_number_is_a_damaged_record_not_a_crash(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, ui_clock: FixedClock
) -> None:
    data_dir = tmp_path / "vault"
    vault_with_checkins(data_dir, ui_clock, count=3)
    conn = sqlite3.connect(db_path(data_dir))
    with conn:
        conn.execute("UPDATE records SET payload = 12345 WHERE rowid = (SELECT min(rowid) FROM records)")
    conn.close()
    window = make_window(data_dir)
    type_passphrase(qtbot, window)
    qtbot.waitUntil(lambda: window.main_area is not None, timeout=10_000)
    assert "could not be read" in window.statusBar().currentMessage()
    assert window.lock_action.isEnabled()


def test_a_damaged_page_locks_again_and_says_so(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, ui_clock: FixedClock
) -> None:
    data_dir = tmp_path / "vault"
    vault_with_checkins(data_dir, ui_clock)
    conn = sqlite3.connect(db_path(data_dir))
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'records'").fetchone()[0]
    conn.close()
    with db_path(data_dir).open("r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(b"\xff" * 16)
    window = make_window(data_dir)
    type_passphrase(qtbot, window)
    qtbot.waitUntil(lambda: window.unlock_page.message.text().startswith(UNLOCK_WENT_WRONG), timeout=10_000)
    assert window.session.vault is None
    assert window.main_area is None
    assert window.stack.currentWidget() is window.unlock_page
    assert not window.lock_action.isEnabled() and not window.export_action.isEnabled()


def test_any_error_while_the_pages_are_built_drops_the_key(
    qtbot: QtBot,
    make_window: MakeWindow,
    tmp_path: Path,
    ui_clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data_dir = tmp_path / "vault"
    vault_with_checkins(data_dir, ui_clock, count=1)
    window = make_window(data_dir)

    def broken_page(*_args: object) -> None:
        raise RuntimeError("a page could not be built")

    monkeypatch.setattr("ui.pages.shell.MainArea", broken_page)  # imported by the window when it unlocks
    type_passphrase(qtbot, window)
    qtbot.waitUntil(lambda: window.unlock_page.message.text().startswith(UNLOCK_WENT_WRONG), timeout=10_000)
    assert window.session.vault is None
    assert window.stack.currentWidget() is window.unlock_page


def test_an_error_building_a_page_after_today_has_painted_drops_the_key_too(
    qtbot: QtBot,
    make_window: MakeWindow,
    tmp_path: Path,
    ui_clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Pages not on screen are built just after Today's first frame (issue 15); failing then fails closed."""
    from ui.pages.base import PageContext, VaultPage
    from ui.pages.today import TodayPage

    class BrokenPage(VaultPage):
        nav_title = "Journal"
        icon_name = "journal"

        def __init__(self, context: PageContext) -> None:
            raise RuntimeError("a page could not be built")

    data_dir = tmp_path / "vault"
    vault_with_checkins(data_dir, ui_clock, count=1)
    window = make_window(data_dir)
    monkeypatch.setattr("ui.pages.shell.page_factories", lambda: [TodayPage, BrokenPage])
    type_passphrase(qtbot, window)
    qtbot.waitUntil(lambda: window.unlock_page.message.text().startswith(UNLOCK_WENT_WRONG), timeout=10_000)
    assert window.session.vault is None
    assert window.main_area is None
    assert window.stack.currentWidget() is window.unlock_page
    assert not window.lock_action.isEnabled()

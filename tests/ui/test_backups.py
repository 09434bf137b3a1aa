"""File → Back up now… and Restore… (issue 12): a backup round trip through the desktop, and a damaged vault
restored from the unlock screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import PASSPHRASE, type_passphrase
from ui.dialogs import backups
from ui.main_window import MainWindow
from wellbeing_app.services import Services
from wellbeing_app.vault import Vault


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(backups, "tell", lambda _p, title, text: messages.append(f"{title}: {text}"))
    monkeypatch.setattr(backups, "confirm", lambda _p, _title, _text: True)
    monkeypatch.setattr(backups, "ask_backup_passphrase", lambda _p: PASSPHRASE)
    return messages


def test_back_up_now_then_restore_over_a_damaged_vault(
    qtbot: QtBot,
    unlocked_window: MainWindow,
    said: list[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    window = unlocked_window
    assert window.main_area is not None
    window.main_area.context.services.journal.add(title="Kept", body="written before the backup")
    target = tmp_path / "usb" / "backup.sqlite3"
    target.parent.mkdir()
    monkeypatch.setattr(backups, "choose_backup_target", lambda _p, _s: str(target))
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert said[0].startswith("Backup made") and target.is_file()

    window.lock()
    data_dir = tmp_path / "vault"
    (data_dir / "vault.sqlite3").write_bytes(b"\x00" * 8192)  # the disk failed
    type_passphrase(qtbot, window)
    message = window.unlock_page.message
    qtbot.waitUntil(lambda: "File → Restore… offers it" in message.text(), timeout=10_000)
    assert "damaged" in message.text()
    assert window.restore_action.isEnabled()
    monkeypatch.setattr(backups, "choose_backup_file", lambda _p, _f: str(target))
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: len(said) == 2, timeout=10_000)
    assert said[1].startswith("Backup restored"), said[1]
    assert window.stack.currentWidget() is window.unlock_page
    vault = Vault.open_with_passphrase(data_dir, PASSPHRASE)
    try:
        assert [e.title for e in Services(vault, vault.clock).journal.entries()] == ["Kept"]
    finally:
        vault.lock()
    assert any(path.name.endswith("before-restore.sqlite3") for path in (data_dir / "backups").iterdir())


def test_a_damaged_backup_changes_nothing(
    qtbot: QtBot,
    unlocked_window: MainWindow,
    said: list[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a backup at all")
    before = (tmp_path / "vault" / "vault.sqlite3").read_bytes()
    monkeypatch.setattr(backups, "choose_backup_file", lambda _p, _f: str(bad))
    unlocked_window.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert said[0].startswith("Nothing was restored")
    assert (tmp_path / "vault" / "vault.sqlite3").read_bytes() == before

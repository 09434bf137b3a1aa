"""File → Export… and Import… from the menu: a warning first, a progress bar, and the data round trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui.dialogs import transfer
from ui.main_window import MainWindow
from ui.pages.today import TodayPage


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, list[str]]:
    said: dict[str, list[str]] = {"confirm": [], "tell": []}
    monkeypatch.setattr(transfer, "confirm", lambda _p, title, text: said["confirm"].append(text) or True)
    monkeypatch.setattr(transfer, "tell", lambda _p, title, text: said["tell"].append(f"{title}: {text}"))
    return said


def test_export_then_import_into_a_new_vault(
    qtbot: QtBot,
    unlocked_window: MainWindow,
    dialogs: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    window = unlocked_window
    assert window.main_area is not None
    services = window.main_area.context.services
    services.checkins.add(mood=4, tags=["night shift"], note="Busy night; café at 3am", at="06:00")
    services.journal.add(title="Handover", body="Felt rushed.")
    target = tmp_path / "export.json"
    monkeypatch.setattr(transfer, "choose_save_path", lambda _parent: str(target))
    window.export_action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs["tell"]), timeout=10_000)
    assert "not encrypted" in dialogs["confirm"][0]
    assert dialogs["tell"][0].startswith("Export finished")
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == "wellbeing-app-export"
    assert [c["note"] for c in document["checkins"]] == ["Busy night; café at 3am"]
    assert target.stat().st_mode & 0o777 == 0o600

    # Exporting again to the same file is refused and leaves it untouched.
    before = target.read_bytes()
    window.export_action.trigger()
    qtbot.waitUntil(lambda: len(dialogs["tell"]) == 2, timeout=10_000)
    assert "already exists" in dialogs["tell"][1]
    assert target.read_bytes() == before

    # Import into a fresh vault through the menu.
    window.close()
    from tests.ui.conftest import PASSPHRASE, UI_KDF
    from wellbeing_app.vault import Vault

    other_dir = tmp_path / "other"
    Vault.create(other_dir, PASSPHRASE, kdf=UI_KDF)[0].lock()
    other = type(window)(
        window.session.__class__(
            other_dir, keychain=window.session.keychain, clock=window.session.clock, kdf=UI_KDF
        )
    )
    qtbot.addWidget(other)
    other.show()
    other.unlock_page.passphrase.setText(PASSPHRASE)
    other.unlock_page.unlock_button.click()
    qtbot.waitUntil(lambda: other.main_area is not None, timeout=10_000)
    monkeypatch.setattr(transfer, "choose_open_path", lambda _parent: str(target))
    other.import_action.trigger()
    qtbot.waitUntil(lambda: len(dialogs["tell"]) == 3, timeout=10_000)
    assert dialogs["tell"][2].startswith("Import finished")
    assert other.main_area is not None
    imported = other.main_area.context.services
    assert [c.note for c in imported.checkins.between()] == ["Busy night; café at 3am"]
    today = other.main_area.page(TodayPage)
    assert isinstance(today, TodayPage)
    qtbot.waitUntil(lambda: today.list_model.rowCount() == 1)  # the page heard of the import
    other.close()


def test_bad_import_names_the_line_and_changes_nothing(
    qtbot: QtBot,
    unlocked_window: MainWindow,
    dialogs: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    bad = tmp_path / "daylio.csv"
    bad.write_text(
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        "2026-11-20,November 20,Friday,21:00,good,work,,\n"
        "2026-11-21,November 21,Saturday,21:00,fabulous,work,,\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(transfer, "choose_open_path", lambda _parent: str(bad))
    unlocked_window.import_action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs["tell"]), timeout=10_000)
    message = dialogs["tell"][0]
    assert message.startswith("Nothing was imported") and "3" in message and "mood" in message
    assert unlocked_window.main_area is not None
    assert unlocked_window.main_area.context.services.checkins.between() == []


def test_importing_a_backup_of_this_vault_merges_it_and_the_today_page_hears(
    qtbot: QtBot,
    unlocked_window: MainWindow,
    dialogs: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from datetime import timedelta

    from wellbeing_app.backup import write_backup
    from wellbeing_app.services import Services
    from wellbeing_app.vault import Vault

    assert unlocked_window.main_area is not None
    context = unlocked_window.main_area.context
    services = context.services
    kept = services.checkins.add(mood=5, note="written before the backup")
    # The same vault used elsewhere writes one more check-in; its backup is merged here.
    copy_dir = tmp_path / "copy"
    copy_dir.mkdir()
    write_backup(context.vault.data_dir, context.clock.now(), copy_dir / "vault.sqlite3")
    copy = Vault.open_with_data_key(copy_dir, context.vault.data_key, clock=context.clock)
    try:
        Services(copy, context.clock).checkins.add(mood=7, note="written on the other computer")
    finally:
        copy.lock()
    backup = write_backup(copy_dir, context.clock.now() + timedelta(minutes=1), tmp_path / "laptop.sqlite3")

    today = unlocked_window.main_area.page(TodayPage)
    assert isinstance(today, TodayPage)
    monkeypatch.setattr(transfer, "choose_open_path", lambda _parent: str(backup))
    unlocked_window.import_action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs["tell"]), timeout=10_000)
    assert dialogs["tell"][0].startswith(
        "Import finished: Merged the backup laptop.sqlite3: 1 added, 0 updated, 1 unchanged"
    )
    assert {c.note for c in services.checkins.between()} == {kept.note, "written on the other computer"}
    qtbot.waitUntil(lambda: today.list_model.rowCount() == 2)

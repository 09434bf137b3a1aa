"""Every page hears of changes to the records it shows, whoever made them, and only those pages refresh."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QListView
from pytestqt.qtbot import QtBot

from tests.helpers.qt import find
from tests.ui.conftest import PASSPHRASE
from ui.dialogs import transfer
from ui.main_window import MainWindow
from ui.pages.journal import JournalPage
from ui.pages.support import SupportPage
from ui.pages.today import TodayPage

REPO = Path(__file__).resolve().parents[2]


def _journal_only_export(path: Path) -> Path:
    document = {
        "format": "wellbeing-app-export",
        "version": 1,
        "journal": [
            {"id": "6f1c2a54-0d55-4c1e-9a3a-3f2e8e6b2d10", "date": "2026-11-20", "body": "A quiet walk home."}
        ],
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_an_import_refreshes_exactly_the_pages_that_show_its_kinds(
    qtbot: QtBot, unlocked_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = unlocked_window
    area = window.main_area
    assert area is not None
    today, journal, support = area.page(TodayPage), area.page(JournalPage), area.page(SupportPage)
    assert today is not None and journal is not None and support is not None
    area.show_page(SupportPage)
    area.show_page(JournalPage)
    qtbot.waitUntil(lambda: not support.stale and not journal.stale)
    counts = {page: page.refresh_count for page in (today, journal, support)}
    told: list[str] = []
    monkeypatch.setattr(
        transfer, "choose_open_path", lambda _parent: str(_journal_only_export(tmp_path / "j.json"))
    )
    monkeypatch.setattr(transfer, "tell", lambda _parent, _title, text: told.append(text))

    window.import_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert "1 added" in told[0]
    entries = find(window, "Journal entries", QListView)
    qtbot.waitUntil(lambda: entries.model().rowCount() == 1)  # on screen: refreshed at once
    assert journal.refresh_count == counts[journal] + 1
    assert today.refresh_count == counts[today] and not today.stale
    assert support.refresh_count == counts[support] and not support.stale


def test_a_check_in_from_the_command_line_shows_on_today_within_two_seconds(
    qtbot: QtBot, unlocked_window: MainWindow, tmp_path: Path
) -> None:
    window = unlocked_window
    area = window.main_area
    assert area is not None
    today = area.page(TodayPage)
    assert today is not None
    assert today.list_model.rowCount() == 0
    env = {**os.environ, "WELLBEING_PASSPHRASE": PASSPHRASE}
    when = window.session.clock.now()
    command = [
        sys.executable,
        "-m",
        "wellbeing_app",
        "--data-dir",
        str(window.session.data_dir),
        "checkin",
        "--mood",
        "6",
        "--note",
        "from the terminal",
        "--date",
        when.date().isoformat(),
        "--time",
        when.strftime("%H:%M"),
    ]
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    written = time.monotonic()
    qtbot.waitUntil(lambda: today.list_model.rowCount() == 1, timeout=2_000)
    assert time.monotonic() - written < 2.0
    assert "from the terminal" in today.list_model.index(0, 0).data()

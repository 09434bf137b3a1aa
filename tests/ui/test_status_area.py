"""The Today page's status area: calm at green, reasons and a matched peer at orange, crisis lines first at red."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from tests.helpers.qt import find
from tests.ui.conftest import PASSPHRASE, UI_KDF, unlock
from ui import status_area
from ui.main_window import MainWindow
from wellbeing_app.clock import FixedClock
from wellbeing_app.directory import Profile
from wellbeing_app.services import Services
from wellbeing_app.vault import Vault

ALARMING = ("warning", "risk", "score", "danger", "alert", "diagnos")


def _seed(data_dir: Path, clock: FixedClock, moods: list[int], *, contacts: bool = True) -> None:
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf=UI_KDF)
    services = Services(vault, clock)
    today = clock.now().date()
    for offset, mood in enumerate(reversed(moods)):
        services.checkins.add(mood=mood, day=today - timedelta(days=offset), at="07:30")
    if contacts:
        services.directory.set_profile(Profile.create(experience_tags="ICU;night shifts", languages="en"))
        services.directory.add_private(
            {
                "name": "Sam Okafor",
                "kind": "peer_supporter",
                "phone": "+44 7700 900123",
                "email": "sam@example.org",
                "tags": "ICU;night shifts",
                "languages": "en",
            }
        )
        services.directory.add_private(
            {
                "name": "Dr Lee Debrief Service",
                "kind": "debrief_contact",
                "phone": "+44 20 7946 0000",
                "tags": "ICU",
                "languages": "en",
            }
        )
    vault.lock()


def _open(qtbot: QtBot, make_window: Callable[..., MainWindow], data_dir: Path) -> MainWindow:
    return unlock(qtbot, make_window(data_dir))


def _status_text(window: MainWindow) -> str:
    return find(window, "Status message", QFrame).accessibleDescription()


def test_one_bad_day_is_nothing_alarming(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path, ui_clock: FixedClock
) -> None:
    _seed(tmp_path / "vault", ui_clock, [7, 6, 7, 8, 6, 7, 7, 6, 7, 7, 8, 6, 7, 1])
    window = _open(qtbot, make_window, tmp_path / "vault")
    text = _status_text(window).lower()
    assert "checked in" in text
    assert not any(word in text for word in ALARMING)
    assert window.notifications_sent == 0
    with pytest.raises(LookupError):
        find(window, "Crisis lines", QLabel)


def test_orange_shows_reasons_and_a_matched_peer_one_click_away(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    tmp_path: Path,
    ui_clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _seed(tmp_path / "vault", ui_clock, [3, 4, 3, 6, 4, 3, 5, 4, 3, 4, 6, 3, 4, 3])
    window = _open(qtbot, make_window, tmp_path / "vault")
    text = _status_text(window)
    assert "4 or lower" in text
    assert "Sam Okafor" in text
    assert not any(word in text.lower() for word in ALARMING)
    assert window.notifications_sent == 1  # content-free, once per episode
    opened: list[str] = []
    monkeypatch.setattr(status_area, "open_url", opened.append)
    qtbot.mouseClick(find(window, "Call Sam Okafor", QPushButton), Qt.MouseButton.LeftButton)
    assert opened == ["tel:+447700900123"]
    with pytest.raises(LookupError):
        find(window, "Crisis lines", QLabel)

    # Acknowledged: the banner folds away and stays folded on the next look.
    qtbot.mouseClick(find(window, "Thanks, I've seen this", QPushButton), Qt.MouseButton.LeftButton)
    assert "Sam Okafor" not in _status_text(window)
    window.lock()
    window2 = _open(qtbot, lambda d: window, tmp_path / "vault")
    assert "Sam Okafor" not in _status_text(window2)
    assert window2.notifications_sent == 1


def test_red_puts_crisis_lines_first_and_a_debrief_contact_before_peers(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path, ui_clock: FixedClock
) -> None:
    _seed(tmp_path / "vault", ui_clock, [2, 1, 2, 2, 1, 2, 3, 2, 1, 2])
    window = _open(qtbot, make_window, tmp_path / "vault")
    text = _status_text(window)
    assert text.index("talk to someone now") < text.index("Things seem very hard")
    assert "Dr Lee Debrief Service" in text
    assert text.index("Dr Lee Debrief Service") < text.index("Sam Okafor")
    find(window, "Crisis lines", QLabel)

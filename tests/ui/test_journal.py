"""The Journal page: write, save, search (filter and highlight), edit, delete, drafts across a lock."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from tests.helpers.qt import find
from tests.ui.conftest import PASSPHRASE, unlock
from ui.main_window import MainWindow
from ui.pages.journal import JournalPage


def _journal(window: MainWindow) -> JournalPage:
    assert window.main_area is not None
    window.main_area.show_page(JournalPage)
    page = window.main_area.page(JournalPage)
    assert isinstance(page, JournalPage)
    return page


def _write(qtbot: QtBot, window: MainWindow, title: str, body: str, tags: str = "") -> None:
    qtbot.keyClick(
        find(window, "Search journal", QLineEdit), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.keyClicks(find(window, "Title", QLineEdit), title)
    editor = find(window, "Entry text", QPlainTextEdit)
    ascii_part = body.encode("ascii", "ignore").decode()
    if ascii_part == body:
        qtbot.keyClicks(editor, body)
    else:  # QTest types ASCII only: paste the rest, as a user with another keyboard layout would
        QApplication.clipboard().setText(body)
        qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    if tags:
        qtbot.keyClicks(find(window, "Tags", QLineEdit), tags)
    qtbot.keyClick(
        find(window, "Entry text", QPlainTextEdit), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
    )


def test_write_save_search_and_edit(qtbot: QtBot, unlocked_window: MainWindow) -> None:
    window = unlocked_window
    page = _journal(window)
    _write(
        qtbot,
        window,
        "After the code",
        "The resuscitation did not work. I keep thinking about the family.",
        "ICU",
    )
    assert "Saved" in find(window, "Journal message", QLabel).text()
    clock = window.session.clock
    clock.moment += timedelta(minutes=5)  # type: ignore[attr-defined]
    _write(qtbot, window, "Day off", "Long walk by the river. Café au lait in the sun.")
    entries = find(window, "Journal entries", QListView)
    assert entries.model().rowCount() == 2
    assert entries.model().index(0, 0).data() == "Day off"

    search = find(window, "Search journal", QLineEdit)
    qtbot.keyClicks(search, "CAFE")
    assert entries.model().rowCount() == 1
    assert entries.model().index(0, 0).data() == "Day off"
    search.clear()
    qtbot.keyClicks(search, "family resus")
    assert entries.model().rowCount() == 1
    assert entries.model().index(0, 0).data() == "After the code"
    qtbot.keyClicks(search, " nothinglikethis")
    assert entries.model().rowCount() == 0
    assert "No entries match" in page.list_note.text()
    search.clear()
    qtbot.keyClicks(search, "family")

    qtbot.mouseClick(
        entries.viewport(),
        Qt.MouseButton.LeftButton,
        pos=entries.visualRect(entries.model().index(0, 0)).center(),
    )
    body = find(window, "Entry text", QPlainTextEdit)
    assert body.toPlainText().startswith("The resuscitation")
    # The matched word is highlighted in the editor.
    block = body.document().firstBlock()
    formats = block.layout().formats()
    assert any(f.format.background().color().alpha() > 0 for f in formats)

    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, " Talked to Priya.")
    qtbot.mouseClick(find(window, "Save entry", QPushButton), Qt.MouseButton.LeftButton)
    entries_after = page.services.journal.entries()
    assert len(entries_after) == 2
    edited = next(e for e in entries_after if e.title == "After the code")
    assert edited.body.endswith("Talked to Priya.")
    assert edited.tags == ("ICU",)


def test_delete_asks_for_confirmation(qtbot: QtBot, unlocked_window: MainWindow, monkeypatch: object) -> None:
    window = unlocked_window
    page = _journal(window)
    _write(qtbot, window, "To remove", "Not needed any more.")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)  # type: ignore[attr-defined]
    qtbot.mouseClick(find(window, "Delete entry", QPushButton), Qt.MouseButton.LeftButton)
    assert len(page.services.journal.entries()) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)  # type: ignore[attr-defined]
    qtbot.mouseClick(find(window, "Delete entry", QPushButton), Qt.MouseButton.LeftButton)
    assert page.services.journal.entries() == []


def test_unsaved_entry_survives_lock_as_encrypted_draft(qtbot: QtBot, unlocked_window: MainWindow) -> None:
    window = unlocked_window
    _journal(window)
    qtbot.keyClicks(find(window, "Title", QLineEdit), "Unfinished")
    qtbot.keyClicks(find(window, "Entry text", QPlainTextEdit), "I was about to write that")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    vault_file = window.session.data_dir / "vault.sqlite3"
    for path in vault_file.parent.iterdir():
        if path.is_file():
            assert b"I was about to write" not in path.read_bytes()
    unlock(qtbot, window)
    _journal(window)
    assert find(window, "Entry text", QPlainTextEdit).toPlainText() == "I was about to write that"
    assert find(window, "Title", QLineEdit).text() == "Unfinished"
    assert "unsaved writing is back" in find(window, "Journal message", QLabel).text()


def test_switching_entries_with_unsaved_text_asks(
    qtbot: QtBot, unlocked_window: MainWindow, monkeypatch: object
) -> None:
    window = unlocked_window
    page = _journal(window)
    _write(qtbot, window, "First", "one")
    qtbot.keyClicks(find(window, "Entry text", QPlainTextEdit), " more words")
    asked: list[str] = []

    def answer(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[1]))
        return QMessageBox.StandardButton.Save

    monkeypatch.setattr(QMessageBox, "question", answer)  # type: ignore[attr-defined]
    qtbot.keyClick(
        find(window, "Entry text", QPlainTextEdit), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
    )
    assert asked == ["Unsaved changes"]
    assert page.services.journal.entries()[0].body == "one more words"


def test_a_damaged_entry_is_reported_and_the_rest_stays_readable(
    qtbot: QtBot, make_window: object, tmp_path: object
) -> None:
    import sqlite3
    from pathlib import Path

    from tests.ui.conftest import UI_KDF
    from wellbeing_app.clock import SystemClock
    from wellbeing_app.services import Services
    from wellbeing_app.vault import Vault

    data_dir = Path(str(tmp_path)) / "vault"
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf=UI_KDF)
    services = Services(vault, SystemClock())
    kept = services.journal.add(title="Kept", body="still here")
    broken = services.journal.add(title="Broken", body="will be damaged")
    vault.lock()
    with sqlite3.connect(data_dir / "vault.sqlite3") as db:
        payload = db.execute("SELECT payload FROM records WHERE id = ?", (broken.id,)).fetchone()[0]
        db.execute(
            "UPDATE records SET payload = ? WHERE id = ?",
            (payload[:-1] + bytes([payload[-1] ^ 1]), broken.id),
        )
    window = make_window(data_dir)  # type: ignore[operator]
    unlock(qtbot, window)
    # Said once the Journal page has read its entries, just after Today's first frame.
    qtbot.waitUntil(lambda: "At least 1 record could not be read" in window.statusBar().currentMessage())
    page = _journal(window)
    assert [e.title for e in page.services.journal.entries()] == ["Kept"]
    assert kept.id


def test_search_also_finds_checkin_notes(qtbot: QtBot, unlocked_window: MainWindow) -> None:
    from PySide6.QtWidgets import QListView as ListView

    window = unlocked_window
    page = _journal(window)
    page.services.checkins.add(mood=4, note="Debrief after the code blue helped a little", at="07:00")
    page.services.journal.add(title="Unrelated", body="Walk in the park")
    page.refresh()
    qtbot.keyClicks(find(window, "Search journal", QLineEdit), "debrief")
    button = find(window, "Show matching check-in notes", QPushButton)
    assert "1 check-in note" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = page.checkin_notes_dialog
    listed = find(dialog, "Check-in notes found", ListView)
    assert "Debrief after the code blue" in listed.model().index(0, 0).data()
    dialog.close()


def test_closing_the_window_keeps_unsaved_writing(
    qtbot: QtBot, unlocked_window: MainWindow, make_window: object
) -> None:
    window = unlocked_window
    _journal(window)
    qtbot.keyClicks(find(window, "Entry text", QPlainTextEdit), "written just before closing")
    data_dir = window.session.data_dir
    window.close()
    assert window.session.vault is None
    reopened = make_window(data_dir)  # type: ignore[operator]
    unlock(qtbot, reopened)
    _journal(reopened)
    assert find(reopened, "Entry text", QPlainTextEdit).toPlainText() == "written just before closing"

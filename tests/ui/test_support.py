"""The Support page: crisis strip, suggestions, search and filters, contact detail, import, private contacts."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from tests.helpers.qt import find, shown, toggle
from ui.dialogs import directory_import
from ui.dialogs.crisis import CrisisDialog
from ui.main_window import MainWindow
from ui.pages import support
from ui.pages.support import REACHED_OUT, SupportPage
from wellbeing_app.clock import FixedClock
from wellbeing_app.directory import Profile

HEADER = (
    "id,name,kind,role,organisation,phone,email,url,languages,tags,availability,timezone,notes,last_verified"
)
ROWS = [
    'p-001,Ana Silva,peer_supporter,ICU nurse,"St Mary\'s Hospital, London",+44 20 7946 0001,'
    "ana.silva@example.org,https://example.org/ana,en;pt,ICU;field deployment;night shifts,"
    'Daily 00:00-24:00,Europe/London,"Happy to talk after a hard shift.\nText first if you like.",2026-10-12',
    'p-002,José Martínez,debrief_contact,Debrief lead,"Médecins, Field Team",,jose@example.org,,es;fr,'
    'critical incident;field deployment,"Mon,Wed 18:00-20:00",Europe/Madrid,Runs group debriefs.,2026-10-15',
    "p-003,سارة أحمد,peer_supporter,Paediatric nurse,,+971 4 000 0000,,,ar;en,paediatrics;patient death,,"
    "Asia/Dubai,,",
    "p-004,山田 花子,professional_service,Psychologist,Staff Wellbeing Service,,hanako@example.jp,"
    "https://example.jp/support,ja;en,,,Asia/Tokyo,,2026-09-30",
    "p-005,Grace Mwangi,peer_supporter,Emergency nurse,Kenyatta Hospital,+254 700 000 001,grace@example.ke,,"
    "sw;en,emergency department;night shifts,Daily 00:00-24:00,Africa/Nairobi,,2026-11-01",
]


def csv_text(rows: list[str] = ROWS) -> str:
    return HEADER + "\n" + "\n".join(rows) + "\n"


def _page(window: MainWindow) -> SupportPage:
    assert window.main_area is not None
    assert window.main_area.show_page(SupportPage)
    page = window.main_area.page(SupportPage)
    assert isinstance(page, SupportPage)
    return page


@pytest.fixture
def page(unlocked_window: MainWindow) -> SupportPage:
    """The Support page on a directory of five contacts from org.csv, crisis lines for the UK."""
    page = _page(unlocked_window)
    page.context.preferences.crisis_country = "GB"
    directory = page.directory
    directory.apply_import(directory.plan_import(csv_text(), source_name="org.csv"))
    page.refresh()
    return page


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every link the page hands to the system, instead of dialling or opening a mail client."""
    urls: list[str] = []
    monkeypatch.setattr(support, "open_url", lambda url: urls.append(url) or True)
    return urls


def _names(view: QListView) -> list[str]:
    model = view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _click_contact(qtbot: QtBot, view: QListView, name: str) -> None:
    row = _names(view).index(name)
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _click(qtbot: QtBot, widget: QPushButton) -> None:
    assert widget.isEnabled(), f"{widget.accessibleName()} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_crisis_strip_is_always_there_and_opens_the_lines(qtbot: QtBot, unlocked_window: MainWindow) -> None:
    window = unlocked_window
    page = _page(window)
    page.context.preferences.crisis_country = "GB"
    page.refresh()
    summary = find(window, "Crisis lines summary", QLabel).text()
    assert "Need to talk to someone now?" in summary
    assert "999" in summary and "Samaritans" in summary and "116 123" in summary
    _click(qtbot, find(window, "Show crisis lines", QPushButton))
    qtbot.waitUntil(lambda: page.crisis_dialog is not None and page.crisis_dialog.isVisible())
    dialog = page.crisis_dialog
    assert isinstance(dialog, CrisisDialog) and not dialog.isModal()
    assert dialog.selected_country() == "GB"
    dialog.close()


def test_empty_directory_invites_an_import_and_your_experience(unlocked_window: MainWindow) -> None:
    window = unlocked_window
    _page(window)
    prompt = find(window, "Suggestions note", QLabel).text()
    assert "Import directory" in prompt and "Add private contact" in prompt and "Your experience" in prompt
    assert "appear here" in find(window, "Contacts note", QLabel).text()
    for name in ("Import directory…", "Add private contact", "Your experience…", "Search contacts"):
        assert shown(window, name)


def test_search_filters_as_you_type(qtbot: QtBot, page: SupportPage) -> None:
    window = page.window()
    view = find(window, "Contacts", QListView)
    assert len(_names(view)) == 5
    search = find(window, "Search contacts", QLineEdit)
    qtbot.keyClicks(search, "nig")
    assert _names(view) == ["Ana Silva", "Grace Mwangi"]  # "night shifts" tags
    qtbot.keyClicks(search, "ht shifts ken")
    assert _names(view) == ["Grace Mwangi"]
    search.clear()
    qtbot.keyClicks(search, "jose")  # accents are optional
    assert _names(view) == ["José Martínez"]
    search.clear()
    QApplication.clipboard().setText("سارة")  # QTest types Latin-1 only; paste as a user would
    qtbot.keyClick(search, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert _names(view) == ["سارة أحمد"]
    search.clear()
    qtbot.keyClicks(search, "nobody like this")
    assert not view.isVisible()
    assert "No one matches" in find(window, "Contacts note", QLabel).text()
    search.clear()
    assert len(_names(view)) == 5 and view.isVisible()


def test_kind_language_and_available_now_filters(qtbot: QtBot, page: SupportPage) -> None:
    window = page.window()
    view = find(window, "Contacts", QListView)
    kind = find(window, "Kind", QComboBox)
    assert [kind.itemText(i) for i in range(kind.count())] == [
        "All kinds",
        "Peer supporters",
        "Debrief contacts",
        "Professional services",
    ]
    kind.setCurrentIndex(kind.findText("Debrief contacts"))
    assert _names(view) == ["José Martínez"]
    kind.setCurrentIndex(kind.findText("Peer supporters"))
    assert _names(view) == ["Ana Silva", "Grace Mwangi", "سارة أحمد"]

    language = find(window, "Language", QComboBox)
    offered = [language.itemText(i) for i in range(language.count())]
    assert offered[0] == "All languages"
    assert {"Arabic", "English", "French", "Japanese", "Portuguese", "Spanish", "Swahili"} == set(offered[1:])
    language.setCurrentIndex(language.findText("Arabic"))
    assert _names(view) == ["سارة أحمد"]
    kind.setCurrentIndex(0)
    language.setCurrentIndex(language.findText("English"))
    assert _names(view) == ["Ana Silva", "Grace Mwangi", "سارة أحمد", "山田 花子"]
    toggle(qtbot, find(window, "Available now", QCheckBox))
    assert _names(view) == ["Ana Silva", "Grace Mwangi"]  # the only ones open around the clock
    assert find(window, "Contacts count", QLabel).text() == "2 of 5"


def test_open_the_detail_then_call_and_email(qtbot: QtBot, page: SupportPage, opened: list[str]) -> None:
    window = page.window()
    view = find(window, "Contacts", QListView)
    _click_contact(qtbot, view, "Ana Silva")
    assert find(window, "Contact name", QLabel).text() == "Ana Silva"
    assert "Peer supporter" in find(window, "Contact kind", QLabel).text()
    assert find(window, "Contact source", QLabel).text() == (
        "Source: org.csv (2026-11-25) · last verified 12 Oct 2026"
    )
    assert find(window, "Contact languages", QLabel).text() == "English, Portuguese"
    assert "Available now" in find(window, "Contact availability", QLabel).text()
    assert not shown(window, "Edit") and not shown(window, "Delete")  # imported: changes come from the file

    _click(qtbot, find(window, "Call", QPushButton))
    _click(qtbot, find(window, "Email", QPushButton))
    _click(qtbot, find(window, "Open website", QPushButton))
    assert opened == ["tel:+442079460001", "mailto:ana.silva@example.org", "https://example.org/ana"]
    assert "?" not in opened[1] and "body" not in opened[1]  # the address only, never any of the user's text

    _click_contact(qtbot, view, "José Martínez")
    assert not find(window, "Call", QPushButton).isEnabled()  # no phone number listed
    assert not find(window, "Open website", QPushButton).isEnabled()
    assert find(window, "Email", QPushButton).isEnabled()


def test_copy_details_and_i_reached_out_then_a_gentle_follow_up(
    qtbot: QtBot, page: SupportPage, ui_clock: FixedClock
) -> None:
    window = page.window()
    _click_contact(qtbot, find(window, "Contacts", QListView), "Ana Silva")
    _click(qtbot, find(window, "Copy details", QPushButton))
    copied = QApplication.clipboard().text()
    assert copied.startswith("Ana Silva\nPeer supporter")
    assert "Phone: +44 20 7946 0001" in copied and "Email: ana.silva@example.org" in copied
    assert "Happy to talk" not in copied  # notes stay in the app

    _click(qtbot, find(window, "I reached out", QPushButton))
    assert find(window, "Contact message", QLabel).text() == REACHED_OUT
    assert not shown(window, "It helped")

    ui_clock.moment += timedelta(days=3)
    page.refresh()
    assert "How did it go with Ana Silva?" in find(window, "Follow-up", QLabel).text()
    _click(qtbot, find(window, "It helped", QPushButton))
    assert "glad" in find(window, "Follow-up", QLabel).text()
    assert page.directory.follow_ups_due() == []
    page.refresh()
    assert not shown(window, "Follow-up")


def test_import_a_csv_through_the_dialog(
    qtbot: QtBot, unlocked_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = unlocked_window
    page = _page(window)
    source = tmp_path / "org.csv"
    source.write_bytes(b"\xef\xbb\xbf" + csv_text().encode("utf-8"))  # spreadsheets often add a BOM
    monkeypatch.setattr(directory_import, "choose_directory_file", lambda _parent: source)

    _click(qtbot, find(window, "Import directory…", QPushButton))
    dialog = page.dialog
    assert isinstance(dialog, QDialog)
    import_button = find(dialog, "Import", QPushButton)
    qtbot.waitUntil(import_button.isEnabled, timeout=10_000)
    assert find(dialog, "Import summary", QLabel).text() == "5 new, 0 updated"
    assert not shown(dialog, "Kind for contacts without one")  # only asked for vCards
    _click(qtbot, import_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(
        lambda: shown(window, "Contacts", QListView)
    )  # the page hears of the import and refreshes
    view = find(window, "Contacts", QListView)
    assert _names(view) == ["Ana Silva", "Grace Mwangi", "José Martínez", "سارة أحمد", "山田 花子"]

    # A newer file without Grace: she is kept and marked, never silently deleted.
    source.write_text(csv_text([row for row in ROWS if "Grace" not in row]), encoding="utf-8")
    _click(qtbot, find(window, "Import directory…", QPushButton))
    dialog = page.dialog
    assert isinstance(dialog, QDialog)
    import_button = find(dialog, "Import", QPushButton)
    qtbot.waitUntil(import_button.isEnabled, timeout=10_000)
    assert (
        find(dialog, "Import summary", QLabel).text() == "0 new, 0 updated, 1 no longer listed, 4 unchanged"
    )
    _click(qtbot, import_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: "Grace Mwangi" in _names(view) and not page.stale)
    grace = view.model().index(_names(view).index("Grace Mwangi"), 0)
    assert "no longer listed" in grace.data(Qt.ItemDataRole.AccessibleTextRole)
    _click_contact(qtbot, view, "Grace Mwangi")
    assert "No longer listed in org.csv" in find(window, "Contact listing", QLabel).text()


def test_a_file_with_a_problem_names_the_line_and_field_and_imports_nothing(
    qtbot: QtBot, unlocked_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = unlocked_window
    page = _page(window)
    broken = [*ROWS[:2], ROWS[2].replace(",,,ar;en", ",not-an-email,,ar;en"), *ROWS[3:]]
    source = tmp_path / "team.csv"
    source.write_text(csv_text(broken), encoding="utf-8")
    monkeypatch.setattr(directory_import, "choose_directory_file", lambda _parent: source)
    _click(qtbot, find(window, "Import directory…", QPushButton))
    dialog = page.dialog
    assert isinstance(dialog, QDialog)
    details = find(dialog, "Import details", QLabel, visible=False)
    qtbot.waitUntil(details.isVisible, timeout=10_000)
    assert "Line 5, field 'email'" in details.text()
    assert "Nothing was imported" in details.text()
    assert not find(dialog, "Import", QPushButton).isEnabled()
    _click(qtbot, find(dialog, "Cancel", QPushButton))
    assert page.directory.contacts() == []


def test_add_a_private_contact_after_fixing_the_email(
    qtbot: QtBot, page: SupportPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = page.window()
    _click(qtbot, find(window, "Add private contact", QPushButton))
    editor = page.dialog
    assert isinstance(editor, QDialog) and editor.isVisible()
    qtbot.keyClicks(find(editor, "Name", QLineEdit), "Sam Okoro")
    kind = find(editor, "Kind", QComboBox)
    kind.setCurrentIndex(kind.findText("Debrief contact"))
    qtbot.keyClicks(find(editor, "Phone", QLineEdit), "+44 7700 900123")
    email = find(editor, "Email", QLineEdit)
    qtbot.keyClicks(email, "sam@")
    qtbot.keyClicks(find(editor, "Experience tags", QLineEdit), "critical incident, night shifts")
    qtbot.keyClicks(find(editor, "Availability", QLineEdit), "Mon-Fri 18:00-21:00")
    _click(qtbot, find(editor, "Save contact", QPushButton))

    message = find(editor, "Contact editor message", QLabel).text()
    assert message.startswith("Email: 'sam@' does not look like an email address")
    assert editor.focusWidget() is email and editor.isVisible()
    assert page.directory.contacts(include_unlisted=True)[-1].name != "Sam Okoro"

    email.clear()
    qtbot.keyClicks(email, "sam.okoro@example.org")
    _click(qtbot, find(editor, "Save contact", QPushButton))
    assert not editor.isVisible()
    assert "Sam Okoro" in _names(find(window, "Contacts", QListView))
    assert find(window, "Contact name", QLabel).text() == "Sam Okoro"
    assert find(window, "Contact source", QLabel).text() == "Private contact"
    assert find(window, "Contact experience", QLabel).text() == "critical incident, night shifts"

    # Private contacts can be edited and deleted (after a confirmation).
    _click(qtbot, find(window, "Edit", QPushButton))
    editor = page.dialog
    assert isinstance(editor, QDialog)
    assert find(editor, "Email", QLineEdit).text() == "sam.okoro@example.org"
    _click(qtbot, find(editor, "Cancel", QPushButton))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    _click(qtbot, find(window, "Delete", QPushButton))
    assert "Sam Okoro" in _names(find(window, "Contacts", QListView))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    _click(qtbot, find(window, "Delete", QPushButton))
    assert "Sam Okoro" not in _names(find(window, "Contacts", QListView))


def test_suggested_for_you_matches_your_experience(
    qtbot: QtBot, page: SupportPage, opened: list[str]
) -> None:
    window = page.window()
    _click(qtbot, find(window, "Your experience…", QPushButton))
    editor = page.dialog
    assert isinstance(editor, QDialog)
    qtbot.keyClicks(find(editor, "Your experience tags", QLineEdit), "patient death")
    qtbot.keyClicks(find(editor, "Your languages", QLineEdit), "Arabic")
    country = find(editor, "Your country", QComboBox)
    country.setCurrentIndex(country.findData("IE"))
    _click(qtbot, find(editor, "Save experience", QPushButton))
    assert not editor.isVisible()
    assert page.directory.profile() == Profile.create(
        experience_tags="patient death", languages="Arabic", country="IE"
    )

    qtbot.waitUntil(lambda: shown(window, "Why سارة أحمد"))
    why = find(window, "Why سارة أحمد", QLabel).text()
    assert why.startswith("Has also been through the death of a patient")
    assert "speaks Arabic" in why
    assert not shown(window, "Suggestions note")
    _click(qtbot, find(window, "Call سارة أحمد", QPushButton))
    assert opened == ["tel:+97140000000"]
    _click(qtbot, find(window, "Details for سارة أحمد", QPushButton))
    assert find(window, "Contact name", QLabel).text() == "سارة أحمد"
    # The profile's country now chooses the crisis lines shown.
    assert page.crisis_country() == "IE"

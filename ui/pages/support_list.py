"""The Support page's directory browser: the search and filter row, and the list of who matches.

Views only: the page keeps the contacts and the chosen one, and calls ``matching`` and ``show_found``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from ui import shortcuts
from ui.models.contacts import KIND_FILTERS, ContactCardDelegate, ContactListModel
from ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets import paragraph
from wellbeing_app.directory import Contact, ContactKind, filter_contacts, language_key, language_name


class ContactFilters(QHBoxLayout):
    """Search, kind, language and "available now", with a count of who matches; ``changed`` on any edit.

    A row in the page's column rather than a widget of its own, so it keeps the column's spacing.
    """

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        row = self
        self.search = QLineEdit()
        self.search.setAccessibleName("Search contacts")
        self.search.setPlaceholderText("Search contacts: name, role, organisation or experience")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(shortcuts.with_keys("Search contacts", "search"))
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind")
        for label, kind in KIND_FILTERS:
            self.kind.addItem(label, kind.value if kind else "")
        self.language = QComboBox()
        self.language.setAccessibleName("Language")
        self.language.addItem("All languages", "")
        self.available = QCheckBox("Available now")
        self.available.setAccessibleName("Available now")
        row.addWidget(self.search, 1)
        row.addWidget(self.kind)
        row.addWidget(self.language)
        row.addWidget(self.available)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "subtle")
        self.count_label.setAccessibleName("Contacts count")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance("0000 of 0000"))
        row.addWidget(self.count_label)
        self.search.textChanged.connect(self.changed)
        self.kind.currentIndexChanged.connect(self.changed)
        self.language.currentIndexChanged.connect(self.changed)
        self.available.toggled.connect(self.changed)

    def fill_languages(self, contacts: Sequence[Contact]) -> None:
        """Offer the languages someone in the directory speaks, keeping the one chosen if it is still there."""
        chosen = self.language.currentData()
        names: dict[str, str] = {}
        for contact in contacts:
            for language in contact.languages:
                names.setdefault(language_key(language), language_name(language))
        self.language.blockSignals(True)
        self.language.clear()
        self.language.addItem("All languages", "")
        for key, name in sorted(names.items(), key=lambda item: item[1].casefold()):
            self.language.addItem(name, key)
        self.language.setCurrentIndex(max(0, self.language.findData(chosen)))
        self.language.blockSignals(False)

    def matching(self, contacts: Sequence[Contact], now: Callable[[], datetime]) -> list[Contact]:
        kind = self.kind.currentData()
        return filter_contacts(
            contacts,
            self.search.text(),
            kind=ContactKind(kind) if kind else None,
            language=self.language.currentData() or None,
            available_now_at=now() if self.available.isChecked() else None,
        )

    def show_count(self, found: int, total: int) -> None:
        self.count_label.setText(
            f"{found} of {total}" if found != total else f"{total} contact{'' if total == 1 else 's'}"
        )
        self.count_label.setVisible(total > 0)

    def clear(self) -> None:
        self.search.clear()
        self.kind.setCurrentIndex(0)
        self.language.setCurrentIndex(0)
        self.available.setChecked(False)


class ContactList(QWidget):
    """The contacts that match, as cards, or a note saying why there are none."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        self.model = ContactListModel()
        self.view = QListView()
        self.view.setAccessibleName("Contacts")
        self.view.setModel(self.model)
        self.view.setItemDelegate(ContactCardDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformItemSizes(True)
        self.view.setMouseTracking(True)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setMinimumWidth(280)
        layout.addWidget(self.view, 1)
        self.note = paragraph("", subtle=True)
        self.note.setAccessibleName("Contacts note")
        layout.addWidget(self.note)
        layout.addStretch(0)

    def show_found(self, found: list[Contact], total: int, current: Contact | None) -> None:
        """Show who matches, keeping the chosen contact selected when they are among them."""
        self.model.set_contacts(found)
        if current is not None:
            self.select(current, scroll=False)
        self.view.setVisible(bool(found))
        self.note.setVisible(not found)
        self.note.setText(
            "No one matches. Try fewer words, or clear a filter."
            if total
            else "Imported and private contacts will appear here."
        )

    def select(self, contact: Contact, *, scroll: bool = True) -> None:
        row = self.model.row_of(contact.record_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))
            if scroll:
                self.view.scrollTo(self.model.index(row))

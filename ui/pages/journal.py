"""Journal: the list of entries (newest first, searchable as you type) beside the editor."""

from __future__ import annotations

from datetime import date
from typing import Any

from ui import shortcuts
from ui.dialogs.checkin_notes import CheckinNotesDialog
from ui.models.journal import EntryRole, JournalEntryDelegate, JournalFilter, JournalListModel
from ui.pages.base import PageContext, VaultPage
from ui.pages.journal_editor import JournalEditor
from ui.qt import (
    QAbstractItemView,
    QFocusEvent,
    QHBoxLayout,
    QItemSelectionModel,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QModelIndex,
    QPushButton,
    QSplitter,
    QTimer,
    QVBoxLayout,
    QWidget,
    pydate,
    qdate,
)
from ui.widgets import confirm_delete, heading
from wellbeing_app import checkins, journal
from wellbeing_app.errors import InvalidInput
from wellbeing_app.journal import JournalEntry
from wellbeing_app.textsearch import query_words

DRAFT_SLOT = "journal-editor"
DRAFT_DELAY_MS = 2_000


class JournalPage(VaultPage):
    nav_title = "Journal"
    icon_name = "journal"
    shows_kinds = frozenset({journal.KIND, checkins.KIND})  # search also finds check-in notes

    def __init__(self, context: PageContext) -> None:
        super().__init__(context)
        self.services = context.services
        self.current: JournalEntry | None = None
        self.dirty = False
        self._loading = False
        self._baseline: tuple[str, str, str, str] = ("", "", "", "")

        splitter = QSplitter()
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_editor())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([340, 560])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.addWidget(heading("Journal"))
        outer.addWidget(splitter, 1)

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_state)
        for signal in (
            self.title.textChanged,
            self.body.textChanged,
            self.tags.field.textChanged,
            self.day.dateChanged,
        ):
            signal.connect(self._edited)
        shortcuts.install("save_entry", self, self.save_entry)
        shortcuts.install("search", self, self.focus_search)

        self.model.set_entries(self.services.journal.entries())
        self._update_empty_state()
        if not self._restore_draft():
            self.new_entry()

    # -- building ----------------------------------------------------------------------------------------------
    def _build_list(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 8, 0)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setAccessibleName("Search journal")
        self.search.setPlaceholderText("Search journal")
        self.search.setClearButtonEnabled(True)
        row.addWidget(self.search, 1)
        self.new_button = QPushButton("New entry")
        self.new_button.setAccessibleName("New entry")
        self.new_button.setToolTip(shortcuts.with_keys("New entry", "new_entry"))
        row.addWidget(self.new_button)
        layout.addLayout(row)
        self.model = JournalListModel()
        self.proxy = JournalFilter()
        self.proxy.setSourceModel(self.model)
        self.list_view = QListView()
        self.list_view.setAccessibleName("Journal entries")
        self.list_view.setModel(self.proxy)
        self.list_view.setItemDelegate(JournalEntryDelegate(self.list_view))
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setUniformItemSizes(True)
        layout.addWidget(self.list_view, 1)
        self.list_note = QLabel()
        self.list_note.setProperty("role", "subtle")
        self.list_note.setWordWrap(True)
        layout.addWidget(self.list_note)
        self.checkin_hits_button = QPushButton()
        self.checkin_hits_button.setAccessibleName("Show matching check-in notes")
        self.checkin_hits_button.setFlat(True)
        self.checkin_hits_button.hide()
        self.checkin_hits_button.clicked.connect(self.show_checkin_hits)
        layout.addWidget(self.checkin_hits_button)
        self.search.textChanged.connect(self._filter)
        self.new_button.clicked.connect(self.new_entry)
        self.list_view.selectionModel().currentChanged.connect(self._selection_changed)
        return panel

    def _build_editor(self) -> QWidget:
        editor = JournalEditor()
        self.title, self.day, self.body, self.tags = editor.title, editor.day, editor.body, editor.tags
        self.highlighter, self.message = editor.highlighter, editor.message
        self.delete_button, self.save_button = editor.delete_button, editor.save_button
        self.delete_button.clicked.connect(self.delete_entry)
        self.save_button.clicked.connect(self.save_entry)
        return editor

    def refresh(self) -> None:
        if self.current is not None and not self.dirty:  # an import may have replaced the open entry
            latest = self.services.journal.get(self.current.id)
            if latest is not None:
                self._load(latest)
        self.model.set_entries(self.services.journal.entries())
        self._filter(self.search.text())  # which also updates the counts (a search of check-in notes)

    # -- list and search ---------------------------------------------------------------------------------------
    def _filter(self, text: str) -> None:
        words = query_words(text)
        self.model.search_words = words
        # Filtering moves the view's current row; that must never switch the entry being edited.
        self._loading = True
        try:
            self.proxy.set_ids(self.services.search.matching_ids(text, "journal") if words else None)
        finally:
            self._loading = False
        self._select(self.current.id if self.current else None)
        self.highlighter.set_words(words)
        self._update_empty_state()
        self.list_view.viewport().update()

    def _update_empty_state(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if total == 0:
            self.list_note.setText("Your entries will appear here.")
        elif self.model.search_words:
            self.list_note.setText(
                f"{shown} of {total} entries match."
                if shown
                else "No entries match. Try fewer or other words."
            )
        else:
            self.list_note.setText(f"{total} entr{'y' if total == 1 else 'ies'}")
        notes = (
            len(self.services.search.matching_ids(self.search.text(), "checkin"))
            if self.model.search_words
            else 0
        )
        self.checkin_hits_button.setText(
            f"Also in {notes} check-in note{'s' if notes != 1 else ''}: show them" if notes else ""
        )
        self.checkin_hits_button.setVisible(bool(notes))

    def show_checkin_hits(self) -> None:
        """Search covers check-in notes too; they open in their own list, as they are not journal entries."""
        query = self.search.text()
        hits = self.services.search.search(query, kinds=("checkin",))
        self.checkin_notes_dialog = CheckinNotesDialog(query, hits, self)
        self.checkin_notes_dialog.open()

    def _selection_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._loading or not current.isValid():
            return
        entry = current.data(EntryRole)
        if not isinstance(entry, JournalEntry) or (self.current is not None and entry.id == self.current.id):
            return
        if not self._resolve_unsaved():
            self._select(self.current.id if self.current else None)
            return
        self._load(entry)

    def _select(self, entry_id: str | None) -> None:
        self._loading = True
        try:
            selection = self.list_view.selectionModel()
            row = self.model.row_of(entry_id) if entry_id else -1
            index = self.proxy.mapFromSource(self.model.index(row)) if row >= 0 else QModelIndex()
            if index.isValid():
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            else:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
        finally:
            self._loading = False

    # -- editor -------------------------------------------------------------------------------------------------
    def _snapshot(self) -> tuple[str, str, str, str]:
        return (
            self.title.text(),
            self.body.toPlainText(),
            self.tags.field.text(),
            self.day.date().toString(),
        )

    def _edited(self) -> None:
        """Dirty means the fields differ from what was loaded (search highlighting also emits textChanged)."""
        if self._loading:
            return
        self.dirty = self._snapshot() != self._baseline
        if self.dirty:
            self._draft_timer.start()

    def _fill(self, entry_date: date, title: str, body: str, tags: list[str] | tuple[str, ...]) -> None:
        self._loading = True
        try:
            self.day.setMaximumDate(qdate(self.context.clock.now().date()))
            self.day.setDate(qdate(entry_date))
            self.title.setText(title)
            self.body.setPlainText(body)
            self.tags.set_tags(tags)
        finally:
            self._loading = False
        self._baseline = self._snapshot()

    def _load(self, entry: JournalEntry) -> None:
        self.current = entry
        self._fill(entry.date, entry.title, entry.body, entry.tags)
        self.dirty = False
        self.delete_button.setEnabled(True)
        self.message.hide()

    def new_entry(self) -> None:
        if not self._resolve_unsaved():
            return
        self.current = None
        self._fill(self.context.clock.now().date(), "", "", ())
        self.dirty = False
        self.delete_button.setEnabled(False)
        self._select(None)
        self.message.hide()
        self.body.setFocus()

    def _resolve_unsaved(self) -> bool:
        """Ask before unsaved writing would be replaced: save, discard, or stay."""
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            "You have unsaved writing in this entry. Save it first?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save_entry()
        if answer == QMessageBox.StandardButton.Discard:
            self.dirty = False
            self.services.drafts.clear(DRAFT_SLOT)
            return True
        return False

    def save_entry(self) -> bool:
        values: dict[str, Any] = {
            "body": self.body.toPlainText(),
            "title": self.title.text(),
            "tags": self.tags.tags(),
            "day": pydate(self.day.date()),
        }
        try:
            if self.current is None:
                entry = self.services.journal.build(**values)
                self.services.journal.save(entry)
            else:
                entry = self.services.journal.build(**values, record_id=self.current.id)
                self.services.journal.save(entry)
        except InvalidInput as error:
            self._say(str(error))
            return False
        self.current = entry
        self.dirty = False
        self._baseline = self._snapshot()
        self._draft_timer.stop()
        self.services.drafts.clear(DRAFT_SLOT)
        self.tags.add_suggestions(entry.tags)
        self.model.upsert(entry)
        if self.model.search_words:
            self._filter(self.search.text())
        self._select(entry.id)
        self.delete_button.setEnabled(True)
        self._update_empty_state()
        self._say("Saved.")
        return True

    def delete_entry(self) -> None:
        if self.current is None:
            return
        if not confirm_delete(
            self, "Delete entry", f"Delete “{self.current.display_title}”? This cannot be undone."
        ):
            return
        self.services.journal.delete(self.current.id)
        self.model.remove(self.current.id)
        self.dirty = False
        self.services.drafts.clear(DRAFT_SLOT)
        self.current = None
        self.new_entry()
        self._update_empty_state()
        self._say("Entry deleted.")

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    # -- drafts -------------------------------------------------------------------------------------------------
    def save_state(self) -> None:
        self._draft_timer.stop()
        if not self.dirty:
            self.services.drafts.clear(DRAFT_SLOT)  # typed and then undone: nothing to bring back
            return
        self.services.drafts.save(
            DRAFT_SLOT,
            {
                "entry_id": self.current.id if self.current else None,
                "title": self.title.text(),
                "body": self.body.toPlainText(),
                "tags": self.tags.field.text(),
                "date": pydate(self.day.date()).isoformat(),
            },
        )

    def _restore_draft(self) -> bool:
        draft = self.services.drafts.load(DRAFT_SLOT)
        if not draft:
            return False
        entry_id = draft.get("entry_id")
        self.current = self.services.journal.get(str(entry_id)) if entry_id else None
        try:
            day = date.fromisoformat(str(draft.get("date")))
        except ValueError:
            day = self.context.clock.now().date()
        self._fill(day, str(draft.get("title") or ""), str(draft.get("body") or ""), ())
        self._loading = True
        self.tags.field.setText(str(draft.get("tags") or ""))
        self._loading = False
        self.dirty = True
        self._baseline = ("\0", "", "", "")  # a restored draft stays unsaved until it is saved or discarded
        self.delete_button.setEnabled(self.current is not None)
        self._select(self.current.id if self.current else None)
        self._say("Your unsaved writing is back, just as you left it.")
        return True

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.body.setFocus()

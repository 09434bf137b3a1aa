"""The Journal page's editor: title, date, text (with search highlighting), tags, and Save / Delete."""

from __future__ import annotations

from ui import shortcuts
from ui.highlighter import SearchHighlighter
from ui.qt import QDateEdit, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget
from ui.tag_input import TagInput
from ui.widgets import inline_message, primary_button
from wellbeing_app.tags import SUGGESTED_TAGS


class JournalEditor(QWidget):
    """Widgets only; the page decides what saving, deleting and drafts mean."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        top = QHBoxLayout()
        self.title = QLineEdit()
        self.title.setAccessibleName("Title")
        self.title.setPlaceholderText("Title (optional)")
        self.day = QDateEdit()
        self.day.setAccessibleName("Entry date")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("d MMM yyyy")
        top.addWidget(self.title, 1)
        top.addWidget(self.day)
        layout.addLayout(top)
        self.body = QPlainTextEdit()
        self.body.setAccessibleName("Entry text")
        self.body.setTabChangesFocus(True)  # Tab moves on to the tags, as in every other field
        self.body.setPlaceholderText("Write whatever is on your mind. Only you can read this.")
        self.highlighter = SearchHighlighter(self.body.document())
        layout.addWidget(self.body, 1)
        tags_row = QHBoxLayout()
        tags_label = QLabel("Tags")
        self.tags = TagInput(SUGGESTED_TAGS)
        tags_label.setBuddy(self.tags.field)
        tags_row.addWidget(tags_label)
        tags_row.addWidget(self.tags, 1)
        layout.addLayout(tags_row)
        row = QHBoxLayout()
        self.message = inline_message("Journal message")
        row.addWidget(self.message, 1)
        row.addStretch(1)
        self.delete_button = QPushButton("Delete…")
        self.delete_button.setAccessibleName("Delete entry")
        row.addWidget(self.delete_button)
        self.save_button = primary_button("Save entry")
        self.save_button.setToolTip(shortcuts.with_keys("Save", "save_entry"))
        row.addWidget(self.save_button)
        layout.addLayout(row)

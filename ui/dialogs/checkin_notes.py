"""Check-in notes that match a journal search, listed by date with the words in context."""

from __future__ import annotations

from ui.dates import weekday_date
from ui.qt import QDialog, QListView, QStringListModel, QVBoxLayout, QWidget
from ui.widgets import close_buttons, heading, paragraph
from wellbeing_app.search import SearchHit


def hit_line(hit: SearchHit) -> str:
    return f"{weekday_date(hit.date)} · {hit.title.removeprefix('Check-in ')}\n{hit.snippet}"


class CheckinNotesDialog(QDialog):
    def __init__(self, query: str, hits: list[SearchHit], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Check-in notes")
        self.setAccessibleName("Check-in notes")
        self.resize(560, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Check-in notes", level=2))
        layout.addWidget(
            paragraph(f"Notes from your check-ins that mention “{query}”, newest first.", subtle=True)
        )
        self.model = QStringListModel([hit_line(hit) for hit in hits])
        view = QListView()
        view.setAccessibleName("Check-in notes found")
        view.setModel(self.model)
        view.setWordWrap(True)
        view.setAlternatingRowColors(True)
        view.setSpacing(4)
        layout.addWidget(view, 1)
        layout.addWidget(close_buttons(self))

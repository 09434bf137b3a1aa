"""Journal entries for the list: newest first, filtered by search, drawn as a title over a subtle line."""

from __future__ import annotations

from typing import Any

from ui.dates import weekday_date
from ui.qt import (
    QAbstractListModel,
    QFont,
    QModelIndex,
    QPainter,
    QPalette,
    QPersistentModelIndex,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
)
from wellbeing_app.journal import JournalEntry
from wellbeing_app.textsearch import snippet

EntryRole = Qt.ItemDataRole.UserRole + 1
DetailRole = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


class JournalListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._entries: list[JournalEntry] = []
        self.search_words: list[str] = []

    def set_entries(self, entries: list[JournalEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.display_title
        if role == DetailRole:
            when = weekday_date(entry.date)
            if self.search_words:
                return f"{when} · {snippet(entry.body, self.search_words, 90)}"
            return f"{when} · {', '.join(entry.tags)}" if entry.tags else when
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{entry.display_title}, {entry.date:%d %B %Y}"
        if role == EntryRole:
            return entry
        return None

    def row_of(self, entry_id: str) -> int:
        return next((row for row, e in enumerate(self._entries) if e.id == entry_id), -1)

    def upsert(self, entry: JournalEntry) -> int:
        """Put a saved entry in its place (newest first) without resetting the whole list."""
        row = self.row_of(entry.id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._entries[row]
            self.endRemoveRows()
        key = (entry.date, entry.updated_at, entry.id)
        position = next(
            (i for i, e in enumerate(self._entries) if (e.date, e.updated_at, e.id) < key), len(self._entries)
        )
        self.beginInsertRows(QModelIndex(), position, position)
        self._entries.insert(position, entry)
        self.endInsertRows()
        return position

    def remove(self, entry_id: str) -> None:
        row = self.row_of(entry_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._entries[row]
            self.endRemoveRows()


class JournalFilter(QSortFilterProxyModel):
    """Shows only the entries whose ids the search index matched; everything when not searching."""

    def __init__(self) -> None:
        super().__init__()
        self._ids: set[str] | None = None

    def set_ids(self, ids: set[str] | None) -> None:
        self.beginFilterChange()
        self._ids = ids
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._ids is None:
            return True
        entry = self.sourceModel().index(source_row, 0, source_parent).data(EntryRole)
        return isinstance(entry, JournalEntry) and entry.id in self._ids


class JournalEntryDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option_text = option.text
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        option.text = option_text
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        title_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        detail_colour = title_colour if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        rect = QRectF(option.rect).adjusted(10, 6, -10, -6)
        painter.save()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(title_colour)
        line = rect.height() / 2
        title = painter.fontMetrics().elidedText(
            str(index.data()), Qt.TextElideMode.ElideRight, int(rect.width())
        )
        painter.drawText(
            QRectF(rect.left(), rect.top(), rect.width(), line), Qt.AlignmentFlag.AlignVCenter, title
        )
        painter.setFont(option.font)
        painter.setPen(detail_colour)
        detail = painter.fontMetrics().elidedText(
            str(index.data(DetailRole) or ""), Qt.TextElideMode.ElideRight, int(rect.width())
        )
        painter.drawText(
            QRectF(rect.left(), rect.top() + line, rect.width(), line), Qt.AlignmentFlag.AlignVCenter, detail
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        height = option.fontMetrics.height()
        return QSize(200, height * 2 + 18)

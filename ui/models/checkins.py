"""Today's check-ins as a list model: time, the scales in words, tags and the start of the note."""

from __future__ import annotations

from typing import Any

from ui.qt import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from wellbeing_app.checkins import CheckIn

CheckInRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def describe(checkin: CheckIn) -> str:
    parts = [f"{checkin.time:%H:%M}", f"mood {checkin.mood}"]
    if checkin.energy is not None:
        parts.append(f"energy {checkin.energy}")
    if checkin.stress is not None:
        parts.append(f"stress {checkin.stress}")
    if checkin.sleep_hours is not None:
        parts.append(f"slept {checkin.sleep_hours:g} h")
    line = " · ".join(parts)
    if checkin.tags:
        line += " · " + ", ".join(checkin.tags)
    note = checkin.note.strip().splitlines()[0] if checkin.note.strip() else ""
    if note:
        line += f"\n{note[:100]}{'…' if len(note) > 100 else ''}"
    return line


class CheckInListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._items: list[CheckIn] = []

    def set_checkins(self, checkins: list[CheckIn]) -> None:
        self.beginResetModel()
        self._items = list(checkins)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        checkin = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return describe(checkin)
        if role == CheckInRole:
            return checkin
        return None

    def checkin_at(self, row: int) -> CheckIn | None:
        return self._items[row] if 0 <= row < len(self._items) else None

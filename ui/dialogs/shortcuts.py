"""Help → Keyboard shortcuts: the table in ``ui.shortcuts``, shown as it is."""

from __future__ import annotations

from ui.qt import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QStandardItem,
    QStandardItemModel,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from ui.shortcuts import SHORTCUTS, all_keys
from ui.widgets import close_buttons, heading, paragraph

COLUMNS = ("Keys", "What it does", "Where")


def shortcuts_model() -> QStandardItemModel:
    model = QStandardItemModel(0, len(COLUMNS))
    model.setHorizontalHeaderLabels(list(COLUMNS))
    for shortcut in SHORTCUTS:
        row = [
            QStandardItem(all_keys(shortcut.name)),
            QStandardItem(shortcut.action),
            QStandardItem(shortcut.where),
        ]
        for item in row:
            item.setEditable(False)
        model.appendRow(row)
    return model


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        self.resize(660, 580)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Keyboard shortcuts", level=2))
        layout.addWidget(
            paragraph(
                "Tab and Shift+Tab move between controls; Space or Enter presses a button; the arrow keys "
                "or a typed number set a scale. Menus open with Alt and their underlined letter.",
                subtle=True,
            )
        )
        self.model = shortcuts_model()
        self.table = QTableView()
        self.table.setAccessibleName("Keyboard shortcuts list")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTabKeyNavigation(False)
        layout.addWidget(self.table, 1)
        layout.addWidget(close_buttons(self))

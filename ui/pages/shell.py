"""The unlocked app: navigation on the left, the chosen page on the right."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from resources import resource_path
from ui import shortcuts
from ui.pages.base import PageContext, VaultPage
from ui.qt import (
    QHBoxLayout,
    QIcon,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSize,
    QStackedWidget,
    QTimer,
    QWidget,
)
from ui.widgets import quiet_scroll_area

PageFactory = Callable[[PageContext], VaultPage]
NAVIGATION_SHORTCUTS = ("today", "journal", "trends", "support", "settings")
P = TypeVar("P", bound=VaultPage)


def page_factories() -> list[PageFactory]:
    """Pages in navigation order; each appears once the work that builds it has landed."""
    from ui.pages.journal import JournalPage
    from ui.pages.settings import SettingsPage
    from ui.pages.support import SupportPage
    from ui.pages.today import TodayPage
    from ui.pages.trends import TrendsPage

    return [TodayPage, JournalPage, TrendsPage, SupportPage, SettingsPage]


class MainArea(QWidget):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.navigation = QListWidget()
        self.navigation.setObjectName("Navigation")
        self.navigation.setAccessibleName("Navigation")
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setSpacing(2)
        self.navigation.setFixedWidth(190)
        self.stack = QStackedWidget()
        self.pages: list[VaultPage] = []
        for factory in page_factories():
            page = factory(context)
            for area in page.findChildren(QScrollArea):
                if area.parentWidget() is page:  # the page's own scroll area, around all its controls
                    quiet_scroll_area(area)
            self.pages.append(page)
            self.stack.addWidget(page)
            item = QListWidgetItem(page.nav_title)
            item.setSizeHint(QSize(0, 40))
            icon_path = resource_path("icons", f"{page.icon_name}.svg")
            if icon_path.exists():
                item.setIcon(QIcon(str(icon_path)))
            self.navigation.addItem(item)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.navigation.currentRowChanged.connect(self._show)
        self.navigation.setCurrentRow(0)
        context.changes.records_changed.connect(self._records_changed)
        self._install_shortcuts()

    def _install_shortcuts(self) -> None:
        """Ctrl+1…5 open the pages in navigation order (Ctrl+1 lands on the check-in); Ctrl+N starts an entry."""
        for row, name in enumerate(NAVIGATION_SHORTCUTS):
            shortcuts.install(name, self, functools.partial(self.open_row, row))
        shortcuts.install("new_entry", self, self.new_journal_entry)

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.navigation.setCurrentRow(row)
            self.pages[row].setFocus()

    def new_journal_entry(self) -> None:
        from ui.pages.journal import JournalPage

        if self.show_page(JournalPage):
            page = self.page(JournalPage)
            assert page is not None
            page.new_entry()
            page.title.setFocus()

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.stack.setCurrentIndex(row)
            self.pages[row].refresh_if_stale()
            self.pages[row].page_shown()

    def _records_changed(self, kinds: frozenset[str]) -> None:
        """Pages showing a changed kind are marked; the one on screen refreshes once the change is done."""
        for page in self.pages:
            if page.shows_kinds & kinds:
                page.stale = True
        current = self.current_page()
        if current is not None and current.stale:
            QTimer.singleShot(0, current, current.refresh_if_stale)

    def current_page(self) -> VaultPage | None:
        row = self.navigation.currentRow()
        return self.pages[row] if 0 <= row < len(self.pages) else None

    def show_page(self, page_type: type[VaultPage]) -> bool:
        for row, page in enumerate(self.pages):
            if type(page) is page_type:
                self.navigation.setCurrentRow(row)
                return True
        return False

    def page(self, page_type: type[P]) -> P | None:
        return next((p for p in self.pages if isinstance(p, page_type)), None)

    def save_state(self) -> None:
        for page in self.pages:
            page.save_state()

"""The unlocked app: navigation on the left, the chosen page on the right."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from resources import resource_path
from ui import shortcuts
from ui.pages.base import PageContext, VaultPage
from ui.preload import run_after_first_paint
from ui.qt import (
    QHBoxLayout,
    QIcon,
    QListWidget,
    QListWidgetItem,
    QSize,
    QStackedWidget,
    QTimer,
    QWidget,
    is_alive,
)

PageFactory = type[VaultPage]
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
    """The navigation and the pages. Only the first page (Today) is built before the first frame after unlock;
    the others are built one per turn of the event loop once it has painted, or at once when asked for
    (navigation, ``page()``), so Unlock → Today does not wait for pages that are not on screen (issue 15).

    ``on_build_error`` is told when a page cannot be built (the window then locks again: fail closed); without
    it the error propagates.
    """

    def __init__(
        self, context: PageContext, on_build_error: Callable[[Exception], None] | None = None
    ) -> None:
        super().__init__()
        self.context = context
        # Set once built: a page that fails while this is being built fails the construction itself.
        self._on_build_error: Callable[[Exception], None] | None = None
        self.navigation = QListWidget()
        self.navigation.setObjectName("Navigation")
        self.navigation.setAccessibleName("Navigation")
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setSpacing(2)
        self.navigation.setFixedWidth(190)
        self.stack = QStackedWidget()
        self._factories = page_factories()
        self._built: list[VaultPage | None] = [None] * len(self._factories)
        self._observers: list[Callable[[VaultPage], None]] = []
        for factory in self._factories:
            item = QListWidgetItem(factory.nav_title)
            item.setSizeHint(QSize(0, 40))
            icon_path = resource_path("icons", f"{factory.icon_name}.svg")
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
        first = self._built[0]
        if first is not None:
            run_after_first_paint(first, self._build_rest)
        context.changes.records_changed.connect(self._records_changed)
        self._install_shortcuts()
        self._on_build_error = on_build_error

    # -- building the pages -------------------------------------------------------------------------------------
    def on_page_built(self, observer: Callable[[VaultPage], None]) -> None:
        """Call ``observer`` with every page, those already built first, the others as they are built."""
        self._observers.append(observer)
        for page in self.built_pages():
            observer(page)

    def built_pages(self) -> list[VaultPage]:
        return [page for page in self._built if page is not None]

    @property
    def pages(self) -> list[VaultPage]:
        """Every page, in navigation order (building those not built yet)."""
        return [page for row in range(len(self._factories)) if (page := self._page_at(row)) is not None]

    def _page_at(self, row: int) -> VaultPage | None:
        """The page of ``row``, built now if need be; None when building it failed (and was reported)."""
        page = self._built[row]
        if page is not None:
            return page
        try:
            page = self._factories[row](self.context)
        except Exception as error:
            if self._on_build_error is None:
                raise
            self._on_build_error(error)
            return None
        self._built[row] = page
        self.stack.addWidget(page)
        for observer in self._observers:
            observer(page)
        return page

    def _build_rest(self) -> None:
        """One page per turn of the event loop, so the window stays responsive while they are built."""
        if self.context.vault.is_locked or not is_alive(self):
            return
        row = next((row for row, page in enumerate(self._built) if page is None), None)
        if row is not None and self._page_at(row) is not None:
            QTimer.singleShot(0, self, self._build_rest)

    def _install_shortcuts(self) -> None:
        """Ctrl+1…5 open the pages in navigation order (Ctrl+1 lands on the check-in); Ctrl+N starts an entry."""
        for row, name in enumerate(NAVIGATION_SHORTCUTS):
            shortcuts.install(name, self, functools.partial(self.open_row, row))
        shortcuts.install("new_entry", self, self.new_journal_entry)

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self._factories):
            self.navigation.setCurrentRow(row)
            page = self._built[row]
            if page is not None:
                page.setFocus()

    def new_journal_entry(self) -> None:
        from ui.pages.journal import JournalPage

        if self.show_page(JournalPage):
            page = self.page(JournalPage)
            assert page is not None
            page.new_entry()
            page.title.setFocus()

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self._factories):
            return
        page = self._page_at(row)
        if page is not None:
            self.stack.setCurrentWidget(page)
            page.refresh_if_stale()
            page.page_shown()

    def _records_changed(self, kinds: frozenset[str]) -> None:
        """Pages showing a changed kind are marked (a page not built yet reads them when it is); the one on
        screen refreshes once the change is done."""
        for page in self.built_pages():
            if page.shows_kinds & kinds:
                page.stale = True
        current = self.current_page()
        if current is not None and current.stale:
            QTimer.singleShot(0, current, current.refresh_if_stale)

    def current_page(self) -> VaultPage | None:
        row = self.navigation.currentRow()
        return self._built[row] if 0 <= row < len(self._built) else None

    def show_page(self, page_type: type[VaultPage]) -> bool:
        for row, factory in enumerate(self._factories):
            if factory is page_type:
                self.navigation.setCurrentRow(row)
                return self._built[row] is not None
        return False

    def page(self, page_type: type[P]) -> P | None:
        """The page of that type, built now if need be."""
        for row, factory in enumerate(self._factories):
            if issubclass(factory, page_type):
                page = self._page_at(row)
                return page if isinstance(page, page_type) else None
        return None

    def save_state(self) -> None:
        for page in self.built_pages():
            page.save_state()

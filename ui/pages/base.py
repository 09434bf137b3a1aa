"""What every page shown after unlock receives, and how it hears that the records it shows have changed."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from ui.changes import ChangeHub
from ui.preferences import Preferences
from ui.qt import QScrollArea, QVBoxLayout, QWidget
from ui.session import VaultSession
from ui.widgets import quiet_scroll_area
from wellbeing_app.clock import Clock
from wellbeing_app.services import Services
from wellbeing_app.vault import Vault


@dataclass
class PageContext:
    session: VaultSession
    vault: Vault
    clock: Clock
    preferences: Preferences
    services: Services
    changes: ChangeHub


class VaultPage(QWidget):
    """A page of the unlocked app. Built fresh at each unlock, so no decrypted text outlives a lock.

    ``shows_kinds`` names the record kinds the page displays. When one of them changes, the page is marked
    stale and refreshed once: at once if it is on screen, else when the user opens it. Any call of
    ``refresh()`` (a subclass's own included) clears the mark, so a page that refreshed itself after its own
    save is not refreshed again for the same change.
    """

    nav_title = ""
    icon_name = ""
    shows_kinds: ClassVar[frozenset[str]] = frozenset()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = cls.__dict__.get("refresh")
        if own is not None:
            cls.refresh = _counted(own)  # type: ignore[method-assign]

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.stale = False
        self.refresh_count = 0

    def save_state(self) -> None:
        """Keep anything typed but not saved (as an encrypted draft) before locking or closing."""

    def refresh(self) -> None:
        """Reload what the page shows from the vault."""

    def refresh_if_stale(self) -> None:
        # A refresh queued just before a lock finds the vault locked: the page is on its way out.
        if self.stale and not self.context.vault.is_locked:
            self.refresh()

    def page_shown(self) -> None:
        """Called when the user navigates here."""

    def scroll_content(self, content: QWidget) -> None:
        """Fill the page with ``content`` in a scroll area, so large text or a small window scrolls rather than
        squeezes it. The area is no Tab stop of its own: each control scrolls into view as Tab reaches it."""
        scroll = quiet_scroll_area(QScrollArea())
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)


def _counted(refresh: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(refresh)
    def wrapper(self: VaultPage, *args: Any, **kwargs: Any) -> Any:
        self.stale = False
        self.refresh_count += 1
        return refresh(self, *args, **kwargs)

    return wrapper

"""What every page shown after unlock receives, and the hook it gets before the vault locks."""

from __future__ import annotations

from dataclasses import dataclass

from ui.preferences import Preferences
from ui.qt import QWidget
from ui.session import VaultSession
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


class VaultPage(QWidget):
    """A page of the unlocked app. Built fresh at each unlock, so no decrypted text outlives a lock."""

    nav_title = ""
    icon_name = ""

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context

    def save_state(self) -> None:
        """Keep anything typed but not saved (as an encrypted draft) before locking or closing."""

    def refresh(self) -> None:
        """Reload what the page shows from the vault (after an import)."""

    def page_shown(self) -> None:
        """Called when the user navigates here."""

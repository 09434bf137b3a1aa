"""What the window says when something goes wrong: calm, and pointing to what helps."""

from __future__ import annotations

from pathlib import Path

from wellbeing_app import __version__
from wellbeing_app.backup import list_backups
from wellbeing_app.errors import AuthenticationFailed, WellbeingError
from wellbeing_app.services import Services

APP_TITLE = "Wellbeing Check-in"
UNLOCK_WENT_WRONG = (
    "Your vault opened, but part of it could not be read, so it was locked again to keep it safe. Nothing was "
    "changed. File → Restore… puts a backup back; 'wellbeing-app salvage' rescues the records that still read."
)


def newest_backup_hint(data_dir: Path) -> str:
    """One sentence naming the newest backup, for messages about a damaged vault; empty when there is none."""
    backups = [info for info in list_backups(data_dir) if info.made_at is not None]
    if not backups:
        return ""
    made = backups[0].made_at
    assert made is not None
    return f" Your newest backup is from {made:%d %b %Y, %H:%M}: File → Restore… offers it."


def friendly_error(error: BaseException) -> str:
    if isinstance(error, AuthenticationFailed):
        return "That passphrase didn't open the vault. Take your time and try again."
    if isinstance(error, WellbeingError):
        return str(error)
    return "Something unexpected went wrong. Nothing was changed; please try again."


ABOUT_TEXT = (
    f"{APP_TITLE} {__version__}\n\nA private self-care tool for check-ins, journaling and finding peer support. "
    "It is not a medical device and does not diagnose. Your data stays on this computer."
)


def damage_message(services: Services) -> str:
    """Damaged records are skipped by the pages; say so once, calmly, and how to learn more ("" when none)."""
    damaged = {
        d.record_id for d in services.checkins.damaged + services.journal.damaged + services.directory.damaged
    }
    if not damaged:
        return ""
    count = len(damaged)
    # Only the records loaded so far were checked (check-ins of recent days): "at least", honestly.
    return (
        f"At least {count} record{'s' if count != 1 else ''} could not be read and "
        f"{'are' if count != 1 else 'is'} not shown; everything else is fine. "
        "'wellbeing-app verify' checks them all and lists them."
    )

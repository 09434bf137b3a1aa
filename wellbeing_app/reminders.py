"""The daily reminder: when it is due, what it says, and whether today already has a check-in — all without
the passphrase, so that the reminder works while the app is locked or sits in the tray.

Whether today has a check-in is read from the records table's plaintext kind and day columns (what
``docs/security.md`` already lists as visible), never from the encrypted content.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Final

from wellbeing_app.app_settings import AppSettings

REMINDER_TITLE: Final = "Wellbeing Check-in"
REMINDER_TEXT: Final = "A moment for today's check-in? It takes about 15 seconds."
"""Content-free: others may see the screen, so no score, no words from the journal."""


def reminder_due(now: datetime, settings: AppSettings, checked_in_today: bool) -> bool:
    """One gentle reminder a day at most: on a chosen weekday, after the chosen time, not yet shown today, and
    only while there is no check-in today. A day that passed without one is not made up later."""
    reminder = settings.reminder
    today = now.date()
    return (
        reminder.enabled
        and today.weekday() in reminder.days
        and now.time() >= reminder.at
        and settings.reminder_shown_on != today
        and not checked_in_today
    )


def has_checkin_on(data_dir: Path, day: date) -> bool:
    """Whether the vault holds a check-in dated ``day``; False when there is no vault or it cannot be read."""
    path = data_dir / "vault.sqlite3"
    if not path.is_file():
        return False
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.Error:
        return False
    try:
        columns = {row[1] for row in connection.execute("PRAGMA table_info(records)")}
        query = "SELECT 1 FROM records WHERE kind = 'checkin' AND day = ?"
        if "deleted" in columns:
            query += " AND deleted = 0"
        return connection.execute(query + " LIMIT 1", (day.isoformat(),)).fetchone() is not None
    except sqlite3.Error:
        return False
    finally:
        connection.close()

"""Which side of a merge is newer: the one rule every import, merge and (later) sync follows.

The later change time wins; on a tie a deletion wins, then the incoming side. ``is_newer`` decides it in
Python before writing (to count and report); ``newer_in_sql`` decides it again inside the write itself, so a
change saved between the look and the write is never overwritten by an older one.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, or_

from wellbeing_app.storage.models import Record


def is_newer(incoming_at: str, incoming_deleted: bool, stored_at: str, stored_deleted: bool) -> bool:
    """Whether an incoming change should replace what is stored."""
    if incoming_at != stored_at:
        return incoming_at > stored_at
    return incoming_deleted or not stored_deleted


def newer_in_sql(incoming: Any) -> ColumnElement[bool]:
    """``is_newer`` over an upsert's ``excluded`` row (``incoming``) and the stored row."""
    return or_(
        Record.changed_at < incoming.changed_at,
        and_(Record.changed_at == incoming.changed_at, or_(Record.deleted.is_(False), incoming.deleted)),
    )

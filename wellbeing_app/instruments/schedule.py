"""When a questionnaire is offered: WHO-5 every 14 days (never more often), burnout monthly.

"Monthly" is every 28 days, the same 28 days for which detection counts an answer, so the next burnout
question is offered on the very day the last answer stops counting: no gap, no overlap.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from wellbeing_app.errors import InvalidInput
from wellbeing_app.instruments.result import InstrumentKind, is_kind

INTERVAL_DAYS: Final[dict[InstrumentKind, int]] = {"who5": 14, "burnout": 28}


def next_due(kind: InstrumentKind, last_date: dt.date | None) -> dt.date | None:
    """The first day the questionnaire is offered again; None means "now" (never answered)."""
    if not is_kind(kind):
        raise InvalidInput(f"Unknown questionnaire kind {kind!r}; use 'who5' or 'burnout'.", field="kind")
    if last_date is None:
        return None
    return last_date + dt.timedelta(days=INTERVAL_DAYS[kind])


def is_due(kind: InstrumentKind, last_date: dt.date | None, today: dt.date) -> bool:
    """True when the questionnaire should be offered today; a last date in the future is never due."""
    due = next_due(kind, last_date)
    return due is None or today >= due

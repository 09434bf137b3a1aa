"""What the PDF report holds, gathered in the core; the front end only draws it (``ui/report_pdf.py``).

The report is for the user to bring to occupational health or their doctor if they choose: the mood chart,
the figures, periods, before / during / after each deployment, and the WHO-5 and burnout answers. Note and
journal text is left out unless the user asks for check-in notes explicitly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from wellbeing_app.errors import InvalidInput
from wellbeing_app.instruments import InstrumentResult
from wellbeing_app.trends_data import TrendsData, TrendsSource

if TYPE_CHECKING:
    from wellbeing_app.services import Services

DEFAULT_DAYS = 365
RENDERER_GROUP = "wellbeing_app.renderers"


@dataclass(frozen=True)
class Report:
    data: TrendsData
    generated_on: date
    notes: list[tuple[date, str]] = field(default_factory=list)
    """Check-in notes by day, only when the user chose to include them."""
    include_notes: bool = False

    @property
    def who5(self) -> list[InstrumentResult]:
        return [result for result in self.data.instruments if result.kind == "who5"]

    @property
    def burnout(self) -> list[InstrumentResult]:
        return [result for result in self.data.instruments if result.kind == "burnout"]


def build_report(
    services: Services, first: date | None = None, last: date | None = None, *, include_notes: bool = False
) -> Report:
    today = services.clock.now().date()
    last = last or today
    first = first or last - timedelta(days=DEFAULT_DAYS - 1)
    found = services.checkins.between()
    data = TrendsSource.from_checkins(services, found, services.checkins.damaged).for_range(first, last)
    notes: list[tuple[date, str]] = []
    if include_notes:
        notes = [
            (checkin.date, checkin.note.strip())
            for checkin in found
            if first <= checkin.date <= last and checkin.note.strip()
        ]
    return Report(
        data=data,
        generated_on=today,
        notes=notes,
        include_notes=include_notes,
    )


def pdf_renderer() -> Callable[[Report, Path], None]:
    """The front end's PDF writer, found by entry point so that the core never imports Qt."""
    for entry in metadata.entry_points(group=RENDERER_GROUP):
        if entry.name == "pdf":
            renderer: Callable[[Report, Path], None] = entry.load()
            return renderer
    raise InvalidInput("The PDF report needs the desktop front end, which is not installed.", field="out")

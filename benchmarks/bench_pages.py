"""Opening the Today and Journal pages on a 10-year vault (target: under 200 ms each), offscreen."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path

from benchmarks.bench_diary import synthetic_records
from benchmarks.common import filled_vault, quick_kdf
from wellbeing_app.clock import FixedClock

RUNS = 7


def run() -> dict[str, float | int | str]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.pages.base import PageContext
    from ui.pages.journal import JournalPage
    from ui.pages.today import TodayPage
    from ui.preferences import Preferences
    from ui.session import VaultSession
    from wellbeing_app.services import Services

    app = QApplication.instance() or QApplication([])
    clock = FixedClock(datetime(2026, 11, 25, 21, 30).astimezone())
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "vault"
        records = synthetic_records(clock.today())
        vault = filled_vault(data_dir, clock, records, quick_kdf())
        session = VaultSession(data_dir, clock=clock)
        figures: dict[str, float | int | str] = {"records": len(records)}
        for name, page_class in (("today", TodayPage), ("journal", JournalPage)):
            times = []
            for _ in range(RUNS):
                context = PageContext(session, vault, clock, Preferences(data_dir), Services(vault, clock))
                started = time.perf_counter()
                page = page_class(context)
                page.show()
                app.processEvents()
                times.append((time.perf_counter() - started) * 1000)
                page.close()
                page.deleteLater()
                app.processEvents()
            figures[f"open_{name}_page_ms"] = round(statistics.median(times), 1)
        vault.lock()
    figures["target_ms"] = 200
    return figures

"""The Trends page on a 10-year vault (3,650 check-ins, 10 periods), offscreen.

Targets (issue 10): opening Trends on "All" after its first open ≤ 300 ms (it reads the vault again because
something changed), switching range ≤ 100 ms. The first open also imports pyqtgraph, reported apart.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from benchmarks.bench_diary import synthetic_records
from benchmarks.common import filled_vault, quick_kdf
from wellbeing_app.clock import FixedClock

RUNS = 7


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def run() -> dict[str, float | int | str]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.changes import ChangeHub
    from ui.pages.base import PageContext
    from ui.pages.trends import TrendsPage
    from ui.preferences import Preferences
    from ui.session import VaultSession
    from wellbeing_app.services import Services

    app = QApplication.instance() or QApplication([])
    clock = FixedClock(datetime(2026, 11, 25, 21, 30).astimezone())
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "vault"
        records = [r for r in synthetic_records(clock.today()) if r.kind == "checkin"]
        vault = filled_vault(data_dir, clock, records, quick_kdf())
        services = Services(vault, clock)
        for year in range(10):
            start = clock.today() - timedelta(days=365 * (10 - year) - 30)
            services.periods.add(f"Deployment {year + 1}", start, start + timedelta(days=120))
        context = PageContext(
            VaultSession(data_dir, clock=clock),
            vault,
            clock,
            Preferences(data_dir),
            services,
            ChangeHub(services),
        )
        page = TrendsPage(context)
        page.resize(1200, 900)
        page.show()
        page.set_range(None)
        started = time.perf_counter()
        page.refresh()
        app.processEvents()
        first_open = _ms(started)

        reopen = []
        for _ in range(RUNS):
            started = time.perf_counter()
            page.refresh()  # what a visit costs after a change: read the vault, draw "All"
            app.processEvents()
            reopen.append(_ms(started))
        switches = []
        for _ in range(RUNS):
            for days in (365, None, 91, 28):
                started = time.perf_counter()
                page.set_range(days)
                app.processEvents()
                switches.append(_ms(started))
        page.close()
        vault.lock()
    return {
        "checkins": len(records),
        "first_open_all_ms_including_pyqtgraph_import": round(first_open, 1),
        "open_all_after_first_ms": round(statistics.median(reopen), 1),
        "switch_range_ms": round(statistics.median(switches), 1),
        "switch_range_max_ms": round(max(switches), 1),
        "target_open_ms": 300,
        "target_switch_ms": 100,
    }

"""The PDF report at 10-year scale: a 1-year report from a vault of 3,650 check-ins (issue 10: ≤ 3 s).

The vault is bench_status's synthetic ten years (about one day in five with two check-ins, a WHO-5 and a burnout
answer every 28 days) plus three deployments with periods at home between them. Timed in-process: gathering
the report (decrypting every record once and computing the figures), drawing the PDF, and both together; then
``wellbeing-app report`` as a whole process, start-up and key derivation included. Figures are medians.

Run alone with ``python -m benchmarks.bench_report``.
"""

from __future__ import annotations

import json
import statistics
import tempfile
from datetime import timedelta
from pathlib import Path

from benchmarks.bench_status import DAYS, synthetic_records
from benchmarks.common import cli_command, cli_env, filled_vault, median_ms, time_process
from wellbeing_app.clock import SystemClock
from wellbeing_app.services import Services

RUNS = 5
PROCESS_RUNS = 3


def add_periods(services: Services) -> None:
    today = services.clock.now().date()
    for number, months_ago in enumerate((30, 18, 8), start=1):
        start = today - timedelta(days=months_ago * 30)
        end = start + timedelta(days=150)
        services.periods.add(f"Deployment {number}", start, end, "deployment")
        services.periods.add(f"At home {number}", end + timedelta(days=1), end + timedelta(days=60), "home")


def run() -> dict[str, float | int | str]:
    from pypdf import PdfReader

    from ui.qt import QApplication
    from ui.report_pdf import write_report_pdf
    from wellbeing_app.report import build_report

    # A full QApplication, as the desktop has, so that benchmarks run after this one can still make widgets.
    _app = QApplication.instance() or QApplication([])
    clock = SystemClock()
    figures: dict[str, float | int | str] = {}
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        folder = Path(tmp)
        data_dir = folder / "ten-years"
        vault = filled_vault(data_dir, clock, synthetic_records(clock.now().date()))
        try:
            services = Services(vault, clock)
            add_periods(services)
            figures["days"] = DAYS
            figures["checkins"] = vault.store.count("checkin")
            report = build_report(services)
            figures["report_days_with_data"] = report.data.overall.days_with_data
            figures["build_report_1y_ms"] = round(
                median_ms(lambda: build_report(services), RUNS, warm_up=1), 1
            )
            outputs = iter(range(10_000))

            def render() -> None:
                write_report_pdf(report, folder / f"render-{next(outputs)}.pdf")

            figures["render_pdf_1y_ms"] = round(median_ms(render, RUNS, warm_up=1), 1)

            def whole() -> None:
                write_report_pdf(build_report(services), folder / f"whole-{next(outputs)}.pdf")

            figures["report_pdf_1y_total_ms"] = round(median_ms(whole, RUNS), 1)
            figures["target_report_pdf_1y_ms"] = 3000
            sample = folder / "render-0.pdf"
            figures["pdf_pages"] = len(PdfReader(sample).pages)
            figures["pdf_kb"] = round(sample.stat().st_size / 1000)
        finally:
            vault.lock()

        outputs_cli = iter(range(100))

        def command() -> list[str]:
            return [
                *cli_command(),
                "--data-dir",
                str(data_dir),
                "report",
                "--out",
                str(folder / f"cli-{next(outputs_cli)}.pdf"),
            ]

        samples = [time_process(command(), cli_env(), 1) for _ in range(PROCESS_RUNS)]
        figures["cli_report_process_1y_s"] = round(statistics.median(samples), 2)
    return figures


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))

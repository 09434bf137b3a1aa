"""The Trends page's files: the PDF report (off the GUI thread, with progress) and the chart as an image."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ui.operations import Progress, QueryOp
from ui.qt import QFileDialog, QMessageBox, QWidget
from wellbeing_app.errors import WellbeingError

if TYPE_CHECKING:
    from ui.pages.trends import TrendsPage


def choose_report_path(parent: QWidget) -> str:
    """The file chooser; tests replace this module-level function."""
    path, _filter = QFileDialog.getSaveFileName(
        parent, "Export report", str(Path.home() / "wellbeing-report.pdf"), "PDF (*.pdf)"
    )
    return path


def choose_image_path(parent: QWidget) -> str:
    path, _filter = QFileDialog.getSaveFileName(
        parent, "Save chart as image", str(Path.home() / "wellbeing-chart.png"), "PNG image (*.png)"
    )
    return path


def export_report(page: TrendsPage) -> None:
    chosen = choose_report_path(page)
    if not chosen:
        return
    first, last = page.current_range()
    include = (
        QMessageBox.question(
            page,
            "Include notes?",
            "Add your check-in notes to the report? Leave them out if you would rather keep them private.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        == QMessageBox.StandardButton.Yes
    )
    services = page.services

    def work(progress: Progress) -> str:
        from wellbeing_app.report import build_report, pdf_renderer

        progress(0, 2)
        report = build_report(services, first, last, include_notes=include)
        progress(1, 2)
        pdf_renderer()(report, Path(chosen))
        progress(2, 2)
        return chosen

    def failed(error: BaseException) -> None:
        message = str(error) if isinstance(error, WellbeingError) else "The report could not be written."
        QMessageBox.information(page, "Report not written", message)

    def written(path: str) -> None:
        QMessageBox.information(
            page, "Report written", f"Your report is in {path}. The PDF is not encrypted."
        )

    QueryOp(parent=page, op=work, success=written).failure(failed).with_progress(
        "Writing your report…"
    ).run_in_background()


def save_chart_image(page: TrendsPage) -> None:
    if page.chart is None:
        return
    chosen = choose_image_path(page)
    if chosen and not page.chart.plot.grab().save(chosen, "PNG"):
        QMessageBox.information(page, "Image not saved", f"The chart could not be saved to {chosen}.")

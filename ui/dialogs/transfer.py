"""File → Import… and Export…: off the GUI thread with a progress bar, never overwriting, always explained."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ui.qt import QFileDialog, QMessageBox, QObject, QProgressDialog, Qt, QWidget, Signal
from ui.worker import run_in_background
from wellbeing_app.errors import WellbeingError
from wellbeing_app.services import Services
from wellbeing_app.transfer import (
    export_csv,
    export_json,
    import_daylio,
    import_json,
    read_import_file,
    write_export,
)
from wellbeing_app.transfer.import_csv import detect_format, import_checkin_csv

EXPORT_WARNING = (
    "The exported file is not encrypted: anyone who can open it can read your check-ins and journal. "
    "Keep it somewhere private, and delete it when you no longer need it."
)


def choose_save_path(parent: QWidget) -> str:
    """The file chooser; tests replace this module-level function."""
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        "Export your data",
        str(Path.home() / "wellbeing-export.json"),
        "JSON (*.json);;CSV check-ins (*.csv)",
    )
    return path


def choose_open_path(parent: QWidget) -> str:
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        "Import check-ins and journal",
        str(Path.home()),
        "Wellbeing Check-in export or Daylio CSV (*.json *.csv);;All files (*)",
    )
    return path


def confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent, title, text, QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel
    )
    return answer == QMessageBox.StandardButton.Ok


def tell(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


class _ProgressRelay(QObject):
    """Progress reported from the worker thread reaches the progress bar through a queued signal."""

    progressed = Signal(int, int)


def _progress_dialog(parent: QWidget, label: str) -> tuple[QProgressDialog, Callable[[int, int], None]]:
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setCancelButton(None)
    dialog.setWindowTitle("Please wait")
    dialog.setAccessibleName("Progress")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    relay = _ProgressRelay(dialog)

    def update(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    relay.progressed.connect(update)
    return dialog, relay.progressed.emit


def _failure_text(error: BaseException) -> str:
    if isinstance(error, WellbeingError):
        return str(error)
    return "Something unexpected went wrong. Nothing was changed."


def export_data(parent: QWidget, services: Services, on_done: Callable[[str], None] | None = None) -> None:
    if not confirm(parent, "Export your data", EXPORT_WARNING):
        return
    chosen = choose_save_path(parent)
    if not chosen:
        return
    path = Path(chosen)
    as_csv = path.suffix.casefold() == ".csv"
    dialog, progress = _progress_dialog(parent, "Exporting your data…")

    def work() -> str:
        result = (export_csv if as_csv else export_json)(services, progress=progress)
        write_export(path, result.text)
        note = f" {len(result.damaged)} damaged records could not be included." if result.damaged else ""
        return f"Exported {result.describe()} to {path}.{note}"

    def done(message: Any) -> None:
        dialog.close()
        tell(parent, "Export finished", f"{message}\n\n{EXPORT_WARNING}")
        if on_done:
            on_done(str(message))

    def failed(error: BaseException) -> None:
        dialog.close()
        tell(parent, "Export not written", _failure_text(error))

    run_in_background(work, done, failed)


def import_data(parent: QWidget, services: Services, on_done: Callable[[str], None] | None = None) -> None:
    chosen = choose_open_path(parent)
    if not chosen:
        return
    path = Path(chosen)
    dialog, progress = _progress_dialog(parent, "Importing…")

    def work() -> str:
        text = read_import_file(path)
        chosen = detect_format(path.name, text)
        if chosen == "daylio":
            summary = import_daylio(services, text, progress=progress)
        elif chosen == "csv":
            summary = import_checkin_csv(services, text, progress=progress)
        else:
            summary = import_json(services, text, progress=progress)
        return f"Imported {path.name}: {summary.describe()}."

    def done(message: Any) -> None:
        services.bulk_changed()  # on the GUI thread, which is the one reading those caches
        dialog.close()
        tell(parent, "Import finished", str(message))
        if on_done:
            on_done(str(message))

    def failed(error: BaseException) -> None:
        services.bulk_changed()
        dialog.close()
        tell(parent, "Nothing was imported", _failure_text(error) + "\n\nYour vault is unchanged.")

    run_in_background(work, done, failed)

"""File → Import… and Export…: off the GUI thread with a progress bar, never overwriting, always explained."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ui.operations import Progress, QueryOp
from ui.qt import QFileDialog, QWidget
from ui.widgets import confirm, failure_text, tell
from wellbeing_app.restore import is_backup_file
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
        "Wellbeing Check-in export, backup or Daylio CSV (*.json *.csv *.sqlite3);;All files (*)",
    )
    return path


def export_data(parent: QWidget, services: Services, on_done: Callable[[str], None] | None = None) -> None:
    if not confirm(parent, "Export your data", EXPORT_WARNING):
        return
    chosen = choose_save_path(parent)
    if not chosen:
        return
    path = Path(chosen)
    as_csv = path.suffix.casefold() == ".csv"

    def work(progress: Progress) -> str:
        result = (export_csv if as_csv else export_json)(services, progress=progress)
        write_export(path, result.text)
        note = f" {len(result.damaged)} damaged records could not be included." if result.damaged else ""
        return f"Exported {result.describe()} to {path}.{note}"

    def done(message: str) -> None:
        tell(parent, "Export finished", f"{message}\n\n{EXPORT_WARNING}")
        if on_done:
            on_done(message)

    def failed(error: BaseException) -> None:
        tell(parent, "Export not written", failure_text(error))

    QueryOp(parent=parent, op=work, success=done).failure(failed).with_progress(
        "Exporting your data…"
    ).run_in_background()


def import_data(parent: QWidget, services: Services, on_done: Callable[[str], None] | None = None) -> None:
    """The pages that show the imported kinds refresh themselves through the change hub."""
    chosen = choose_open_path(parent)
    if not chosen:
        return
    path = Path(chosen)

    def work(progress: Progress) -> str:
        if is_backup_file(path):
            from wellbeing_app.merge_backup import merge_backup

            return f"Merged the backup {path.name}: {merge_backup(services, path, progress=progress).describe()}."
        text = read_import_file(path)
        chosen = detect_format(path.name, text)
        if chosen == "daylio":
            summary = import_daylio(services, text, progress=progress)
        elif chosen == "csv":
            summary = import_checkin_csv(services, text, progress=progress)
        else:
            summary = import_json(services, text, progress=progress)
        return f"Imported {path.name}: {summary.describe()}."

    def done(message: str) -> None:
        tell(parent, "Import finished", message)
        if on_done:
            on_done(message)

    def failed(error: BaseException) -> None:
        tell(parent, "Nothing was imported", failure_text(error) + "\n\nYour vault is unchanged.")

    QueryOp(parent=parent, op=work, success=done).failure(failed).with_progress(
        "Importing…"
    ).run_in_background()

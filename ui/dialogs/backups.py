"""File → Back up now… and Restore…: the same core steps as the command line, off the GUI thread.

Restore works locked too: it is what a user needs when the vault no longer opens. The backup is checked completely
before anything is replaced, and the replaced vault is kept as a backup first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from ui.operations import Progress, QueryOp
from ui.qt import QFileDialog, QInputDialog, QLineEdit, QWidget
from ui.widgets import confirm, failure_text, tell
from wellbeing_app.backup import list_backups, write_backup
from wellbeing_app.restore import RestoreReport, restore_backup
from wellbeing_app.vault import Vault

BACKUP_NOTE = "It is encrypted: it opens with the passphrase or the recovery key you have now."


def choose_backup_target(parent: QWidget, suggested: Path) -> str:
    """The file chooser; tests replace these module-level functions."""
    path, _filter = QFileDialog.getSaveFileName(
        parent, "Back up now", str(suggested), "Wellbeing Check-in backup (*.sqlite3)"
    )
    return path


def choose_backup_file(parent: QWidget, suggested: Path) -> str:
    path, _filter = QFileDialog.getOpenFileName(
        parent, "Restore a backup", str(suggested), "Wellbeing Check-in backup (*.sqlite3);;All files (*)"
    )
    return path


def ask_backup_passphrase(parent: QWidget) -> str:
    text, ok = QInputDialog.getText(
        parent,
        "Restore a backup",
        "The passphrase this backup was made with (your passphrase at that time):",
        QLineEdit.EchoMode.Password,
    )
    return text if ok else ""


def back_up_now(parent: QWidget, data_dir: Path, now: datetime) -> None:
    chosen = choose_backup_target(parent, Path.home() / f"wellbeing-backup-{now:%Y-%m-%d}.sqlite3")
    if not chosen:
        return

    def work(_progress: Progress) -> Path:
        return write_backup(data_dir, now, Path(chosen))

    QueryOp(
        parent=parent,
        op=work,
        success=lambda made: tell(
            parent, "Backup made", f"Your vault is backed up to {made}.\n\n{BACKUP_NOTE}"
        ),
    ).failure(lambda error: tell(parent, "No backup was made", failure_text(error))).with_progress(
        "Backing up…"
    ).run_in_background()


def restore_from_backup(
    parent: QWidget, data_dir: Path, now: datetime, lock: Callable[[], None], on_done: Callable[[], None]
) -> None:
    """Choose a backup (the newest automatic one is offered), check it all, then replace the vault."""
    kept = list_backups(data_dir)
    chosen = choose_backup_file(parent, kept[0].path if kept else Path.home())  # the newest is offered
    if not chosen:
        return
    if not confirm(
        parent,
        "Restore a backup",
        "Your vault will be replaced by this backup, once every record in it has been checked. The vault you "
        "have now is kept as a backup first, so nothing is lost. The app locks while this happens.",
    ):
        return
    passphrase = ask_backup_passphrase(parent)
    if not passphrase:
        return
    lock()

    def work(_progress: Progress) -> RestoreReport:
        return restore_backup(
            Path(chosen),
            data_dir,
            lambda staged: Vault.open_with_passphrase(staged, passphrase),
            now,
            replace=True,
        )

    def done(report: RestoreReport) -> None:
        tell(
            parent,
            "Backup restored",
            f"{report.records} records were checked and restored. Unlock with the passphrase the backup was "
            "made with.",
        )
        on_done()

    def failed(error: BaseException) -> None:
        tell(parent, "Nothing was restored", failure_text(error) + "\n\nYour vault is unchanged.")
        on_done()

    QueryOp(parent=parent, op=work, success=done).failure(failed).with_progress(
        "Checking every record of the backup…"
    ).run_in_background()

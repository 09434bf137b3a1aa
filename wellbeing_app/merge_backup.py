"""Bringing an older backup of this vault back in without losing anything written since.

Restore replaces the whole vault; merging keeps it and takes from the backup only what is newer there: each
record, and each deletion marker, is compared by id and change time (``RecordStore.apply_changes``), so a backup
can neither overwrite a newer edit nor bring back a record deleted since. Only a backup of this same vault can be
merged: it shares the data key, so it opens without asking for the passphrase of its day, and its keyed ids
match. The backup is read from a private staging copy, never changed, and the copy is removed afterwards.

Only the kinds an export holds are merged (``record_kinds``): a draft is unfinished writing on one computer and
must not replace the one typed here, and detection episodes are worked out again from the check-ins.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from wellbeing_app import record_kinds
from wellbeing_app.errors import AuthenticationFailed, IntegrityError, InvalidInput, VaultTooNew
from wellbeing_app.restore import check_is_backup, stage_copy
from wellbeing_app.services import Services
from wellbeing_app.storage.records import Change
from wellbeing_app.transfer.section import Progress
from wellbeing_app.vault import Vault
from wellbeing_app.vault_header import peek_vault_id


@dataclass(frozen=True)
class MergeSummary:
    added: int
    updated: int
    deleted: int
    unchanged: int
    kept_newer: int
    damaged: int

    def describe(self) -> str:
        text = f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged"
        if self.deleted:
            text += f", {self.deleted} deleted as they were in the backup"
        if self.kept_newer:
            text += f", {self.kept_newer} kept as they are here because they were changed or deleted more recently"
        if self.damaged:
            text += f"; {self.damaged} damaged records in the backup were left out"
        return text


def _read_backup(staging: Path, vault: Vault, name: str) -> tuple[list[Change], int]:
    backup_id = peek_vault_id(staging)
    if backup_id is None:
        raise IntegrityError(
            f"{name} is not a Wellbeing Check-in backup, or it is damaged; nothing was changed."
        )
    if backup_id != vault.vault_id:
        raise InvalidInput(
            f"{name} is a backup of another vault, so it cannot be merged into this one; nothing was changed. "
            "To bring its records in, restore it into another folder (restore --data-dir) and export them "
            "from there.",
            field="file",
        )
    try:
        backup = Vault.open_with_data_key(staging, vault.data_key, clock=vault.clock)
    except AuthenticationFailed:
        raise InvalidInput(
            f"{name} does not open with this vault's key, so it cannot be merged; nothing was changed.",
            field="file",
        ) from None
    except VaultTooNew:
        raise InvalidInput(
            f"{name} was made by a newer version of Wellbeing Check-in; update the app to merge it. "
            "Nothing was changed.",
            field="file",
        ) from None
    except IntegrityError:
        raise IntegrityError(f"{name} is damaged and cannot be merged; nothing was changed.") from None
    try:
        changes, damaged = backup.store.changes_since()
    finally:
        backup.lock()
    merged = {section.kind for section in record_kinds.export_sections()}
    return [change for change in changes if change.kind in merged], len(damaged)


def merge_backup(services: Services, backup: Path, *, progress: Progress | None = None) -> MergeSummary:
    """Take what is newer in ``backup`` into the open vault, in one transaction; the backup is left as it is."""
    check_is_backup(backup)
    if progress:
        progress(0, 2)
    staging = stage_copy(backup, services.vault.data_dir)
    try:
        changes, damaged = _read_backup(staging, services.vault, backup.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if progress:
        progress(1, 2)
    here = services.vault.store.versions([change.id for change in changes])
    same = {
        change.id
        for change in changes
        if (mine := here.get(change.id)) is not None
        and (mine.changed_at, mine.deleted) == (change.changed_at, change.deleted)
    }
    applied, kept = services.vault.store.apply_changes((c for c in changes if c.id not in same), here)
    # Counted as the user sees records: one deleted here and live again in the backup is added back; a
    # deletion marker for a record this vault never had (or had deleted too) is kept, and changes nothing seen.
    live_here = {record_id for record_id, version in here.items() if not version.deleted}
    added = sum(1 for change in applied if not change.deleted and change.id not in live_here)
    updated = sum(1 for change in applied if not change.deleted and change.id in live_here)
    deleted = sum(1 for change in applied if change.deleted and change.id in live_here)
    if progress:
        progress(2, 2)
    return MergeSummary(
        added=added,
        updated=updated,
        deleted=deleted,
        unchanged=len(same),
        kept_newer=len(kept),
        damaged=damaged,
    )

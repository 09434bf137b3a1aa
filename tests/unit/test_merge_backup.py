"""Merging a backup of this vault: what is newer in it comes in, what is newer here stays, nothing else moves."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest

from tests.unit.transfer.conftest import NewServices
from wellbeing_app.backup import write_backup
from wellbeing_app.clock import FixedClock
from wellbeing_app.errors import IntegrityError, InvalidInput
from wellbeing_app.merge_backup import merge_backup
from wellbeing_app.paths import DB_FILENAME
from wellbeing_app.services import Services
from wellbeing_app.vault import Vault


def backup_of(services: Services, clock: FixedClock, tmp_path: Path, name: str) -> Path:
    return write_backup(services.vault.data_dir, clock.now(), tmp_path / name)


@contextmanager
def used_elsewhere(services: Services, clock: FixedClock, folder: Path) -> Iterator[Services]:
    """This vault copied to ``folder`` and used there an hour later (another computer); locked afterwards."""
    folder.mkdir()
    write_backup(services.vault.data_dir, clock.now(), folder / DB_FILENAME)
    clock.moment += timedelta(hours=1)
    copy = Vault.open_with_data_key(folder, services.vault.data_key, clock=clock)
    try:
        yield Services(copy, clock)
    finally:
        copy.lock()


def test_an_old_backup_keeps_newer_edits_and_deletions_here_and_says_so(
    services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    edited = services.checkins.add(mood=4, note="before")
    removed = services.checkins.add(mood=3, note="deleted later")
    entry = services.journal.add(body="First draft of the day.")
    old = backup_of(services, clock, tmp_path, "old.sqlite3")
    clock.moment += timedelta(hours=1)
    services.checkins.save(services.checkins.build(mood=7, note="after", record_id=edited.id))
    services.checkins.delete(removed.id)
    later = services.checkins.add(mood=6, note="written after the backup")

    summary = merge_backup(services, old)

    assert (summary.added, summary.updated, summary.deleted) == (0, 0, 0)
    assert summary.kept_newer == 2 and summary.unchanged == 1
    assert "2 kept as they are here because they were changed or deleted more recently" in summary.describe()
    assert services.checkins.get(edited.id).note == "after"  # type: ignore[union-attr]
    assert services.checkins.get(removed.id) is None
    assert services.checkins.get(later.id) is not None
    assert services.journal.get(entry.id) is not None
    assert services.vault.verify().ok


def test_what_is_newer_in_a_copy_of_this_vault_comes_in(
    services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    """A copy of the vault used elsewhere (another computer, or before an older backup was restored here)."""
    shared = services.checkins.add(mood=4, note="on both")
    copy_dir = tmp_path / "copy"
    with used_elsewhere(services, clock, copy_dir) as copy_services:
        copy_services.checkins.save(
            copy_services.checkins.build(mood=8, note="edited there", record_id=shared.id)
        )
        made_there = copy_services.journal.add(body="Written on the laptop.")
    there = write_backup(copy_dir, clock.now(), tmp_path / "there.sqlite3")
    clock.moment += timedelta(hours=1)
    made_here = services.journal.add(body="Written here meanwhile.")

    progress: list[tuple[int, int]] = []
    summary = merge_backup(services, there, progress=lambda done, total: progress.append((done, total)))

    assert (summary.added, summary.updated, summary.kept_newer) == (1, 1, 0)
    assert services.checkins.get(shared.id).note == "edited there"  # type: ignore[union-attr]
    assert services.journal.get(made_there.id).body == "Written on the laptop."  # type: ignore[union-attr]
    assert services.journal.get(made_here.id) is not None
    assert [hit.id for hit in services.search.search("laptop")] == [made_there.id]  # the index heard
    assert progress[-1] == (2, 2)


def test_the_backup_file_is_left_as_it_was_and_no_copy_stays(
    services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    services.checkins.add(mood=5)
    backup = backup_of(services, clock, tmp_path, "kept.sqlite3")
    before = backup.read_bytes()
    merge_backup(services, backup)
    assert backup.read_bytes() == before
    assert sorted(p.name for p in services.vault.data_dir.parent.iterdir() if p.name.startswith(".")) == []


def test_a_backup_of_another_vault_is_refused_and_changes_nothing(
    services: Services, new_services: NewServices, clock: FixedClock, tmp_path: Path
) -> None:
    other = new_services()
    other.checkins.add(mood=2, note="someone else's")
    foreign = write_backup(other.vault.data_dir, clock.now(), tmp_path / "foreign.sqlite3")
    with pytest.raises(InvalidInput, match="another vault") as raised:
        merge_backup(services, foreign)
    assert raised.value.field == "file"
    assert services.checkins.between() == []


def test_a_file_that_is_not_a_backup_is_refused(services: Services, tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite3"
    text.write_text("not a database at all\n" * 50, encoding="utf-8")
    with pytest.raises(IntegrityError, match="not a Wellbeing Check-in backup"):
        merge_backup(services, text)
    damaged = tmp_path / "damaged.sqlite3"
    shutil.copyfile(text, damaged)
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with pytest.raises(IntegrityError, match="damaged"):
        merge_backup(services, damaged)
    assert services.checkins.between() == []


def test_a_folder_copied_while_the_app_ran_is_merged_with_its_log_and_left_as_it_was(
    services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    """SQLite folds a write-ahead log into the file it opens: that must be the staging copy, not the user's."""
    import hashlib

    copy_dir = tmp_path / "copy"
    with used_elsewhere(services, clock, copy_dir) as running:
        written = running.journal.add(body="Still in the write-ahead log.")
        laptop = tmp_path / "laptop"
        laptop.mkdir()
        for path in copy_dir.glob(f"{DB_FILENAME}*"):  # copied while the other app still had it open
            shutil.copyfile(path, laptop / path.name)
    assert (laptop / f"{DB_FILENAME}-wal").stat().st_size > 0
    before = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in laptop.iterdir()}

    summary = merge_backup(services, laptop / DB_FILENAME)

    assert summary.added == 1
    assert services.journal.get(written.id) is not None
    after = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in laptop.iterdir()}
    assert after == before


def test_drafts_and_episodes_stay_on_their_own_computer(
    services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    services.drafts.save("journal-editor", {"body": "typed here, not saved yet"})
    copy_dir = tmp_path / "copy"
    with used_elsewhere(services, clock, copy_dir) as copy:
        copy.drafts.save("journal-editor", {"body": "typed on the laptop"})

    summary = merge_backup(services, copy_dir / DB_FILENAME)

    assert (summary.added, summary.updated, summary.kept_newer) == (0, 0, 0)
    assert services.drafts.load("journal-editor") == {"body": "typed here, not saved yet"}


def test_a_record_deleted_here_and_newer_in_the_backup_counts_as_added_back(
    services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    checkin = services.checkins.add(mood=5, note="first version")
    services.checkins.delete(checkin.id)
    copy_dir = tmp_path / "copy"
    with used_elsewhere(services, clock, copy_dir) as copy:  # written again there (an undo over there)
        copy.checkins.save(copy.checkins.build(mood=6, note="written again there", record_id=checkin.id))

    summary = merge_backup(services, copy_dir / DB_FILENAME)

    assert (summary.added, summary.updated, summary.deleted) == (1, 0, 0)
    assert services.checkins.get(checkin.id).note == "written again there"  # type: ignore[union-attr]


def test_a_sqlite_file_that_is_not_ours_is_named_as_such(services: Services, tmp_path: Path) -> None:
    import sqlite3

    other = tmp_path / "photos.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE photos (name TEXT)")
    conn.close()
    with pytest.raises(IntegrityError, match=r"photos\.sqlite3 is not a Wellbeing Check-in backup"):
        merge_backup(services, other)

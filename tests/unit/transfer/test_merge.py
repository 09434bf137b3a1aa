"""Importing an older copy never overwrites a newer edit nor brings back a deleted record."""

from __future__ import annotations

from datetime import timedelta

from wellbeing_app.clock import FixedClock
from wellbeing_app.services import Services
from wellbeing_app.transfer import export_json, import_json


def test_a_deleted_check_in_stays_deleted_when_an_older_export_holds_it(
    services: Services, clock: FixedClock
) -> None:
    kept = services.checkins.add(mood=6, note="stays")
    gone = services.checkins.add(mood=3, note="deleted later")
    old_export = export_json(services).text
    clock.moment += timedelta(minutes=5)
    services.checkins.delete(gone.id)

    summary = import_json(services, old_export)
    assert (summary.added, summary.updated, summary.unchanged, summary.kept_newer) == (0, 0, 1, 1)
    assert [c.id for c in services.checkins.between()] == [kept.id]
    assert "1 kept as they are here" in summary.describe()
    assert services.vault.verify().ok


def test_an_old_backup_keeps_newer_edits_and_says_so(services: Services, clock: FixedClock) -> None:
    entry = services.journal.add(body="First draft of the day.")
    checkin = services.checkins.add(mood=4, note="before")
    old_backup = export_json(services).text
    clock.moment += timedelta(hours=1)
    services.journal.save(services.journal.build(body="Rewritten after the debrief.", record_id=entry.id))
    services.checkins.save(services.checkins.build(mood=7, note="after", record_id=checkin.id))

    summary = import_json(services, old_backup)
    assert summary.kept_newer == 2 and summary.updated == 0
    assert services.journal.get(entry.id).body == "Rewritten after the debrief."  # type: ignore[union-attr]
    assert services.checkins.get(checkin.id).note == "after"  # type: ignore[union-attr]
    assert "2 kept as they are here because they were changed or deleted more recently" in summary.describe()


def test_a_newer_export_updates_an_older_copy(
    services: Services, clock: FixedClock, new_services: object
) -> None:
    checkin = services.checkins.add(mood=4, note="before")
    first = export_json(services).text
    clock.moment += timedelta(hours=1)
    services.checkins.save(services.checkins.build(mood=7, note="after", record_id=checkin.id))
    newer = export_json(services).text

    other = new_services()  # type: ignore[operator]
    import_json(other, first)
    summary = import_json(other, newer)
    assert (summary.updated, summary.kept_newer) == (1, 0)
    assert other.checkins.get(checkin.id).note == "after"
    again = import_json(other, first)  # the older file again: the newer edit stays
    assert (again.updated, again.kept_newer) == (0, 1)


def test_the_search_index_hears_of_imports_through_the_change_listener(services: Services) -> None:
    services.journal.add(body="Walked by the harbour.")
    assert len(services.search.search("harbour")) == 1
    text = export_json(services).text.replace("harbour", "lighthouse")
    import_json(services, text)
    assert services.search.search("harbour") == []
    assert len(services.search.search("lighthouse")) == 1

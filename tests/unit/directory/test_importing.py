from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.helpers.builders import CSV_HEADER, IMPORTED_ON
from wellbeing_app.directory import Contact, ContactKind, merge_import, new_private_contact, parse_csv

VERSION_1 = (
    CSV_HEADER
    + "\n"
    + "\n".join(
        [
            "a,Ana,peer_supporter,,,+44 1,,,,ICU,,,,",
            "b,Ben,peer_supporter,,,+44 2,,,,,,,,",
            "c,Chloé,debrief_contact,,,+44 3,,,,,,,,",
            ",No Id,professional_service,,,,,,,,,,,",
        ]
    )
)
# Ben left, Chloé's number changed, Dev joined, Ana and "No Id" are the same.
VERSION_2 = (
    CSV_HEADER
    + "\n"
    + "\n".join(
        [
            "a,Ana,peer_supporter,,,+44 1,,,,ICU,,,,",
            "c,Chloé,debrief_contact,,,+44 33,,,,,,,,",
            "d,Dev,peer_supporter,,,,,,,,,,,",
            ",No Id,professional_service,,,,,,,,,,,",
        ]
    )
)


def read(text: str, day: date = IMPORTED_ON, source: str = "org.csv") -> list[Contact]:
    return parse_csv(text, source_name=source, imported_on=day)


def names(contacts: tuple[Contact, ...] | list[Contact]) -> list[str]:
    return sorted(contact.name for contact in contacts)


def test_first_import_inserts_everything() -> None:
    plan = merge_import([], read(VERSION_1), source_name="org.csv")
    assert names(plan.inserts) == ["Ana", "Ben", "Chloé", "No Id"]
    assert plan.updates == plan.unlisted == ()
    assert plan.summary == "org.csv: 4 new, 0 updated, 0 unchanged."


@pytest.mark.parametrize("day", [IMPORTED_ON, date(2027, 2, 1)])
def test_importing_the_same_file_again_changes_nothing(day: date) -> None:
    directory = merge_import([], read(VERSION_1), source_name="org.csv").apply([])
    plan = merge_import(directory, read(VERSION_1, day), source_name="org.csv")
    assert not plan.has_changes
    assert plan.unchanged == 4
    assert plan.summary == "org.csv: nothing changed; all 4 contacts were already up to date."
    assert plan.apply(directory) == directory


def test_newer_version_updates_inserts_and_marks_missing_as_no_longer_listed() -> None:
    directory = merge_import([], read(VERSION_1), source_name="org.csv").apply([])
    plan = merge_import(directory, read(VERSION_2, date(2026, 12, 1)), source_name="org.csv")
    assert names(plan.inserts) == ["Dev"]
    assert names(plan.updates) == ["Chloé"]
    assert plan.updates[0].phone == "+44 33"
    assert plan.updates[0].source == "org.csv (2026-12-01)"
    assert names(plan.unlisted) == ["Ben"]
    assert plan.unlisted[0].listed is False
    assert plan.unchanged == 2
    assert plan.summary == "org.csv: 1 new, 1 updated, 1 no longer listed, 2 unchanged."
    after = plan.apply(directory)
    assert names(after) == ["Ana", "Ben", "Chloé", "Dev", "No Id"]
    assert {contact.name: contact.listed for contact in after}["Ben"] is False
    # Merging the newer file again is idempotent too: Ben stays unlisted and is not counted again.
    again = merge_import(after, read(VERSION_2, date(2026, 12, 2)), source_name="org.csv")
    assert not again.has_changes


def test_a_contact_that_comes_back_is_listed_again() -> None:
    directory = merge_import([], read(VERSION_1), source_name="org.csv").apply([])
    directory = merge_import(directory, read(VERSION_2), source_name="org.csv").apply(directory)
    plan = merge_import(directory, read(VERSION_1), source_name="org.csv")
    ben = next(contact for contact in plan.updates if contact.name == "Ben")
    assert ben.listed
    assert names(plan.unlisted) == ["Dev"]


def test_private_contacts_and_other_sources_are_never_touched() -> None:
    private = new_private_contact({"name": "My GP", "kind": "professional_service"}, contact_id="b")
    other = read(VERSION_1, source="other.csv")
    directory = [private, *other]
    plan = merge_import(directory, read(VERSION_2), source_name="org.csv")
    assert names(plan.inserts) == ["Ana", "Chloé", "Dev", "No Id"]
    assert plan.updates == plan.unlisted == ()
    after = plan.apply(directory)
    assert after[: len(directory)] == directory
    assert len({contact.record_id for contact in after}) == len(after)


def test_plan_changes_are_everything_to_write() -> None:
    directory = merge_import([], read(VERSION_1), source_name="org.csv").apply([])
    plan = merge_import(directory, read(VERSION_2), source_name="org.csv")
    assert names(plan.changes) == ["Ben", "Chloé", "Dev"]


def test_contacts_from_another_file_are_a_programming_error() -> None:
    with pytest.raises(ValueError, match=r"not parsed from org\.csv"):
        merge_import([], read(VERSION_1, source="other.csv"), source_name="org.csv")
    with pytest.raises(ValueError, match="reserved for private contacts"):
        merge_import([], [], source_name="private")


def test_kind_change_counts_as_update() -> None:
    directory = read(VERSION_1)
    changed = [
        replace(contact, kind=ContactKind.DEBRIEF_CONTACT) if contact.id == "a" else contact
        for contact in directory
    ]
    plan = merge_import(directory, changed, source_name="org.csv")
    assert names(plan.updates) == ["Ana"]

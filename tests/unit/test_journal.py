"""The private journal through a real (cheap-KDF) vault: round trips, validation, listing, edit and delete."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from wellbeing_app.clock import FixedClock
from wellbeing_app.errors import InvalidInput
from wellbeing_app.journal import MAX_BODY_LENGTH, MAX_TITLE_LENGTH, JournalEntry, JournalService
from wellbeing_app.services import Services
from wellbeing_app.tags import normalise_tags
from wellbeing_app.vault import Vault

TODAY = date(2026, 11, 25)  # the conftest clock: Wednesday 25 November 2026, 09:00
YESTERDAY = TODAY - timedelta(days=1)
ROUND_TRIP = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
ANY_TEXT = st.characters(blacklist_categories=("Cs",))  # everything but lone surrogates
BODY = "Heute war schwer. 😔\nاليوم كان صعباً\u200f — שלום\x00\r\n\tﬁnal note: café\u0301, Straße 🇺🇦"


@pytest.fixture
def services(vault: Vault, clock: FixedClock) -> Services:
    assert clock.today() == TODAY
    return Services(vault, clock)


def reread(vault: Vault, clock: FixedClock, record_id: str) -> JournalEntry | None:
    return JournalService(vault.store, clock).get(record_id)


# --- Round trips -------------------------------------------------------------------------------------------


@ROUND_TRIP
@given(
    title=st.text(alphabet=ANY_TEXT, max_size=MAX_TITLE_LENGTH),
    body=st.text(alphabet=ANY_TEXT, min_size=1, max_size=3_000).filter(str.strip),
    tags=st.lists(st.text(alphabet=ANY_TEXT, max_size=60), max_size=6),
    day=st.dates(min_value=date(2000, 1, 1), max_value=TODAY),
)
@example(title="  عنوان  ", body=BODY, tags=["Night Shift", "night  shift", " 😴 "], day=TODAY)
@example(title="\x00", body="\x00x\x00", tags=[], day=TODAY)
def test_any_title_body_and_tags_decrypt_to_themselves(
    vault: Vault, clock: FixedClock, title: str, body: str, tags: list[str], day: date
) -> None:
    saved = Services(vault, clock).journal.add(title=title, body=body, tags=tags, day=day)
    assert saved.body == body  # the body is kept exactly, whitespace and all
    assert saved.title == title.strip()  # the title is trimmed
    assert saved.tags == normalise_tags(tags)
    assert saved.date == day
    assert reread(vault, clock, saved.id) == saved


def test_an_entry_at_the_limits_survives_lock_and_unlock(
    vault: Vault, clock: FixedClock, data_dir: Path, passphrase: str
) -> None:
    body = (BODY * (MAX_BODY_LENGTH // len(BODY) + 1))[:MAX_BODY_LENGTH]
    title = ("Título 😌 " * 30)[:MAX_TITLE_LENGTH].replace(" ", "_")
    assert (len(body), len(title)) == (MAX_BODY_LENGTH, MAX_TITLE_LENGTH)
    saved = Services(vault, clock).journal.add(title=title, body=body, tags=["deployment"], day=YESTERDAY)
    vault.lock()
    reopened = Vault.open_with_passphrase(data_dir, passphrase, clock=clock)
    try:
        back = reread(reopened, clock, saved.id)
    finally:
        reopened.lock()
    assert back == saved
    assert back is not None and (back.title, back.body) == (title, body)


def test_defaults_and_display_title(services: Services) -> None:
    entry = services.journal.add(body="\n\n  First line of the day  \nsecond line")
    assert (entry.date, entry.title, entry.tags) == (TODAY, "", ())
    assert entry.updated_at.startswith("2026-11-25T09:00:00")  # ISO 8601 to the second, with the offset
    assert entry.display_title == "First line of the day"
    assert services.journal.add(title="  A title ", body="text").display_title == "A title"
    long_line = "word " * 40
    assert services.journal.add(body=long_line).display_title == long_line.strip()[:80] + "…"


def test_export_dict_uses_null_for_a_missing_title(services: Services) -> None:
    entry = services.journal.add(body="b", tags=["leave"], day="2026-11-01")
    assert entry.to_export_dict() == {
        "id": entry.id,
        "date": "2026-11-01",
        "title": None,
        "body": "b",
        "tags": ["leave"],
    }


# --- Validation --------------------------------------------------------------------------------------------

INVALID: list[tuple[dict[str, Any], str, str]] = [
    ({"body": ""}, "body", "empty"),
    ({"body": " \n\t "}, "body", "empty"),
    ({"body": None}, "body", "empty"),
    ({"body": "x" * (MAX_BODY_LENGTH + 1)}, "body", "200,000"),
    ({"body": "ok", "title": "t" * (MAX_TITLE_LENGTH + 1)}, "title", "200"),
    ({"body": "ok", "day": TODAY + timedelta(days=1)}, "date", "journal entries"),
    ({"body": "ok", "day": "2030-01-01"}, "date", "future"),
    ({"body": "ok", "day": "25/11/2026"}, "date", "YYYY-MM-DD"),
    ({"body": "ok", "tags": ["fine", "y" * 61]}, "tags", "60"),
]


@pytest.mark.parametrize(("values", "field", "wording"), INVALID, ids=[f"{v}"[:50] for v, _, _ in INVALID])
def test_invalid_entries_are_refused_and_change_nothing(
    services: Services, vault: Vault, values: dict[str, Any], field: str, wording: str
) -> None:
    existing = services.journal.add(title="Already here", body="kept", day=YESTERDAY)
    before = vault.store.count()
    with pytest.raises(InvalidInput) as refused:
        services.journal.add(**values)
    assert refused.value.field == field
    assert wording in str(refused.value)
    assert vault.store.count() == before
    assert services.journal.entries() == [existing]


def test_the_future_date_message_is_about_journal_entries(services: Services) -> None:
    with pytest.raises(InvalidInput, match=r"2026-11-26 is in the future; journal entries can only be"):
        services.journal.add(body="tomorrow", day="2026-11-26")


# --- Listing -----------------------------------------------------------------------------------------------


def test_entries_are_listed_newest_first_and_filtered(services: Services, clock: FixedClock) -> None:
    old = services.journal.add(body="old", tags=["Incident"], day="2026-10-01")
    first = services.journal.add(body="first today", tags=["night shift"])
    clock.moment += timedelta(minutes=5)
    second = services.journal.add(body="second today")
    middle = services.journal.add(body="yesterday", tags=["incident", "debrief"], day=YESTERDAY)
    assert services.journal.entries() == [second, first, middle, old]
    assert services.journal.entries(day_from=YESTERDAY) == [second, first, middle]
    assert services.journal.entries(day_to=YESTERDAY) == [middle, old]
    assert services.journal.entries(YESTERDAY, YESTERDAY) == [middle]
    assert services.journal.entries(tag="INCIDENT") == [middle, old]  # tags compare without case
    assert services.journal.entries(tag=" Night Shift ") == [first]
    assert services.journal.entries(tag="leave") == []


def test_a_damaged_entry_is_reported_and_the_rest_still_listed(services: Services, vault: Vault) -> None:
    good = services.journal.add(body="fine")
    broken_id = "00000000-0000-0000-0000-000000000002"
    vault.store.put("journal", broken_id, {"body": "t", "title": "x" * 500}, YESTERDAY)  # readable, invalid
    assert services.journal.entries() == [good]
    assert [damaged.record_id for damaged in services.journal.damaged] == [broken_id]


# --- Edit and delete ---------------------------------------------------------------------------------------


def test_an_edit_keeps_the_id_and_restamps_it(services: Services, clock: FixedClock, vault: Vault) -> None:
    entry = services.journal.add(title="Draft", body="first words", tags=["debrief"], day=YESTERDAY)
    count = vault.store.count()
    clock.moment = datetime(2026, 11, 25, 9, 30).astimezone()
    edited = services.journal.update(entry, title="Better", body="first words, and more")
    assert edited.id == entry.id
    assert edited.updated_at.startswith("2026-11-25T09:30:00")
    assert services.journal.get(entry.id) == edited
    assert vault.store.count() == count
    # The app's edit path: a validated rebuild with the same id.
    rebuilt = services.journal.build(body="rewritten", title="T", day=YESTERDAY, record_id=entry.id)
    services.journal.save(rebuilt)
    assert services.journal.entries() == [rebuilt]


def test_an_invalid_edit_is_refused_and_the_entry_stays(services: Services) -> None:
    entry = services.journal.add(title="Keep", body="keep me", day=YESTERDAY)
    with pytest.raises(InvalidInput):
        services.journal.update(entry, title="t" * (MAX_TITLE_LENGTH + 1))
    assert services.journal.entries() == [entry]


def test_delete_returns_the_entry(services: Services, vault: Vault) -> None:
    keep = services.journal.add(body="keep")
    gone = services.journal.add(title="Gone", body="remove me 🗑", tags=["leave"])
    assert services.journal.delete(gone.id) == gone
    assert services.journal.get(gone.id) is None
    assert services.journal.delete(gone.id) is None
    assert services.journal.entries() == [keep]
    assert vault.store.count("journal") == 1

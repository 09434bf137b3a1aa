"""InstrumentService and StatusService end to end through a real (cheap-KDF) vault.

The clock fixture is Wednesday 25 November 2026, so "the 14 days" are 12–25 November.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest

from wellbeing_app.checkins import CheckIn
from wellbeing_app.clock import FixedClock
from wellbeing_app.crisis import CrisisDirectory
from wellbeing_app.detection import Level
from wellbeing_app.detection.episode_store import EPISODE_KIND
from wellbeing_app.directory import ContactKind, Profile
from wellbeing_app.errors import IntegrityError, InvalidInput
from wellbeing_app.instruments.store import INSTRUMENT_KIND
from wellbeing_app.services import Services
from wellbeing_app.status import EMPTY_DIRECTORY_PROMPT, HEADLINES, ZONE_NOTES, StatusService
from wellbeing_app.storage.records import LoadResult, PendingRecord
from wellbeing_app.vault import Vault

TODAY = date(2026, 11, 25)
UNKIND = re.compile(r"warning|risk|score|alert|danger|urgent|depress|disorder|diagnos", re.IGNORECASE)
JSON_KEYS = ["as_of", "level", "enough_data", "reasons", "episode", "suggestions", "crisis_lines"]


def days_ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def add_moods(services: Services, moods: Iterable[int | None], *, last: date = TODAY) -> None:
    """One check-in a day, oldest first, the last one on `last`; None leaves a day without a check-in."""
    values = list(moods)
    records = []
    for offset, mood in enumerate(values):
        if mood is None:
            continue
        day = last - timedelta(days=len(values) - 1 - offset)
        checkin = CheckIn(
            id=f"00000000-0000-4000-8000-{day.toordinal():012d}", date=day, time=time(8), mood=mood
        )
        records.append(PendingRecord("checkin", checkin.id, checkin.to_payload(), day))
    services.vault.store.put_many(records)


def add_directory(services: Services, *, country: str | None = "GB") -> None:
    """A peer supporter and a debrief contact who share the user's experience, and a professional service."""
    directory = services.directory
    directory.set_profile(Profile.create(experience_tags="night shifts; ICU", country=country))
    directory.add_private({"name": "Sam Peer", "kind": "peer_supporter", "tags": "night shifts"})
    directory.add_private(
        {"name": "Alex Debrief", "kind": "debrief_contact", "tags": "night shifts; ICU", "phone": "+44 20 7"}
    )
    directory.add_private({"name": "Occupational Health", "kind": "professional_service"})
    directory.add_private({"name": "Bo Peer", "kind": "peer_supporter"})


def episode_count(services: Services) -> int:
    return services.vault.store.count(EPISODE_KIND)


def kind_words(*texts: str | None) -> None:
    for text in texts:
        assert text is None or not UNKIND.search(text), text


# -- the done-when scenarios -----------------------------------------------------------------------------------


def test_a_mostly_low_fortnight_is_orange_with_a_reason_and_a_matched_peer_first(services: Services) -> None:
    add_directory(services)
    add_moods(services, [3, 7, 3, 3, 7, 4, 3, 7, 3, 4, 7, 3, 3, 4])
    report = services.status.status()

    assert report.level is Level.ORANGE
    assert report.result.reasons[0].rule == "sustained_low"
    assert report.result.reasons[0].message == (
        "Your mood has been 4 or lower on 10 of the 14 days you checked in since 12 November."
    )
    first = report.suggestions[0]
    assert (first.contact.name, first.contact.kind) == ("Sam Peer", ContactKind.PEER_SUPPORTER)
    assert "also worked night shifts" in first.why
    # Peers first even though the debrief contact shares more experience; then the directory's order.
    assert [s.contact.name for s in report.suggestions] == ["Sam Peer", "Bo Peer", "Alex Debrief"]
    assert report.crisis_lines == ()
    assert report.banner.visible and not report.banner.crisis_lines
    assert report.alert is not None and report.alert.kind == "opened"
    assert report.episode is not None and report.episode.opened_on == TODAY
    assert not report.add_contacts_prompt
    kind_words(report.headline, report.zone_note, *(r.message for r in report.result.reasons))

    payload = report.to_json()
    assert list(payload) == JSON_KEYS
    assert payload["level"] == "orange" and payload["crisis_lines"] == []
    assert payload["episode"] == report.episode.to_payload()
    assert payload["suggestions"][0] == {
        "id": first.contact.id,
        "name": "Sam Peer",
        "kind": "peer_supporter",
        "phone": first.contact.phone,
        "email": first.contact.email,
        "url": first.contact.url,
        "why": ["also worked night shifts", "a trained peer supporter"],
    }


def test_red_puts_debrief_and_professional_first_and_crisis_lines_first(services: Services) -> None:
    add_directory(services)
    add_moods(services, [1, 2, 1, 1, 2, 1, 1, 5, 1, 2])
    report = services.status.status()

    assert report.level is Level.RED
    assert report.result.reasons[0].rule == "very_low"
    assert [s.contact.kind for s in report.suggestions] == [
        ContactKind.DEBRIEF_CONTACT,
        ContactKind.PROFESSIONAL_SERVICE,
        ContactKind.PEER_SUPPORTER,
    ]
    assert report.banner.crisis_lines
    emergency = [entry for entry in report.crisis_lines if entry.kind == "emergency"]
    assert [entry.phone for entry in emergency] == ["999", "112"]
    assert report.crisis_lines[: len(emergency)] == tuple(emergency)  # the emergency number comes first
    assert any(entry.name == "Samaritans" for entry in report.crisis_lines)
    payload = report.to_json()
    assert payload["crisis_lines"][0]["kind"] == "emergency"
    assert set(payload["crisis_lines"][0]) == {
        "kind",
        "name",
        "phone",
        "sms",
        "url",
        "hours",
        "for",
        "caution",
    }
    kind_words(report.headline, report.zone_note)


def test_red_keeps_crisis_lines_when_the_banner_is_acknowledged(services: Services) -> None:
    add_moods(services, [1] * 10)
    report = services.status.status()
    assert report.episode is not None
    services.status.acknowledge(report.episode.id)
    again = services.status.status()
    assert not again.banner.visible and again.banner.crisis_lines and again.crisis_lines


def test_one_bad_day_is_green_and_nothing_alarming(services: Services) -> None:
    add_directory(services)
    add_moods(services, [7, 8, 7, 6, 7, 8, 7, 7, 6, 8, 7, 7, 7, 1])
    report = services.status.status()

    assert report.level is Level.GREEN
    assert report.result.reasons == ()
    assert (report.episode, report.alert, report.suggestions, report.crisis_lines) == (None, None, (), ())
    assert not report.banner.visible and not report.add_contacts_prompt
    assert report.headline == HEADLINES[Level.GREEN] == "Things look steady."
    assert report.result.summary == "You've checked in on 7 of the last 7 days."
    assert episode_count(services) == 0
    assert report.to_json()["episode"] is None


def test_stale_data_gives_a_reminder_and_never_an_alert(services: Services) -> None:
    add_moods(services, [1] * 14, last=days_ago(8))
    report = services.status.status()
    assert report.level is Level.GREEN and report.result.stale
    assert report.alert is None and report.episode is None and not report.banner.visible
    assert report.headline == report.result.reminder
    assert report.headline.startswith("Your last check-in was on 17 November.")
    assert episode_count(services) == 0


@pytest.mark.parametrize(("gap", "named"), [(200, "9 May"), (1200, "13 August 2023")])
def test_the_reminder_names_a_last_check_in_from_long_ago(services: Services, gap: int, named: str) -> None:
    add_moods(services, [6], last=days_ago(gap))
    assert services.status.status().headline.startswith(f"Your last check-in was on {named}.")


def test_no_check_ins_at_all(services: Services) -> None:
    report = services.status.status()
    assert report.level is Level.GREEN and not report.result.enough_data
    assert report.headline.startswith("Check in whenever you are ready")


# -- episodes ---------------------------------------------------------------------------------------------------


def test_an_episode_is_stored_once_and_alerts_once_then_again_on_escalation(
    services: Services, clock: FixedClock
) -> None:
    add_moods(services, [3, 3, 7, 3, 3, 7, 3, 3, 7, 3], last=days_ago(1))
    first = services.status.status()
    assert first.level is Level.ORANGE and first.alert is not None and first.alert.kind == "opened"
    assert episode_count(services) == 1

    again = services.status.status()
    assert again.alert is None and again.episode == first.episode and again.banner.visible
    assert episode_count(services) == 1
    # A new unlock reads the stored episode: still no second alert.
    assert Services(services.vault, clock).status.status().alert is None

    clock.moment = datetime(2026, 11, 26, 9, 0).astimezone()
    add_moods(services, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], last=date(2026, 11, 26))
    worse = services.status.status()
    assert worse.level is Level.RED
    assert worse.alert is not None and worse.alert.kind == "escalated"
    assert worse.episode is not None and worse.episode.id == first.alert.episode_id
    assert worse.episode.peak_level is Level.RED
    assert episode_count(services) == 1
    assert services.status.status().alert is None


def test_snooze_persists_for_three_days_and_acknowledge_for_the_episode(
    services: Services, clock: FixedClock, vault: Vault
) -> None:
    add_moods(services, [3] * 14)
    episode = services.status.status().episode
    assert episode is not None
    snoozed = services.status.snooze(episode.id)
    assert snoozed.snooze_ends_on == date(2026, 11, 28)
    assert not Services(vault, clock).status.status().banner.visible

    clock.moment = datetime(2026, 11, 28, 9, 0).astimezone()
    add_moods(services, [3] * 3, last=date(2026, 11, 28))
    assert Services(vault, clock).status.status().banner.visible  # back on the 4th day

    acknowledged = Services(vault, clock).status.acknowledge(episode.id)
    assert acknowledged.acknowledged_on == date(2026, 11, 28)
    assert not Services(vault, clock).status.status().banner.visible
    assert [stored.acknowledged_on for stored in services.status.episodes()] == [date(2026, 11, 28)]


def test_acknowledging_a_closed_or_unknown_episode_says_so(services: Services) -> None:
    with pytest.raises(InvalidInput) as raised:
        services.status.acknowledge("00000000-0000-4000-8000-000000000000")
    assert raised.value.field == "episode"


def test_a_past_day_never_writes_and_shows_the_episode_open_then(services: Services) -> None:
    add_moods(services, [3] * 14, last=days_ago(3))
    add_moods(services, [8, 8, 8], last=TODAY)
    past = services.status.status(days_ago(3))
    assert past.level is Level.ORANGE and past.episode is None and past.alert is None
    assert past.banner.visible
    assert episode_count(services) == 0

    services.status.status()  # today: the fortnight is still mostly low, so an episode opens
    stored = services.status.episodes()
    assert len(stored) == 1
    assert services.status.status(days_ago(1)).episode is None  # it opened today, not yesterday
    assert services.status.status(TODAY).episode == stored[0]
    assert services.status.episodes() == stored


def test_record_episodes_false_gives_the_same_report_without_writing(services: Services) -> None:
    add_moods(services, [3] * 14)
    preview = services.status.status(record_episodes=False)
    assert preview.alert is None and preview.episode is not None
    assert episode_count(services) == 0
    recorded = services.status.status()
    assert recorded.alert is not None
    assert without_episode_id(preview.to_json()) == without_episode_id(recorded.to_json())


def without_episode_id(payload: dict[str, Any]) -> dict[str, Any]:
    return {**payload, "episode": {**payload["episode"], "id": ""}}


def test_a_future_day_is_refused(services: Services) -> None:
    with pytest.raises(InvalidInput) as raised:
        services.status.status(TODAY + timedelta(days=1))
    assert raised.value.field == "as_of"


# -- suggestions and crisis lines --------------------------------------------------------------------------------


def test_an_empty_directory_prompts_to_add_contacts(services: Services) -> None:
    add_moods(services, [3] * 14)
    report = services.status.status()
    assert report.level is Level.ORANGE
    assert report.suggestions == () and report.add_contacts_prompt
    assert report.to_json()["suggestions"] == []
    kind_words(EMPTY_DIRECTORY_PROMPT)


def test_no_suggestions_below_orange(services: Services) -> None:
    add_directory(services)
    add_moods(services, [7] * 11 + [3, 3, 3])  # a three-day low streak: yellow
    report = services.status.status()
    assert report.level is Level.YELLOW
    assert report.suggestions == () and not report.add_contacts_prompt and report.crisis_lines == ()
    assert report.headline == "A few hard days, it seems. Would writing about them help?"


@pytest.mark.parametrize(
    ("profile_country", "fallback", "first_number"),
    [("IE", "US", "112"), (None, "US", "911"), (None, None, "999")],
)
def test_crisis_country_is_the_profiles_then_the_fallback_then_gb(
    services: Services, profile_country: str | None, fallback: str | None, first_number: str
) -> None:
    services.directory.set_profile(Profile.create(country=profile_country))
    services.status.fallback_country = fallback
    add_moods(services, [1] * 10)
    assert services.status.status().crisis_lines[0].phone == first_number


def test_an_unlisted_country_still_names_the_local_emergency_number(services: Services) -> None:
    services.directory.set_profile(Profile.create(country="ZZ"))
    add_moods(services, [1] * 10)
    lines = services.status.status().crisis_lines
    assert lines[0].kind == "emergency" and lines[0].name == "Your local emergency number"
    assert any(entry.kind == "directory" and entry.url for entry in lines[1:])


def test_an_unreadable_crisis_list_still_gives_an_emergency_line(vault: Vault, clock: FixedClock) -> None:
    def broken() -> CrisisDirectory:
        raise IntegrityError("damaged")

    services = Services(vault, clock)
    add_moods(services, [1] * 10)
    status = StatusService(
        vault.store, clock, services.directory, services.checkins, services.instruments, broken
    )
    [line] = status.status().crisis_lines
    assert line.kind == "emergency" and line.audience == "In an emergency, call your local emergency number."


# -- reading only what is needed -----------------------------------------------------------------------------------


def test_only_the_needed_window_is_decrypted(services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    add_moods(services, [6] * 400)
    calls: list[tuple[str, date | None, date | None]] = []
    original = services.vault.store.load

    def spy(kind: str, *, day_from: date | None = None, day_to: date | None = None) -> LoadResult:
        calls.append((kind, day_from, day_to))
        return original(kind, day_from=day_from, day_to=day_to)

    monkeypatch.setattr(services.vault.store, "load", spy)
    services.status.status()
    assert ("checkin", days_ago(66), TODAY) in calls
    assert ("instrument", days_ago(27), TODAY) in calls
    assert all(day_from is not None for kind, day_from, _ in calls if kind in ("checkin", "instrument"))


def test_a_long_low_run_is_followed_back_to_where_it_began(services: Services) -> None:
    add_moods(services, [7] + [3] * 100)
    reasons = {reason.rule: reason.message for reason in services.status.status().result.reasons}
    assert reasons["low_streak"] == (
        "Your mood has been 3 or lower for 100 days in a row, from 18 August to 25 November."
    )


# -- questionnaires ----------------------------------------------------------------------------------------------


def test_questionnaires_are_saved_listed_and_count_in_the_status(services: Services) -> None:
    instruments = services.instruments
    assert instruments.is_due("who5") and instruments.next_due("who5") is None
    saved = instruments.add("who5", [1, 1, 1, 1, 1], days_ago(2))
    instruments.add("burnout", [2])
    assert services.vault.store.count(INSTRUMENT_KIND) == 2
    assert [result.kind for result in instruments.between()] == ["who5", "burnout"]
    assert instruments.latest("who5") == saved
    assert not instruments.is_due("who5") and instruments.next_due("who5") == date(2026, 12, 7)
    assert not instruments.is_due("burnout")

    add_moods(services, [7] * 14)
    report = services.status.status()
    assert report.level is Level.RED  # WHO-5 of 20 out of 100
    assert report.result.reasons[0].rule == "who5_low"


def test_a_questionnaire_cannot_be_dated_in_the_future(services: Services) -> None:
    with pytest.raises(InvalidInput) as raised:
        services.instruments.add("burnout", [3], TODAY + timedelta(days=1))
    assert raised.value.field == "date"
    assert services.vault.store.count(INSTRUMENT_KIND) == 0


@pytest.mark.parametrize(
    ("kind", "answers", "field"), [("who5", [1, 2, 3], "answers"), ("burnout", [6], "answer")]
)
def test_incomplete_or_out_of_range_answers_are_refused(
    services: Services, kind: Any, answers: list[int], field: str
) -> None:
    with pytest.raises(InvalidInput) as raised:
        services.instruments.add(kind, answers)
    assert raised.value.field == field


def test_the_wording_is_kind_everywhere() -> None:
    kind_words(*HEADLINES.values(), *ZONE_NOTES.values(), EMPTY_DIRECTORY_PROMPT)

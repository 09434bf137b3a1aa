"""Tags: free text, trimmed and single-spaced, compared without regard to case; the first spelling is kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wellbeing_app.checkins import tag_values
from wellbeing_app.clock import FixedClock
from wellbeing_app.errors import InvalidInput
from wellbeing_app.services import Services
from wellbeing_app.tags import (
    EVENT_TAGS,
    MAX_TAG_LENGTH,
    SHIFT_TAGS,
    SUGGESTED_TAGS,
    has_tag,
    normalise_tags,
    split_tags,
)
from wellbeing_app.vault import Vault


def test_suggestions_cover_shifts_and_events() -> None:
    assert SHIFT_TAGS == ("day shift", "night shift", "on call", "day off", "leave")
    assert EVENT_TAGS == ("patient death", "difficult conversation", "incident", "deployment", "debrief")
    assert SUGGESTED_TAGS == SHIFT_TAGS + EVENT_TAGS
    assert normalise_tags(SUGGESTED_TAGS) == SUGGESTED_TAGS


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        (["Night Shift", "night shift", "NIGHT SHIFT"], ("Night Shift",)),  # first spelling wins
        (["debrief", "Debrief", "incident"], ("debrief", "incident")),
        (["  on   call  ", "on call"], ("on call",)),  # whitespace trimmed and collapsed before comparing
        (["day\toff", "day\n off"], ("day off",)),
        (["", "   ", "\n"], ()),  # blanks dropped
        (["Straße", "STRASSE", "strasse"], ("Straße",)),  # casefold: ß and ss are the same tag
        (["ICU", "icu", "Icu"], ("ICU",)),
        (["😴", "😴 ", "nap 😴"], ("😴", "nap 😴")),
        (["مناوبة ليلية", "مناوبة  ليلية"], ("مناوبة ليلية",)),
        ([], ()),
    ],
)
def test_normalise_tags(typed: list[str], kept: tuple[str, ...]) -> None:
    assert normalise_tags(typed) == kept


@pytest.mark.parametrize(
    ("field_text", "tags"),
    [
        ("night shift, debrief; incident", ("night shift", "debrief", "incident")),
        ("night shift;Night Shift,  NIGHT   shift ", ("night shift",)),
        (" ,; ;, ", ()),
        ("", ()),
        ("on call", ("on call",)),
        ("a;b,c", ("a", "b", "c")),
    ],
)
def test_split_tags_on_commas_and_semicolons(field_text: str, tags: tuple[str, ...]) -> None:
    assert split_tags(field_text) == tags


def test_a_tag_at_the_limit_is_kept_and_a_longer_one_refused() -> None:
    assert normalise_tags(["x" * MAX_TAG_LENGTH]) == ("x" * MAX_TAG_LENGTH,)
    assert normalise_tags(["  " + "x" * MAX_TAG_LENGTH + "  "]) == ("x" * MAX_TAG_LENGTH,)  # counted trimmed
    with pytest.raises(InvalidInput, match=r"longer than 60 characters") as refused:
        normalise_tags(["ok", "x" * (MAX_TAG_LENGTH + 1)])
    assert refused.value.field == "tags"
    with pytest.raises(InvalidInput) as named:
        split_tags("fine, " + "y" * 61)
    assert named.value.field == "tags"
    with pytest.raises(InvalidInput) as custom:
        normalise_tags(["z" * 61], field="activities")
    assert custom.value.field == "activities"


@pytest.mark.parametrize(
    ("tags", "wanted", "found"),
    [
        (("Night Shift", "debrief"), "night shift", True),
        (("Night Shift", "debrief"), "  NIGHT SHIFT ", True),
        (("Night Shift",), "night", False),  # whole tags, not parts of them
        (("Straße",), "STRASSE", True),
        ((), "anything", False),
    ],
)
def test_has_tag(tags: tuple[str, ...], wanted: str, found: bool) -> None:
    assert has_tag(tags, wanted) is found


def test_tags_stored_as_text_or_a_list() -> None:
    assert tag_values({"tags": "night shift;debrief,incident"}) == ["night shift", "debrief", "incident"]
    assert tag_values({"tags": ["a", "b"]}) == ["a", "b"]
    assert tag_values({"tags": None}) == [] and tag_values({}) == []
    with pytest.raises(InvalidInput) as refused:
        tag_values({"tags": ["a", 3]})
    assert refused.value.field == "tags"


def test_check_ins_and_entries_store_normalised_tags(vault: Vault, clock: FixedClock) -> None:
    services = Services(vault, clock)
    checkin = services.checkins.add(mood=5, tags=["Night  Shift", "night shift", " debrief ", ""])
    entry = services.journal.add(body="text", tags=["On Call", "on call", "Incident"])
    assert services.checkins.get(checkin.id) == checkin
    assert checkin.tags == ("Night Shift", "debrief")
    assert services.journal.get(entry.id) == entry
    assert entry.tags == ("On Call", "Incident")
    assert services.journal.entries(tag="on call") == [entry]


TAG_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=MAX_TAG_LENGTH)


@given(st.lists(TAG_TEXT, max_size=12))
def test_normalised_tags_are_tidy_unique_and_stable(typed: list[str]) -> None:
    tags = normalise_tags(typed)
    assert all(tag and tag == " ".join(tag.split()) for tag in tags)
    assert len({tag.casefold() for tag in tags}) == len(tags)
    assert normalise_tags(tags) == tags  # idempotent
    assert normalise_tags([*tags, *typed]) == tags  # nothing typed later displaces a first spelling
    assert all(has_tag(tags, raw) for raw in typed if raw.split() and raw.strip() == " ".join(raw.split()))

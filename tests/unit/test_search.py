"""Full-text search over journal entries and check-in notes, as the Journal page and `journal search` use it.

Semantics pinned here: folding is lower-case via casefold with accents stripped after NFKD (so "ß" is "ss" and
the "ﬁ" ligature is "fi"), every query word must occur (AND) as a substring anywhere in the title or text, results
are newest first by date and then time, and within one day journal entries come before that day's check-ins.
"""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from wellbeing_app.clock import FixedClock
from wellbeing_app.search import SearchHit, SearchIndex
from wellbeing_app.services import Services
from wellbeing_app.textsearch import fold, highlight_spans, matches_all, query_words, snippet
from wellbeing_app.vault import Vault

TODAY = date(2026, 11, 25)  # the conftest clock: Wednesday 25 November 2026, 09:00
YESTERDAY = TODAY - timedelta(days=1)


@pytest.fixture
def services(vault: Vault, clock: FixedClock) -> Services:
    assert clock.today() == TODAY
    return Services(vault, clock)


def ids(hits: list[SearchHit]) -> list[str]:
    return [hit.id for hit in hits]


# --- Folding: case- and accent-insensitive -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("CAFE", "cafe"),
        ("café", "cafe"),
        ("cafe\u0301", "cafe"),  # decomposed accent (as macOS often types it)
        ("Résumé", "resume"),
        ("ÉNERGIE", "energie"),
        ("Straße", "strasse"),  # casefold: ß is ss
        ("STRASSE", "strasse"),
        ("ẞ", "ss"),  # capital sharp s
        ("ﬁnal", "final"),  # NFKD splits the ligature
        ("Ærø", "ærø"),  # letters that are not "letter + accent" stay themselves
        ("İstanbul", "istanbul"),
        ("ΣΊΣΥΦΟΣ", "σισυφοσ"),
        ("مرحبا", "مرحبا"),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


@pytest.mark.parametrize(
    ("query", "stored"),
    [
        ("CAFE", "Met Sam at the café after handover."),
        ("café", "Met Sam at the CAFE after handover."),
        ("cafe\u0301", "Met Sam at the café after handover."),
        ("resume", "Updated my résumé tonight."),
        ("RÉSUMÉ", "Updated my resume tonight."),
        ("strasse", "Lange Schicht in der Straße."),
        ("Straße", "Lange Schicht in der STRASSE."),
        ("final", "The ﬁnal debrief went well."),
        ("ﬁnal", "The final debrief went well."),
        ("müde", "Sehr MUDE heute."),
    ],
)
def test_search_ignores_case_and_accents(services: Services, query: str, stored: str) -> None:
    entry = services.journal.add(body=stored)
    note = services.checkins.add(mood=5, note=stored)
    assert set(ids(services.search.search(query))) == {entry.id, note.id}


# --- Matching ----------------------------------------------------------------------------------------------


def test_all_words_must_match_in_any_order_and_anywhere(services: Services) -> None:
    both = services.journal.add(body="Night shift, then a difficult conversation with the family.")
    one = services.journal.add(body="Another night at home.")
    split = services.journal.add(title="Night", body="shift swap agreed")  # title and body together
    note = services.checkins.add(mood=4, note="shift started late; the night was long")
    assert set(ids(services.search.search("night shift"))) == {both.id, split.id, note.id}
    assert set(ids(services.search.search("SHIFT   night"))) == {both.id, split.id, note.id}
    assert ids(services.search.search("night home")) == [one.id]
    assert services.search.search("night holiday") == []


def test_words_match_inside_longer_words(services: Services) -> None:
    entry = services.journal.add(body="Running on empty after the debriefing.")
    assert ids(services.search.search("run brief")) == [entry.id]


@pytest.mark.parametrize("query", ["", "   ", "\n\t"])
def test_an_empty_query_finds_nothing(services: Services, query: str) -> None:
    services.journal.add(body="anything")
    services.checkins.add(mood=5, note="anything")
    assert services.search.search(query) == []


def test_journal_titles_are_searched_but_check_ins_without_a_note_are_not(services: Services) -> None:
    entry = services.journal.add(title="Deployment week", body="Nothing else to say.")
    services.checkins.add(mood=5, tags=["deployment"])  # tags are not searched; no note, nothing to find
    hits = services.search.search("deployment")
    assert ids(hits) == [entry.id]
    assert hits[0].snippet == "Nothing else to say."  # the snippet comes from the body


# --- Results -----------------------------------------------------------------------------------------------


def test_results_are_newest_first_with_journal_entries_on_top_of_their_day(
    services: Services, clock: FixedClock
) -> None:
    old = services.journal.add(body="tired again", day="2026-10-01")
    morning = services.checkins.add(mood=3, note="tired", day=YESTERDAY, at="07:00")
    evening = services.checkins.add(mood=4, note="tired but ok", day=YESTERDAY, at="21:30")
    diary = services.journal.add(body="So tired.", day=YESTERDAY)
    clock.moment += timedelta(minutes=10)
    later_diary = services.journal.add(body="Still tired.", day=YESTERDAY)
    today = services.checkins.add(mood=5, note="less tired", at="08:00")
    assert ids(services.search.search("tired")) == [
        today.id,
        later_diary.id,  # same day: the last written journal entry first,
        diary.id,
        evening.id,  # then that day's check-ins, latest time first
        morning.id,
        old.id,
    ]
    assert ids(services.search.search("tired", limit=2)) == [today.id, later_diary.id]
    assert ids(services.search.search("tired", kinds=("checkin",))) == [today.id, evening.id, morning.id]
    assert ids(services.search.search("tired", kinds=("journal",))) == [later_diary.id, diary.id, old.id]


def test_hits_say_what_they_are(services: Services) -> None:
    entry = services.journal.add(
        title="After the incident", body="We talked about the incident.", day=YESTERDAY
    )
    untitled = services.journal.add(body="\nincident report filed\nmore")
    note = services.checkins.add(mood=2, note="incident on the ward", at="08:15")
    hits = {hit.id: hit for hit in services.search.search("incident")}
    assert (hits[entry.id].kind, hits[entry.id].title) == ("journal", "After the incident")
    assert (hits[untitled.id].kind, hits[untitled.id].title) == ("journal", "incident report filed")
    assert (hits[note.id].kind, hits[note.id].title) == ("checkin", "Check-in 08:15 · mood 2")
    assert hits[entry.id].to_json() == {
        "id": entry.id,
        "date": "2026-11-24",
        "title": "After the incident",
        "snippet": "We talked about the incident.",
        "kind": "journal",
    }
    for hit in hits.values():
        assert set(hit.to_json()) == {"id", "date", "title", "snippet", "kind"}
        assert all(isinstance(value, str) for value in hit.to_json().values())


def test_the_snippet_surrounds_the_first_match_with_ellipses(services: Services) -> None:
    before = " ".join(f"before{n}" for n in range(60))
    after = " ".join(f"after{n}" for n in range(60))
    entry = services.journal.add(
        body=f"{before}\n\nThe   Supervisor   said\tthanks. {after} supervisor again"
    )
    [hit] = services.search.search("SUPERVISOR")
    assert hit.id == entry.id
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert "The Supervisor said thanks." in hit.snippet  # whitespace flattened, original case kept
    assert "supervisor again" not in hit.snippet  # around the first match, not the last
    inner = hit.snippet.strip("…")
    assert inner == inner.strip() and len(inner) <= 120
    assert inner.split()[0].startswith("before") and inner.split()[-1].startswith("after")  # whole words


def test_a_short_text_is_its_own_snippet() -> None:
    assert snippet("Short  note\nwith a match", ["match"]) == "Short note with a match"
    assert snippet("x" * 130, []) == "x" * 120 + "…"
    assert snippet("caf\u00e9 " + "word " * 40 + "ﬁnal end", ["final"]).endswith("ﬁnal end")


def test_the_snippet_contains_the_match_in_german_text_typed_with_decomposed_accents() -> None:
    before = "Die Straße ist groß und heiß. " * 30  # every ß folds to two letters
    after = unicodedata.normalize("NFD", "Müde, aber für morgen gut. ") * 45  # every ü loses its mark
    body = before + "Supervision hilft. " + after
    assert len(fold(body)) == len(body)  # the shifts cancel out exactly
    assert "Supervision" in snippet(body, query_words("supervision"))


# --- The index follows every change ------------------------------------------------------------------------


def test_the_index_follows_saves_edits_deletes_and_undo(services: Services) -> None:
    assert services.search.search("anything") == []  # builds the (empty) index
    assert services.search.built
    entry = services.journal.add(title="Handover", body="The handover was rushed.")
    checkin = services.checkins.add(mood=4, note="Rushed handover again", at="08:00")
    assert set(ids(services.search.search("handover"))) == {entry.id, checkin.id}

    services.journal.save(services.journal.build(body="A calm evening.", record_id=entry.id))
    services.checkins.update(checkin, note="Calm handover for once")
    assert ids(services.search.search("rushed")) == []
    assert ids(services.search.search("calm")) == [entry.id, checkin.id]
    assert ids(services.search.search("handover")) == [checkin.id]

    services.checkins.update(checkin, note="   ")  # a note cleared: nothing left to find
    assert ids(services.search.search("calm")) == [entry.id]
    services.checkins.update(checkin, note="calm again")

    deleted = services.checkins.delete(checkin.id)
    services.journal.delete(entry.id)
    assert services.search.search("calm") == []
    assert deleted is not None
    services.checkins.restore(deleted)  # undo
    assert ids(services.search.search("calm")) == [checkin.id]


def test_a_fresh_index_sees_what_was_saved_before_it(services: Services, vault: Vault) -> None:
    entry = services.journal.add(body="written before the first search")
    assert not services.search.built
    assert ids(SearchIndex(vault.store).search("first search")) == [entry.id]
    services.records_changed_elsewhere(frozenset({"journal"}))
    assert ids(services.search.search("written")) == [entry.id]


def test_matching_ids_filters_by_kind(services: Services) -> None:
    entry = services.journal.add(body="night shift")
    other = services.journal.add(body="day off")
    note = services.checkins.add(mood=5, note="night shift")
    assert services.search.matching_ids("NIGHT", "journal") == {entry.id}
    assert services.search.matching_ids("night", "checkin") == {note.id}
    assert services.search.matching_ids("night off", "journal") == set()
    # An empty filter hides nothing (the Journal page shows the whole list).
    assert services.search.matching_ids("  ", "journal") == {entry.id, other.id}


def test_damaged_records_are_skipped_and_the_rest_found(services: Services, vault: Vault) -> None:
    good = services.journal.add(body="pager went off")
    broken = services.journal.add(body="pager went off too")
    good_note = services.checkins.add(mood=5, note="pager duty", at="08:00")
    broken_note = services.checkins.add(mood=5, note="pager duty too", at="07:00")
    with vault.engine.begin() as conn:
        conn.execute(text("UPDATE records SET payload = X'00' WHERE id = :id"), {"id": broken.id})
        sealed = conn.execute(
            text("SELECT payload FROM records WHERE id = :id"), {"id": broken_note.id}
        ).scalar_one()
        flipped = sealed[:-1] + bytes([sealed[-1] ^ 1])  # one bit of the authentication tag
        conn.execute(
            text("UPDATE records SET payload = :p WHERE id = :id"), {"p": flipped, "id": broken_note.id}
        )
    invalid_id = "00000000-0000-0000-0000-000000000003"
    vault.store.put("checkin", invalid_id, {"mood": 99, "note": "pager"}, YESTERDAY)  # decrypts, but invalid
    assert [len(vault.store.load(kind).damaged) for kind in ("journal", "checkin")] == [1, 1]
    fresh = Services(vault, services.clock)
    assert set(ids(fresh.search.search("pager"))) == {good.id, good_note.id}


# --- Highlighting ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "query", "highlighted"),
    [
        ("The ﬁnal word", "fi", ["ﬁ"]),
        ("The ﬁnal word", "final", ["ﬁnal"]),
        ("ﬁnal", "in", ["ﬁn"]),  # starts inside the ligature: the whole ligature is marked
        ("Café crème", "CAFE creme", ["Café", "crème"]),
        ("cafe\u0301 au lait", "cafe", ["cafe\u0301"]),  # the combining accent goes with its letter
        ("Straße", "strasse", ["Straße"]),
        ("STRASSE", "straße", ["STRASSE"]),
        ("Résumé; résumé again", "resume", ["Résumé", "résumé"]),
        ("😮‍💨 tired 😮‍💨 TIRED", "tired", ["tired", "TIRED"]),
        ("no match here", "absent", []),
    ],
)
def test_highlight_spans_map_back_to_the_original_text(
    original: str, query: str, highlighted: list[str]
) -> None:
    spans = highlight_spans(original, query_words(query))
    assert [original[start : start + length] for start, length in spans] == highlighted


def test_highlight_spans_of_no_words() -> None:
    assert highlight_spans("anything", []) == []


def test_a_match_ending_inside_an_expansion_highlights_the_whole_character() -> None:
    assert highlight_spans("Straße", ["stras"]) == [(0, 5)]


# Letters, accented letters and free combining marks: every character folds to at most one character.
SIMPLE = st.text(alphabet=st.sampled_from("aAbBeEéÉèüÜçÇñ \u0301\u0308\u0327xyz"), max_size=40)


@given(original=SIMPLE, data=st.data())
def test_each_highlight_folds_back_to_the_word(original: str, data: st.DataObject) -> None:
    folded = fold(original)
    start = data.draw(st.integers(0, max(0, len(folded) - 1)))
    word = folded[start : start + data.draw(st.integers(1, 4))].strip()
    if not word or " " in word:
        return
    spans = highlight_spans(original, [word])
    assert spans, (original, word)
    for begin, length in spans:
        assert 0 <= begin < begin + length <= len(original)
        assert fold(original[begin : begin + length]) == word
    assert matches_all(folded, [word])

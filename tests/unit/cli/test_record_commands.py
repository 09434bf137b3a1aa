"""checkin list|edit|delete and journal show|edit|delete: every saved record reachable (issue 11)."""

from __future__ import annotations

import io
import json
import sys
from datetime import date, time
from pathlib import Path

import pytest

from tests.helpers.cli import PASSPHRASE, Cli, run_main, unlocked
from wellbeing_app.clock import FixedClock


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def checkin_ids(cli: Cli) -> list[str]:
    return [item["id"] for item in json.loads(cli("checkin", "list", "--json").out)]


def entry_ids(cli: Cli) -> list[str]:
    return [item["id"] for item in json.loads(cli("journal", "list", "--json").out)]


@pytest.fixture
def two_checkins(cli: Cli) -> list[str]:
    assert (
        cli("checkin", "--mood", "3", "--date", "2026-11-20", "--time", "22:15", "--tag", "night shift").code
        == 0
    )
    assert (
        cli(
            "checkin", "--mood", "7", "--energy", "6", "--sleep-hours", "7.5", "--note", "Walk by the sea"
        ).code
        == 0
    )
    return checkin_ids(cli)


# -- checkin list ---------------------------------------------------------------------------------------------


def test_checkin_list_newest_first_with_short_ids(cli: Cli, two_checkins: list[str]) -> None:
    result = cli("checkin", "list")
    assert (result.code, result.err) == (0, "")
    newest, oldest = two_checkins
    assert result.out.splitlines() == [
        f"{newest[:8]}  2026-11-25 09:00  mood 7 · energy 6 · sleep 7.5 h  Walk by the sea",
        f"{oldest[:8]}  2026-11-20 22:15  mood 3  [night shift]",
    ]
    ranged = cli("checkin", "list", "--from", "2026-11-21", "--to", "2026-11-25", "--json")
    assert [item["mood"] for item in json.loads(ranged.out)] == [7]


def test_checkin_list_when_empty_and_bad_range(cli: Cli) -> None:
    assert cli("checkin", "list").out == "No check-ins yet.\n"
    assert cli("checkin", "list", "--from", "2026-01-01").out == "No check-ins match.\n"
    refused = cli("checkin", "list", "--from", "2026-11-10", "--to", "2026-11-01")
    assert refused.code == 2 and "swap them" in refused.err


# -- checkin edit ---------------------------------------------------------------------------------------------


def test_checkin_edit_changes_only_what_is_given(
    cli: Cli, two_checkins: list[str], cli_vault: Path, clock: FixedClock
) -> None:
    oldest = two_checkins[1]
    result = cli("checkin", "edit", oldest[:6], "--mood", "4", "--note", "-", stdin="Talked to Sam after.\n")
    assert (result.code, result.err) == (0, "")
    assert result.out == "Changed your check-in of 20 Nov 2026, 22:15.\n"
    with unlocked(cli_vault, clock) as services:
        changed = services.checkins.get(oldest)
    assert changed is not None
    assert (changed.mood, changed.note, changed.tags, changed.date, changed.time) == (
        4,
        "Talked to Sam after.",
        ("night shift",),
        date(2026, 11, 20),
        time(22, 15),
    )
    moved = cli("checkin", "edit", oldest, "--date", "2026-11-19", "--time", "07:30", "--tag", "")
    assert moved.out == "Changed your check-in of 19 Nov 2026, 07:30.\n"
    with unlocked(cli_vault, clock) as services:
        again = services.checkins.get(oldest)
    assert again is not None and (again.date, again.time, again.tags) == (date(2026, 11, 19), time(7, 30), ())


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["{id}", "--mood", "11"], "--mood must be a whole number from 0 to 10, not 11."),
        (["{id}", "--date", "2026-11-26"], "--date 2026-11-26 is in the future"),
        (["{id}", "--time", "10:00", "--date", "2026-11-25"], "--time 10:00 today is later than now (09:00)"),
        (["{id}"], "Give at least one change"),
        (["zzzzzzzz", "--mood", "5"], "No check-in has the id 'zzzzzzzz'"),
        (["ab", "--mood", "5"], "at least 4 characters"),
    ],
)
def test_checkin_edit_refuses_like_adding_and_changes_nothing(
    cli: Cli, two_checkins: list[str], argv: list[str], expected: str
) -> None:
    before = cli("checkin", "list", "--json").out
    result = cli("checkin", "edit", *[arg.format(id=two_checkins[0]) for arg in argv])
    assert result.code == 2
    assert expected in result.err
    assert cli("checkin", "list", "--json").out == before


# -- checkin delete -------------------------------------------------------------------------------------------


def test_checkin_delete_with_yes(cli: Cli, two_checkins: list[str]) -> None:
    result = cli("checkin", "delete", two_checkins[1], "--yes")
    assert (result.code, result.out) == (0, "Deleted your check-in of 20 Nov 2026, 22:15.\n")
    assert checkin_ids(cli) == [two_checkins[0]]


def test_checkin_delete_without_a_terminal_or_yes_is_refused(cli: Cli, two_checkins: list[str]) -> None:
    result = cli("checkin", "delete", two_checkins[1])
    assert result.code == 2 and "--yes" in result.err
    assert checkin_ids(cli) == two_checkins


@pytest.mark.parametrize(("answer", "kept"), [("y\n", False), ("\n", True), ("no\n", True)])
def test_checkin_delete_asks_on_a_terminal(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    cli: Cli,
    cli_vault: Path,
    clock: FixedClock,
    two_checkins: list[str],
    answer: str,
    kept: bool,
) -> None:
    monkeypatch.setattr(sys, "stdin", _Terminal(answer))
    argv = ["--data-dir", str(cli_vault), "checkin", "delete", two_checkins[1]]
    result = run_main(capsys, argv, {"WELLBEING_PASSPHRASE": PASSPHRASE}, clock)
    assert result.code == 0
    assert result.err == "Delete your check-in of 20 Nov 2026, 22:15 (mood 3)? [y/N] "
    assert result.out == (
        "Nothing was deleted.\n" if kept else "Deleted your check-in of 20 Nov 2026, 22:15.\n"
    )
    assert (two_checkins[1] in checkin_ids(cli)) is kept


# -- journal show, edit, delete -------------------------------------------------------------------------------


@pytest.fixture
def entry(cli: Cli) -> str:
    added = cli(
        "journal",
        "add",
        "--title",
        "Long night",
        "--tag",
        "debrief",
        "--date",
        "2026-11-10",
        "-",
        stdin="Hard shift.\nTalked it through with Sam.\n",
    )
    assert added.code == 0
    [entry_id] = entry_ids(cli)
    return entry_id


def test_journal_show_in_full(cli: Cli, entry: str) -> None:
    result = cli("journal", "show", entry[:8])
    assert (result.code, result.err) == (0, "")
    assert result.out == "Long night\n10 Nov 2026  [debrief]\n\nHard shift.\nTalked it through with Sam.\n"
    shown = json.loads(cli("journal", "show", entry, "--json").out)
    assert shown == {
        "id": entry,
        "date": "2026-11-10",
        "title": "Long night",
        "body": "Hard shift.\nTalked it through with Sam.",
        "tags": ["debrief"],
    }


def test_journal_edit_title_tags_day_and_text(cli: Cli, entry: str) -> None:
    result = cli(
        "journal",
        "edit",
        entry[:5],
        "--title",
        "",
        "--tag",
        "night shift",
        "--tag",
        "team",
        "--date",
        "2026-11-11",
        "A better ending.",
    )
    assert (result.code, result.err) == (0, "")
    assert result.out == "Changed your journal entry of 11 Nov 2026 (“A better ending.”).\n"
    shown = json.loads(cli("journal", "show", entry, "--json").out)
    assert (shown["title"], shown["tags"], shown["date"], shown["body"]) == (
        None,
        ["night shift", "team"],
        "2026-11-11",
        "A better ending.",
    )
    from_input = cli("journal", "edit", entry, "-", stdin="Written again, privately.\n")
    assert from_input.code == 0
    assert json.loads(cli("journal", "show", entry, "--json").out)["body"] == "Written again, privately."


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["{id}"], "Give at least one change"),
        (["{id}", "--title", "t" * 201], "--title is 201 characters long; the limit is 200."),
        (["{id}", "--date", "2026-12-01"], "--date 2026-12-01 is in the future"),
        (["{id}", "   "], "The entry is empty"),
        (["00000000", "--title", "x"], "No journal entry has the id '00000000'"),
        (["{id}", "--title", "x", "two", "texts"], "unrecognized arguments: two texts"),
    ],
)
def test_journal_edit_refuses_like_adding_and_changes_nothing(
    cli: Cli, entry: str, argv: list[str], expected: str
) -> None:
    before = cli("journal", "show", entry, "--json").out
    result = cli("journal", "edit", *[arg.format(id=entry) for arg in argv])
    assert result.code == 2
    assert expected in result.err
    assert cli("journal", "show", entry, "--json").out == before


def test_journal_delete(cli: Cli, entry: str) -> None:
    refused = cli("journal", "delete", entry)
    assert refused.code == 2 and "--yes" in refused.err
    result = cli("journal", "delete", entry[:8], "--yes")
    assert (result.code, result.out) == (0, "Deleted your journal entry of 10 Nov 2026 (“Long night”).\n")
    assert entry_ids(cli) == []
    assert cli("journal", "show", entry).code == 2


def test_a_prefix_shared_by_two_ids_asks_for_more(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = iter(["abcd1111-0000-4000-8000-000000000000", "abcd2222-0000-4000-8000-000000000000"])
    monkeypatch.setattr("wellbeing_app.checkins.new_id", lambda: next(ids))
    cli("checkin", "--mood", "5")
    cli("checkin", "--mood", "6")
    result = cli("checkin", "delete", "abcd", "--yes")
    assert result.code == 2 and "start of 2 ids" in result.err
    assert cli("checkin", "delete", "abcd2", "--yes").code == 0

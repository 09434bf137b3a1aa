"""`instrument who5|burnout` and `status` through main(argv, environ=..., clock=...) in-process, plus the
"instruments" section of export and import."""

from __future__ import annotations

import json
import re
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from tests.helpers.cli import Cli, create_vault, unlocked
from wellbeing_app.checkins import CheckIn
from wellbeing_app.clock import FixedClock
from wellbeing_app.crypto.kdf import KdfParams
from wellbeing_app.directory import Profile
from wellbeing_app.storage.records import PendingRecord

TODAY = date(2026, 11, 25)
UNKIND = re.compile(r"warning|risk|score|alert|danger|urgent|depress|disorder|diagnos", re.IGNORECASE)
JSON_KEYS = ["as_of", "level", "enough_data", "reasons", "episode", "suggestions", "crisis_lines"]


@pytest.fixture
def status_vault(cli_vault: Path) -> Path:
    return cli_vault


def add_moods(data_dir: Path, clock: FixedClock, moods: list[int]) -> None:
    """One check-in a day, the last one today."""
    with unlocked(data_dir, clock) as services:
        records = []
        for offset, mood in enumerate(reversed(moods)):
            day = TODAY - timedelta(days=offset)
            checkin = CheckIn(
                id=f"00000000-0000-4000-8000-{day.toordinal():012d}", date=day, time=time(8), mood=mood
            )
            records.append(PendingRecord("checkin", checkin.id, checkin.to_payload(), day))
        services.vault.store.put_many(records)


def record_count(data_dir: Path, clock: FixedClock, kind: str) -> int:
    with unlocked(data_dir, clock) as services:
        return services.vault.store.count(kind)


# -- instrument -------------------------------------------------------------------------------------------------


def test_who5_is_saved_with_a_calm_confirmation(cli: Cli, status_vault: Path, clock: FixedClock) -> None:
    result = cli("instrument", "who5", "--answers", "3, 4,5,2,1")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Saved your WHO-5 answers for 25 Nov 2026 (total 15 of 25). Thank you; only you can see them.\n"
    )
    with unlocked(status_vault, clock) as services:
        [saved] = services.instruments.between()
    assert (saved.kind, saved.answers, saved.score, saved.date) == ("who5", (3, 4, 5, 2, 1), 15, TODAY)


def test_burnout_is_saved_for_an_earlier_day(cli: Cli, status_vault: Path, clock: FixedClock) -> None:
    result = cli("instrument", "burnout", "--answer", "2", "--date", "2026-11-20")
    assert result.code == 0, result.err
    assert result.out.startswith("Saved your answer to the burnout question for 20 Nov 2026: “Occasionally")
    assert not UNKIND.search(result.out)
    with unlocked(status_vault, clock) as services:
        latest = services.instruments.latest("burnout")
    assert latest is not None and (latest.date, latest.score) == (date(2026, 11, 20), 2)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["who5", "--answers", "1,2,3"],
            "--answers: The WHO-5 needs 5 answers, each a whole number from 0 to 5",
        ),
        (["who5", "--answers", "1,2,3,4,6"], "--answers: Answer 5 is 6."),
        (["who5", "--answers", "1,2,x,4,5"], "--answers: Answer 3 is 'x', not a whole number."),
        (["who5", "--answers", "1,2,3,4,-1"], "from 0 to 5"),
        (["burnout", "--answer", "0"], "--answer: The burnout answer is one whole number from 1 to 5"),
        (["burnout", "--answer", "6"], "from 1 to 5"),
        (["burnout", "--answer", "two"], "--answer: The burnout answer is one whole number from 1 to 5"),
        (
            ["burnout", "--answer", "3", "--date", "2026-11-26"],
            "--date 2026-11-26 is in the future; use today (2026-11-25) or an earlier day.",
        ),
    ],
)
def test_invalid_answers_exit_2_naming_the_option_and_change_nothing(
    cli: Cli, status_vault: Path, clock: FixedClock, argv: list[str], expected: str
) -> None:
    result = cli("instrument", *argv)
    assert result.code == 2
    assert expected in result.err and result.out == ""
    assert result.err.count("\n") == 1
    assert record_count(status_vault, clock, "instrument") == 0


def test_missing_options_are_usage_errors(cli: Cli) -> None:
    assert cli("instrument").code == 2
    result = cli("instrument", "who5")
    assert result.code == 2 and "--answers" in result.err


# -- status -------------------------------------------------------------------------------------------------------


def test_status_json_shape_and_same_answer_as_the_app(
    cli: Cli, status_vault: Path, clock: FixedClock
) -> None:
    add_moods(status_vault, clock, [3, 7, 3, 3, 7, 4, 3, 7, 3, 4, 7, 3, 3, 4])
    with unlocked(status_vault, clock) as services:
        services.directory.add_private(
            {"name": "Sam Peer", "kind": "peer_supporter", "phone": "07700 900123"}
        )
    result = cli("status", "--json")
    assert (result.code, result.err) == (0, "")
    payload = json.loads(result.out)
    assert list(payload) == JSON_KEYS
    assert (payload["as_of"], payload["level"], payload["enough_data"]) == ("2026-11-25", "orange", True)
    assert payload["reasons"][0] == {
        "rule": "sustained_low",
        "level": "orange",
        "message": "Your mood has been 4 or lower on 10 of the 14 days you checked in since 12 November.",
    }
    assert payload["episode"]["opened_on"] == "2026-11-25" and payload["episode"]["closed_on"] is None
    assert [(s["name"], s["kind"]) for s in payload["suggestions"]] == [("Sam Peer", "peer_supporter")]
    assert payload["crisis_lines"] == []
    # The app (StatusService in-process) gives the same answer, and the episode was stored once.
    with unlocked(status_vault, clock) as services:
        assert services.status.status().to_json() == payload
        assert len(services.status.episodes()) == 1
    assert json.loads(cli("status", "--json").out) == payload


def test_status_text_is_calm_and_puts_crisis_lines_first_at_red(
    cli: Cli, status_vault: Path, clock: FixedClock
) -> None:
    add_moods(status_vault, clock, [1] * 10)
    result = cli("status")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[:2] == ["If you need someone right now:", "  In an emergency, call 999 or 112."]
    assert "Things seem very hard right now. You don't have to go through this alone." in lines
    assert "What the app noticed:" in lines
    assert any("Samaritans" in line for line in lines)
    assert "Your support list is empty." in result.out
    assert not UNKIND.search(result.out)
    payload = json.loads(cli("status", "--json").out)
    assert payload["level"] == "red" and payload["crisis_lines"][0]["phone"] == "999"


def test_status_text_at_green_is_quiet(cli: Cli, status_vault: Path, clock: FixedClock) -> None:
    add_moods(status_vault, clock, [7, 7, 6, 8, 1])
    result = cli("status")
    assert result.out.splitlines() == [
        "Things look steady.",
        "You've checked in on 5 of the last 7 days.",
        "Keep checking in; it helps you notice changes early.",
    ]


def test_status_as_of_an_earlier_day_changes_nothing(cli: Cli, status_vault: Path, clock: FixedClock) -> None:
    add_moods(status_vault, clock, [3] * 14)
    payload = json.loads(cli("status", "--as-of", "2026-11-24", "--json").out)
    assert (payload["as_of"], payload["level"], payload["episode"]) == ("2026-11-24", "orange", None)
    assert record_count(status_vault, clock, "episode") == 0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-26", "--as-of 2026-11-26 is in the future; use today (2026-11-25) or an earlier day."),
        ("yesterday", "--as-of must be a date written as YYYY-MM-DD"),
    ],
)
def test_status_as_of_must_be_a_past_date(cli: Cli, value: str, expected: str) -> None:
    result = cli("status", "--as-of", value)
    assert result.code == 2 and expected in result.err


def test_status_uses_the_profile_country(cli: Cli, status_vault: Path, clock: FixedClock) -> None:
    add_moods(status_vault, clock, [1] * 10)
    with unlocked(status_vault, clock) as services:
        services.directory.set_profile(Profile.create(country="US"))
    assert json.loads(cli("status", "--json").out)["crisis_lines"][0]["phone"] == "911"


# -- export and import -------------------------------------------------------------------------------------------


def test_export_includes_instruments_and_import_restores_them(
    cli: Cli, status_vault: Path, clock: FixedClock, tmp_path: Path, fast_kdf: KdfParams
) -> None:
    assert cli("instrument", "who5", "--answers", "1,2,3,4,5", "--date", "2026-11-01").code == 0
    assert cli("instrument", "burnout", "--answer", "4").code == 0
    exported = cli("export")
    assert exported.code == 0, exported.err
    document = json.loads(exported.out)
    items = document["instruments"]
    assert [(item["date"], item["kind"], item["answers"], item["score"]) for item in items] == [
        ("2026-11-01", "who5", [1, 2, 3, 4, 5], 15),
        ("2026-11-25", "burnout", [4], 4),
    ]
    assert all(list(item) == ["id", "date", "kind", "answers", "score", "changed_at"] for item in items)

    target = tmp_path / "export.json"
    target.write_text(exported.out, encoding="utf-8")
    other = tmp_path / "other-vault"
    create_vault(other, fast_kdf, clock)
    imported = cli("import", str(target), data_dir=other)
    assert imported.code == 0, imported.err
    with unlocked(other, clock) as services:
        restored = [result.to_export_dict() for result in services.instruments.between()]
        assert services.status.status().result.reasons[0].rule == "burnout"
    assert restored == [{k: v for k, v in item.items() if k != "changed_at"} for item in items]
    again = cli("import", str(target), data_dir=other)
    assert "0 added, 0 updated" in again.out


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"score": 16}, "instruments[0]: The total 16 does not match the answers"),
        ({"answers": [1, 2, 3, 4, 9]}, "instruments[0]: Answer 5 is 9."),
        ({"kind": "phq9"}, "instruments[0]: Unknown questionnaire kind 'phq9'"),
        ({"date": "2026-12-01"}, "instruments[0]: The date 2026-12-01 is in the future; questionnaires"),
        ({"date": None}, "instruments[0]: date is required, written as YYYY-MM-DD"),
        ({"date": "01/11/2026"}, "instruments[0]: The date '01/11/2026' is not a date"),
    ],
)
def test_an_invalid_questionnaire_in_an_import_changes_nothing(
    cli: Cli, status_vault: Path, clock: FixedClock, tmp_path: Path, change: dict[str, object], expected: str
) -> None:
    item = {"id": "1b4e28ba-2fa1-4d2b-883f-0016d3cca427", "date": "2026-11-01", "kind": "who5"}
    item |= {"answers": [1, 2, 3, 4, 5], "score": 15, **change}
    document = {"format": "wellbeing-app-export", "version": 1, "instruments": [item]}
    target = tmp_path / "import.json"
    target.write_text(json.dumps(document), encoding="utf-8")
    result = cli("import", str(target))
    assert result.code == 2
    assert expected in result.err
    assert record_count(status_vault, clock, "instrument") == 0

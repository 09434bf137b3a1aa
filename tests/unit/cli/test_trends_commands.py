"""`period add|list|end|remove` and `trends` through main() in-process."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.cli import Cli

OVERALL_KEYS = [
    "days_with_data",
    "mood_mean",
    "mood_sd",
    "low_days_share",
    "energy_mean",
    "stress_mean",
    "sleep_mean",
]


def _checkins(cli: Cli, moods: dict[str, int], tag_days: frozenset[str] = frozenset()) -> None:
    for day, mood in moods.items():
        extra = ["--tag", "night shift"] if day in tag_days else []
        assert cli("checkin", "--mood", str(mood), "--date", day, "--time", "20:00", *extra).code == 0


def test_period_add_list_end_and_remove(cli: Cli) -> None:
    added = cli("period", "add", "Angola feeding centre", "--from", "2026-03-01")
    assert added.code == 0, added.err
    listed = json.loads(cli("period", "list", "--json").out)
    assert [(p["name"], p["kind"], p["from"], p["to"]) for p in listed] == [
        ("Angola feeding centre", "deployment", "2026-03-01", None)
    ]
    short_id = listed[0]["id"][:6]
    assert cli("period", "end", short_id, "--on", "2026-08-31").code == 0
    assert json.loads(cli("period", "list", "--json").out)[0]["to"] == "2026-08-31"
    assert "Removed" in cli("period", "remove", short_id, "--yes").out
    assert json.loads(cli("period", "list", "--json").out) == []


def test_removing_a_period_without_a_terminal_needs_yes(cli: Cli) -> None:
    """As for check-ins and journal entries: a script says --yes; nothing is removed unasked."""
    assert cli("period", "add", "Angola feeding centre", "--from", "2026-03-01").code == 0
    short_id = json.loads(cli("period", "list", "--json").out)[0]["id"][:8]
    refused = cli("period", "remove", short_id)
    assert refused.code == 2 and "--yes" in refused.err
    assert len(json.loads(cli("period", "list", "--json").out)) == 1


def test_period_input_errors_name_the_field_and_change_nothing(cli: Cli) -> None:
    bad = cli("period", "add", "X", "--from", "2026-03-01", "--to", "2026-02-01")
    assert bad.code == 2 and "before it begins" in bad.err
    assert cli("period", "add", "X", "--from", "March").code == 2
    assert cli("period", "end", "ab").code == 2
    assert json.loads(cli("period", "list", "--json").out) == []


def test_trends_json_shape_rounding_and_open_ended_period(cli: Cli) -> None:
    moods = {f"2026-11-{d:02d}": m for d, m in zip(range(1, 11), [3, 4, 5, 6, 7, 3, 4, 5, 6, 8], strict=True)}
    _checkins(cli, moods, tag_days=frozenset({"2026-11-01", "2026-11-02", "2026-11-06"}))
    assert cli("period", "add", "Home", "--from", "2026-11-06", "--kind", "home").code == 0
    result = cli("trends", "--from", "2026-11-01", "--to", "2026-11-10", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert (data["from"], data["to"]) == ("2026-11-01", "2026-11-10")
    assert list(data["overall"]) == OVERALL_KEYS
    assert data["overall"]["days_with_data"] == 10
    assert data["overall"]["mood_mean"] == 5.1
    assert data["overall"]["mood_sd"] == 1.66  # sample SD: sqrt(24.9 / 9) = 1.663…
    assert data["overall"]["low_days_share"] == 0.4
    assert data["overall"]["energy_mean"] is None  # no data: null, never 0
    [home] = data["periods"]
    assert (home["name"], home["to"], home["days_with_data"], home["mood_mean"]) == ("Home", None, 5, 5.2)
    [night] = data["tags"]
    assert night == {
        "tag": "night shift",
        "days_with": 3,
        "days_without": 7,
        "mood_with": 3.33,
        "mood_without": 5.86,
    }


def test_trends_in_words(cli: Cli, tmp_path: Path) -> None:
    _checkins(cli, {"2026-11-01": 5, "2026-11-02": 7})
    result = cli("trends", "--from", "2026-11-01", "--to", "2026-11-02")
    assert result.code == 0
    assert "2 days; mood 6.0" in result.out
    assert cli("trends", "--from", "2026-11-05", "--to", "2026-11-01").code == 2

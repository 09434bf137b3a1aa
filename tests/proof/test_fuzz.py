"""Hostile input (issue 12): fuzzed exports, Daylio files and command lines end in success or exit 2, nothing else.

Never a traceback, never a partial import (the record count changes only on success). Derandomised, so a
failure reproduces; the directory importers have their own fuzzing in tests/unit/directory/test_fuzz.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.cli import PASSPHRASE, run_main
from wellbeing_app.clock import FixedClock
from wellbeing_app.crypto.kdf import KdfParams
from wellbeing_app.errors import InvalidInput
from wellbeing_app.services import Services
from wellbeing_app.transfer import import_daylio, import_json
from wellbeing_app.vault import Vault

FUZZ = settings(
    max_examples=150,
    database=None,
    deadline=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
NASTY = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "\ud800",
        "9" * 40,
        "1e999",
        "NaN",
        "2026-02-30",
        "25:61",
        "-1",
        "11",
        "😀",
        "\u202e",
        '"',
        ",",
    ]
)
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20), NASTY
)
JSONISH = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
CHECKIN_FIELDS = ["id", "date", "time", "mood", "energy", "stress", "sleep_hours", "tags", "note"]


@pytest.fixture
def services(data_dir: Path, fast_kdf: KdfParams, clock: FixedClock) -> Iterator[Services]:
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf=fast_kdf, clock=clock)
    yield Services(vault, clock)
    vault.lock()


def checkin_like(values: dict[str, Any]) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "00000000-0000-4000-8000-000000000001",
        "date": "2026-11-20",
        "time": "08:00",
        "mood": 5,
    }
    return {**base, **values}


EXPORTS = st.one_of(
    st.text(max_size=200),
    JSONISH.map(json.dumps),
    st.builds(
        lambda records, extra: json.dumps(
            {"format": "wellbeing-app-export", "version": 1, "checkins": records, **extra}, ensure_ascii=False
        ),
        st.lists(
            st.dictionaries(st.sampled_from(CHECKIN_FIELDS), JSONISH, max_size=5).map(checkin_like),
            max_size=5,
        ),
        st.dictionaries(
            st.sampled_from(["journal", "contacts", "instruments", "version"]), JSONISH, max_size=2
        ),
    ),
)


@FUZZ
@given(text=EXPORTS)
def test_json_import_of_anything(services: Services, text: str) -> None:
    before = services.vault.store.count()
    try:
        import_json(services, text)
    except InvalidInput as error:
        assert str(error)
        assert services.vault.store.count() == before


DAYLIO_CELLS = st.one_of(
    NASTY, st.text(alphabet=st.sampled_from('ab,"\n\r| 0123456789:-APM<br>'), max_size=15)
)
DAYLIO = st.builds(
    lambda header, rows: header + "".join(",".join(row) + "\n" for row in rows),
    st.sampled_from(
        [
            "full_date,date,weekday,time,mood,activities,note_title,note\n",
            "full_date,time,mood\n",
            "full_date,time,mood,mood\n",
            "",
        ]
    ),
    st.lists(st.lists(DAYLIO_CELLS, min_size=1, max_size=9), max_size=6),
)


@FUZZ
@given(text=DAYLIO)
def test_daylio_import_of_anything(services: Services, text: str) -> None:
    before = services.vault.store.count()
    try:
        import_daylio(services, text)
    except InvalidInput as error:
        assert str(error)
        assert services.vault.store.count() == before


COMMANDS = st.sampled_from(
    [
        ["checkin", "--mood"],
        ["checkin", "--mood", "5", "--note"],
        ["checkin", "--mood", "5", "--date"],
        ["checkin", "--mood", "5", "--time"],
        ["checkin", "--mood", "5", "--sleep-hours"],
        ["journal", "add"],
        ["journal", "list", "--from"],
        ["journal", "search"],
        ["status", "--as-of"],
        ["instrument", "who5", "--answers"],
        ["directory", "list", "--kind"],
        ["backup", "--out"],
        ["crisis", "--country"],
    ]
)


@pytest.fixture
def cli_dir(data_dir: Path, fast_kdf: KdfParams, clock: FixedClock) -> Path:
    Vault.create(data_dir, PASSPHRASE, kdf=fast_kdf, clock=clock)[0].lock()
    return data_dir


@settings(FUZZ, max_examples=80)
@given(command=COMMANDS, value=st.one_of(NASTY, st.text(max_size=30)))
def test_command_line_arguments_of_anything(
    cli_dir: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str], command: list[str], value: str
) -> None:
    if command == ["backup", "--out"]:
        value = str(cli_dir.parent / "fuzz-out" / value.replace("/", "_").replace("\x00", "_"))
    result = run_main(
        capsys, ["--data-dir", str(cli_dir), *command, value], {"WELLBEING_PASSPHRASE": PASSPHRASE}, clock
    )
    assert result.code in (0, 2), result.err
    assert "unexpected" not in result.err and "Traceback" not in result.err

"""Our own CSV export of check-ins imports back exactly, recognised by its columns (issue 11)."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from wellbeing_app.clock import FixedClock
from wellbeing_app.crypto.kdf import KdfParams
from wellbeing_app.errors import InvalidInput
from wellbeing_app.services import Services
from wellbeing_app.transfer import export_csv
from wellbeing_app.transfer.import_csv import detect_format, import_checkin_csv
from wellbeing_app.vault import Vault

HEADER = "id,date,time,mood,energy,stress,sleep_hours,tags,note\r\n"
ROW = '3f1c2b5e-8a44-4c1e-9d6b-0a4c1e2b3d4f,2026-11-20,22:15,3,,8,6.5,night shift;debrief,"Hard, long\r\nnight"\r\n'


def add_some(services: Services) -> None:
    services.checkins.add(
        mood=3,
        stress=8,
        sleep_hours=6.5,
        tags=["night shift", "debrief"],
        note='Hard, long\nnight; "quoted"',
        day=date(2026, 11, 20),
        at=time(22, 15),
    )
    services.checkins.add(mood=7, energy=6, day=date(2026, 11, 24), at=time(7, 5))
    services.checkins.add(
        mood=0, energy=0, stress=0, sleep_hours=0, note="", day=date(2026, 11, 25), at=time(8, 0)
    )


def test_the_csv_export_round_trips_exactly(
    services: Services, tmp_path: Path, fast_kdf: KdfParams, clock: FixedClock
) -> None:
    add_some(services)
    exported = export_csv(services).text
    before = [c.to_export_dict() for c in services.checkins.between()]
    other, _recovery_key = Vault.create(
        tmp_path / "other", "another passphrase here", kdf=fast_kdf, clock=clock
    )
    try:
        elsewhere = Services(other, clock)
        summary = import_checkin_csv(elsewhere, exported)
        assert (summary.added, summary.updated, summary.unchanged) == (3, 0, 0)
        assert [c.to_export_dict() for c in elsewhere.checkins.between()] == before
        again = import_checkin_csv(elsewhere, exported)
        assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
        assert export_csv(elsewhere).text == exported
    finally:
        other.lock()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (HEADER + ROW.replace(",3,", ",11,", 1), "line 2: mood must be from 0 to 10, not 11."),
        (HEADER + ROW.replace("2026-11-20", "2027-01-01"), "line 2:"),
        (
            HEADER + ROW + ROW,
            "line 4: id 3f1c2b5e-8a44-4c1e-9d6b-0a4c1e2b3d4f is used twice (also on line 2)",
        ),
        (HEADER + "not-an-id,2026-11-20,22:15,3,,,,,\r\n", "line 2: id must be a UUID"),
        (HEADER + "a,b\r\n", "line 2: the row has 2 fields but the header has 9"),
    ],
)
def test_a_bad_row_imports_nothing_and_names_its_line(services: Services, text: str, expected: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        import_checkin_csv(services, text)
    assert expected in str(caught.value)
    assert services.vault.store.count() == 0


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("mine.csv", "\ufeff" + HEADER, "csv"),
        ("renamed.txt", HEADER + ROW, "csv"),
        ("daylio.csv", "full_date,date,weekday,time,mood,activities,note_title,note\n", "daylio"),
        ("export.json", '{"format": "wellbeing-export"}', "json"),
        ("no-extension", '\n  {"format": "wellbeing-export"}', "json"),
        ("odd.csv", "a,b,c\n", "daylio"),
    ],
)
def test_the_format_is_recognised_from_the_content(name: str, text: str, expected: str) -> None:
    assert detect_format(name, text) == expected


def test_an_unrecognisable_file_asks_for_the_format() -> None:
    with pytest.raises(InvalidInput, match="--format json"):
        detect_format("notes.txt", "Dear diary")

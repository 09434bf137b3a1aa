"""checkin, journal add/list/search, export and import through main(argv, environ=..., clock=...) in-process."""

from __future__ import annotations

import json
import sqlite3
import stat
from datetime import date, time
from pathlib import Path

import pytest

from tests.helpers.cli import PASSPHRASE, Cli, create_vault, unlocked
from wellbeing_app.cli import main as cli_main
from wellbeing_app.clock import FixedClock
from wellbeing_app.crypto.kdf import KdfParams
from wellbeing_app.vault import Vault, db_path

DAYLIO_SAMPLE = Path(__file__).parents[1] / "transfer" / "data" / "daylio_renamed.csv"
DAYLIO_MOODS = "super=9,fine=6,low=2"


@pytest.fixture
def diary_vault(cli_vault: Path) -> Path:
    """An empty vault made with a cheap KDF, so the command line's unlock is fast; locked again."""
    return cli_vault


def count_records(data_dir: Path) -> int:
    vault = Vault.open_with_passphrase(data_dir, PASSPHRASE)
    try:
        return vault.store.count()
    finally:
        vault.lock()


# -- checkin --------------------------------------------------------------------------------------------------


def test_checkin_with_only_a_mood(cli: Cli, diary_vault: Path, clock: FixedClock) -> None:
    result = cli("checkin", "--mood", "6")
    assert (result.code, result.err) == (0, "")
    assert result.out == "Saved your check-in for 25 Nov 2026, 09:00.\n"
    with unlocked(diary_vault, clock) as services:
        [saved] = services.checkins.between()
    assert (saved.date, saved.time, saved.mood, saved.energy, saved.note, saved.tags) == (
        date(2026, 11, 25),
        time(9, 0),
        6,
        None,
        "",
        (),
    )


def test_checkin_with_every_option(cli: Cli, diary_vault: Path, clock: FixedClock) -> None:
    result = cli(
        "checkin", "--mood", "3", "--energy", "2", "--stress", "9", "--sleep-hours", "4.5",
        "--tag", "night shift", "--tag", "Patient death", "--tag", "NIGHT SHIFT",
        "--note", "Hard night; talked to Sam. 🌙", "--date", "2026-11-20", "--time", "21:30",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.out == "Saved your check-in for 20 Nov 2026, 21:30.\n"
    with unlocked(diary_vault, clock) as services:
        [saved] = services.checkins.between()
    assert (saved.mood, saved.energy, saved.stress, saved.sleep_hours) == (3, 2, 9, 4.5)
    assert saved.tags == ("night shift", "Patient death")
    assert saved.note == "Hard night; talked to Sam. 🌙"
    assert (saved.date, saved.time) == (date(2026, 11, 20), time(21, 30))


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--mood", "11"], "--mood must be a whole number from 0 to 10, not 11."),
        (["--mood", "abc"], "--mood must be a whole number from 0 to 10, not 'abc'."),
        (["--mood", "-1"], "--mood must be a whole number from 0 to 10, not -1."),
        (["--mood", "6.5"], "--mood must be a whole number from 0 to 10, not '6.5'."),
        (["--mood", "5", "--energy", "12"], "--energy must be a whole number from 0 to 10, not 12."),
        (["--mood", "5", "--stress", "x"], "--stress must be a whole number from 0 to 10, not 'x'."),
        (
            ["--mood", "5", "--sleep-hours", "25"],
            "--sleep-hours must be a number of hours from 0 to 24 in steps of 0.5, not 25.",
        ),
        (
            ["--mood", "5", "--sleep-hours", "7.25"],
            "--sleep-hours must be a number of hours from 0 to 24 in steps of 0.5, not 7.25.",
        ),
        (["--mood", "5", "--sleep-hours", "lots"], "not 'lots'"),
        (
            ["--mood", "5", "--date", "2026-11-26"],
            "--date 2026-11-26 is in the future; use today (2026-11-25) or an earlier day.",
        ),
        (["--mood", "5", "--date", "26/11/2026"], "--date must be a date written as YYYY-MM-DD"),
        (
            ["--mood", "5", "--time", "25:00"],
            "--time must be a time written as HH:MM (24-hour, 00:00 to 23:59), not '25:00'.",
        ),
        (["--mood", "5", "--time", "10:00"], "--time 10:00 today is later than now (09:00)"),
        (["--mood", "5", "--note", "x" * 20_001], "--note is 20,001 characters long; the limit is 20,000."),
        (["--mood", "5", "--tag", "t" * 61], "longer than 60 characters"),
        ([], "A check-in needs --mood N (0 very low to 10 very good)"),
    ],
)
def test_invalid_checkin_values_exit_2_and_change_nothing(
    cli: Cli, diary_vault: Path, argv: list[str], expected: str
) -> None:
    before = count_records(diary_vault)
    result = cli("checkin", *argv)
    assert result.code == 2
    assert expected in result.err
    assert result.err.count("\n") == 1 and result.out == ""
    assert count_records(diary_vault) == before


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["checkin", "--mood", "5", "--bogus"], "unrecognized arguments: --bogus"),
        (["export", "--format", "xml"], "argument --format: invalid choice: 'xml'"),
        (["journal"], "the following arguments are required: ACTION"),
    ],
)
def test_usage_errors_exit_2_and_change_nothing(
    cli: Cli, diary_vault: Path, argv: list[str], expected: str
) -> None:
    before = count_records(diary_vault)
    result = cli(*argv)
    assert result.code == 2
    assert expected in result.err and "usage:" in result.err
    assert count_records(diary_vault) == before


def test_a_back_filled_day_may_be_at_any_time(cli: Cli) -> None:
    assert cli("checkin", "--mood", "5", "--date", "2026-11-24", "--time", "23:59").code == 0


def test_wrong_passphrase_is_exit_3(
    diary_vault: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli_main.main(
        ["--data-dir", str(diary_vault), "checkin", "--mood", "5"],
        environ={"WELLBEING_PASSPHRASE": "not the passphrase"},
        clock=clock,
    )
    assert code == 3
    assert "passphrase" in capsys.readouterr().err
    assert count_records(diary_vault) == 0


# -- journal --------------------------------------------------------------------------------------------------


def test_journal_add_from_standard_input(cli: Cli, diary_vault: Path, clock: FixedClock) -> None:
    body = "Night shift was long.\nשלום — and a walk by the sea 🌊\n\n"
    result = cli("journal", "add", "--title", "After the shift", "--tag", "debrief", "-", stdin=body)
    assert (result.code, result.out) == (0, "Saved your journal entry for 25 Nov 2026.\n"), result.err
    with unlocked(diary_vault, clock) as services:
        [entry] = services.journal.entries()
    assert entry.body == "Night shift was long.\nשלום — and a walk by the sea 🌊"
    assert (entry.title, entry.tags, entry.date) == ("After the shift", ("debrief",), date(2026, 11, 25))


def test_journal_add_text_and_date(cli: Cli, diary_vault: Path, clock: FixedClock) -> None:
    assert cli("journal", "add", "--date", "2026-11-01", "Quiet day off.").code == 0
    with unlocked(diary_vault, clock) as services:
        [entry] = services.journal.entries()
    assert (entry.body, entry.date, entry.title) == ("Quiet day off.", date(2026, 11, 1), "")


@pytest.mark.parametrize(
    ("argv", "stdin", "expected"),
    [
        (["-"], "  \n", "The entry is empty"),
        (["   "], None, "The entry is empty"),
        (["--date", "2026-12-01", "text"], None, "--date 2026-12-01 is in the future"),
        (["--title", "t" * 201, "text"], None, "--title is 201 characters long; the limit is 200."),
    ],
)
def test_journal_add_refuses(
    cli: Cli, diary_vault: Path, argv: list[str], stdin: str | None, expected: str
) -> None:
    result = cli("journal", "add", *argv, stdin=stdin)
    assert result.code == 2
    assert expected in result.err
    assert count_records(diary_vault) == 0


def add_three_entries(cli: Cli) -> None:
    assert (
        cli(
            "journal", "add", "--date", "2026-11-01", "--title", "Day off", "--tag", "day off", "Slept in."
        ).code
        == 0
    )
    assert (
        cli(
            "journal",
            "add",
            "--date",
            "2026-11-10",
            "--tag",
            "night shift",
            "--tag",
            "debrief",
            "Long night\nsecond line",
        ).code
        == 0
    )
    assert (
        cli("journal", "add", "--date", "2026-11-20", "--title", "Café", "Coffee with Sam at the café.").code
        == 0
    )


def test_journal_list(cli: Cli) -> None:
    assert cli("journal", "list").out == "No journal entries yet.\n"
    add_three_entries(cli)
    result = cli("journal", "list")
    assert result.code == 0
    ids = [item["id"] for item in json.loads(cli("journal", "list", "--json").out)]
    # Each line starts with the id's first eight characters, enough for 'journal show|edit|delete'.
    assert [line[:8] for line in result.out.splitlines()] == [entry_id[:8] for entry_id in ids]
    assert [line[10:] for line in result.out.splitlines()] == [
        "2026-11-20  Café",
        "2026-11-10  Long night  [night shift, debrief]",
        "2026-11-01  Day off  [day off]",
    ]
    assert cli("journal", "list", "--tag", "NIGHT SHIFT").out.splitlines() == [
        f"{ids[1][:8]}  2026-11-10  Long night  [night shift, debrief]"
    ]
    assert cli("journal", "list", "--from", "2026-11-05", "--to", "2026-11-15").out.startswith(ids[1][:8])
    assert cli("journal", "list", "--tag", "leave").out == "No journal entries match.\n"


def test_journal_list_json(cli: Cli) -> None:
    add_three_entries(cli)
    items = json.loads(cli("journal", "list", "--json").out)
    assert [item["date"] for item in items] == ["2026-11-20", "2026-11-10", "2026-11-01"]
    assert all(list(item) == ["id", "date", "title", "body", "tags"] for item in items)
    assert items[1]["title"] is None and items[1]["tags"] == ["night shift", "debrief"]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--from", "yesterday"], "--from must be a date written as YYYY-MM-DD"),
        (["--from", "2026-11-10", "--to", "2026-11-01"], "--from 2026-11-10 is after --to 2026-11-01"),
    ],
)
def test_journal_list_refuses(cli: Cli, argv: list[str], expected: str) -> None:
    result = cli("journal", "list", *argv)
    assert result.code == 2 and expected in result.err


def test_journal_search_json_shape(cli: Cli) -> None:
    add_three_entries(cli)
    assert (
        cli("checkin", "--mood", "7", "--date", "2026-11-21", "--note", "Cafe again, felt better").code == 0
    )
    result = cli("journal", "search", "CAFE", "--json")
    assert result.code == 0, result.err
    hits = json.loads(result.out)
    assert isinstance(hits, list) and len(hits) == 2
    for hit in hits:
        assert set(hit) == {"id", "date", "title", "snippet", "kind"}
        assert all(isinstance(value, str) for value in hit.values())
    assert [(hit["date"], hit["kind"]) for hit in hits] == [
        ("2026-11-21", "checkin"),
        ("2026-11-20", "journal"),
    ]
    assert hits[1]["title"] == "Café" and "café" in hits[1]["snippet"]
    assert json.loads(cli("journal", "search", "cafe", "nothing-like-this", "--json").out) == []


def test_journal_search_text(cli: Cli) -> None:
    add_three_entries(cli)
    result = cli("journal", "search", "long", "night")
    assert result.code == 0
    assert result.out.splitlines() == ["2026-11-10  journal   Long night second line"]
    assert cli("journal", "search", "zebra").out == "Nothing found for “zebra”.\n"


# -- export ---------------------------------------------------------------------------------------------------


def test_export_to_standard_output(cli: Cli) -> None:
    add_three_entries(cli)
    cli("checkin", "--mood", "4", "--tag", "on call")
    result = cli("export")
    # The warning goes where a reader of the piped data still sees it, without spoiling the data.
    assert result.code == 0
    assert (
        result.err
        == "This export is not encrypted: keep it somewhere private and delete it when you are done.\n"
    )
    document = json.loads(result.out)
    assert (document["format"], document["version"]) == ("wellbeing-app-export", 1)
    assert len(document["checkins"]) == 1 and len(document["journal"]) == 3
    assert document["checkins"][0]["tags"] == ["on call"]
    csv_text = cli("export", "--format", "csv").out
    assert csv_text.splitlines()[0] == "id,date,time,mood,energy,stress,sleep_hours,tags,note"
    assert ",4,,,,on call," in csv_text


def test_export_to_a_file_and_never_over_it(cli: Cli, tmp_path: Path) -> None:
    cli("checkin", "--mood", "4")
    target = tmp_path / "backup.json"
    result = cli("export", "--out", str(target))
    assert result.code == 0
    assert result.out.splitlines() == [
        f"Exported 1 check-in to {target}.",
        "This file is not encrypted: keep it somewhere private and delete it when you are done.",
    ]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    before = target.read_bytes()
    again = cli("export", "--out", str(target))
    assert again.code == 2
    assert str(target) in again.err and "already exists" in again.err
    assert target.read_bytes() == before


def test_export_into_a_missing_folder(cli: Cli, tmp_path: Path) -> None:
    result = cli("export", "--out", str(tmp_path / "no-such-folder" / "export.json"))
    assert result.code == 2 and "does not exist" in result.err


def test_export_with_a_damaged_record_exports_the_rest_and_exits_4(
    cli: Cli, diary_vault: Path, tmp_path: Path
) -> None:
    cli("checkin", "--mood", "4", "--date", "2026-11-01")
    cli("checkin", "--mood", "5", "--date", "2026-11-02")
    conn = sqlite3.connect(db_path(diary_vault))
    with conn:
        conn.execute("UPDATE records SET payload = X'00' WHERE day = '2026-11-01'")
    conn.close()
    target = tmp_path / "export.json"
    result = cli("export", "--out", str(target))
    assert result.code == 4
    assert "1 damaged record was left out of the export" in result.err and "verify" in result.err
    assert [item["mood"] for item in json.loads(target.read_text(encoding="utf-8"))["checkins"]] == [5]


def test_export_csv_chosen_by_file_name(cli: Cli, tmp_path: Path) -> None:
    cli("checkin", "--mood", "4")
    target = tmp_path / "checkins.csv"
    assert cli("export", "--out", str(target)).code == 0
    assert target.read_text(encoding="utf-8").startswith("id,date,time,mood")


# -- import ---------------------------------------------------------------------------------------------------


def test_import_our_export_into_a_new_vault_twice(
    cli: Cli, tmp_path: Path, fast_kdf: KdfParams, clock: FixedClock
) -> None:
    add_three_entries(cli)
    cli("checkin", "--mood", "8", "--note", "Good day")
    exported = tmp_path / "export.json"
    assert cli("export", "--out", str(exported)).code == 0
    other = tmp_path / "other"
    create_vault(other, fast_kdf, clock)

    first = cli("import", str(exported), data_dir=other)
    assert (first.code, first.out) == (
        0,
        "Imported the export export.json: 4 added, 0 updated, 0 unchanged.\n",
    )
    second = cli("import", str(exported), data_dir=other)
    assert second.out == "Imported the export export.json: 0 added, 0 updated, 4 unchanged.\n"
    assert count_records(other) == 4
    assert json.loads(cli("export", data_dir=other).out) == json.loads(exported.read_text(encoding="utf-8"))


def test_import_daylio_with_renamed_labels(cli: Cli, diary_vault: Path) -> None:
    result = cli("import", str(DAYLIO_SAMPLE), "--daylio-moods", DAYLIO_MOODS)
    assert result.code == 0, result.err
    assert result.out == "Imported the Daylio export daylio_renamed.csv: 6 added, 0 updated, 0 unchanged.\n"
    again = cli("import", str(DAYLIO_SAMPLE), "--format", "daylio", "--daylio-moods", DAYLIO_MOODS)
    assert "0 added, 0 updated, 6 unchanged" in again.out
    assert count_records(diary_vault) == 6


def test_import_format_from_content(cli: Cli, tmp_path: Path) -> None:
    no_extension = tmp_path / "daylio-export"
    no_extension.write_bytes(DAYLIO_SAMPLE.read_bytes())
    assert cli("import", str(no_extension), "--daylio-moods", DAYLIO_MOODS).code == 0
    unknown = tmp_path / "notes.txt"
    unknown.write_text("hello")
    result = cli("import", str(unknown))
    assert result.code == 2 and "--format json" in result.err


def test_daylio_import_with_one_bad_row_imports_nothing(cli: Cli, diary_vault: Path, tmp_path: Path) -> None:
    broken = tmp_path / "daylio.csv"
    broken.write_text(
        DAYLIO_SAMPLE.read_text(encoding="utf-8-sig").replace("6:00 PM", "6:00 XM"), encoding="utf-8"
    )
    result = cli("import", str(broken), "--daylio-moods", DAYLIO_MOODS)
    assert result.code == 2
    assert result.err.startswith("wellbeing-app: line 9: the time '6:00 XM' is not a time")
    assert count_records(diary_vault) == 0


def test_daylio_unknown_label_names_line_and_field(cli: Cli, diary_vault: Path) -> None:
    result = cli("import", str(DAYLIO_SAMPLE))
    assert result.code == 2
    assert "line 2: the moods 'Low' (line 2), 'Fine' (line 3), 'super' (line 4)" in result.err
    assert "rad=9" in result.err
    assert count_records(diary_vault) == 0


def test_json_import_with_one_bad_record_imports_nothing(cli: Cli, diary_vault: Path, tmp_path: Path) -> None:
    cli("checkin", "--mood", "5", "--date", "2026-11-01")
    cli("checkin", "--mood", "6", "--date", "2026-11-02")
    document = json.loads(cli("export").out)
    document["checkins"][1]["mood"] = 11
    for record in document["checkins"]:
        record["id"] = record["id"][:-1] + ("0" if record["id"][-1] != "0" else "1")
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = cli("import", str(path))
    assert result.code == 2
    assert result.err == "wellbeing-app: checkins[1]: mood must be from 0 to 10, not 11.\n"
    assert count_records(diary_vault) == 2


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--daylio-moods", "great"], "not label=N"),
        (["--daylio-moods", "great=11"], "whole number from 0 to 10"),
        (["--format", "json", "--daylio-moods", "great=9"], "--daylio-moods applies only to Daylio imports"),
    ],
)
def test_import_option_problems(cli: Cli, diary_vault: Path, argv: list[str], expected: str) -> None:
    result = cli("import", str(DAYLIO_SAMPLE), *argv)
    assert result.code == 2 and expected in result.err
    assert count_records(diary_vault) == 0


def test_import_a_missing_file(cli: Cli, tmp_path: Path) -> None:
    result = cli("import", str(tmp_path / "nope.json"))
    assert result.code == 2 and "There is no file" in result.err


def test_commands_leave_nothing_decrypted_behind(cli: Cli, diary_vault: Path) -> None:
    cli("checkin", "--mood", "5", "--note", "secret-word-xyz")
    cli("journal", "add", "another-secret-abc")
    for path in diary_vault.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"secret-word-xyz" not in data and b"another-secret-abc" not in data


# -- checkin --note - (issue 11) ------------------------------------------------------------------------------


def test_checkin_note_dash_reads_standard_input(cli: Cli, diary_vault: Path, clock: FixedClock) -> None:
    result = cli("checkin", "--mood", "4", "--note", "-", stdin="Rough handover.\nBetter after tea.\n")
    assert (result.code, result.err) == (0, "")
    with unlocked(diary_vault, clock) as services:
        [saved] = services.checkins.between()
    assert saved.note == "Rough handover.\nBetter after tea."


def test_checkin_note_from_input_is_limited_like_the_option(cli: Cli, diary_vault: Path) -> None:
    result = cli("checkin", "--mood", "4", "--note", "-", stdin="x" * 20_001)
    assert result.code == 2
    assert "20,000" in result.err
    assert count_records(diary_vault) == 0


def test_our_csv_export_imports_back_exactly(
    cli: Cli, diary_vault: Path, tmp_path: Path, fast_kdf: KdfParams, clock: FixedClock
) -> None:
    """The README lists the CSV export under Import: it must come back, recognised by its columns."""
    cli(
        "checkin",
        "--mood",
        "3",
        "--stress",
        "8",
        "--tag",
        "night shift",
        "--note",
        "Long, hard\nnight",
        "--date",
        "2026-11-20",
        "--time",
        "22:15",
    )
    cli("checkin", "--mood", "7", "--sleep-hours", "7.5")
    out = tmp_path / "checkins.csv"
    assert cli("export", "--out", str(out)).code == 0
    other = create_vault(tmp_path / "other", fast_kdf, clock)
    result = cli("import", str(out), data_dir=other)
    assert (result.code, result.err) == (0, "")
    assert result.out == "Imported the check-ins CSV checkins.csv: 2 added, 0 updated, 0 unchanged.\n"
    assert cli("checkin", "list", "--json", data_dir=other).out == cli("checkin", "list", "--json").out
    again = cli("import", str(out), "--format", "csv", data_dir=other)
    assert again.out.endswith("0 added, 0 updated, 2 unchanged.\n")

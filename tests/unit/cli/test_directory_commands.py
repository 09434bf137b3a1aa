"""directory import/list/export/add/remove, profile, support and crisis through main(argv, environ=..., clock=...)."""

from __future__ import annotations

import json
import sqlite3
import stat
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.helpers.builders import HEADER, ORG_CSV, ORG_CSV_V2
from tests.helpers.cli import Cli, create_vault, unlocked
from wellbeing_app.clock import FixedClock
from wellbeing_app.crypto.kdf import KdfParams
from wellbeing_app.directory import Contact
from wellbeing_app.vault import db_path

MakeVault = Callable[[str], Path]
CONTACT_FIELDS = [
    "id",
    "name",
    "kind",
    "role",
    "organisation",
    "phone",
    "email",
    "url",
    "languages",
    "tags",
    "availability",
    "timezone",
    "notes",
    "source",
    "last_verified",
    "listed",
]
# Card 1 says its kind; card 2 (starting on line 13) does not.
VCARDS = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:v-1\r\nFN:Grace Mwangi\r\nORG:Kenyatta Hospital\\, Nairobi\r\n"
    "TITLE:Emergency nurse\r\nTEL;TYPE=CELL:+254 700 000 001\r\nCATEGORIES:field deployment,night shifts\r\n"
    "LANG:sw\r\nLANG:en\r\nX-WELLBEING-KIND:peer_supporter\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anjali Sharma\r\nEMAIL:anjali@example.in\r\nLANG:hi\r\nEND:VCARD\r\n"
)
ORG_LINES = [
    "Ana Silva — peer supporter — ICU nurse, St Mary's Hospital, London",
    "José Martínez — debrief contact — Debrief lead, Médecins, Field Team",
    "سارة أحمد — peer supporter — Paediatric nurse",
    "山田 花子 — professional service — Psychologist, Staff Wellbeing Service",
]
ORG_REACH = [
    "   +44 20 7946 0001 · ana.silva@example.org",
    "   jose@example.org",
    "   +971 4 000 0000",
    "   hanako@example.jp · https://example.jp/support",
]
# `directory list`: each contact, then how to reach them (the two things a user needs).
ORG_LISTING = [line for pair in zip(ORG_LINES, ORG_REACH, strict=True) for line in pair]


@pytest.fixture
def clock() -> FixedClock:
    """Wednesday 25 November 2026, 09:00 in London, whatever the machine's time zone."""
    return FixedClock(datetime(2026, 11, 25, 9, 0, tzinfo=ZoneInfo("Europe/London")))


@pytest.fixture
def make_vault(tmp_path: Path, fast_kdf: KdfParams, clock: FixedClock) -> MakeVault:
    def make(name: str) -> Path:
        return create_vault(tmp_path / name, fast_kdf, clock)

    return make


@pytest.fixture
def home(cli_vault: Path) -> Path:
    return cli_vault


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "org.csv").write_text(ORG_CSV, encoding="utf-8")
    (folder / "peers.vcf").write_text(VCARDS, encoding="utf-8", newline="")
    return folder


def stored_contacts(data_dir: Path, clock: FixedClock) -> list[Contact]:
    with unlocked(data_dir, clock) as services:
        return services.directory.contacts()


# -- directory import -----------------------------------------------------------------------------------------


def test_import_csv_twice(cli: Cli, files: Path, home: Path, clock: FixedClock) -> None:
    first = cli("directory", "import", str(files / "org.csv"))
    assert (first.code, first.out, first.err) == (0, "org.csv: 4 new, 0 updated, 0 unchanged.\n", "")
    again = cli("directory", "import", str(files / "org.csv"))
    assert again.out == "org.csv: nothing changed; all 4 contacts were already up to date.\n"
    assert len(stored_contacts(home, clock)) == 4


def test_import_a_newer_version(cli: Cli, files: Path) -> None:
    cli("directory", "import", str(files / "org.csv"))
    (files / "org.csv").write_text(ORG_CSV_V2, encoding="utf-8")
    result = cli("directory", "import", str(files / "org.csv"))
    assert result.out == "org.csv: 0 new, 1 updated, 1 no longer listed, 2 unchanged.\n"


def test_import_vcards_with_a_chosen_kind(cli: Cli, files: Path, home: Path, clock: FixedClock) -> None:
    without = cli("directory", "import", str(files / "peers.vcf"))
    assert without.code == 2
    assert without.err == (
        "wellbeing-app: Card 2 (line 13), field 'kind': no kind is given. "
        "Use peer_supporter, debrief_contact or professional_service. "
        "Address-book exports (Google, Outlook, Apple) never say; give the kind for the cards that do not, "
        "for example --kind peer_supporter.\n"
    )
    assert stored_contacts(home, clock) == []
    result = cli("directory", "import", str(files / "peers.vcf"), "--kind", "Debrief contact")
    assert (result.code, result.out) == (0, "peers.vcf: 2 new, 0 updated, 0 unchanged.\n")
    kinds = {contact.name: contact.kind.value for contact in stored_contacts(home, clock)}
    assert kinds == {"Grace Mwangi": "peer_supporter", "Anjali Sharma": "debrief_contact"}


def test_import_with_an_explicit_format(cli: Cli, files: Path, home: Path, clock: FixedClock) -> None:
    renamed = files / "directory-export.txt"
    renamed.write_text(ORG_CSV, encoding="utf-8")
    guessed = cli("directory", "import", str(renamed))
    assert guessed.code == 2 and "Cannot tell the format of 'directory-export.txt'" in guessed.err
    assert cli("directory", "import", str(renamed), "--format", "csv").code == 0
    assert {contact.source_name for contact in stored_contacts(home, clock)} == {"directory-export.txt"}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("Sat 22:00-02:00", "Fry 22:00-02:00", "Line 5, field 'availability': 'Fry' is not a day"),
        ("debrief_contact", "mentor", "Line 3, field 'kind': 'mentor' is not a known kind"),
        ("jose@example.org", "jose@", "Line 3, field 'email': 'jose@' does not look like an email"),
        ("Ana Silva", "", "Line 2, field 'name': the name is missing"),
        (
            "Asia/Tokyo",
            "asia/tokyo",
            "Line 6, field 'timezone': 'asia/tokyo' is not a time zone. Did you mean",
        ),
    ],
)
def test_an_invalid_row_names_line_and_field_and_imports_nothing(
    cli: Cli, files: Path, home: Path, clock: FixedClock, old: str, new: str, expected: str
) -> None:
    broken = files / "broken.csv"
    broken.write_text(ORG_CSV.replace(old, new, 1), encoding="utf-8")
    result = cli("directory", "import", str(broken))
    assert result.code == 2
    assert result.err.startswith(f"wellbeing-app: {expected}")
    assert stored_contacts(home, clock) == []


def test_import_problems_found_before_unlocking(cli: Cli, files: Path) -> None:
    no_passphrase: dict[str, str] = {}
    missing = cli("directory", "import", str(files / "missing.csv"), environ=no_passphrase)
    assert missing.code == 2 and "There is no file" in missing.err
    kind = cli("directory", "import", str(files / "peers.vcf"), "--kind", "mentor", environ=no_passphrase)
    assert kind.code == 2 and "--kind: 'mentor' is not a known kind" in kind.err
    assert cli("directory", "import", str(files / "org.csv"), "--format", "xls").code == 2


# -- directory list -------------------------------------------------------------------------------------------


def test_list_text(cli: Cli, files: Path) -> None:
    assert cli("directory", "list").out.startswith("No contacts yet.")
    cli("directory", "import", str(files / "org.csv"))
    assert cli("directory", "list").out.splitlines() == ORG_LISTING
    (files / "org.csv").write_text(ORG_CSV_V2, encoding="utf-8")
    cli("directory", "import", str(files / "org.csv"))
    lines = cli("directory", "list").out.splitlines()
    assert lines[4] == "سارة أحمد — peer supporter — Paediatric nurse (no longer listed)"
    assert cli("directory", "list", "--tag", "diabetes").out == "No contacts match.\n"


def test_list_json(cli: Cli, files: Path) -> None:
    assert json.loads(cli("directory", "list", "--json").out) == []
    cli("directory", "import", str(files / "org.csv"))
    result = cli("directory", "list", "--json")
    assert result.code == 0
    items = json.loads(result.out)
    assert [list(item) for item in items] == [CONTACT_FIELDS] * 4
    assert items[0] == {
        "id": "p-001",
        "name": "Ana Silva",
        "kind": "peer_supporter",
        "role": "ICU nurse",
        "organisation": "St Mary's Hospital, London",
        "phone": "+44 20 7946 0001",
        "email": "ana.silva@example.org",
        "url": "",
        "languages": ["en", "pt"],
        "tags": ["ICU", "field deployment", "night shifts"],
        "availability": "Mon-Fri 09:00-17:00",
        "timezone": "Europe/London",
        "notes": "Happy to talk after a hard shift.",
        "source": "org.csv (2026-11-25)",
        "last_verified": "2026-11-01",
        "listed": True,
    }
    assert "سارة أحمد" in result.out  # UTF-8, not \u escapes


@pytest.mark.parametrize(
    ("options", "names"),
    [
        (["--kind", "peer_supporter"], ["Ana Silva", "سارة أحمد"]),
        (["--kind", "Professional Service"], ["山田 花子"]),
        (["--tag", "FIELD DEPLOYMENT"], ["Ana Silva", "José Martínez"]),
        (["--language", "French"], ["José Martínez"]),
        (["--language", "en", "--tag", "patient death"], ["سارة أحمد"]),
        (["--available-now"], ["Ana Silva"]),  # Wednesday 09:00 London; Tokyo is at 18:00, just closed
        (["--available-now", "--kind", "debrief_contact"], []),
    ],
)
def test_list_filters(cli: Cli, files: Path, options: list[str], names: list[str]) -> None:
    cli("directory", "import", str(files / "org.csv"))
    result = cli("directory", "list", "--json", *options)
    assert result.code == 0
    assert [item["name"] for item in json.loads(result.out)] == names


def test_list_with_an_unknown_kind(cli: Cli) -> None:
    result = cli("directory", "list", "--kind", "mentor")
    assert result.code == 2 and "Use peer_supporter, debrief_contact or professional_service" in result.err


def test_list_reports_a_damaged_contact_and_shows_the_rest(
    cli: Cli, files: Path, home: Path, clock: FixedClock
) -> None:
    cli("directory", "import", str(files / "org.csv"))
    with unlocked(home, clock) as services:
        [ana] = [contact for contact in services.directory.contacts() if contact.id == "p-001"]
        stored_id = services.vault.store.keyed_id(ana.record_id)
    conn = sqlite3.connect(db_path(home))
    with conn:
        conn.execute("UPDATE records SET payload = X'00' WHERE id = ?", (stored_id,))
    conn.close()
    result = cli("directory", "list")
    assert result.code == 0
    assert result.out.splitlines() == ORG_LISTING[2:]
    assert "1 record could not be read" in result.err and "verify" in result.err


# -- directory export -----------------------------------------------------------------------------------------


def test_export_json_to_standard_output(cli: Cli, files: Path) -> None:
    cli("directory", "import", str(files / "org.csv"))
    result = cli("directory", "export")
    assert result.code == 0
    assert result.err.startswith("This export is not encrypted")
    document = json.loads(result.out)
    assert (document["format"], document["version"]) == ("wellbeing-directory", 1)
    assert [item["name"] for item in document["contacts"]] == [line.split(" — ")[0] for line in ORG_LINES]


@pytest.mark.parametrize("fmt", ["csv", "json", "vcf"])
def test_export_then_import_elsewhere(
    cli: Cli, files: Path, tmp_path: Path, make_vault: MakeVault, clock: FixedClock, fmt: str
) -> None:
    cli("directory", "import", str(files / "org.csv"))
    cli("directory", "add", "--name", "Nguyễn Thị Lan", "--kind", "peer_supporter", "--tags", "ICU;covid-19")
    target = tmp_path / f"shared.{fmt}"
    result = cli("directory", "export", "--out", str(target))
    assert result.out.splitlines() == [
        f"Exported 5 contacts to {target}.",
        "This file is not encrypted: keep it somewhere private and delete it when you are done.",
    ]
    assert (target.stat().st_mode & 0o777) == 0o600
    other = make_vault("other")
    imported = cli("directory", "import", str(target), data_dir=other)
    assert imported.out == f"shared.{fmt}: 5 new, 0 updated, 0 unchanged.\n"
    restored = {contact.name: contact for contact in stored_contacts(other, clock)}
    assert sorted(restored) == sorted([line.split(" — ")[0] for line in ORG_LINES] + ["Nguyễn Thị Lan"])
    assert restored["José Martínez"].notes == "Runs group debriefs.\nBring a colleague, if you like."
    assert restored["Nguyễn Thị Lan"].tags == ("ICU", "covid-19")


def test_export_never_overwrites(cli: Cli, files: Path, tmp_path: Path) -> None:
    target = tmp_path / "directory.csv"
    target.write_text("keep me", encoding="utf-8")
    result = cli("directory", "export", "--out", str(target), environ={})
    assert result.code == 2 and "already exists" in result.err
    assert target.read_text(encoding="utf-8") == "keep me"
    unknown = cli("directory", "export", "--out", str(tmp_path / "directory.txt"), environ={})
    assert unknown.code == 2 and "Cannot tell the format" in unknown.err
    missing = cli("directory", "export", "--out", str(tmp_path / "nope" / "d.csv"), environ={})
    assert missing.code == 2 and "does not exist" in missing.err


def test_export_keeps_two_organisations_ids_apart(
    cli: Cli, files: Path, tmp_path: Path, make_vault: MakeVault, clock: FixedClock
) -> None:
    cli("directory", "import", str(files / "org.csv"))
    kenya = files / "kenya.csv"
    kenya.write_text(HEADER + "\np-001,Grace Mwangi,debrief_contact,,,,,,sw;en,,,,,\n", encoding="utf-8")
    cli("directory", "import", str(kenya))
    target = tmp_path / "both.csv"
    assert cli("directory", "export", "--out", str(target)).code == 0
    other = make_vault("other")
    assert (
        cli("directory", "import", str(target), data_dir=other).out
        == "both.csv: 5 new, 0 updated, 0 unchanged.\n"
    )
    assert len(stored_contacts(other, clock)) == 5


# -- directory add and remove ---------------------------------------------------------------------------------


def test_add_and_remove_a_private_contact(cli: Cli, home: Path, clock: FixedClock) -> None:
    result = cli(
        "directory", "add", "--name", "Nguyễn Thị Lan", "--kind", "peer_supporter", "--role", "Night nurse",
        "--organisation", "Bạch Mai Hospital", "--phone", "+84 24 0000 0000", "--email", "lan@example.vn",
        "--url", "https://example.vn/lan", "--languages", "vi;en", "--tags", "ICU;covid-19",
        "--availability", "mon-fri 19:00-23:00", "--timezone", "Asia/Ho_Chi_Minh", "--notes", "Prefers texts.",
    )  # fmt: skip
    assert result.code == 0, result.err
    [contact] = stored_contacts(home, clock)
    assert result.out == f"Added Nguyễn Thị Lan to your private contacts (id {contact.id}).\n"
    assert contact.is_private and str(contact.availability) == "Mon-Fri 19:00-23:00"
    assert (contact.languages, contact.tags, contact.timezone) == (
        ("vi", "en"),
        ("ICU", "covid-19"),
        "Asia/Ho_Chi_Minh",
    )
    listed = cli("directory", "list").out
    assert listed == (
        f"Nguyễn Thị Lan — peer supporter — Night nurse, Bạch Mai Hospital (private, id {contact.id})\n"
        "   +84 24 0000 0000 · lan@example.vn · https://example.vn/lan\n"
    )
    removed = cli("directory", "remove", contact.id)
    assert (removed.code, removed.out) == (0, "Removed Nguyễn Thị Lan from your private contacts.\n")
    assert stored_contacts(home, clock) == []


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--name", "Lan", "--kind", "peer_supporter", "--email", "lan@"], "Field 'email': 'lan@'"),
        (["--name", "Lan", "--kind", "peer_supporter", "--url", "javascript:x"], "Field 'url'"),
        (["--name", "Lan", "--kind", "mentor"], "Field 'kind': 'mentor' is not a known kind"),
        (["--name", "Lan", "--kind", "peer_supporter", "--availability", "Fry 9-5"], "Field 'availability'"),
        (["--name", "Lan", "--kind", "peer_supporter", "--timezone", "Mars/Olympus"], "Field 'timezone'"),
        (["--name", " ", "--kind", "peer_supporter"], "Field 'name': the name is missing"),
        (["--kind", "peer_supporter"], "the following arguments are required: --name"),
    ],
)
def test_add_problems_change_nothing(
    cli: Cli, home: Path, clock: FixedClock, options: list[str], expected: str
) -> None:
    result = cli("directory", "add", *options, environ={})  # checked before asking for a passphrase
    assert result.code == 2 and expected in result.err
    assert stored_contacts(home, clock) == []


def test_remove_refuses_imported_and_unknown_contacts(
    cli: Cli, files: Path, home: Path, clock: FixedClock
) -> None:
    cli("directory", "import", str(files / "org.csv"))
    imported = cli("directory", "remove", "p-001")
    assert imported.code == 2
    assert imported.err == (
        "wellbeing-app: Ana Silva comes from org.csv (2026-11-25); imported contacts change when their file is "
        "imported again. Only private contacts can be edited or removed here.\n"
    )
    unknown = cli("directory", "remove", "no-such-id")
    assert (unknown.code, unknown.err) == (2, "wellbeing-app: There is no contact with the id no-such-id.\n")
    assert len(stored_contacts(home, clock)) == 4


# -- profile --------------------------------------------------------------------------------------------------


def test_profile_set_and_show(cli: Cli) -> None:
    assert cli("profile", "show").out.startswith("Your profile is empty.")
    assert json.loads(cli("profile", "show", "--json").out) == {
        "experience_tags": [],
        "languages": [],
        "country": None,
    }
    result = cli(
        "profile", "set", "--tags", "field deployment;ICU", "--languages", "fr;en", "--country", "ke"
    )
    assert result.code == 0
    assert result.out.splitlines()[1:] == [
        "Experience: field deployment, ICU",
        "Languages: French, English",
        "Country: KE",
    ]
    # Options not given keep their values; "" clears the country.
    cli("profile", "set", "--languages", "sw", "--country", "")
    assert json.loads(cli("profile", "show", "--json").out) == {
        "experience_tags": ["field deployment", "ICU"],
        "languages": ["sw"],
        "country": None,
    }
    assert cli("profile", "show").out.splitlines() == [
        "Experience: field deployment, ICU",
        "Languages: Swahili",
        "Country: not set",
    ]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--country", "Kenya"], "'Kenya' is not a country code"),
        ([], "Give at least one of --tags, --languages or --country"),
    ],
)
def test_profile_problems(cli: Cli, options: list[str], expected: str) -> None:
    result = cli("profile", "set", *options, environ={})
    assert result.code == 2 and expected in result.err


# -- support --------------------------------------------------------------------------------------------------


def test_support_json_best_first(cli: Cli, files: Path) -> None:
    cli("directory", "import", str(files / "org.csv"))
    cli("profile", "set", "--tags", "Field deployment", "--languages", "French")
    result = cli("support", "--json")
    assert result.code == 0
    assert json.loads(result.out) == [
        {
            "id": "p-002",
            "name": "José Martínez",
            "kind": "debrief_contact",
            "phone": "",
            "email": "jose@example.org",
            "url": "",
            "why": ["also worked in field deployments", "speaks French"],
        },
        {
            "id": "p-001",
            "name": "Ana Silva",
            "kind": "peer_supporter",
            "phone": "+44 20 7946 0001",
            "email": "ana.silva@example.org",
            "url": "",
            "why": ["also worked in field deployments", "available now"],
        },
    ]
    assert [item["id"] for item in json.loads(cli("support", "--json", "--limit", "1").out)] == ["p-002"]


def test_support_uses_recent_check_in_tags(cli: Cli, files: Path) -> None:
    cli("directory", "import", str(files / "org.csv"))
    cli("checkin", "--mood", "3", "--tag", "patient death", "--date", "2026-11-23")
    result = cli("support")
    assert result.out.splitlines() == [
        "1. سارة أحمد (peer supporter) — has also been through the death of a patient",
        "   +971 4 000 0000",
        "2. Ana Silva (peer supporter) — available now",
        "   +44 20 7946 0001 · ana.silva@example.org",
        "",
        "If you need someone right now, 'wellbeing-app crisis' lists support lines (no passphrase needed).",
    ]


def test_support_without_matches(cli: Cli, files: Path) -> None:
    empty = cli("support")
    assert empty.code == 0 and empty.out.startswith("Your directory is empty.")
    assert json.loads(cli("support", "--json").out) == []
    cli("directory", "import", str(files / "peers.vcf"), "--kind", "peer_supporter")
    assert cli("support").out.startswith("No one matches your experience or languages yet.")
    bad = cli("support", "--limit", "0")
    assert bad.code == 2 and "--limit must be a whole number of 1 or more" in bad.err


# -- crisis ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "environ", "heading"),
    [
        ([], {}, "Support lines — United Kingdom"),
        ([], {"LANG": "fr_FR.UTF-8"}, "Support lines — France"),
        ([], {"LANG": "fr_FR.UTF-8", "LC_ALL": "en_KE.UTF-8"}, "Support lines — Kenya"),
        ([], {"LANG": "C.UTF-8"}, "Support lines — United Kingdom"),
        (["--country", "nz"], {"LANG": "fr_FR.UTF-8"}, "Support lines — New Zealand"),
        (["--country", "UK"], {}, "Support lines — United Kingdom"),
    ],
)
def test_crisis_needs_no_vault_and_no_passphrase(
    cli: Cli, tmp_path: Path, argv: list[str], environ: dict[str, str], heading: str
) -> None:
    nowhere = tmp_path / "no-vault-here"
    result = cli("crisis", *argv, data_dir=nowhere, environ=environ)
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines()[0] == heading
    assert "In an emergency, call" in result.out
    assert not nowhere.exists()


def test_crisis_for_an_unlisted_country(cli: Cli, tmp_path: Path) -> None:
    result = cli("crisis", "--country", "ZZ", data_dir=tmp_path / "none", environ={})
    assert result.code == 0
    assert result.out.startswith("This country is not in the list yet.")
    assert "https://findahelpline.com" in result.out
    assert result.out.splitlines()[-1].startswith("The app has no list for 'ZZ' yet")
    from_locale = cli("crisis", data_dir=tmp_path / "none", environ={"LANG": "uk_UA.UTF-8"})
    assert from_locale.code == 0 and "The app has no list for 'UA' yet" in from_locale.out


# -- passphrase and vault problems ----------------------------------------------------------------------------


def test_exit_3_without_a_passphrase_a_wrong_one_or_a_vault(cli: Cli, tmp_path: Path) -> None:
    for argv in (["directory", "list"], ["support"], ["profile", "show"]):
        assert cli(*argv, environ={}).code == 3
        assert cli(*argv, environ={"WELLBEING_PASSPHRASE": "not the passphrase"}).code == 3
        assert cli(*argv, data_dir=tmp_path / "empty").code == 3


def test_usage_errors_exit_2(cli: Cli) -> None:
    assert cli("directory").code == 2
    assert cli("profile").code == 2
    assert cli("directory", "list", "--format", "csv").code == 2


# -- the whole-vault export and import ------------------------------------------------------------------------


def test_full_export_holds_contacts_and_restores_them_in_a_new_vault(
    cli: Cli, files: Path, tmp_path: Path, make_vault: MakeVault, home: Path, clock: FixedClock
) -> None:
    cli("directory", "import", str(files / "org.csv"))
    cli("directory", "add", "--name", "Nguyễn Thị Lan", "--kind", "peer_supporter")
    cli("checkin", "--mood", "6")
    exported = tmp_path / "backup.json"
    assert cli("export", "--out", str(exported)).code == 0
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert len(document["contacts"]) == 5 and len(document["checkins"]) == 1
    assert {item["contact_id"] for item in document["contacts"]} >= {"p-001", "p-002", "p-003", "p-004"}
    other = make_vault("other")
    first = cli("import", str(exported), data_dir=other)
    assert first.out == "Imported the export backup.json: 6 added, 0 updated, 0 unchanged.\n"
    second = cli("import", str(exported), data_dir=other)
    assert second.out == "Imported the export backup.json: 0 added, 0 updated, 6 unchanged.\n"
    assert stored_contacts(other, clock) == stored_contacts(home, clock)
    assert cli("directory", "list", data_dir=other).out == cli("directory", "list").out
    # A later import of the organisation's file updates the restored contacts in place.
    again = cli("directory", "import", str(files / "org.csv"), data_dir=other)
    assert again.out == "org.csv: nothing changed; all 4 contacts were already up to date.\n"


def test_a_tampered_contact_in_a_full_export_imports_nothing(
    cli: Cli, files: Path, tmp_path: Path, make_vault: MakeVault, clock: FixedClock
) -> None:
    cli("directory", "import", str(files / "org.csv"))
    document = json.loads(cli("export").out)
    document["contacts"][1]["availability"] = "Mon-Fri 9 to 5"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    other = make_vault("other")
    result = cli("import", str(edited), data_dir=other)
    assert result.code == 2 and result.err.startswith("wellbeing-app: contacts[1]: availability: ")
    assert stored_contacts(other, clock) == []


# -- crisis honours the saved country (issue 11) --------------------------------------------------------------


def test_crisis_uses_the_country_saved_in_the_profile_without_a_passphrase(cli: Cli, cli_vault: Path) -> None:
    assert cli("profile", "set", "--country", "KE").code == 0
    assert stat.S_IMODE((cli_vault / "crisis-country").stat().st_mode) == 0o600
    locked = cli("crisis", environ={"LANG": "en_GB.UTF-8"})
    assert (locked.code, locked.err) == (0, "")
    assert locked.out.splitlines()[0] == "Support lines — Kenya"
    once = cli("crisis", "--country", "FR", environ={})
    assert once.out.splitlines()[0] == "Support lines — France"
    assert cli("profile", "set", "--country", "").code == 0
    assert not (cli_vault / "crisis-country").exists()
    assert cli("crisis", environ={"LANG": "fr_FR.UTF-8"}).out.splitlines()[0] == "Support lines — France"


def test_a_profile_country_without_lines_is_saved_with_a_note(cli: Cli) -> None:
    result = cli("profile", "set", "--country", "XX")
    assert result.code == 0
    assert "Country: XX" in result.out
    assert "no support lines for 'XX'" in result.err and "crisis --list" in result.err
    assert cli("profile", "set", "--country", "KE").err == ""


def test_crisis_list_shows_the_countries_it_knows(cli: Cli, tmp_path: Path) -> None:
    result = cli("crisis", "--list", data_dir=tmp_path / "none", environ={})
    assert result.code == 0
    assert "KE  Kenya" in result.out.splitlines()
    assert "GB  United Kingdom" in result.out.splitlines()


# -- real-world CSV files (issue 11) --------------------------------------------------------------------------

EXCEL_CSV = "name;kind;languages;tags\nZoë Müller;peer_supporter;de,en;Intensivstation\nJo Bloggs;peer_supporter;en,xx;ICU\n"


def test_an_excel_csv_in_windows_1252_with_commas_in_list_cells(
    cli: Cli, files: Path, home: Path, clock: FixedClock
) -> None:
    path = files / "excel.csv"
    path.write_bytes(EXCEL_CSV.encode("cp1252"))
    result = cli("directory", "import", str(path))
    assert result.code == 0, result.err
    assert result.out == "excel.csv: 2 new, 0 updated, 0 unchanged.\n"
    assert result.err.splitlines() == [
        "Note: the file is not UTF-8, so it was read as cp1252 (Windows Western European, as Excel saves it); "
        "if names look wrong, import it again with --encoding.",
        "Note: Line 3: 'xx' is not a language code the app knows (known codes look like en, fr or sw); "
        "it is kept as written.",
    ]
    zoe = next(contact for contact in stored_contacts(home, clock) if contact.name == "Zoë Müller")
    assert zoe.languages == ("de", "en")


def test_an_encoding_can_be_named(cli: Cli, files: Path, home: Path, clock: FixedClock) -> None:
    path = files / "latin1.csv"
    path.write_bytes("name,kind\nJosé,peer_supporter\n".encode("latin-1"))
    result = cli("directory", "import", str(path), "--encoding", "latin-1")
    assert (result.code, result.err) == (0, "")
    assert [contact.name for contact in stored_contacts(home, clock)] == ["José"]
    utf8 = files / "utf8.csv"
    utf8.write_bytes("name,kind\nJosé,peer_supporter\n".encode())
    wrong = cli("directory", "import", str(utf8), "--encoding", "ascii")
    assert wrong.code == 2 and "Line 2: the file is not ascii text" in wrong.err
    assert cli("directory", "import", str(path), "--encoding", "klingon").code == 2

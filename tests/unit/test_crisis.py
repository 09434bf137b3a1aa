"""The shipped crisis-line directory: contents, provenance, lookup and the plain-text view."""

from __future__ import annotations

import dataclasses
import json
import re
import time
from pathlib import Path

import pytest

from wellbeing_app.crisis import (
    CrisisDirectory,
    CrisisLine,
    default_country,
    dial_digits,
    format_crisis_text,
    format_international_text,
    load_crisis_lines,
)
from wellbeing_app.errors import IntegrityError

# The lines the source marks as not verified (or as needing re-verification) - see the JSON's notes.
UNVERIFIED = {
    ("ES", "Telefono de la Esperanza"),
    ("SE", "Mind Sjalvmordslinjen"),
    ("DK", "Livslinien"),
    ("PL", "Kryzysowy Telefon Zaufania"),
    ("PL", "Centrum Wsparcia dla Osob w Stanie Kryzysu Psychicznego"),
    ("KE", "Befrienders Kenya"),
    ("JP", "TELL Lifeline (Tokyo English Life Line)"),
}


@pytest.fixture(scope="module")
def directory() -> CrisisDirectory:
    return load_crisis_lines()


def all_lines(directory: CrisisDirectory) -> list[tuple[str, CrisisLine]]:
    return [(code, line) for code, _ in directory.countries() for line in directory.by_country[code].lines]


def phones(directory: CrisisDirectory, code: str) -> dict[str, str | None]:
    country = directory.for_country(code)
    assert country is not None
    return {line.name: line.phone for line in country.lines}


def test_gb_and_ie_include_samaritans_116_123(directory: CrisisDirectory) -> None:
    assert phones(directory, "GB")["Samaritans"] == "116 123"
    assert phones(directory, "IE")["Samaritans Ireland"] == "116 123"


def test_us_includes_988(directory: CrisisDirectory) -> None:
    assert "988" in phones(directory, "US").values()


def test_every_country_has_a_sourced_emergency_number(directory: CrisisDirectory) -> None:
    assert len(directory.countries()) == 29
    for code, _ in directory.countries():
        emergency = directory.by_country[code].emergency
        assert emergency.numbers, code
        assert all(number.isdigit() for number in emergency.numbers), code
        assert emergency.label and emergency.source and emergency.source_date, code


@pytest.mark.parametrize(("code", "first"), [("GB", "999"), ("US", "911"), ("AU", "000"), ("FR", "15")])
def test_emergency_number_examples(directory: CrisisDirectory, code: str, first: str) -> None:
    country = directory.for_country(code)
    assert country is not None
    assert country.emergency.numbers[0] == first


def test_every_line_keeps_its_source_and_date(directory: CrisisDirectory) -> None:
    for code, line in all_lines(directory):
        assert line.source.strip(), (code, line.name)
        assert line.source_date.strip(), (code, line.name)
        assert line.phone or line.sms, (code, line.name)


def test_lines_the_source_marks_unverified_are_not_verified(directory: CrisisDirectory) -> None:
    flagged = re.compile(r"hours (not|not re-)verified", re.IGNORECASE)
    for code, line in all_lines(directory):
        if "not verified" in line.hours.lower() or flagged.search(line.notes or ""):
            assert not line.verified, (code, line.name)
    unverified = {(code, line.name) for code, line in all_lines(directory) if not line.verified}
    assert unverified == UNVERIFIED


def test_unverified_lines_carry_a_caution_and_verified_lines_none(directory: CrisisDirectory) -> None:
    for _, line in all_lines(directory):
        if line.verified:
            assert line.caution is None
        else:
            assert line.caution is not None
            assert line.caution.endswith("check before relying on it")


def test_missing_verified_flag_means_not_verified(tmp_path: Path) -> None:
    line = {
        "name": "A line",
        "phone": "1",
        "hours": "24/7",
        "for": "everyone",
        "source": "s",
        "source_date": "d",
    }
    data = {
        "compiled": "2026-01-01",
        "note": "n",
        "international": [],
        "countries": {
            "xx": {
                "name": "Somewhere",
                "emergency": {"numbers": ["112"], "label": "l", "source": "s", "source_date": "d"},
                "lines": [line],
            }
        },
    }
    path = tmp_path / "lines.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    country = load_crisis_lines(path).for_country("XX")
    assert country is not None
    assert country.lines[0].verified is False


@pytest.mark.parametrize("content", ["{not json", "[]", '{"compiled": "x"}'])
def test_a_damaged_file_raises_a_calm_integrity_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "lines.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(IntegrityError, match="local emergency number"):
        load_crisis_lines(path)


def test_a_missing_file_raises_integrity_error(tmp_path: Path) -> None:
    with pytest.raises(IntegrityError):
        load_crisis_lines(tmp_path / "absent.json")


@pytest.mark.parametrize("code", ["GB", "gb", "Gb", " gb ", "UK", "uk"])
def test_lookup_is_case_insensitive_and_reads_uk_as_gb(directory: CrisisDirectory, code: str) -> None:
    country = directory.for_country(code)
    assert country is not None
    assert country.country == "GB"


@pytest.mark.parametrize("code", ["ZZ", "", "GBR"])
def test_unknown_country_is_none(directory: CrisisDirectory, code: str) -> None:
    assert directory.for_country(code) is None


def test_countries_are_sorted_by_name(directory: CrisisDirectory) -> None:
    countries = directory.countries()
    assert [name for _, name in countries] == sorted(name for _, name in countries)
    assert ("GB", "United Kingdom") in countries


def test_healthcare_worker_lines_are_marked(directory: CrisisDirectory) -> None:
    gb = directory.for_country("GB")
    assert gb is not None
    assert "NHS Practitioner Health" in {line.name for line in gb.healthcare_worker_lines}
    assert "Samaritans" in {line.name for line in gb.general_lines}
    for _, line in all_lines(directory):
        assert line.for_healthcare_workers == line.audience.startswith("healthcare workers")


def test_lines_are_frozen(directory: CrisisDirectory) -> None:
    _, line = all_lines(directory)[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        line.verified = True  # type: ignore[misc]


@pytest.mark.parametrize(
    ("locale_name", "expected"),
    [
        ("en_GB.UTF-8", "GB"),
        ("en-US", "US"),
        ("en_IE.utf8", "IE"),
        ("fr_FR@euro", "FR"),
        ("de_CH", "CH"),
        ("en_UK", "GB"),
        ("zh_Hant_HK", "HK"),
        ("zh-Hant-HK", "HK"),
        ("uk_UA.UTF-8", "UA"),
        ("en", "GB"),
        ("es-419", "GB"),
        ("C", "GB"),
        ("C.UTF-8", "GB"),
        ("POSIX", "GB"),
        ("", "GB"),
        (None, "GB"),
    ],
)
def test_default_country(locale_name: str | None, expected: str) -> None:
    assert default_country(locale_name) == expected


def test_default_country_falls_back_when_not_listed(directory: CrisisDirectory) -> None:
    codes = [code for code, _ in directory.countries()]
    assert default_country("uk_UA.UTF-8", codes) == "GB"
    assert default_country("en_NZ.UTF-8", codes) == "NZ"


def test_format_puts_the_emergency_number_first(directory: CrisisDirectory) -> None:
    gb = directory.for_country("GB")
    assert gb is not None
    text = format_crisis_text(gb)
    body = text.splitlines()[2:]
    assert body[0] == "In an emergency, call 999 or 112."
    assert text.index("In an emergency") < text.index("Samaritans") < text.index("NHS Practitioner Health")
    assert text.index("NHS Practitioner Health") < text.index("findahelpline.com")
    assert "Phone: 116 123" in text


def test_format_joins_several_emergency_numbers(directory: CrisisDirectory) -> None:
    za = directory.for_country("ZA")
    assert za is not None
    assert "In an emergency, call 10177, 10111 or 112." in format_crisis_text(za)


def test_format_flags_unverified_hours(directory: CrisisDirectory) -> None:
    for code in ("DK", "KE"):
        country = directory.for_country(code)
        assert country is not None
        assert "(hours not verified — check before relying on it)" in format_crisis_text(country)
    gb = directory.for_country("GB")
    assert gb is not None
    assert "check before relying on it" not in format_crisis_text(gb)


def test_format_lists_directories_but_not_the_eu_number(directory: CrisisDirectory) -> None:
    text = format_international_text(directory.international)
    assert "local emergency number" in text
    assert "https://www.befrienders.org" in text
    assert "116 123" not in text


@pytest.mark.parametrize(
    ("phone", "expected"),
    [
        ("116 123", "116123"),
        ("111, then option 2", "111"),
        ("988, then press 1", "988"),
        ("808 24 24 24, option 4", "808242424"),
        ("+254 722 178 177", "+254722178177"),
        ("1-800-668-6868", "18006686868"),
        ("0 805 23 23 36", "0805232336"),
    ],
)
def test_dial_digits(phone: str, expected: str) -> None:
    assert dial_digits(phone) == expected


def test_every_phone_has_something_to_dial(directory: CrisisDirectory) -> None:
    for code, line in all_lines(directory):
        if line.phone:
            assert len(dial_digits(line.phone)) >= 3, (code, line.name)


def test_loads_quickly() -> None:
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        load_crisis_lines()
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.020

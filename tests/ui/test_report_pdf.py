"""The PDF report: its text (read back with pypdf) holds the figures and no notes unless asked; never overwrites.

Expected figures are computed here from the moods the test wrote, not through the statistics module.
"""

from __future__ import annotations

import errno
import os
import re
import statistics
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers.cli import PASSPHRASE, unlocked
from tests.helpers.template_vault import TemplateVault
from ui import report_pdf
from ui.report_pdf import write_report_pdf
from wellbeing_app.clock import FixedClock
from wellbeing_app.errors import InvalidInput
from wellbeing_app.report import build_report
from wellbeing_app.services import Services

CANARY = "zephyrcanary"
TODAY = date(2026, 11, 25)  # the ``clock`` fixture's day
FIRST = TODAY - timedelta(days=119)
DEPLOYMENT = (date(2026, 8, 20), date(2026, 10, 10))
TRAINING = (date(2026, 6, 1), date(2026, 6, 10))  # no check-ins: its figures are dashes, never zeros


def sample_moods() -> dict[date, int]:
    """About 120 days with gaps (every 9th day and a five-day break); lower during the deployment."""
    moods: dict[date, int] = {}
    for offset in range(120):
        day = FIRST + timedelta(days=offset)
        if offset % 9 == 4 or 60 <= offset < 65:
            continue
        base = 4 if DEPLOYMENT[0] <= day <= DEPLOYMENT[1] else 6
        moods[day] = base + offset * 7 % 5 - 2
    return moods


def fill(services: Services) -> dict[date, int]:
    moods = sample_moods()
    for offset, (day, mood) in enumerate(sorted(moods.items())):
        services.checkins.add(
            mood=mood,
            energy=5,
            sleep_hours=5.5 if offset % 4 == 0 else 7.5,
            tags=["night shift"] if offset % 3 == 0 else [],
            note=f"{CANARY} after a long shift" if offset % 10 == 0 else "",
            day=day,
            at="08:00",
        )
    services.periods.add("Angola feeding centre", *DEPLOYMENT, "deployment")
    services.periods.add("Course in Geneva", *TRAINING, "training")
    services.instruments.add("who5", [3, 3, 2, 3, 2], date(2026, 9, 15))  # 13 of 25: 52
    services.instruments.add("burnout", [2], date(2026, 10, 20))
    return moods


def pdf_text(path: Path) -> str:
    """The PDF's text with runs of white space made single spaces (pypdf separates words with tabs)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def mean_text(values: list[int]) -> str:
    return f"{statistics.fmean(values):.1f} ± {statistics.stdev(values):.1f}"


@pytest.fixture
def moods(services: Services) -> dict[date, int]:
    return fill(services)


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """A folder of its own, so a test can see that nothing but the report is left in it."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.mark.usefixtures("qapp")
def test_the_report_holds_the_figures_and_no_notes(
    services: Services, moods: dict[date, int], out_dir: Path
) -> None:
    out = out_dir / "report.pdf"
    calls: list[tuple[int, int]] = []
    write_report_pdf(build_report(services), out, lambda done, total: calls.append((done, total)))

    text = pdf_text(out)
    assert "Wellbeing Check-in — trends report" in text
    assert "26 Nov 2025 – 25 Nov 2026" in text
    assert "not a medical assessment" in text
    assert f"Days with a check-in {len(moods)} of 365" in text
    assert f"Mood, mean ± spread (0–10) {mean_text(list(moods.values()))}" in text
    during = [m for d, m in moods.items() if DEPLOYMENT[0] <= d <= DEPLOYMENT[1]]
    before = [m for d, m in moods.items() if DEPLOYMENT[0] - timedelta(days=30) <= d < DEPLOYMENT[0]]
    after = [m for d, m in moods.items() if DEPLOYMENT[1] < d <= DEPLOYMENT[1] + timedelta(days=30)]
    assert "Angola feeding centre Deployment 20 Aug – 10 Oct 2026" in text
    assert "After return" in text
    assert f"Mood, mean ± spread {mean_text(before)} {mean_text(during)} {mean_text(after)}" in text
    assert "Course in Geneva Training 1 – 10 Jun 2026 0 – – – – –" in text
    assert "15 Sep 2026 52 13 of 25" in text
    assert "20 Oct 2026 2 of 5" in text
    assert "On days with night shift, your mood was on average" in text
    assert not re.search(r"\b(because|causes?|caused by)\b", text)
    assert CANARY not in text
    assert "Check-in notes" not in text

    assert calls[-1][0] == calls[-1][1] and [done for done, _ in calls] == list(range(1, calls[-1][1] + 1))
    assert len(PdfReader(out).pages) == calls[-1][1] - 1
    assert f"Page 1 of {len(PdfReader(out).pages)}" in text
    assert os.stat(out).st_mode & 0o777 == 0o600
    assert sorted(p.name for p in out_dir.iterdir()) == ["report.pdf"]


@pytest.mark.usefixtures("qapp", "moods")
def test_notes_only_when_asked(services: Services, out_dir: Path) -> None:
    out = out_dir / "with-notes.pdf"
    write_report_pdf(build_report(services, include_notes=True), out)
    text = pdf_text(out)
    assert "Check-in notes" in text
    assert f"{CANARY} after a long shift" in text


@pytest.mark.usefixtures("qapp")
def test_an_empty_range_says_so_without_zeros(services: Services, out_dir: Path) -> None:
    out = out_dir / "empty.pdf"
    write_report_pdf(build_report(services), out)
    text = pdf_text(out)
    assert "Days with a check-in 0 of 365" in text
    assert "Mood, mean ± spread (0–10) – Low days (mood 4 or lower) –" in text
    assert "No periods" in text and "Not enough days yet to compare" in text


@pytest.mark.usefixtures("qapp")
def test_an_existing_file_is_refused_and_left_byte_identical(services: Services, out_dir: Path) -> None:
    out = out_dir / "report.pdf"
    out.write_bytes(b"the user's own file\n")
    with pytest.raises(InvalidInput) as raised:
        write_report_pdf(build_report(services), out)
    assert raised.value.field == "out"
    assert out.read_bytes() == b"the user's own file\n"
    assert [p.name for p in out_dir.iterdir()] == ["report.pdf"]


@pytest.mark.usefixtures("qapp")
def test_a_file_that_appears_while_writing_is_kept(
    services: Services, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = out_dir / "report.pdf"
    real_link = os.link

    def someone_else_first(source: Path, target: Path) -> None:
        Path(target).write_bytes(b"theirs")
        real_link(source, target)

    monkeypatch.setattr(report_pdf.os, "link", someone_else_first)
    with pytest.raises(InvalidInput):
        write_report_pdf(build_report(services), out)
    assert out.read_bytes() == b"theirs"
    assert [p.name for p in out_dir.iterdir()] == ["report.pdf"]


@pytest.mark.usefixtures("qapp")
def test_without_hard_links_the_file_is_still_created_once(
    services: Services, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(_source: Path, _target: Path) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(report_pdf.os, "link", no_links)
    out = out_dir / "report.pdf"
    write_report_pdf(build_report(services), out)
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in out_dir.iterdir()] == ["report.pdf"]


@pytest.mark.usefixtures("qapp")
def test_a_failure_leaves_nothing_behind(
    services: Services, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(_source: Path, _target: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(report_pdf.os, "link", disk_full)
    with pytest.raises(OSError):
        write_report_pdf(build_report(services), out_dir / "report.pdf")
    assert list(out_dir.iterdir()) == []
    with pytest.raises(InvalidInput) as raised:
        write_report_pdf(build_report(services), out_dir / "missing" / "report.pdf")
    assert raised.value.field == "out"
    assert list(out_dir.iterdir()) == []


# -- the command line, as a process without a display ----------------------------------------------------------


def run_report(data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("wellbeing-app")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "wellbeing_app"]
    environ = {
        k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    environ["WELLBEING_PASSPHRASE"] = PASSPHRASE
    return subprocess.run(
        [*command, "--data-dir", str(data_dir), "report", *argv],
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def test_the_command_line_writes_a_report_without_a_display(
    data_dir: Path, template_vault: TemplateVault, clock: FixedClock, tmp_path: Path
) -> None:
    template_vault.copy_to(data_dir)
    with unlocked(data_dir, clock) as services:
        moods = fill(services)
    out = tmp_path / "out" / "report.pdf"
    out.parent.mkdir()
    done = run_report(data_dir, "--out", str(out), "--from", FIRST.isoformat(), "--to", TODAY.isoformat())
    assert done.returncode == 0, done.stderr
    assert "not encrypted" in done.stdout
    text = pdf_text(out)
    assert f"Mood, mean ± spread (0–10) {mean_text(list(moods.values()))}" in text
    assert CANARY not in text

    again = run_report(data_dir, "--out", str(out))
    assert again.returncode == 2
    assert "already exists" in again.stderr
    assert pdf_text(out) == text
    assert [p.name for p in out.parent.iterdir()] == ["report.pdf"]

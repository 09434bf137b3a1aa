"""`make install` puts the command on PATH through pipx, or says what to do without it (issue 11)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]


@pytest.fixture
def bin_dir(tmp_path: Path) -> Path:
    """A PATH holding only what make needs, and python3 as this interpreter."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for tool in ("make", "sh"):
        found = shutil.which(tool)
        if found is None:
            pytest.skip(f"{tool} is not installed")
        (folder / tool).symlink_to(found)
    (folder / "python3").symlink_to(sys.executable)
    return folder


def make_install(bin_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), "install"],
        env={**os.environ, "PATH": str(bin_dir)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_without_pipx_it_says_what_to_do(bin_dir: Path) -> None:
    done = make_install(bin_dir)
    assert done.returncode == 2
    assert "make install needs pipx" in done.stdout
    assert "pipx ensurepath" in done.stdout and ".venv/bin/wellbeing-app" in done.stdout


def test_with_pipx_it_installs_this_checkout_with_the_pinned_versions(bin_dir: Path, tmp_path: Path) -> None:
    record = tmp_path / "pipx-args"
    fake = bin_dir / "pipx"
    fake.write_text(f'#!/bin/sh\nfor a in "$@"; do echo "$a"; done > {record}\n', encoding="utf-8")
    fake.chmod(0o755)
    done = make_install(bin_dir)
    assert done.returncode == 0, done.stdout + done.stderr
    assert record.read_text(encoding="utf-8").splitlines() == [
        "install",
        "--force",
        f"--pip-args=-c {ROOT / 'constraints.txt'}",
        str(ROOT),
    ]
    assert "run 'wellbeing-app --help' from any folder" in done.stdout

"""Messages name a command that works: `wellbeing-app` once installed, else the path that was used."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wellbeing_app.cli.invocation import command_name


@pytest.fixture
def script(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / ".venv" / "bin" / "wellbeing-app"
    path.parent.mkdir(parents=True)
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return path


def test_the_installed_command_is_named_plainly(script: Path) -> None:
    assert command_name(str(script), which=lambda _name: str(script)) == "wellbeing-app"


def test_without_make_install_the_path_that_worked_is_named(script: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "pipx" / "wellbeing-app"
    assert command_name(str(script), which=lambda _name: None) == os.path.join(
        ".venv", "bin", "wellbeing-app"
    )
    assert command_name(str(script), which=lambda _name: str(elsewhere)) == os.path.join(
        ".venv", "bin", "wellbeing-app"
    )


def test_python_dash_m_is_named_as_such(script: Path) -> None:
    python = str(script.with_name("python"))
    assert command_name("/x/wellbeing_app/__main__.py", which=lambda _name: None, executable=python) == (
        os.path.join(".venv", "bin", "python") + " -m wellbeing_app"
    )

"""`install-desktop-entry` and `--demo` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.cli import run_main
from wellbeing_app.cli import main as cli_main


def test_install_desktop_entry_writes_the_menu_entry_for_this_user(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    environ = {"XDG_DATA_HOME": str(tmp_path / "share"), "HOME": str(tmp_path)}
    result = run_main(capsys, ["install-desktop-entry"], environ)
    assert result.code == 0, result.err
    assert (tmp_path / "share" / "applications" / "wellbeing-app.desktop").is_file()
    assert "applications menu" in result.out


def test_demo_opens_the_demo_front_end_and_never_the_users_folder(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    started: list[str] = []

    class Entry:
        def __init__(self, name: str) -> None:
            self.name = name

        def load(self) -> object:
            return lambda _data_dir: started.append(self.name) or 0

    monkeypatch.setattr(cli_main, "desktop_problem", lambda _environ: None)
    monkeypatch.setattr("importlib.metadata.entry_points", lambda group: [Entry("desktop"), Entry("demo")])
    assert run_main(capsys, ["--demo"], {"WELLBEING_DATA_DIR": str(tmp_path / "mine")}).code == 0
    assert started == ["demo"]
    assert not (tmp_path / "mine").exists()

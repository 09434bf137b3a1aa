"""Fixtures for the command-line tests: main() run in-process on an empty vault made with a cheap KDF."""

from __future__ import annotations

import io
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

from tests.helpers.cli import PASSPHRASE, Cli, Result, run_main
from tests.helpers.template_vault import TemplateVault
from tests.helpers.umask import keep_umask as keep_umask
from wellbeing_app.clock import FixedClock


@pytest.fixture
def cli_vault(data_dir: Path, template_vault: TemplateVault) -> Path:
    """An empty vault at ``data_dir``, locked, for the ``cli`` fixture to open."""
    assert template_vault.passphrase == PASSPHRASE
    return template_vault.copy_to(data_dir)


@pytest.fixture
def cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, cli_vault: Path, clock: FixedClock
) -> Cli:
    """``cli(*argv)``: main() on the test's vault with the passphrase in the environment and a fixed clock."""

    def run(
        *argv: str,
        data_dir: Path | None = None,
        environ: Mapping[str, str] | None = None,
        stdin: str | None = None,
    ) -> Result:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin or ""))
        full = ["--data-dir", str(data_dir or cli_vault), *argv]
        env = {"WELLBEING_PASSPHRASE": PASSPHRASE} if environ is None else environ
        return run_main(capsys, full, env, clock)

    return run

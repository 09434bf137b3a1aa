"""Running the command line in-process for tests: main() with its output captured, and a look inside a vault."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pytest

from wellbeing_app.cli import main as cli_main
from wellbeing_app.clock import Clock
from wellbeing_app.crypto.kdf import KdfParams
from wellbeing_app.services import Services
from wellbeing_app.vault import Vault

PASSPHRASE = "correct horse battery staple"


@dataclass
class Result:
    code: int
    out: str
    err: str


class Cli(Protocol):
    """The ``cli`` fixture: ``cli("journal", "list")`` on the test's vault, or on ``data_dir`` when given."""

    def __call__(
        self,
        *argv: str,
        data_dir: Path | None = None,
        environ: Mapping[str, str] | None = None,
        stdin: str | None = None,
    ) -> Result: ...


def run_main(
    capsys: pytest.CaptureFixture[str],
    argv: Sequence[str],
    environ: Mapping[str, str],
    clock: Clock | None = None,
) -> Result:
    """Run main() in-process; the exit code (argparse's too) and what it printed."""
    try:
        code = cli_main.main(list(argv), environ=environ, clock=clock)
    except SystemExit as exit_:  # argparse's --version, --help and usage errors
        code = exit_.code if isinstance(exit_.code, int) else 1
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)


def create_vault(path: Path, kdf: KdfParams, clock: Clock) -> Path:
    """An empty vault made with a cheap KDF, so the command line's unlock is fast; locked again."""
    Vault.create(path, PASSPHRASE, kdf=kdf, clock=clock)[0].lock()
    return path


@contextmanager
def unlocked(data_dir: Path, clock: Clock) -> Iterator[Services]:
    """Look inside the vault after the commands ran."""
    vault = Vault.open_with_passphrase(data_dir, PASSPHRASE, clock=clock)
    try:
        yield Services(vault, clock)
    finally:
        vault.lock()

"""Crash safety and concurrent writers (issue 12), with real processes.

A child writes check-ins in a loop (printing each id once the save returned) or imports a few thousand records,
and is killed with SIGKILL at a random moment; afterwards the vault verifies, every acknowledged save is there,
and an import is all or nothing. Then two processes write 200 check-ins each at the same time.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.helpers.cli import PASSPHRASE
from wellbeing_app.clock import FixedClock
from wellbeing_app.crypto.kdf import KdfParams
from wellbeing_app.services import Services
from wellbeing_app.vault import Vault

SEED = 1212
TRIALS = 20
ROOT = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from wellbeing_app.services import Services
    from wellbeing_app.vault import Vault

    data_dir, count = Path(sys.argv[1]), int(sys.argv[2])
    vault = Vault.open_with_passphrase(data_dir, sys.argv[3])
    services = Services(vault, vault.clock)
    print("ready", flush=True)
    for index in range(count):
        saved = services.checkins.add(mood=index % 11, note=f"{sys.argv[4]} {index}")
        print(saved.id, flush=True)
    vault.lock()
    """
)

IMPORTER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from wellbeing_app.services import Services
    from wellbeing_app.transfer import import_json
    from wellbeing_app.vault import Vault

    vault = Vault.open_with_passphrase(Path(sys.argv[1]), sys.argv[2])
    print("ready", flush=True)
    import_json(Services(vault, vault.clock), Path(sys.argv[3]).read_text(encoding="utf-8"))
    print("imported", flush=True)
    vault.lock()
    """
)


def child(script: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def wait_ready(process: subprocess.Popen[str]) -> None:
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.strip() == "ready", process.stderr.read() if process.stderr else line


@pytest.fixture
def vault_dir(data_dir: Path, fast_kdf: KdfParams, clock: FixedClock) -> Path:
    Vault.create(data_dir, PASSPHRASE, kdf=fast_kdf, clock=clock)[0].lock()
    return data_dir


def stored_checkin_ids(data_dir: Path) -> set[str]:
    vault = Vault.open_with_passphrase(data_dir, PASSPHRASE)
    try:
        report = vault.verify()
        assert report.ok, report.summary()
        return {record.id for record in vault.store.load("checkin").records}
    finally:
        vault.lock()


def test_sigkill_while_writing_loses_no_acknowledged_save(vault_dir: Path) -> None:
    rng = random.Random(SEED)
    acknowledged: set[str] = set()
    for trial in range(TRIALS):
        process = child(WRITER, str(vault_dir), "100000", PASSPHRASE, f"trial-{trial}")
        wait_ready(process)
        time.sleep(rng.uniform(0.0, 0.25))
        process.send_signal(signal.SIGKILL)
        out, _ = process.communicate(timeout=30)
        acknowledged.update(line for line in out.split() if len(line) == 36)
        missing = acknowledged - stored_checkin_ids(vault_dir)
        assert not missing, f"trial {trial}: {len(missing)} acknowledged saves lost"
    assert len(acknowledged) > TRIALS  # the kills landed while saves were happening


def test_sigkill_during_an_import_is_all_or_nothing(vault_dir: Path, tmp_path: Path) -> None:
    rng = random.Random(SEED + 1)
    records = [
        {
            "id": f"00000000-0000-4000-8000-{index:012d}",
            "date": "2026-11-20",
            "time": "08:00",
            "mood": index % 11,
        }
        for index in range(3000)
    ]
    export = tmp_path / "export.json"
    export.write_text(
        json.dumps({"format": "wellbeing-app-export", "version": 1, "checkins": records}), encoding="utf-8"
    )
    for _ in range(6):
        vault = Vault.open_with_passphrase(vault_dir, PASSPHRASE)
        with vault.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM records")
        vault.lock()
        process = child(IMPORTER, str(vault_dir), PASSPHRASE, str(export))
        wait_ready(process)
        time.sleep(rng.uniform(0.0, 1.0))
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=30)
        count = len(stored_checkin_ids(vault_dir))
        assert count in (0, 3000), f"a partial import: {count} of 3000"


def test_two_processes_writing_at_once(vault_dir: Path) -> None:
    first = child(WRITER, str(vault_dir), "200", PASSPHRASE, "first")
    second = child(WRITER, str(vault_dir), "200", PASSPHRASE, "second")
    ids: set[str] = set()
    for process in (first, second):
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        ids.update(line for line in out.split() if len(line) == 36)
    assert len(ids) == 400
    assert stored_checkin_ids(vault_dir) == ids
    vault = Vault.open_with_passphrase(vault_dir, PASSPHRASE)
    try:
        notes = sorted(c.note.split()[0] for c in Services(vault, vault.clock).checkins.between())
    finally:
        vault.lock()
    assert notes.count("first") == notes.count("second") == 200

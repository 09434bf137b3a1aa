"""A user keeps the window open all day: hundreds of saves in one process, and an abort fails the test.

The window runs in a child process because an interpreter abort (not only a Python exception) must be seen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PASSPHRASE = "a long shift on the ward"
COUNT = 300  # enough for PySide6 6.12.0 on Python 3.11 to abort (about 140 references to None lost a round)


def _run(*argv: str, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *argv], cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout
    )


def test_hundreds_of_saves_through_the_window_in_one_session(tmp_path: Path) -> None:
    data_dir = tmp_path / "vault"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = _run(
        "-m", "tests.ui.long_session_driver", str(data_dir), PASSPHRASE, str(COUNT), env=env, timeout=180
    )
    assert child.returncode == 0, (
        f"the window's process ended with {child.returncode}:\n{child.stderr[-3000:]}"
    )
    assert f"saved {COUNT} check-ins" in child.stdout

    cli_env = {**env, "WELLBEING_PASSPHRASE": PASSPHRASE}
    verify = _run("-m", "wellbeing_app", "--data-dir", str(data_dir), "verify", env=cli_env, timeout=60)
    assert verify.returncode == 0, verify.stdout + verify.stderr
    exported = _run(
        "-m",
        "wellbeing_app",
        "--data-dir",
        str(data_dir),
        "export",
        "--format",
        "json",
        env=cli_env,
        timeout=60,
    )
    assert exported.returncode == 0, exported.stderr
    data = json.loads(exported.stdout)
    notes = {checkin["note"] for checkin in data["checkins"]}
    bodies = {entry["body"] for entry in data["journal"]}
    assert notes == {f"long session check-in {n}" for n in range(COUNT)}
    assert bodies == {f"long session journal {n}" for n in range(COUNT)}

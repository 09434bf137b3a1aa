"""The vault's costs as a user feels them: key derivation, `wellbeing-app verify` and the desktop's first frame.

Both start-up figures are whole fresh processes timed from the parent, interpreter start-up and (for verify)
Argon2id with the default parameters included. Targets on the 2-core machine: verify < 0.6 s, first paint < 1.0 s.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from benchmarks.common import cli_command
from wellbeing_app.crypto.kdf import KdfParams, derive_key
from wellbeing_app.vault import Vault

PASSPHRASE = "benchmark passphrase, not secret"
KDF_RUNS = 5
VERIFY_RUNS = 7
PAINT_RUNS = 7
TIMEOUT_S = 60

# Runs in a fresh interpreter: builds the window as `wellbeing-app` would and reports the first Paint event,
# timed from the moment the parent started this process (argv[2], time.time()).
PAINT_CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    started = float(sys.argv[2])
    try:
        from ui import create_window
    except ImportError as error:
        print(f"unavailable: {error}", flush=True)
        raise SystemExit(3)
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    app.setApplicationName("Wellbeing Check-in")
    app.setOrganizationName("wellbeing-app")
    try:
        from ui.app import apply_style
    except ImportError:
        pass
    else:
        apply_style(app)

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not hasattr(self, "seen"):
                self.seen = time.time() - started
                print(f"painted {self.seen:.6f}", flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    window = create_window(Path(sys.argv[1]))
    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    QTimer.singleShot(20000, lambda: app.exit(2))
    code = app.exec()
    window.close()
    raise SystemExit(code)
    """
)


def _median(values: list[float], digits: int) -> float:
    return round(statistics.median(values), digits)


def key_derivation_ms() -> float:
    params = KdfParams.fresh()
    timings = []
    for _ in range(KDF_RUNS):
        started = time.perf_counter()
        derive_key(PASSPHRASE, params)
        timings.append((time.perf_counter() - started) * 1000)
    return _median(timings, 1)


def _child_env(data_dir: Path, scratch: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        WELLBEING_DATA_DIR=str(data_dir),
        WELLBEING_PASSPHRASE=PASSPHRASE,
        XDG_CONFIG_HOME=str(scratch / "config"),
        XDG_DATA_HOME=str(scratch / "data"),
    )
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def verify_cold_start_s(data_dir: Path, scratch: Path) -> float:
    command = [*cli_command(), "verify"]
    env = _child_env(data_dir, scratch)
    timings = []
    for _ in range(VERIFY_RUNS):
        started = time.perf_counter()
        done = subprocess.run(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
        timings.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise RuntimeError(f"wellbeing-app verify exited {done.returncode}: {done.stderr.strip()}")
    return _median(timings, 3)


def first_paint_s(data_dir: Path, scratch: Path) -> float | str:
    env = _child_env(data_dir, scratch)
    env.pop("WELLBEING_PASSPHRASE")
    timings = []
    for _ in range(PAINT_RUNS):
        started = time.time()
        done = subprocess.run(
            [sys.executable, "-c", PAINT_CHILD, str(data_dir), repr(started)],
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
        if done.returncode == 3 and done.stdout.startswith("unavailable"):
            return "not available"
        painted = [line for line in done.stdout.splitlines() if line.startswith("painted ")]
        if done.returncode != 0 or not painted:
            raise RuntimeError(f"desktop start exited {done.returncode}: {done.stderr.strip()[-500:]}")
        timings.append(float(painted[0].split()[1]))
    return _median(timings, 3)


def run() -> dict[str, float | int | str]:
    scratch = Path(tempfile.mkdtemp(prefix="wellbeing-bench-"))
    try:
        vault_dir = scratch / "vault"
        vault, _recovery = Vault.create(vault_dir, PASSPHRASE)  # default Argon2id parameters, like `init`
        vault.lock()
        defaults = KdfParams.fresh()
        return {
            "kdf_memory_kib": defaults.memory_kib,
            "kdf_iterations": defaults.iterations,
            "kdf_lanes": defaults.lanes,
            "key_derivation_median_ms": key_derivation_ms(),
            "cli_verify_cold_start_median_s": verify_cold_start_s(vault_dir, scratch),
            "cli_verify_target_s": 0.6,
            "desktop_first_paint_unlock_median_s": first_paint_s(vault_dir, scratch),
            "desktop_first_paint_first_run_median_s": first_paint_s(scratch / "new-vault", scratch),
            "desktop_first_paint_target_s": 1.0,
        }
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

"""Starting up as a user feels it: short commands, a quick check-in, the window's first paint and Unlock → Today.

Every figure is a whole fresh process timed from the parent, beside `python -c pass` measured in the same run,
so that a slower or busier machine shows up in the baseline too. The vaults use the default (production)
Argon2id cost. Targets (issue 15, 2-core machine): `--version` ≤ 0.15 s, `crisis` ≤ 0.25 s, `checkin` ≤ 0.6 s
on an empty and a 10-year vault, first paint ≤ 0.4 s, Unlock → Today ≤ 0.5 s including the key derivation.

Run alone with ``python -m benchmarks.bench_startup``.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from benchmarks.bench_diary import synthetic_records
from benchmarks.common import PASSPHRASE, cli_command, cli_env, filled_vault, fresh_vault, time_process
from wellbeing_app.clock import SystemClock

RUNS = 10
WINDOW_RUNS = 7
TIMEOUT_S = 60
# A person takes a second or more to type a passphrase; the window uses that time to load the database layer.
TYPING_S = 1.0

# Starts the desktop app the way `wellbeing-app` does (through main() and the front end's entry point) and
# prints two moments, in seconds since the parent started the process (argv[1]): the first painted frame, and,
# when a vault exists, the first frame of the Today page after typing the passphrase and pressing Unlock.
WINDOW_CHILD = textwrap.dedent(
    """
    import sys, time
    started = float(sys.argv[1])
    typing_s = float(sys.argv[2])
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

    app = QApplication([])
    moments = {}
    clicked = []

    def widget_named(kind, name):
        for widget in app.allWidgets():
            if isinstance(widget, kind) and widget.accessibleName() == name and widget.isVisible():
                return widget
        return None

    def unlock():
        field = widget_named(QLineEdit, "Passphrase")
        button = widget_named(QPushButton, "Unlock")
        if field is None or button is None:  # the first-run page: nothing to unlock
            QTimer.singleShot(0, app.quit)
            return
        field.setText("PASSPHRASE")
        clicked.append(time.time())
        button.click()

    class Watcher(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                if "paint" not in moments:
                    moments["paint"] = time.time() - started
                    print(f"painted {moments['paint']:.6f}", flush=True)
                    QTimer.singleShot(int(typing_s * 1000), unlock)
                elif clicked and "today" not in moments and type(watched).__name__ == "TodayPage":
                    moments["today"] = time.time() - clicked[0]
                    print(f"today {moments['today']:.6f}", flush=True)
                    QTimer.singleShot(0, app.quit)
            return False

    watcher = Watcher()
    app.installEventFilter(watcher)
    QTimer.singleShot(30000, lambda: app.exit(2))
    from wellbeing_app.cli.main import main
    raise SystemExit(main([]))
    """
).replace("PASSPHRASE", PASSPHRASE)


def python_startup_s() -> float:
    return time_process([sys.executable, "-c", "pass"], os.environ, RUNS)


def window_moments(data_dir: Path, runs: int, *, system_keyring: bool = False) -> dict[str, float]:
    """Median first paint (and Unlock → Today where there is a vault), in seconds.

    ``system_keyring``: keyring finds this computer's backend as for a user (it only looks a key up, never
    stores one) instead of the fail backend the other figures use.
    """
    env = {**cli_env(), "WELLBEING_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("WELLBEING_PASSPHRASE")
    if system_keyring:
        env.pop("PYTHON_KEYRING_BACKEND")
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        started = time.time()
        done = subprocess.run(
            [sys.executable, "-c", WINDOW_CHILD, repr(started), str(TYPING_S)],
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
        for line in done.stdout.splitlines():
            name, _, value = line.partition(" ")
            samples.setdefault(name, []).append(float(value))
        if "painted" not in samples:
            raise RuntimeError(f"desktop start exited {done.returncode}: {done.stderr.strip()[-500:]}")
    return {name: round(statistics.median(values), 3) for name, values in samples.items()}


def run() -> dict[str, float | int | str]:
    clock = SystemClock()
    figures: dict[str, float | int | str] = {"python_c_pass_s": round(python_startup_s(), 3)}
    # With PYTHONDONTWRITEBYTECODE set, an editable install compiles the app's own modules at every start
    # (about 0.05 s for a check-in); an installed wheel always has them compiled.
    figures["app_bytecode_cached"] = "no" if sys.dont_write_bytecode else "yes"
    command = cli_command()
    env = cli_env()
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        root = Path(tmp)
        env["WELLBEING_DATA_DIR"] = str(root / "empty")
        fresh_vault(root / "empty", clock).lock()
        for label, argv in (("version", ["--version"]), ("help", ["--help"]), ("crisis", ["crisis"])):
            figures[f"cli_{label}_s"] = round(time_process([*command, *argv], env, RUNS), 3)
        checkin = [*command, "checkin", "--mood", "6"]
        figures["cli_checkin_empty_s"] = round(time_process(checkin, env, RUNS), 3)
        journal = [*command, "journal", "add", "A few quiet words."]
        figures["cli_journal_add_empty_s"] = round(time_process(journal, env, RUNS), 3)

        filled_vault(root / "ten-years", clock, synthetic_records(clock.now().date())).lock()
        env["WELLBEING_DATA_DIR"] = str(root / "ten-years")
        figures["cli_checkin_10y_s"] = round(time_process(checkin, env, RUNS), 3)

        first_run = window_moments(root / "no-vault-yet", WINDOW_RUNS)
        figures["desktop_first_paint_welcome_s"] = first_run["painted"]
        unlocking = window_moments(root / "empty", WINDOW_RUNS)
        figures["desktop_first_paint_unlock_s"] = unlocking["painted"]
        figures["desktop_unlock_to_today_s"] = unlocking.get("today", "not reached")
        as_a_user = window_moments(root / "empty", WINDOW_RUNS, system_keyring=True)
        figures["desktop_first_paint_unlock_system_keyring_s"] = as_a_user["painted"]
        figures["desktop_unlock_to_today_system_keyring_s"] = as_a_user.get("today", "not reached")
        figures["desktop_typing_pause_s"] = TYPING_S
    # Measured again at the end: the machine may have got busier meanwhile.
    figures["python_c_pass_end_s"] = round(python_startup_s(), 3)
    return figures


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))

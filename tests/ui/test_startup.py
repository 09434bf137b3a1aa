"""The desktop app as launched: the first page paints before the database layer loads, and a second launch
brings the first window forward instead of opening another. Each app runs in a child process, offscreen.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.helpers.cli import create_vault
from wellbeing_app.clock import FixedClock
from wellbeing_app.crypto.kdf import KdfParams

# Starts the app through main() as `wellbeing-app` does. At the first painted frame it prints which heavy
# modules were loaded, then (mode "preload") waits for the background preload and quits, or (mode "stay")
# stays open until a second launch asks it to come forward.
CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    import ui.app

    mode = sys.argv[1]
    app = QApplication([])
    HEAVY = (
        "sqlalchemy", "cryptography", "wellbeing_app.vault", "wellbeing_app.services", "wellbeing_app.detection",
        "ui.pages.shell", "ui.dialogs.crisis", "keyring",
    )

    def loaded():
        return sorted(name for name in HEAVY if name in sys.modules)

    def wait_for_preload():
        if len(loaded()) == len(HEAVY):
            print("preloaded", flush=True)
            app.quit()
        else:
            QTimer.singleShot(20, wait_for_preload)

    def brought_forward(window):
        print("brought forward", flush=True)
        app.quit()

    ui.app.bring_forward = brought_forward

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                print("painted with " + ",".join(loaded()), flush=True)
                if mode == "preload":
                    QTimer.singleShot(0, wait_for_preload)
            return False

    watcher = FirstPaint()
    app.installEventFilter(watcher)
    QTimer.singleShot(30000, lambda: app.exit(2))
    from wellbeing_app.cli.main import main
    raise SystemExit(main([]))
    """
)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "WELLBEING_DATA_DIR": str(tmp_path / "vault"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }


def start(mode: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, mode],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("has_vault", [False, True], ids=["welcome page", "unlock page"])
def test_the_first_page_paints_before_the_database_layer_loads_then_it_loads_in_the_background(
    env: dict[str, str], tmp_path: Path, fast_kdf: KdfParams, clock: FixedClock, has_vault: bool
) -> None:
    if has_vault:
        create_vault(tmp_path / "vault", fast_kdf, clock)
    child = start("preload", env)
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    assert out.splitlines() == ["painted with ", "preloaded"]


def test_a_second_launch_brings_the_first_window_forward_and_opens_none(env: dict[str, str]) -> None:
    first = start("stay", env)
    try:
        assert first.stdout is not None
        assert first.stdout.readline().startswith("painted")
        second = subprocess.run(
            [sys.executable, "-m", "wellbeing_app"],
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert second.returncode == 0
        assert "already open" in second.stderr
        out, err = first.communicate(timeout=30)
        assert first.returncode == 0, err
        assert out.strip() == "brought forward"
    finally:
        first.kill()
        first.wait()


def test_every_preloaded_module_exists() -> None:
    """A renamed module would silently drop out of the preload and slow Unlock → Today again."""
    import importlib.util

    from ui.preload import MODULES

    assert [name for name in MODULES if importlib.util.find_spec(name) is None] == []

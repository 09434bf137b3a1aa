"""Render the unlocked pages offscreen in light and dark and at a larger text size, to look at them.

QT_QPA_PLATFORM=offscreen .venv/bin/python -m tools.look OUT_DIR [light|dark|system] [PERCENT]
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime, time, timedelta
from pathlib import Path

from ui.main_window import MainWindow
from ui.qt import QApplication


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main() -> None:
    out = Path(sys.argv[1])
    theme = sys.argv[2] if len(sys.argv) > 2 else "light"
    percent = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    from ui.theme import apply_appearance

    apply_appearance(app, theme, percent)
    from tests.helpers.keyrings import MemoryKeyring
    from ui.main_window import create_window
    from wellbeing_app.clock import FixedClock
    from wellbeing_app.crypto.kdf import KdfParams
    from wellbeing_app.keychain import Keychain
    from wellbeing_app.services import Services
    from wellbeing_app.vault import Vault

    kdf = KdfParams(salt=b"0123456789abcdef", memory_kib=1024, iterations=1, lanes=1)
    now = datetime(2026, 11, 25, 21, 30).astimezone()
    clock = FixedClock(now)
    data_dir = Path(tempfile.mkdtemp()) / "vault"
    vault, _ = Vault.create(data_dir, "calm harbour lantern", kdf=kdf)
    services = Services(vault, clock)
    for back in range(40):
        day = now.date() - timedelta(days=back)
        mood = 3 + (back * 7) % 6
        services.checkins.add(
            day=day, at=time(20, 0), mood=mood, energy=5, stress=4, sleep_hours=7.0, tags=["rest"], note=""
        )
    services.journal.add(day=now.date(), title="A quiet evening", body="Walked by the river.", tags=["rest"])
    vault.lock()
    window = create_window(data_dir, keychain=Keychain(MemoryKeyring()), clock=clock, kdf=kdf)
    window.resize(1100, 760)
    window.show()
    _settle(app)
    suffix = f"{theme}" + ("" if percent == 100 else f"-{percent}")
    window.grab().save(str(out / f"unlock-{suffix}.png"))
    window.session.unlock("calm harbour lantern", False, lambda error: print(error))
    while window.main_area is None:
        app.processEvents()
    area = window.main_area
    for row, page in enumerate(area.pages):
        area.navigation.setCurrentRow(row)
        _settle(app)
        window.grab().save(str(out / f"{page.nav_title.lower()}-{suffix}.png"))
    _dialogs(app, window, out, suffix)
    window.close()


def _dialogs(app: QApplication, window: MainWindow, out: Path, suffix: str) -> None:
    from ui.dialogs.crisis import crisis_directory
    from ui.dialogs.profile_editor import ProfileEditor
    from ui.dialogs.shortcuts import ShortcutsDialog

    assert window.main_area is not None
    services = window.main_area.context.services
    dialogs = {
        "experience": ProfileEditor(services.directory, crisis_directory().countries(), [], window),
        "shortcuts": ShortcutsDialog(window),
    }
    for name, dialog in dialogs.items():
        dialog.show()
        _settle(app)
        dialog.grab().save(str(out / f"{name}-{suffix}.png"))
        dialog.reject()


if __name__ == "__main__":
    main()

"""`wellbeing-app --demo`: the real window on a temporary vault of fictional data, already unlocked.

The vault lives in a temporary folder that is deleted when the app closes; the OS keychain is never touched;
a banner on every screen says that this is a demo and that nothing is saved.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ui.main_window import MainWindow, create_window
from wellbeing_app.crypto.kdf import KdfParams
from wellbeing_app.demo import DEMO_PASSPHRASE, fill_demo
from wellbeing_app.keychain import Keychain
from wellbeing_app.services import Services
from wellbeing_app.vault import Vault

DEMO_BANNER = (
    f"Demo with fictional data — nothing is saved. If it locks, the passphrase is “{DEMO_PASSPHRASE}”."
)


class DemoVault:
    """A temporary folder holding a filled, locked demo vault; ``close()`` deletes it."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="wellbeing-demo-")
        self.data_dir = Path(self._folder.name) / "vault"
        # A light key derivation: the demo opens at once, and it protects nothing of anyone's.
        kdf = KdfParams.fresh(memory_kib=8 * 1024, iterations=1, lanes=1)
        vault, _recovery = Vault.create(self.data_dir, DEMO_PASSPHRASE, kdf=kdf)
        try:
            fill_demo(Services(vault, vault.clock))
        finally:
            vault.lock()

    def close(self) -> None:
        self._folder.cleanup()


def open_demo_window(demo: DemoVault) -> MainWindow:
    """The window on the demo vault, unlocked, with the demo banner; the caller shows it."""
    from keyring.backends.fail import Keyring as NoKeyring

    no_keychain = Keychain(NoKeyring())  # type: ignore[no-untyped-call]  # the demo never touches the OS keychain
    window = create_window(demo.data_dir, keychain=no_keychain)
    window.show_banner(DEMO_BANNER)
    window.session.adopt(Vault.open_with_passphrase(demo.data_dir, DEMO_PASSPHRASE))
    return window

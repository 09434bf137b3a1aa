"""Leaks (issue 12): after realistic use through the command line, no content canary in any file we made.

Check-ins, journal entries, a directory contact with notes, a draft, a backup, an export written then deleted,
passwd and a lock; then the data folder, the backup and the temporary folder are scanned, in several encodings.
The passphrases and the recovery key appear in no file.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from tests.proof.conftest import Run
from tests.unit.test_no_plaintext import leaks
from wellbeing_app.clock import FixedClock
from wellbeing_app.crypto.kdf import KdfParams
from wellbeing_app.services import Services
from wellbeing_app.vault import Vault

CANARIES = [
    "CANARY-CHECKIN-5521",
    "CANARY-JOURNAL-8830",
    "CANARY-CONTACT-1044",
    "CANARY-DRAFT-6612",
    "Ünïcode-CANARY-ß",
]
PASSPHRASE = "CANARY-PASSPHRASE-9917 calm words"
NEW_PASSPHRASE = "CANARY-NEWPASS-3141 other calm words"


def test_no_canary_after_realistic_use(
    run: Run, tmp_path: Path, fast_kdf: KdfParams, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    data_dir = tmp_path / "vault"
    vault, recovery = Vault.create(data_dir, PASSPHRASE, kdf=fast_kdf, clock=clock)
    services = Services(vault, clock)
    services.drafts.save("journal-editor", {"body": CANARIES[3]})
    services.directory.add_private({"name": "Sam Okafor", "kind": "peer_supporter", "notes": CANARIES[2]})
    vault.lock()
    env = {"WELLBEING_PASSPHRASE": PASSPHRASE}
    assert (
        run(data_dir, "checkin", "--mood", "4", "--note", CANARIES[0], "--tag", CANARIES[4], env=env).code
        == 0
    )
    assert run(data_dir, "journal", "add", f"{CANARIES[1]} and {CANARIES[4]}", env=env).code == 0
    backup = tmp_path / "usb" / "backup.sqlite3"
    backup.parent.mkdir()
    assert run(data_dir, "backup", "--out", str(backup), env=env).code == 0
    export = tmp_path / "export.json"
    assert run(data_dir, "export", "--out", str(export), env=env).code == 0
    assert CANARIES[0] in export.read_text(encoding="utf-8")  # the export is readable by design
    export.unlink()
    changed = run(data_dir, "passwd", env={**env, "WELLBEING_NEW_PASSPHRASE": NEW_PASSPHRASE})
    assert changed.code == 0
    assert run(data_dir, "verify", env={"WELLBEING_PASSPHRASE": NEW_PASSPHRASE}).code == 0

    secrets = [*CANARIES, PASSPHRASE, NEW_PASSPHRASE, recovery, recovery.replace("-", "")]
    for folder in (data_dir, backup.parent, scratch, tmp_path):
        assert leaks(folder, secrets, []) == [], folder
    assert any((data_dir / "backups").iterdir()), "the automatic backup was scanned too"

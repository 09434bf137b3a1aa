"""No passphrase, recovery key, data key or content canary ever reaches a file under the data directory."""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path

from wellbeing_app.clock import FixedClock
from wellbeing_app.crypto.kdf import KdfParams
from wellbeing_app.storage.migrate import backup_database
from wellbeing_app.storage.records import PendingRecord
from wellbeing_app.vault import Vault, db_path

CANARIES = ["CANARY-ZEBRA-7731", "Ωmega-canary-ü"]
PASSPHRASE_CANARY = "CANARY-PASSPHRASE-4096 with words"
NEW_PASSPHRASE_CANARY = "CANARY-NEWPASS-2718 other words"


def encodings(secret: str) -> list[bytes]:
    forms = {secret, json.dumps(secret).strip('"')}  # also the \\u-escaped JSON form
    return [form.encode(codec) for form in forms for codec in ("utf-8", "utf-16-le", "utf-16-be")]


def leaks(data_dir: Path, secrets: list[str], raw: list[bytes]) -> list[str]:
    needles = [needle for secret in secrets for needle in encodings(secret)] + raw
    found = []
    files = [path for path in data_dir.rglob("*") if path.is_file()]
    for path in files:
        content = path.read_bytes()
        found += [f"{path.name}: {needle!r}" for needle in needles if needle in content]
    return found


def test_no_plaintext_on_disk(data_dir: Path, fast_kdf: KdfParams, clock: FixedClock) -> None:
    vault, recovery = Vault.create(data_dir, PASSPHRASE_CANARY, kdf=fast_kdf, clock=clock)
    data_key = vault.data_key
    secrets = [*CANARIES, PASSPHRASE_CANARY, NEW_PASSPHRASE_CANARY, recovery, recovery.replace("-", "")]
    raw = [data_key, data_key.hex().encode(), data_key.hex().upper().encode()]
    try:
        vault.store.put_many(
            PendingRecord(
                kind="journal",
                id=str(uuid.UUID(int=n)),
                payload={"title": CANARIES[n % 2], "text": f"{CANARIES[0]} and {CANARIES[1]} " * 20, "n": n},
                day=date(2026, 11, 1 + n),
            )
            for n in range(20)
        )
        vault.store.put("checkin", str(uuid.UUID(int=100)), {"note": CANARIES[1], "tags": [CANARIES[0]]})
        vault.store.put("checkin", str(uuid.UUID(int=100)), {"note": "replaced " + CANARIES[0]})
        vault.store.delete("journal", str(uuid.UUID(int=3)))
        backup_database(db_path(data_dir), clock.now(), "canary")
        vault.change_passphrase(NEW_PASSPHRASE_CANARY)
        assert (data_dir / "vault.sqlite3-wal").is_file()
        assert leaks(data_dir, secrets, raw) == []  # while unlocked, WAL and shared memory included
    finally:
        vault.lock()

    files = sorted(str(path.relative_to(data_dir)) for path in data_dir.rglob("*") if path.is_file())
    assert "vault.sqlite3" in files and any(name.startswith("backups/") for name in files)
    assert leaks(data_dir, secrets, raw) == []

    reopened = Vault.open_with_passphrase(data_dir, NEW_PASSPHRASE_CANARY)
    try:  # the canaries really were stored, just not readable on disk
        assert reopened.store.load("journal").records[0].payload["text"].startswith(CANARIES[0])
        assert reopened.store.count() == 20
    finally:
        reopened.lock()
    assert leaks(data_dir, secrets, raw) == []


def test_the_scan_finds_a_planted_canary(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.sqlite3-wal").write_bytes(b"\x00" + CANARIES[1].encode("utf-16-le") + b"\x00")
    (tmp_path / "y").write_bytes(json.dumps({"t": CANARIES[1]}).encode())  # ensure_ascii escapes
    assert len(leaks(tmp_path, CANARIES, [])) == 2

"""Encrypted drafts: text typed but not yet saved survives a lock; it never reaches the disk in plaintext."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from wellbeing_app.clock import FixedClock
from wellbeing_app.drafts import KIND, DraftService, draft_id
from wellbeing_app.errors import AuthenticationFailed
from wellbeing_app.services import Services
from wellbeing_app.vault import Vault

NOTE_SLOT = "checkin-note"
JOURNAL_SLOT = "journal-editor"
CANARY = "DRAFT-CANARY-5521 Ωmega ü 😮‍💨 مسودة"


@pytest.fixture
def drafts(vault: Vault) -> DraftService:
    return DraftService(vault.store, vault.clock)


def plaintext_files(data_dir: Path, secret: str) -> list[str]:
    """Files under the data dir holding the secret as UTF-8, UTF-16 or JSON-escaped text."""
    forms = {secret, json.dumps(secret).strip('"')}
    needles = [form.encode(codec) for form in forms for codec in ("utf-8", "utf-16-le", "utf-16-be")]
    return [
        str(path.relative_to(data_dir))
        for path in data_dir.rglob("*")
        if path.is_file() and any(needle in path.read_bytes() for needle in needles)
    ]


def test_save_load_and_clear_per_slot(drafts: DraftService, vault: Vault) -> None:
    assert drafts.load(NOTE_SLOT) is None
    drafts.save(NOTE_SLOT, {"note": "half a thought", "mood": 4, "tags": ["night shift"]})
    drafts.save(JOURNAL_SLOT, {"title": "", "body": "Dear diary", "tags": []})
    assert drafts.load(NOTE_SLOT) == {"note": "half a thought", "mood": 4, "tags": ["night shift"]}
    assert drafts.load(JOURNAL_SLOT) == {"title": "", "body": "Dear diary", "tags": []}

    drafts.save(NOTE_SLOT, {"note": "the whole thought"})  # a slot's draft replaces itself
    assert drafts.load(NOTE_SLOT) == {"note": "the whole thought"}
    assert vault.store.count(KIND) == 2

    drafts.clear(NOTE_SLOT)
    assert drafts.load(NOTE_SLOT) is None
    assert drafts.load(JOURNAL_SLOT) == {
        "title": "",
        "body": "Dear diary",
        "tags": [],
    }  # other slots untouched
    drafts.clear(NOTE_SLOT)  # clearing twice is harmless
    assert vault.store.count(KIND) == 1


def test_draft_ids_are_stable_and_one_per_slot() -> None:
    assert draft_id(NOTE_SLOT) == draft_id(NOTE_SLOT)
    assert draft_id(NOTE_SLOT) != draft_id(JOURNAL_SLOT)


@pytest.mark.parametrize(
    "fields",
    [{"note": ""}, {"note": "   \n\t"}, {"title": "", "body": None}, {"body": None, "tags": ""}, {}],
)
def test_saving_empty_fields_clears_the_draft(
    drafts: DraftService, vault: Vault, fields: dict[str, object]
) -> None:
    drafts.save(NOTE_SLOT, {"note": "something"})
    drafts.save(NOTE_SLOT, fields)
    assert drafts.load(NOTE_SLOT) is None
    assert vault.store.count(KIND) == 0


def test_any_text_survives_as_typed(drafts: DraftService) -> None:
    body = "  leading spaces kept\x00\r\n" + CANARY + "\n\u200fעברית\n"
    drafts.save(JOURNAL_SLOT, {"title": " t ", "body": body})
    assert drafts.load(JOURNAL_SLOT) == {"title": " t ", "body": body}


def test_the_draft_is_encrypted_and_survives_lock(
    vault: Vault, clock: FixedClock, data_dir: Path, passphrase: str
) -> None:
    services = Services(vault, clock)
    services.drafts.save(NOTE_SLOT, {"note": CANARY})
    services.drafts.save(JOURNAL_SLOT, {"title": "Unsaved", "body": f"Entry text: {CANARY}"})
    assert services.search.search("canary") == []  # drafts are not search results
    assert plaintext_files(data_dir, CANARY) == []  # while unlocked, WAL included
    vault.lock()
    assert plaintext_files(data_dir, CANARY) == []
    with pytest.raises(AuthenticationFailed):
        services.drafts.load(NOTE_SLOT)  # a locked vault reads nothing

    reopened = Vault.open_with_passphrase(data_dir, passphrase, clock=clock)
    try:
        restored = DraftService(reopened.store, reopened.clock)
        assert restored.load(NOTE_SLOT) == {"note": CANARY}
        assert restored.load(JOURNAL_SLOT) == {"title": "Unsaved", "body": f"Entry text: {CANARY}"}
    finally:
        reopened.lock()
    assert plaintext_files(data_dir, CANARY) == []


def test_the_canary_scan_would_see_plaintext(tmp_path: Path) -> None:
    (tmp_path / "a").write_text(f"x{CANARY}x", encoding="utf-16-le")
    (tmp_path / "b").write_text(json.dumps({"note": CANARY}), encoding="utf-8")
    assert sorted(plaintext_files(tmp_path, CANARY)) == ["a", "b"]


def test_a_damaged_draft_loads_as_none_and_can_be_replaced(drafts: DraftService, vault: Vault) -> None:
    drafts.save(NOTE_SLOT, {"note": "will be damaged"})
    drafts.save(JOURNAL_SLOT, {"body": "stays fine"})
    with vault.engine.begin() as conn:
        conn.execute(
            text("UPDATE records SET payload = X'00' WHERE id = :id"),
            {"id": vault.store.keyed_id(draft_id(NOTE_SLOT))},
        )
    assert drafts.load(NOTE_SLOT) is None
    assert drafts.load(JOURNAL_SLOT) == {"body": "stays fine"}
    drafts.save(NOTE_SLOT, {"note": "fresh"})
    assert drafts.load(NOTE_SLOT) == {"note": "fresh"}


def test_a_draft_without_fields_loads_as_none(drafts: DraftService, vault: Vault) -> None:
    vault.store.put(
        KIND, vault.store.keyed_id(draft_id(NOTE_SLOT)), {"slot": NOTE_SLOT, "fields": "not an object"}
    )
    vault.store.put(KIND, vault.store.keyed_id(draft_id(JOURNAL_SLOT)), {"slot": JOURNAL_SLOT})
    assert drafts.load(NOTE_SLOT) is None
    assert drafts.load(JOURNAL_SLOT) is None


def test_a_draft_from_another_slot_id_is_not_mixed_up(drafts: DraftService, vault: Vault) -> None:
    """The slot is bound into the record id, and the id into the encryption: swapping rows is detected."""
    drafts.save(NOTE_SLOT, {"note": "note draft"})
    drafts.save(JOURNAL_SLOT, {"body": "journal draft"})
    with vault.engine.begin() as conn:
        conn.execute(
            text("UPDATE records SET id = 'swap' WHERE id = :id"),
            {"id": vault.store.keyed_id(draft_id(NOTE_SLOT))},
        )
        conn.execute(
            text("UPDATE records SET id = :note WHERE id = :journal"),
            {
                "note": vault.store.keyed_id(draft_id(NOTE_SLOT)),
                "journal": vault.store.keyed_id(draft_id(JOURNAL_SLOT)),
            },
        )
    assert drafts.load(NOTE_SLOT) is None  # the journal's sealed draft does not open as the note's

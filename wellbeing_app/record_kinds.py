"""Every kind of record the vault holds, declared once: its name, its words, whether it carries a day, how its
payload is read back (and so validated), its section of the JSON export and the service that owns it.

Export, import and ``verify`` walk this list; a new kind (the Trends page's periods, say) is one entry here.
Drafts and detection episodes are not exported: a draft is unfinished writing on this device, and episodes are
recomputed from the check-ins.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wellbeing_app import checkins, drafts, journal, periods
from wellbeing_app.checkins import CheckIn
from wellbeing_app.detection.episode_store import EPISODE_KIND
from wellbeing_app.detection.episodes import Episode
from wellbeing_app.directory import Contact, Profile
from wellbeing_app.directory import service as directory_service
from wellbeing_app.instruments import InstrumentResult
from wellbeing_app.instruments.store import INSTRUMENT_KIND
from wellbeing_app.journal import JournalEntry
from wellbeing_app.storage.records import StoredRecord
from wellbeing_app.transfer.contacts_section import SECTION as CONTACTS_SECTION
from wellbeing_app.transfer.diary_sections import CHECKINS as CHECKINS_SECTION
from wellbeing_app.transfer.diary_sections import JOURNAL as JOURNAL_SECTION
from wellbeing_app.transfer.instruments_section import SECTION as INSTRUMENTS_SECTION
from wellbeing_app.transfer.periods_section import SECTION as PERIODS_SECTION
from wellbeing_app.transfer.section import Section

Parse = Callable[[StoredRecord], Any]


@dataclass(frozen=True)
class RecordKind:
    name: str
    """As stored in the ``kind`` column (plaintext: see docs/security.md)."""
    one: str
    many: str
    dated: bool
    """Whether its records carry a day in plaintext, which lets queries read only a range."""
    parse: Parse
    """The payload read back as its domain object; raises ``InvalidInput`` or ``DamagedRecord`` when wrong."""
    service: str
    """The attribute of ``Services`` that reads and writes this kind."""
    section: Section | None = None
    """Its list in the JSON export; None for kinds that are not exported."""


def _payload(record: StoredRecord) -> dict[str, Any]:
    return record.payload


_KINDS: dict[str, RecordKind] = {
    kind.name: kind
    for kind in (
        RecordKind(
            checkins.KIND, "check-in", "check-ins", True, CheckIn.from_record, "checkins", CHECKINS_SECTION
        ),
        RecordKind(
            journal.KIND,
            "journal entry",
            "journal entries",
            True,
            JournalEntry.from_record,
            "journal",
            JOURNAL_SECTION,
        ),
        RecordKind(
            directory_service.KIND,
            "contact",
            "contacts",
            False,
            lambda record: Contact.from_payload(record.payload),
            "directory",
            CONTACTS_SECTION,
        ),
        RecordKind(
            INSTRUMENT_KIND,
            "questionnaire",
            "questionnaires",
            True,
            lambda record: InstrumentResult.from_payload(record.payload),
            "instruments",
            INSTRUMENTS_SECTION,
        ),
        RecordKind(
            periods.KIND,
            "period",
            "periods",
            False,
            lambda record: periods.Period.from_values(record.payload, record_id=record.id),
            "periods",
            PERIODS_SECTION,
        ),
        RecordKind(
            directory_service.PROFILE_KIND,
            "profile",
            "profiles",
            False,
            lambda record: Profile.from_payload(record.payload),
            "directory",
        ),
        RecordKind(
            directory_service.OUTREACH_KIND,
            "reached-out note",
            "reached-out notes",
            True,
            _payload,
            "directory",
        ),
        RecordKind(
            EPISODE_KIND,
            "episode",
            "episodes",
            False,
            lambda record: Episode.from_payload(record.payload),
            "status",
        ),
        RecordKind(drafts.KIND, "draft", "drafts", False, _payload, "drafts"),
    )
}


def all_kinds() -> tuple[RecordKind, ...]:
    return tuple(_KINDS.values())


def kind_named(name: str) -> RecordKind | None:
    return _KINDS.get(name)


def export_sections() -> tuple[Section, ...]:
    """The export's sections in registry order (check-ins, journal, contacts, questionnaires, …)."""
    return tuple(kind.section for kind in _KINDS.values() if kind.section is not None)


def register(kind: RecordKind) -> None:
    """Add a kind after the ones above (tests use it for kinds that do not exist yet); names are unique."""
    if kind.name in _KINDS:
        raise ValueError(f"record kind {kind.name!r} is already registered")
    if kind.section is not None and any(
        other.section is not None and other.section.name == kind.section.name for other in _KINDS.values()
    ):
        raise ValueError(f"export section {kind.section.name!r} already belongs to another kind")
    _KINDS[kind.name] = kind

"""Every kind of record the vault holds, declared once: the service that owns it (which gives its stored name
and how its payload is read back, and so validated), its words, whether it carries a day, and its section of the
JSON export.

Export, import and ``verify`` walk this list; a new kind (the Trends page's periods, say) is one entry here.
Drafts and detection episodes are not exported: a draft is unfinished writing on this device, and episodes are
recomputed from the check-ins.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wellbeing_app.checkins import CheckInService
from wellbeing_app.detection.episode_store import EpisodeStore
from wellbeing_app.directory.records import ContactService, OutreachService, ProfileService
from wellbeing_app.drafts import DraftService
from wellbeing_app.instruments.store import InstrumentService
from wellbeing_app.journal import JournalService
from wellbeing_app.periods import PeriodService
from wellbeing_app.record_service import RecordService
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
    service: type[RecordService[Any]]
    """The service that reads and writes this kind; its ``kind`` is the stored name, its ``parse`` the reading."""
    one: str
    many: str
    dated: bool
    """Whether its records carry a day in plaintext, which lets queries read only a range."""
    section: Section | None = None
    """Its list in the JSON export; None for kinds that are not exported."""

    @property
    def name(self) -> str:
        """As stored in the ``kind`` column (plaintext: see docs/security.md)."""
        return self.service.kind

    @property
    def parse(self) -> Parse:
        """The payload read back as its domain object; raises ``InvalidInput`` or ``DamagedRecord`` when wrong."""
        return self.service.parse


_KINDS: dict[str, RecordKind] = {
    kind.name: kind
    for kind in (
        RecordKind(CheckInService, "check-in", "check-ins", True, CHECKINS_SECTION),
        RecordKind(JournalService, "journal entry", "journal entries", True, JOURNAL_SECTION),
        RecordKind(ContactService, "contact", "contacts", False, CONTACTS_SECTION),
        RecordKind(InstrumentService, "questionnaire", "questionnaires", True, INSTRUMENTS_SECTION),
        RecordKind(PeriodService, "period", "periods", False, PERIODS_SECTION),
        RecordKind(ProfileService, "profile", "profiles", False),
        RecordKind(OutreachService, "reached-out note", "reached-out notes", True),
        RecordKind(EpisodeStore, "episode", "episodes", False),
        RecordKind(DraftService, "draft", "drafts", False),
    )
}


def all_kinds() -> tuple[RecordKind, ...]:
    return tuple(_KINDS.values())


def parsers() -> dict[str, Parse]:
    """Each kind's reading of its payload, by stored name (``verify`` reads every live record through them)."""
    return {kind.name: kind.parse for kind in _KINDS.values()}


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

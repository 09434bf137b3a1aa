"""Builders and sample data shared by tests: one place, so that tests of different modules agree on them.

- An organisation's directory file (``HEADER``, ``ORG_CSV``, ``ORG_CSV_V2``).
- Detection: check-ins from a compact day string, and results built from them.
- Directory samples: contacts and files in every supported format.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from datetime import date

from wellbeing_app.detection import DetectionResult, Level, daily_means, evaluate
from wellbeing_app.instruments import InstrumentResult

# An organisation's directory file, in five scripts, with quoting, commas and a line break inside a note.
HEADER = (
    "id,name,kind,role,organisation,phone,email,url,languages,tags,availability,timezone,notes,last_verified"
)
ANA = (
    'p-001,Ana Silva,peer_supporter,ICU nurse,"St Mary\'s Hospital, London",+44 20 7946 0001,'
    "ana.silva@example.org,,en;pt,ICU;field deployment;night shifts,Mon-Fri 09:00-17:00,Europe/London,"
    "Happy to talk after a hard shift.,2026-11-01"
)
JOSE = (
    'p-002,José Martínez,debrief_contact,Debrief lead,"Médecins, Field Team",,jose@example.org,,es;fr,'
    'field deployment;critical incident,"Mon,Wed 18:00-20:00",Europe/Madrid,"Runs group debriefs.\n'
    'Bring a colleague, if you like.",2026-10-15'
)
SARA = (
    "p-003,سارة أحمد,peer_supporter,Paediatric nurse,,+971 4 000 0000,,,ar;en,paediatrics;patient death,"
    "Sat 22:00-02:00,Asia/Dubai,,"
)
HANAKO = (
    "p-004,山田 花子,professional_service,Psychologist,Staff Wellbeing Service,,hanako@example.jp,"
    "https://example.jp/support,ja;en,,Mon-Fri 09:00-18:00,Asia/Tokyo,,2026-09-30"
)
ORG_CSV = "\ufeff" + "\n".join([HEADER, ANA, JOSE, SARA, HANAKO]) + "\n"
# The organisation's next version: Sara has left, José's hours changed.
ORG_CSV_V2 = "\n".join([HEADER, ANA, JOSE.replace("18:00-20:00", "17:00-19:00"), HANAKO]) + "\n"

# -- detection -----------------------------------------------------------------------------------------------

AS_OF = dt.date(2025, 3, 16)  # the 14-day window is 3 March .. 16 March


def day(text: str) -> dt.date:
    """ "03-09" → 2025-03-09; a full ISO date also works."""
    return dt.date.fromisoformat(text if len(text) == 10 else f"2025-{text}")


def checkins(first: str, values: str) -> list[tuple[dt.date, float]]:
    """Check-ins from day `first` on: one space-separated token per calendar day.

    "-" is a day without data; "3/7" is two check-ins (3 and 7) on the same day.
    """
    found: list[tuple[dt.date, float]] = []
    start = day(first)
    for offset, token in enumerate(values.split()):
        if token == "-":
            continue
        for part in token.split("/"):
            found.append((start + dt.timedelta(days=offset), float(part)))
    return found


def repeat(first: str, mood: float, days: int) -> list[tuple[dt.date, float]]:
    """`days` consecutive days of `mood` from `first`."""
    start = day(first)
    return [(start + dt.timedelta(days=offset), mood) for offset in range(days)]


def who5(on: str, *answers: int) -> InstrumentResult:
    return InstrumentResult.new("who5", answers, day(on))


def who5_total(on: str, raw: int) -> InstrumentResult:
    """A WHO-5 whose answers add up to `raw`."""
    answers = [min(5, max(0, raw - 5 * index)) for index in range(5)]
    return InstrumentResult.new("who5", answers, day(on))


def burnout(on: str, answer: int) -> InstrumentResult:
    return InstrumentResult.new("burnout", [answer], day(on))


def run(
    entries: Sequence[tuple[dt.date, float]],
    instruments: Sequence[InstrumentResult] = (),
    as_of: dt.date = AS_OF,
) -> DetectionResult:
    return evaluate(daily_means(entries), instruments, as_of)


def result_at(as_of: dt.date, level: Level) -> DetectionResult:
    """A detection result with just a day and a level, for the episode state machine."""
    return DetectionResult(as_of=as_of, level=level, enough_data=True, days_checked_in_last_7=7)


# -- directory samples ---------------------------------------------------------------------------------------

IMPORTED_ON = date(2026, 11, 25)

CSV_HEADER = (
    "id,name,kind,role,organisation,phone,email,url,languages,tags,availability,timezone,notes,last_verified"
)

# Line 3 starts a record whose quoted notes span lines 3-5, so the next record starts on line 6.
CSV_TEXT = (
    CSV_HEADER + "\n"
    'p-001,Ana Silva,peer_supporter,ICU nurse,"St Mary\'s Hospital, London",+44 20 7946 0001,'
    "ana.silva@example.org,https://example.org/ana,en;pt,ICU;field deployment;night shifts,"
    "Mon-Fri 09:00-17:00; Sat 10:00-12:00,Europe/London,Happy to talk after a hard shift.,2026-11-01\n"
    'p-002,José Martínez,debrief_contact,Debrief lead,"Médecins, Field Team",,jose@example.org,,es;fr,'
    'field deployment;critical incident,"Mon,Wed 18:00-20:00",Europe/Madrid,"Runs group debriefs.\n'
    'Bring a colleague if you like, ""no pressure"".\n'
    'Second line, with commas",2026-10-15\n'
    "p-003,سارة أحمد,peer_supporter,Paediatric nurse,,+971 4 000 0000,,,ar;en,paediatrics;patient death,"
    "Sat 22:00-02:00,Asia/Dubai,,\n"
    "p-004,山田 花子,professional_service,Psychologist,Staff Wellbeing Service,,hanako@example.jp,"
    "https://example.jp/support,ja;en,,,Asia/Tokyo,,2026-09-30\n"
    ",Minimal Contact,peer_supporter,,,,,,,,,,,\n"
)

JSON_TEXT = """{
  "format": "wellbeing-directory",
  "version": 1,
  "publisher": "Staff Wellbeing Team",
  "contacts": [
    {"id": "j-1", "name": "Amara Okafor", "kind": "peer_supporter", "languages": ["en", "ig"],
     "tags": ["field deployment", "ICU"], "availability": "Mon-Fri 08:00-16:00", "timezone": "Africa/Lagos"},
    {"id": "j-2", "name": "Élodie Bernard", "kind": "debrief_contact", "role": "Psychologist",
     "organisation": "Hôpital Nord", "email": "elodie@example.fr", "url": "https://example.fr",
     "languages": "fr;en", "tags": "critical incident;patient death", "notes": "Line one\\nLine two",
     "last_verified": "2026-11-02"},
    {"name": "Kenji Sato", "kind": "professional_service", "phone": "+81 3 0000 0000"}
  ]
}
"""

VCARD_TEXT = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "UID:v-1\r\n"
    "FN:Grace Mwangi\r\n"
    "N:Mwangi;Grace;;;\r\n"
    "ORG:Kenyatta Hospital\\, Nairobi;Emergency\r\n"
    "TITLE:Emergency nurse\r\n"
    "TEL;TYPE=CELL:+254 700 000 001\r\n"
    "TEL;TYPE=WORK,PREF:+254 700 000 002\r\n"
    "EMAIL;TYPE=INTERNET:grace@example.ke\r\n"
    "URL:https://example.ke/grace?a=1,2\r\n"
    "NOTE:Former field deployment coordinator.\\nAsk about the peer group\\, any time.\r\n"
    "CATEGORIES:field deployment,night shifts\r\n"
    "LANG:sw\r\n"
    "LANG:en\r\n"
    "X-WELLBEING-KIND:peer_supporter\r\n"
    "X-WELLBEING-AVAILABILITY:Mon-Fri 09:00-17:00\r\n"
    "TZ:Africa/Nairobi\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "FN:Anjali Sharma\r\n"
    "TEL;VALUE=uri;PREF=1:tel:+91-11-0000-0000\r\n"
    "EMAIL:anjali@example.in\r\n"
    "NOTE:A long note that an address book folded over two lines because it was longer than sev\r\n"
    " enty-five characters.\r\n"
    "LANG;PREF=1:hi\r\n"
    "TZ:+05:30\r\n"
    "END:VCARD\r\n"
)

"""Realistic directory files shared by the format, merge and fuzz tests."""

from __future__ import annotations

from datetime import date

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

"""Builders and sample data shared by tests: one place, so tests of different modules agree on them."""

from __future__ import annotations

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

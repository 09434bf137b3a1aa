from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from wellbeing_app.directory import (
    Availability,
    Contact,
    ContactKind,
    Profile,
    SuggestionContext,
    filter_contacts,
    suggest,
)

PEER = ContactKind.PEER_SUPPORTER
DEBRIEF = ContactKind.DEBRIEF_CONTACT
SERVICE = ContactKind.PROFESSIONAL_SERVICE
NOW = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)  # a Monday morning
OPEN = "Mon-Fri 09:00-17:00"
CLOSED = "Sat 09:00-10:00"


def person(
    name: str,
    *,
    kind: ContactKind = PEER,
    tags: tuple[str, ...] = (),
    languages: tuple[str, ...] = (),
    hours: str | None = None,
    timezone: str | None = "UTC",
    listed: bool = True,
    role: str = "",
    organisation: str = "",
) -> Contact:
    return Contact(
        id=name.casefold(),
        name=name,
        kind=kind,
        tags=tags,
        languages=languages,
        availability=Availability.parse(hours) if hours else None,
        timezone=timezone,
        listed=listed,
        role=role,
        organisation=organisation,
    )


@dataclass
class RankCase:
    contacts: list[Contact]
    expected: list[str]
    tags: str = ""
    languages: str = ""
    recent: frozenset[str] = frozenset()
    kinds: tuple[ContactKind, ...] = ()
    why: dict[str, str] = field(default_factory=dict)


RANK_CASES = {
    "more shared experience beats language and availability": RankCase(
        [
            person("Ada", tags=("ICU",), languages=("fr",), hours=OPEN),
            person("Bea", tags=("ICU", "night shifts")),
        ],
        ["Bea", "Ada"],
        tags="ICU;night shifts",
        languages="fr",
    ),
    "language breaks a tie in experience": RankCase(
        [person("Ada", tags=("ICU",)), person("Bea", tags=("ICU",), languages=("French",))],
        ["Bea", "Ada"],
        tags="icu",
        languages="fr",
        why={"Bea": "also worked in intensive care · speaks French", "Ada": "also worked in intensive care"},
    ),
    "availability breaks a tie in experience and language": RankCase(
        [person("Ada", hours=CLOSED), person("Bea", hours=OPEN), person("Cy")],
        ["Bea", "Ada", "Cy"],
        why={"Bea": "available now", "Ada": "", "Cy": ""},
    ),
    "kind order breaks the next tie": RankCase(
        [person("Ada", kind=PEER), person("Bea", kind=DEBRIEF), person("Cy", kind=SERVICE)],
        ["Bea", "Ada", "Cy"],
        kinds=(DEBRIEF, PEER),
        why={"Bea": "runs structured debriefs", "Ada": "a trained peer supporter", "Cy": ""},
    ),
    "no preferred kinds means kind does not matter": RankCase(
        [person("Cy", kind=DEBRIEF), person("Ada", kind=SERVICE), person("Bea", kind=PEER)],
        ["Ada", "Bea", "Cy"],
    ),
    "name breaks the last tie ignoring case and accents": RankCase(
        [person("Emma"), person("Élodie"), person("eddie")],
        ["eddie", "Élodie", "Emma"],
    ),
    "recent check-in tags count like profile tags": RankCase(
        [person("Ada", tags=("ICU",)), person("Bea", tags=("patient death",))],
        ["Bea", "Ada"],
        recent=frozenset({"Patient Death"}),
        why={"Bea": "has also been through the death of a patient"},
    ),
    "profile and recent tags add up": RankCase(
        [person("Ada", tags=("ICU",)), person("Bea", tags=("ICU", "patient death"))],
        ["Bea", "Ada"],
        tags="ICU",
        recent=frozenset({"patient death"}),
    ),
    "tags match ignoring case and accents": RankCase(
        [person("Ada"), person("Bea", tags=("Pédiatrie",))],
        ["Bea", "Ada"],
        tags="pediatrie",
        why={"Bea": "also has experience with Pédiatrie"},
    ),
    "no longer listed contacts are never suggested": RankCase(
        [person("Ada", tags=("ICU",), listed=False), person("Bea")],
        ["Bea"],
        tags="ICU",
    ),
}


@pytest.mark.parametrize("case", list(RANK_CASES.values()), ids=list(RANK_CASES))
def test_ranking(case: RankCase) -> None:
    context = SuggestionContext(
        profile=Profile.create(experience_tags=case.tags, languages=case.languages),
        now=NOW,
        recent_tags=case.recent,
        preferred_kinds=case.kinds,
    )
    suggestions = suggest(case.contacts, context)
    assert [suggestion.contact.name for suggestion in suggestions] == case.expected
    why = {suggestion.contact.name: suggestion.why_text for suggestion in suggestions}
    for name, text in case.why.items():
        assert why[name] == text
    assert [s.rank_key for s in suggestions] == sorted(s.rank_key for s in suggestions)


def test_the_reasons_read_like_the_issue_example() -> None:
    contact = person("Amélie", tags=("field deployment", "ICU"), languages=("fr", "en"), hours=OPEN)
    context = SuggestionContext(
        profile=Profile.create(experience_tags="Field Deployment", languages="French"), now=NOW
    )
    [suggestion] = suggest([contact], context)
    assert suggestion.why == ["also worked in field deployments", "speaks French", "available now"]
    assert suggestion.why_text == "also worked in field deployments · speaks French · available now"
    assert suggestion.shared_tags == ("field deployment",)
    assert suggestion.shared_languages == ("fr",)
    assert suggestion.available_now
    assert suggestion.to_export_dict() == {
        "id": "amélie",
        "name": "Amélie",
        "kind": "peer_supporter",
        "phone": contact.phone,
        "email": contact.email,
        "url": contact.url,
        "why": ["also worked in field deployments", "speaks French", "available now"],
    }


def test_languages_and_repeated_phrases_are_combined() -> None:
    contact = person(
        "Ada", tags=("ICU", "intensive care", "diabetes", "burnout"), languages=("fr", "ar", "French")
    )
    context = SuggestionContext(
        profile=Profile.create(experience_tags="icu;intensive care;diabetes;burnout", languages="ar;fr"),
        now=NOW,
    )
    [suggestion] = suggest([contact], context)
    assert suggestion.why == [
        "also worked in intensive care",
        "also has experience with diabetes",
        "speaks French and Arabic",
    ]
    assert suggestion.rank_key[0] == -4


def test_unknown_language_is_shown_as_written() -> None:
    contact = person("Ada", languages=("Kiswahili ya Pwani",))
    context = SuggestionContext(profile=Profile.create(languages="kiswahili ya pwani"), now=NOW)
    assert suggest([contact], context)[0].why == ["speaks Kiswahili ya Pwani"]


def test_limit_returns_the_best_few() -> None:
    contacts = [person(name) for name in ("Dan", "Cy", "Bea", "Ada")]
    context = SuggestionContext(profile=Profile(), now=NOW)
    assert [s.contact.name for s in suggest(contacts, context, limit=3)] == ["Ada", "Bea", "Cy"]


def test_hours_without_a_time_zone_are_read_on_the_users_clock() -> None:
    contact = person("Ada", hours="Mon 10:00-11:00", timezone=None)
    summer_morning = datetime(2026, 7, 6, 10, 30, tzinfo=ZoneInfo("Europe/London"))  # 09:30 UTC
    [suggestion] = suggest([contact], SuggestionContext(profile=Profile(), now=summer_morning))
    assert suggestion.available_now


DIRECTORY = [
    person("José Núñez", tags=("Field Deployment",), languages=("es", "en"), role="Nurse", hours=OPEN),
    person("Ana Silva", kind=DEBRIEF, tags=("ICU",), languages=("pt",), organisation="St Mary's Hospital"),
    person("山田 花子", kind=SERVICE, languages=("ja",), role="心理士", hours=CLOSED),
    person("Sara Field", tags=("paediatrics",), languages=("French",), listed=False),
]


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, ["José Núñez", "Ana Silva", "山田 花子", "Sara Field"]),
        ({"text": "jose"}, ["José Núñez"]),
        ({"text": "NUNEZ j"}, ["José Núñez"]),
        ({"text": "field"}, ["José Núñez", "Sara Field"]),
        ({"text": "field", "include_unlisted": False}, ["José Núñez"]),
        ({"text": "mary's"}, ["Ana Silva"]),
        ({"text": "icu"}, ["Ana Silva"]),
        ({"text": "nurse mary"}, []),
        ({"text": "心理"}, ["山田 花子"]),
        ({"text": "山田"}, ["山田 花子"]),
        ({"text": "  "}, ["José Núñez", "Ana Silva", "山田 花子", "Sara Field"]),
        ({"kind": DEBRIEF}, ["Ana Silva"]),
        ({"kind": "professional_service"}, ["山田 花子"]),
        ({"language": "French"}, ["Sara Field"]),
        ({"language": "fr"}, ["Sara Field"]),
        ({"language": "Spanish"}, ["José Núñez"]),
        ({"tag": "field deployment"}, ["José Núñez"]),
        ({"tag": "field"}, []),
        ({"available_now_at": NOW}, ["José Núñez"]),
        ({"text": "a", "kind": DEBRIEF, "language": "pt", "tag": "icu"}, ["Ana Silva"]),
    ],
)
def test_filter_contacts(kwargs: dict[str, object], expected: list[str]) -> None:
    found = filter_contacts(DIRECTORY, **kwargs)  # type: ignore[arg-type]
    assert [contact.name for contact in found] == expected

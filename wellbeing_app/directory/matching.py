"""Suggesting who to reach out to, and filtering the contact list as the user types.

How suggestions are ranked
--------------------------
Each listed contact is described by five plain facts, compared in this order; the first difference decides
and later facts only break ties:

1. Shared experience: how many of the contact's tags are among the user's profile tags or the tags of their
   recent check-ins (more first). Tags compare ignoring case and accents.
2. Language: whether the contact speaks at least one of the user's languages (yes first). "fr", "fr-CA" and
   "French" count as the same language.
3. Available now: whether ``now`` falls inside the contact's weekly hours on the contact's own clock (their
   time zone, or the user's when none is given). Contacts without hours count as not available now.
4. Kind: the position of the contact's kind in ``preferred_kinds`` (earlier first; kinds not in the list come
   after those in it; all kinds are equal when the list is empty).
5. Name, alphabetically ignoring case and accents, then id, so the order never changes between runs.

Contacts no longer listed by their source are never suggested. Every other contact is returned (a contact
with nothing in common simply has an empty ``why``), so callers that want only real matches keep the
suggestions whose ``why`` is not empty. There are no weights or hidden scores: ``Suggestion.rank_key`` is
the exact tuple that is sorted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass
from datetime import datetime, tzinfo
from functools import lru_cache
from typing import Any

from wellbeing_app.directory.languages import language_key, language_name
from wellbeing_app.directory.models import Contact, ContactKind, Profile
from wellbeing_app.directory.text import fold

MAX_TAG_REASONS = 3
RankKey = tuple[int, int, int, int, str, str]
_SAME_AS_FIELD_DEPLOYMENTS = "also worked in field deployments"
_TAG_PHRASES: dict[str, str] = {
    "field deployment": _SAME_AS_FIELD_DEPLOYMENTS,
    "field deployments": _SAME_AS_FIELD_DEPLOYMENTS,
    "deployment": _SAME_AS_FIELD_DEPLOYMENTS,
    "icu": "also worked in intensive care",
    "intensive care": "also worked in intensive care",
    "paediatrics": "also worked in paediatrics",
    "pediatrics": "also worked in paediatrics",
    "emergency department": "also worked in emergency care",
    "emergency medicine": "also worked in emergency care",
    "a&e": "also worked in emergency care",
    "night shifts": "also worked night shifts",
    "night shift": "also worked night shifts",
    "palliative care": "also worked in palliative care",
    "maternity": "also worked in maternity care",
    "mental health": "also worked in mental health care",
    "covid-19": "also worked through COVID-19",
    "covid": "also worked through COVID-19",
    "patient death": "has also been through the death of a patient",
    "critical incident": "has also been through a critical incident",
    "burnout": "has also been through burnout",
    "moral injury": "has also lived with moral injury",
}
_KIND_PHRASES = {
    ContactKind.PEER_SUPPORTER: "a trained peer supporter",
    ContactKind.DEBRIEF_CONTACT: "runs structured debriefs",
    ContactKind.PROFESSIONAL_SERVICE: "a professional support service",
}


@dataclass(frozen=True, kw_only=True)
class SuggestionContext:
    """``now`` must be time-zone aware; ``recent_tags`` are the tags of the user's recent check-ins."""

    profile: Profile
    now: datetime
    recent_tags: Set[str] = frozenset()
    preferred_kinds: tuple[ContactKind, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    contact: Contact
    why: list[str]
    shared_tags: tuple[str, ...]
    shared_languages: tuple[str, ...]
    available_now: bool
    # The exact tuple that was sorted (smaller first): the five facts of the module docstring, in order.
    rank_key: RankKey

    @property
    def why_text(self) -> str:
        return " · ".join(self.why)

    def to_export_dict(self) -> dict[str, Any]:
        """The shape of ``support --json``."""
        return {
            "id": self.contact.id,
            "name": self.contact.name,
            "kind": self.contact.kind.value,
            "phone": self.contact.phone,
            "email": self.contact.email,
            "url": self.contact.url,
            "why": self.why,
        }


def suggest(
    contacts: Iterable[Contact], context: SuggestionContext, limit: int | None = None
) -> list[Suggestion]:
    """Listed contacts, best match first, each with the reasons that put it there."""
    wanted_tags = context.profile.tag_keys | {fold(tag) for tag in context.recent_tags}
    languages = context.profile.language_keys
    ranks = {kind: position for position, kind in enumerate(context.preferred_kinds)}
    unranked = len(context.preferred_kinds)
    is_open = _open_checker(context.now)
    scored: list[tuple[RankKey, Contact, frozenset[str], frozenset[str], bool]] = []
    for contact in contacts:
        if not contact.listed:
            continue
        tags = contact.tag_keys & wanted_tags
        spoken = contact.language_keys & languages
        available = is_open(contact)
        key = _rank_key(contact, len(tags), bool(spoken), available, ranks.get(contact.kind, unranked))
        scored.append((key, contact, tags, spoken, available))
    scored.sort(key=lambda item: item[0])
    chosen = scored if limit is None else scored[:limit]
    return [
        _explain(contact, tags, spoken, available, key, context)
        for key, contact, tags, spoken, available in chosen
    ]


def filter_contacts(
    contacts: Iterable[Contact],
    text: str = "",
    kind: ContactKind | str | None = None,
    language: str | None = None,
    available_now_at: datetime | None = None,
    tag: str | None = None,
    *,
    include_unlisted: bool = True,
) -> list[Contact]:
    """Contacts matching every given filter, in the order given.

    ``text`` matches when each of its words appears in the name, role, organisation or a tag, ignoring case
    and accents ("jose" finds "José"). The folded text is cached on each contact, so a keystroke costs one
    substring scan per contact.
    """
    words = fold(text).split()
    is_open = _open_checker(available_now_at) if available_now_at is not None else None
    language_wanted = language_key(language) if language and language.strip() else None
    tag_wanted = fold(tag) if tag and tag.strip() else None
    found: list[Contact] = []
    for contact in contacts:
        if kind is not None and contact.kind != kind:
            continue
        if not include_unlisted and not contact.listed:
            continue
        if language_wanted is not None and language_wanted not in contact.language_keys:
            continue
        if tag_wanted is not None and tag_wanted not in contact.tag_keys:
            continue
        if words:
            haystack = contact.search_text
            if not all(word in haystack for word in words):
                continue
        if is_open is not None and not is_open(contact):
            continue
        found.append(contact)
    return found


@lru_cache(maxsize=4096)
def tag_phrase(tag: str) -> str:
    """A kind, plain sentence fragment for one shared experience tag."""
    return _TAG_PHRASES.get(fold(tag), f"also has experience with {tag}")


# Directories repeat the same few tags thousands of times; folding each spelling once keeps ranking fast.
_tag_key = lru_cache(maxsize=8192)(fold)


def languages_phrase(languages: Sequence[str]) -> str:
    """ "speaks French", "speaks French and Arabic"; the same language written twice is named once."""
    names = list(dict.fromkeys(language_name(language) for language in languages))
    if len(names) == 1:
        return f"speaks {names[0]}"
    return f"speaks {', '.join(names[:-1])} and {names[-1]}"


def _open_checker(at: datetime) -> Callable[[Contact], bool]:
    """``Contact.is_available`` for one instant, converting it to each time zone only once."""
    if at.tzinfo is None:
        raise ValueError("availability needs a time-zone-aware datetime")
    fallback = at.tzinfo
    clocks: dict[tzinfo, tuple[int, int]] = {}

    def is_open(contact: Contact) -> bool:
        if contact.availability is None:
            return False
        zone = contact.zone or fallback
        clock = clocks.get(zone)
        if clock is None:
            local = at.astimezone(zone)
            clock = clocks[zone] = (local.weekday(), local.hour * 60 + local.minute)
        return contact.availability.open_at(*clock)

    return is_open


def _rank_key(contact: Contact, shared_tags: int, speaks: bool, available: bool, kind_rank: int) -> RankKey:
    return (-shared_tags, 0 if speaks else 1, 0 if available else 1, kind_rank, contact.name_key, contact.id)


def _explain(
    contact: Contact,
    tag_keys: frozenset[str],
    language_keys: frozenset[str],
    available: bool,
    rank_key: RankKey,
    context: SuggestionContext,
) -> Suggestion:
    shared_tags = tuple(tag for tag in contact.tags if _tag_key(tag) in tag_keys) if tag_keys else ()
    shared_languages = (
        tuple(language for language in contact.languages if language_key(language) in language_keys)
        if language_keys
        else ()
    )
    why = list(dict.fromkeys(tag_phrase(tag) for tag in shared_tags[:MAX_TAG_REASONS])) if shared_tags else []
    if shared_languages:
        why.append(languages_phrase(shared_languages))
    if available:
        why.append("available now")
    if contact.kind in context.preferred_kinds:
        why.append(_KIND_PHRASES[contact.kind])
    return Suggestion(contact, why, shared_tags, shared_languages, available, rank_key)

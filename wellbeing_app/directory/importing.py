"""Merging a freshly parsed file into the directory the user already has.

The rules, all keyed on the source's file name (``org.csv``), never on the import date:

* a contact whose id is new for that source is inserted;
* a contact whose id is already there is updated when anything but the import date differs, and left alone
  otherwise (so importing the same file twice changes nothing the second time);
* a contact of that source missing from the new file is kept but marked ``listed=False`` ("no longer
  listed"), so an organisation's mistake never silently deletes someone the user relies on; it is listed
  again if a later file has it back;
* private contacts and contacts from other sources are never touched.

The function is pure: it returns a plan, and the caller writes ``plan.changes`` in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from wellbeing_app.directory.models import PRIVATE_SOURCE, Contact


@dataclass(frozen=True)
class MergePlan:
    source_name: str
    inserts: tuple[Contact, ...]
    updates: tuple[Contact, ...]
    unlisted: tuple[Contact, ...]
    unchanged: int

    @property
    def changes(self) -> tuple[Contact, ...]:
        """Every contact to write (insert or replace by ``record_id``)."""
        return self.inserts + self.updates + self.unlisted

    @property
    def has_changes(self) -> bool:
        return bool(self.changes)

    @property
    def summary(self) -> str:
        if not self.has_changes:
            return (
                f"{self.source_name}: nothing changed; all {self.unchanged} contacts were already up to date."
            )
        parts = [f"{len(self.inserts)} new", f"{len(self.updates)} updated"]
        if self.unlisted:
            parts.append(f"{len(self.unlisted)} no longer listed")
        parts.append(f"{self.unchanged} unchanged")
        return f"{self.source_name}: " + ", ".join(parts) + "."

    def apply(self, existing: Sequence[Contact]) -> list[Contact]:
        """The directory after the merge, in the original order with new contacts at the end."""
        replacements = {contact.record_id: contact for contact in self.updates + self.unlisted}
        merged = [replacements.get(contact.record_id, contact) for contact in existing]
        return merged + list(self.inserts)


def merge_import(existing: Sequence[Contact], incoming: Sequence[Contact], *, source_name: str) -> MergePlan:
    if source_name == PRIVATE_SOURCE:
        raise ValueError("imported files cannot use the source name reserved for private contacts")
    strays = [contact.id for contact in incoming if contact.source_name != source_name]
    if strays:
        raise ValueError(f"contacts {strays[:3]} were not parsed from {source_name}")
    current = {contact.id: contact for contact in existing if contact.source_name == source_name}
    inserts: list[Contact] = []
    updates: list[Contact] = []
    unchanged = 0
    for contact in incoming:
        old = current.get(contact.id)
        if old is None:
            inserts.append(contact)
        elif replace(old, source=contact.source) == contact:
            unchanged += 1
        else:
            updates.append(contact)
    seen = {contact.id for contact in incoming}
    unlisted: list[Contact] = []
    for contact in current.values():
        if contact.id not in seen and contact.listed:
            unlisted.append(replace(contact, listed=False))
    return MergePlan(source_name, tuple(inserts), tuple(updates), tuple(unlisted), unchanged)

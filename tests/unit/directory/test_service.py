"""DirectoryService over a real (cheap-KDF) vault: import, private contacts, profile, suggestions, outreach, damage,
and the "contacts" section of the whole-vault export."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from tests.helpers.builders import HEADER, ORG_CSV, ORG_CSV_V2
from wellbeing_app.clock import FixedClock
from wellbeing_app.crypto.kdf import KdfParams
from wellbeing_app.directory import ContactKind, Profile
from wellbeing_app.directory import records as directory_records
from wellbeing_app.directory.service import DirectoryService
from wellbeing_app.errors import InvalidInput
from wellbeing_app.services import Services
from wellbeing_app.transfer import export_json, import_json
from wellbeing_app.vault import Vault

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def clock() -> FixedClock:
    """Wednesday 25 November 2026, 09:00 in London, whatever the machine's time zone."""
    return FixedClock(datetime(2026, 11, 25, 9, 0, tzinfo=LONDON))


@pytest.fixture
def directory(services: Services) -> DirectoryService:
    return services.directory


@pytest.fixture
def other_vault(tmp_path: Path, fast_kdf: KdfParams, clock: FixedClock, passphrase: str) -> Iterator[Vault]:
    opened, _ = Vault.create(tmp_path / "other", passphrase, kdf=fast_kdf, clock=clock)
    yield opened
    opened.lock()


def import_org(directory: DirectoryService, content: str = ORG_CSV, name: str = "org.csv") -> str:
    return directory.apply_import(directory.plan_import(content.encode("utf-8"), source_name=name)).summary


def by_id(directory: DirectoryService) -> dict[str, str]:
    return {contact.id: contact.name for contact in directory.contacts()}


# -- importing ------------------------------------------------------------------------------------------------


def test_import_then_import_again_is_idempotent(directory: DirectoryService, vault: Vault) -> None:
    assert import_org(directory) == "org.csv: 4 new, 0 updated, 0 unchanged."
    assert by_id(directory) == {
        "p-001": "Ana Silva",
        "p-002": "José Martínez",
        "p-003": "سارة أحمد",
        "p-004": "山田 花子",
    }
    jose = directory.get("p-002")
    assert jose is not None
    assert jose.notes == "Runs group debriefs.\nBring a colleague, if you like."
    assert jose.source == "org.csv (2026-11-25)" and jose.organisation == "Médecins, Field Team"
    assert str(jose.availability) == "Mon,Wed 18:00-20:00"

    again = directory.plan_import(ORG_CSV.encode("utf-8"), source_name="org.csv")
    assert not again.has_changes
    assert again.summary == "org.csv: nothing changed; all 4 contacts were already up to date."
    directory.apply_import(again)
    assert vault.store.count(directory_records.KIND) == 4
    assert len(directory.contacts()) == 4


def test_the_same_file_a_week_later_changes_nothing(directory: DirectoryService, clock: FixedClock) -> None:
    import_org(directory)
    clock.moment += timedelta(days=7)
    assert import_org(directory) == "org.csv: nothing changed; all 4 contacts were already up to date."


def test_import_file_reads_the_path(directory: DirectoryService, tmp_path: Path) -> None:
    path = tmp_path / "staff-peers.csv"
    path.write_text(ORG_CSV, encoding="utf-8")
    assert directory.import_file(path).summary == "staff-peers.csv: 4 new, 0 updated, 0 unchanged."
    with pytest.raises(InvalidInput, match="Cannot read"):
        directory.import_file(tmp_path / "missing.csv")


def test_a_newer_file_without_a_contact_marks_it_no_longer_listed(directory: DirectoryService) -> None:
    import_org(directory)
    assert import_org(directory, ORG_CSV_V2) == "org.csv: 0 new, 1 updated, 1 no longer listed, 2 unchanged."
    sara = directory.get("p-003")
    assert sara is not None and not sara.listed
    assert len(directory.contacts()) == 4
    assert "p-003" not in {contact.id for contact in directory.contacts(include_unlisted=False)}
    assert "p-003" not in {s.contact.id for s in directory.suggestions()}
    jose = directory.get("p-002")
    assert jose is not None and str(jose.availability) == "Mon,Wed 17:00-19:00"
    # Back in the next version: listed again.
    import_org(directory)
    sara = directory.get("p-003")
    assert sara is not None and sara.listed


def test_another_organisation_may_reuse_ids(directory: DirectoryService) -> None:
    import_org(directory)
    other = HEADER + "\np-001,Grace Mwangi,debrief_contact,,Kenyatta Hospital,,,,sw;en,,,,,\n"
    assert import_org(directory, other, "kenya.csv") == "kenya.csv: 1 new, 0 updated, 0 unchanged."
    assert sorted(c.name for c in directory.contacts() if c.id == "p-001") == ["Ana Silva", "Grace Mwangi"]
    # The second organisation's file does not unlist the first one's contacts.
    assert all(contact.listed for contact in directory.contacts())


def test_an_invalid_row_imports_nothing(directory: DirectoryService, vault: Vault) -> None:
    bad = ORG_CSV.replace("Sat 22:00-02:00", "Fry 22:00-02:00")
    with pytest.raises(InvalidInput) as caught:
        import_org(directory, bad)
    assert (caught.value.line, caught.value.field) == (5, "availability")  # José's note spans 3-4
    assert str(caught.value).startswith("Line 5, field 'availability':")
    assert vault.store.count(directory_records.KIND) == 0


def test_vcards_without_a_kind_take_the_chosen_one(directory: DirectoryService) -> None:
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:v-1\r\nFN:Grace Mwangi\r\nCATEGORIES:night shifts\r\nEND:VCARD\r\n"
    )
    with pytest.raises(InvalidInput, match="field 'kind'"):
        directory.plan_import(card, source_name="peers.vcf")
    plan = directory.plan_import(card, source_name="peers.vcf", default_kind=ContactKind.PEER_SUPPORTER)
    directory.apply_import(plan)
    grace = directory.get("v-1")
    assert grace is not None and grace.kind is ContactKind.PEER_SUPPORTER and grace.tags == ("night shifts",)


# -- private contacts -----------------------------------------------------------------------------------------


def test_private_add_update_and_remove(directory: DirectoryService, vault: Vault) -> None:
    import_org(directory)
    added = directory.add_private(
        {"name": "Nguyễn Thị Lan", "kind": "Peer Supporter", "languages": "vi;en", "tags": "ICU;covid-19"}
    )
    assert added.is_private and added.kind is ContactKind.PEER_SUPPORTER
    assert added.languages == ("vi", "en") and added.tags == ("ICU", "covid-19")
    assert directory.get(added.id) == added
    assert vault.store.count(directory_records.KIND) == 5

    updated = directory.update_private(
        added.id,
        {"name": "Nguyễn Thị Lan", "kind": "peer_supporter", "role": "Night nurse", "phone": "+84 1"},
    )
    assert updated.id == added.id and updated.role == "Night nurse" and updated.tags == ()
    assert directory.get(added.id) == updated
    assert vault.store.count(directory_records.KIND) == 5

    with pytest.raises(InvalidInput) as caught:
        directory.update_private(added.id, {"name": "Lan", "kind": "peer_supporter", "email": "lan@"})
    assert caught.value.field == "email" and str(caught.value).startswith("Field 'email':")
    assert directory.get(added.id) == updated

    assert directory.remove_private(added.id) == updated
    assert directory.get(added.id) is None
    assert vault.store.count(directory_records.KIND) == 4


def test_imported_contacts_cannot_be_edited_or_removed(directory: DirectoryService) -> None:
    import_org(directory)
    actions: list[Callable[[], object]] = [
        lambda: directory.remove_private("p-001"),
        lambda: directory.update_private("p-001", {"name": "Ana", "kind": "peer_supporter"}),
    ]
    for action in actions:
        with pytest.raises(InvalidInput, match="Only private contacts") as caught:
            action()
        assert caught.value.field == "id" and "org.csv (2026-11-25)" in str(caught.value)
    assert directory.get("p-001") is not None
    with pytest.raises(InvalidInput, match="no contact with the id nope"):
        directory.remove_private("nope")


# -- profile --------------------------------------------------------------------------------------------------


def test_profile_round_trip(directory: DirectoryService, vault: Vault, clock: FixedClock) -> None:
    assert directory.profile() == Profile()
    saved = directory.set_profile(
        Profile.create(experience_tags="ICU; night shifts;icu", languages="fr;en", country="gb")
    )
    assert saved == Profile(experience_tags=("ICU", "night shifts"), languages=("fr", "en"), country="GB")
    assert DirectoryService(vault.store, clock).profile() == saved
    with pytest.raises(InvalidInput) as caught:
        Profile.create(country="Britain")
    assert caught.value.field == "country"


def test_an_unreadable_profile_reads_as_empty(directory: DirectoryService, vault: Vault) -> None:
    directory.set_profile(Profile.create(experience_tags="ICU"))
    with vault.engine.begin() as conn:
        conn.execute(text("UPDATE records SET payload = X'00' WHERE kind = 'profile'"))
    assert directory.profile() == Profile()


# -- suggestions ----------------------------------------------------------------------------------------------


def test_a_recent_check_in_tag_ranks_a_contact_with_that_experience_first(
    services: Services, directory: DirectoryService
) -> None:
    import_org(directory)
    services.checkins.add(mood=3, stress=8, tags=["Patient death"], day="2026-11-22", at="07:30")
    services.checkins.add(mood=5, tags=["critical incident"], day="2026-11-18")  # 8 days ago: too old
    assert directory.recent_tags() == frozenset({"Patient death"})
    ranked = directory.suggestions()
    first, second = ranked[:2]
    assert first.contact.name == "سارة أحمد"
    assert first.why == ["has also been through the death of a patient"]
    assert first.shared_tags == ("patient death",)
    # Then Ana: nothing shared, but open now (Wednesday 09:00 in London).
    assert (second.contact.name, second.why) == ("Ana Silva", ["available now"])
    assert [s.contact.id for s in directory.suggestions(limit=1)] == ["p-003"]


def test_profile_tags_and_languages_rank_and_explain(directory: DirectoryService) -> None:
    import_org(directory)
    directory.set_profile(Profile.create(experience_tags="Field deployment", languages="French"))
    ranked = directory.suggestions(with_reasons_only=True)
    assert [(s.contact.id, s.why_text) for s in ranked] == [
        ("p-002", "also worked in field deployments · speaks French"),
        ("p-001", "also worked in field deployments · available now"),
    ]
    assert ranked[0].to_export_dict() == {
        "id": "p-002",
        "name": "José Martínez",
        "kind": "debrief_contact",
        "phone": "",
        "email": "jose@example.org",
        "url": "",
        "why": ["also worked in field deployments", "speaks French"],
    }
    kinds = directory.suggestions(preferred_kinds=(ContactKind.PROFESSIONAL_SERVICE,))
    assert kinds[2].contact.id == "p-004" and kinds[2].why == ["a professional support service"]


# -- outreach -------------------------------------------------------------------------------------------------


def test_outreach_is_logged_and_a_follow_up_is_due_after_three_days(
    directory: DirectoryService, clock: FixedClock
) -> None:
    import_org(directory)
    jose = directory.get("p-002")
    assert jose is not None
    logged = directory.log_outreach(jose)
    assert (logged.contact_name, logged.on.isoformat(), logged.followed_up) == (
        "José Martínez",
        "2026-11-25",
        False,
    )
    assert directory.outreach() == [logged]
    assert directory.follow_ups_due() == []
    clock.moment += timedelta(days=2)
    assert directory.follow_ups_due() == []
    clock.moment += timedelta(days=1)
    assert directory.follow_ups_due() == [logged]
    directory.mark_followed_up(logged)
    assert directory.follow_ups_due() == []
    [done] = directory.outreach()
    assert done.followed_up and done.id == logged.id


# -- damaged records ------------------------------------------------------------------------------------------


def test_a_damaged_contact_is_reported_and_the_rest_stay_readable(
    directory: DirectoryService, vault: Vault, clock: FixedClock
) -> None:
    import_org(directory)
    jose = directory.get("p-002")
    assert jose is not None
    with vault.engine.begin() as conn:
        conn.execute(
            text("UPDATE records SET payload = X'00' WHERE id = :id"),
            {"id": vault.store.keyed_id(jose.record_id)},
        )
    vault.store.put(
        directory_records.KIND, "00000000-0000-4000-8000-00000000000d", {"v": 1, "name": "No kind"}
    )
    fresh = DirectoryService(vault.store, clock)
    assert sorted(by_id(fresh)) == ["p-001", "p-003", "p-004"]
    assert sorted(damaged.record_id for damaged in fresh.damaged) == sorted(
        [vault.store.keyed_id(jose.record_id), "00000000-0000-4000-8000-00000000000d"]
    )
    assert len(fresh.suggestions()) == 3


# -- the "contacts" section of the whole-vault export ---------------------------------------------------------


def exported_contacts(services: Services) -> list[dict[str, object]]:
    items: list[dict[str, object]] = json.loads(export_json(services).text)["contacts"]
    return items


def test_the_export_holds_contacts_with_their_record_ids(
    services: Services, directory: DirectoryService
) -> None:
    import_org(directory)
    private = directory.add_private({"name": "Nguyễn Thị Lan", "kind": "peer_supporter", "tags": "ICU"})
    items = exported_contacts(services)
    assert [item["name"] for item in items] == [
        "Ana Silva",
        "José Martínez",
        "Nguyễn Thị Lan",
        "سارة أحمد",
        "山田 花子",
    ]
    ana = items[0]
    assert list(ana) == [
        "id",
        "contact_id",
        *list(directory.contacts()[0].to_export_dict())[1:],
        "changed_at",
    ]
    stored = directory.get("p-001")
    assert stored is not None
    assert (ana["id"], ana["contact_id"], ana["source"], ana["listed"]) == (
        services.vault.store.keyed_id(stored.record_id),
        "p-001",
        "org.csv (2026-11-25)",
        True,
    )
    assert items[2]["contact_id"] == private.id and items[2]["source"] == "private"
    assert export_json(services).counts["contacts"] == 5


def test_import_into_a_new_vault_restores_contacts(
    services: Services, directory: DirectoryService, other_vault: Vault, clock: FixedClock
) -> None:
    import_org(directory)
    import_org(directory, ORG_CSV_V2)  # Sara is no longer listed; that travels too
    directory.add_private({"name": "Nguyễn Thị Lan", "kind": "peer_supporter", "notes": "Line 1\nLine 2"})
    exported = export_json(services).text
    other = Services(other_vault, clock)
    assert other.directory.contacts() == []  # cached empty before the import
    summary = import_json(other, exported)
    assert (summary.sections["contacts"].added, summary.sections["contacts"].unchanged) == (5, 0)
    assert other.directory.contacts() == directory.contacts()
    sara = other.directory.get("p-003")
    assert sara is not None and not sara.listed
    again = import_json(other, exported)
    assert (again.sections["contacts"].added, again.sections["contacts"].unchanged) == (0, 5)
    # The organisation's next file still updates the restored contacts instead of duplicating them.
    assert import_org(other.directory) == "org.csv: 0 new, 2 updated, 2 unchanged."
    assert len(other.directory.contacts()) == 5


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda item: item.update(email="ana@"), "contacts[0]: email: 'ana@' does not look like an email"),
        (lambda item: item.update(kind="mentor"), "contacts[0]: kind: 'mentor' is not a known kind"),
        (lambda item: item.update(tags="ICU", languages=7), "contacts[0]: languages must be a list of texts"),
        (lambda item: item.update(listed="yes"), "contacts[0]: listed must be true or false"),
        (lambda item: item.pop("contact_id"), "contacts[0]: contact_id is required"),
        (lambda item: item.update(name=" "), "contacts[0]: name: the name is missing"),
    ],
)
def test_an_invalid_contact_in_an_export_imports_nothing(
    services: Services,
    directory: DirectoryService,
    other_vault: Vault,
    clock: FixedClock,
    change: Callable[[dict[str, object]], object],
    message: str,
) -> None:
    import_org(directory)
    document = json.loads(export_json(services).text)
    change(document["contacts"][0])
    with pytest.raises(InvalidInput) as caught:
        import_json(Services(other_vault, clock), json.dumps(document))
    assert message in str(caught.value)
    assert other_vault.store.count() == 0

"""Directory files the attack of issue 14 used: a 10 MB name, a 1 MB vCard line; refused, nothing imported."""

from __future__ import annotations

import pytest

from wellbeing_app.directory.service import DirectoryService
from wellbeing_app.errors import InvalidInput
from wellbeing_app.services import Services


@pytest.fixture
def directory(services: Services) -> DirectoryService:
    return services.directory


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("org.csv", "name,kind\n" + "A" * 10_000_000 + ",peer_supporter\n", "at most 5 MB"),
        ("org.csv", "name,kind\n" + "A" * 600 + ",peer_supporter\n", "name is 600 characters"),
        (
            "org.csv",
            "name,kind,notes\nSam,peer_supporter," + "n" * 10_001 + "\n",
            "notes is 10,001 characters",
        ),
        (
            "org.vcf",
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sam\r\nTITLE:" + "t" * 1_000_000 + "\r\nEND:VCARD\r\n",
            "role is",
        ),
        (
            "org.json",
            '{"format": "wellbeing-directory", "version": 1, "contacts": [{"name": "Sam", '
            '"kind": "peer_supporter", "tags": [' + ",".join(['"t"'] * 51) + "]}]}",
            "tags has 51 entries",
        ),
    ],
    ids=["10MB-file", "long-name", "long-notes", "1MB-vcard-line", "too-many-tags"],
)
def test_oversized_directory_fields_are_refused(
    directory: DirectoryService, services: Services, name: str, content: str, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        directory.plan_import(content.encode(), source_name=name)
    assert services.vault.store.count() == 0

"""Periods in the vault: add, edit, end, delete; open-ended; bad input names the field and changes nothing."""

from __future__ import annotations

from datetime import date

import pytest

from wellbeing_app.errors import InvalidInput
from wellbeing_app.services import Services
from wellbeing_app.transfer import export_json


def test_add_edit_end_and_delete(services: Services) -> None:
    period = services.periods.add("Angola feeding centre", "2025-03-01")
    assert (period.kind, period.start, period.end, period.open_ended) == (
        "deployment",
        date(2025, 3, 1),
        None,
        True,
    )
    services.periods.edit(period.id, name="Angola, Luanda")
    ended = services.periods.end(period.id, date(2025, 8, 31))
    assert (ended.name, ended.end) == ("Angola, Luanda", date(2025, 8, 31))
    assert services.periods.periods() == [ended]
    services.periods.delete(period.id)
    assert services.periods.periods() == []


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"name": "", "start": "2025-03-01"}, "name"),
        ({"name": "x", "start": "March"}, "from"),
        ({"name": "x", "start": "2025-03-01", "end": "2025-02-01"}, "to"),
        ({"name": "x", "start": "2025-03-01", "kind": "holiday"}, "kind"),
    ],
)
def test_bad_values_name_the_field_and_save_nothing(
    services: Services, values: dict[str, str], field: str
) -> None:
    with pytest.raises(InvalidInput) as raised:
        services.periods.add(
            values["name"], values["start"], values.get("end"), values.get("kind", "deployment")
        )
    assert raised.value.field == field
    assert services.periods.periods() == []


def test_a_period_cannot_end_before_it_began(services: Services) -> None:
    period = services.periods.add("Course", "2025-03-01", kind="training")
    with pytest.raises(InvalidInput, match="cannot end before"):
        services.periods.end(period.id, date(2025, 2, 1))


def test_periods_travel_in_the_export(services: Services) -> None:
    services.periods.add("Angola feeding centre", "2025-03-01", "2025-08-31")
    services.periods.add("Home", "2025-09-01", kind="home")
    document = export_json(services).text
    import json

    assert [
        {k: v for k, v in item.items() if k != "changed_at"} for item in json.loads(document)["periods"]
    ] == [
        {
            "id": p.id,
            "name": p.name,
            "kind": p.kind,
            "from": p.start.isoformat(),
            "to": p.end.isoformat() if p.end else None,
        }
        for p in services.periods.periods()
    ]

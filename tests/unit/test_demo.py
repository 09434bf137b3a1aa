"""The demo vault: about 120 days, a deployment and a return, an orange stretch that recovers, all fictional."""

from __future__ import annotations

from wellbeing_app.demo import DEMO_DAYS, fill_demo
from wellbeing_app.detection import Level
from wellbeing_app.services import Services


def test_the_demo_tells_a_believable_fictional_story(services: Services) -> None:
    fill_demo(services)
    today = services.clock.now().date()
    checkins = services.checkins.between()
    assert 90 <= len(checkins) <= DEMO_DAYS
    assert (today - min(c.date for c in checkins)).days == DEMO_DAYS - 1
    deployment, home = services.periods.periods()
    assert deployment.kind == "deployment" and deployment.end is not None and home.open_ended
    [episode] = services.status.episodes()
    assert episode.peak_level is Level.ORANGE and episode.closed_on is not None  # it recovered
    assert episode.opened_on > deployment.end  # after the return
    assert services.status.status().level is Level.GREEN
    contacts = services.directory.contacts()
    assert contacts and all("fictional" in contact.name for contact in contacts)
    assert all(c.email is None or c.email.endswith("@example.org") for c in contacts)
    assert len(services.journal.entries()) >= 5
    assert services.vault.verify().ok


def test_the_same_day_gives_the_same_demo(services: Services, new_services: object) -> None:
    fill_demo(services)
    other = new_services()  # type: ignore[operator]
    fill_demo(other)
    assert [(c.date, c.mood) for c in services.checkins.between()] == [
        (c.date, c.mood) for c in other.checkins.between()
    ]

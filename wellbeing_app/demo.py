"""A first look without typing anything of one's own: about 120 days of realistic, clearly fictional data.

A fictional field worker's check-ins before, during and after a deployment; a low stretch after the return that
opens an orange episode (worked out day by day by the real detection code, as the app would have done) and
then recovers; a few journal entries; a small fictional directory (phone numbers from the ranges reserved for
drama, e-mail addresses at example.org). Every name says it is fictional. Seeded, so a demo looks the same
each time for the same day.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING, Final

from wellbeing_app.detection import Episode, evaluate, update_episodes
from wellbeing_app.directory import Profile
from wellbeing_app.statistics import field_daily_means
from wellbeing_app.storage.records import PendingRecord

if TYPE_CHECKING:
    from wellbeing_app.services import Services

DEMO_DAYS: Final = 120
DEMO_PASSPHRASE: Final = "demo only, nothing is saved"
DEPLOYMENT_NAME: Final = "Feeding centre, Maradi (fictional)"

DIRECTORY_CSV: Final = (
    "id,name,kind,role,organisation,phone,email,url,languages,tags,availability,timezone,notes,last_verified\n"
    "d-001,Amina Diallo (fictional),peer_supporter,Nurse,Demo Health Network,+44 20 7946 0101,"
    "amina@example.org,,en;fr,field deployment;returning home;night shifts,Mon-Fri 18:00-21:00,Europe/London,"
    "Back from two deployments; happy to listen.,2026-10-01\n"
    "d-002,Tom Becker (fictional),peer_supporter,ICU doctor,Demo Health Network,+44 20 7946 0102,"
    "tom@example.org,,en;de,ICU;patient death,Sat-Sun 10:00-16:00,Europe/London,,2026-10-01\n"
    "d-003,Sofia Ruiz (fictional),debrief_contact,Debrief lead,Demo Health Network,+44 20 7946 0103,"
    "sofia@example.org,,en;es,field deployment;critical incident,Mon-Fri 09:00-17:00,Europe/London,"
    "Runs group debriefs after return.,2026-10-01\n"
    "d-004,Staff Support Line (fictional),professional_service,Counselling,Demo Health Network,"
    "+44 20 7946 0104,support@example.org,https://example.org/support,en,,Mon-Sun 00:00-23:59,Europe/London,"
    "Confidential counselling for staff.,2026-10-01\n"
)

JOURNAL: Final = (
    (-110, "Packing list", "Last week before leaving. Mostly excited, a little worried about the heat."),
    (-80, "First month", "The team is kind. The days are long; I sleep badly when it is hot."),
    (
        -52,
        "Hard day",
        "We lost a child on the ward this morning. Talked to Sofia in the evening, which helped.",
    ),
    (-40, "Home", "Back home. Everything is loud and very clean. I feel strangely flat."),
    (-25, "A better walk", "Walked by the river with a friend. First day in a while I felt like myself."),
    (-6, "Steadier", "Sleeping better. Booked a debrief for next month."),
)


def _mood(offset: int, rng: random.Random, deployment: tuple[int, int], low: tuple[int, int]) -> int:
    if low[0] <= offset < low[1]:
        base = 3.0
    elif deployment[0] <= offset < deployment[1]:
        base = 5.6
    else:
        base = 6.5 if offset >= low[1] else 6.0
    return max(0, min(10, round(base + rng.gauss(0, 1.0))))


def fill_demo(services: Services, seed: int = 7) -> None:
    """Write the demo data into an empty, unlocked vault (dates end today, by the services' clock)."""
    now = services.clock.now()
    today = now.date()
    first = today - timedelta(days=DEMO_DAYS - 1)
    rng = random.Random(seed)
    deployment = (5, 80)  # day offsets from ``first``
    low = (82, 97)  # a low stretch after the return, then recovery
    records: list[PendingRecord] = []
    for offset in range(DEMO_DAYS):
        day = first + timedelta(days=offset)
        if rng.random() < 0.12 and not low[0] <= offset < low[1]:
            continue  # an occasional day without a check-in
        mood = _mood(offset, rng, deployment, low)
        night = rng.random() < 0.3
        sleep = (
            rng.choice((5.0, 5.5, 6.0))
            if night or low[0] <= offset < low[1]
            else rng.choice((6.5, 7.0, 7.5, 8.0))
        )
        tags = (["night shift"] if night else []) + (
            ["field"] if deployment[0] <= offset < deployment[1] else []
        )
        checkin = services.checkins.build(
            mood=mood,
            energy=max(0, min(10, mood + rng.randint(-2, 1))),
            stress=max(0, min(10, 10 - mood + rng.randint(-1, 2))),
            sleep_hours=sleep,
            tags=tags,
            note="(fictional) Long shift, tea with the team after." if rng.random() < 0.2 else "",
            day=day,
            at=now.strftime("%H:%M")
            if day == today
            else f"{rng.randint(19, 22)}:{rng.choice(('00', '15', '30', '45'))}",
        )
        records.append(services.checkins.to_pending(checkin))
    services.vault.store.put_many(records)
    services.periods.add(
        DEPLOYMENT_NAME, first + timedelta(days=deployment[0]), first + timedelta(days=deployment[1] - 1)
    )
    services.periods.add("Home (fictional)", first + timedelta(days=deployment[1]), None, "home")
    for offset, answers in (
        (2, [4, 4, 3, 4, 3]),
        (60, [3, 2, 3, 2, 3]),
        (90, [2, 2, 1, 2, 2]),
        (100, [3, 4, 3, 4, 3]),
    ):
        services.instruments.add("who5", answers, first + timedelta(days=offset))
    services.instruments.add("burnout", [2], first + timedelta(days=95))
    for offset, title, body in JOURNAL:
        services.journal.add(title=title, body=body, day=today + timedelta(days=offset))
    services.directory.apply_import(
        services.directory.plan_import(DIRECTORY_CSV.encode("utf-8"), source_name="demo-directory.csv")
    )
    services.directory.set_profile(
        Profile.create(
            experience_tags=("field deployment", "returning home"), languages=("en", "fr"), country="GB"
        )
    )
    _replay_detection(services, first, today)


def _replay_detection(services: Services, first: date, today: date) -> None:
    """Run detection for every past day in turn, as a daily user's app would have, and keep its episodes."""
    config = services.status.config
    moods = field_daily_means(services.checkins.between(first, today))
    instruments = services.instruments.between(first, today)
    episodes: tuple[Episode, ...] = ()
    day = first
    while day < today:
        result = evaluate({d: m for d, m in moods.items() if d <= day}, instruments, day, config)
        episodes = tuple(update_episodes(episodes, result, config).episodes)
        day += timedelta(days=1)
    services.status.store_episodes(episodes)

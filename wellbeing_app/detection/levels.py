"""The Stress Continuum zones as an ordered level, so "the highest rule that fired" is simply max()."""

from __future__ import annotations

from enum import Enum


class Level(Enum):
    """green (ready) < yellow (reacting) < orange (injured) < red (ill); the value is the JSON text."""

    GREEN = "green"
    YELLOW = "yellow"
    ORANGE = "orange"
    RED = "red"

    @property
    def rank(self) -> int:
        """0 for green … 3 for red."""
        return _RANKS[self.value]

    @property
    def zone(self) -> str:
        """The Stress Continuum name of the zone: ready, reacting, injured or ill."""
        return _ZONES[self.value]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank >= other.rank


_RANKS = {"green": 0, "yellow": 1, "orange": 2, "red": 3}
_ZONES = {"green": "ready", "yellow": "reacting", "orange": "injured", "red": "ill"}

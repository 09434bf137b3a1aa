"""Every keyboard shortcut, in one table: the code that installs them and Help → Keyboard shortcuts read it.

A shortcut is installed with ``install(name, parent, slot)`` or ``sequences(name)``, so its keys cannot
differ from the ones the help lists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ui.qt import QKeySequence, QShortcut, QWidget


@dataclass(frozen=True)
class Shortcut:
    name: str
    keys: tuple[str, ...]
    action: str
    where: str


UNLOCKED = "Once unlocked"
SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("help_now", ("F1",), "Need help now? (crisis lines)", "Everywhere, locked or not"),
    Shortcut("today", ("Ctrl+1",), "Check in: Today, on the mood scale", UNLOCKED),
    Shortcut("journal", ("Ctrl+2",), "Open Journal", UNLOCKED),
    Shortcut("trends", ("Ctrl+3",), "Open Trends", UNLOCKED),
    Shortcut("support", ("Ctrl+4",), "Open Support", UNLOCKED),
    Shortcut("settings", ("Ctrl+5",), "Open Settings", UNLOCKED),
    Shortcut("save_checkin", ("Ctrl+Return", "Ctrl+Enter"), "Save the check-in", "Today"),
    Shortcut("new_entry", ("Ctrl+N",), "New journal entry", UNLOCKED),
    Shortcut("save_entry", ("Ctrl+S",), "Save the journal entry", "Journal"),
    Shortcut("search", ("Ctrl+F",), "Search the journal or the directory", "Journal, Support"),
    Shortcut("lock", ("Ctrl+L",), "Lock now", UNLOCKED),
    Shortcut("quit", ("Ctrl+Q",), "Lock and quit", "Everywhere"),
)
BY_NAME = {shortcut.name: shortcut for shortcut in SHORTCUTS}


def sequences(name: str) -> list[QKeySequence]:
    return [QKeySequence(keys) for keys in BY_NAME[name].keys]


def shown_keys(name: str) -> str:
    """The keys as the help and tooltips write them ("Ctrl+N"); the first of several is enough."""
    return QKeySequence(BY_NAME[name].keys[0]).toString(QKeySequence.SequenceFormat.NativeText)


def all_keys(name: str) -> str:
    """Every way to press it: "Ctrl+Return or Ctrl+Enter"."""
    native = QKeySequence.SequenceFormat.NativeText
    return " or ".join(QKeySequence(keys).toString(native) for keys in BY_NAME[name].keys)


def with_keys(text: str, name: str) -> str:
    """A tooltip naming the shortcut: "New entry (Ctrl+N)"."""
    return f"{text} ({shown_keys(name)})"


def install(name: str, parent: QWidget, slot: Callable[[], object]) -> list[QShortcut]:
    """Shortcuts active while ``parent`` is visible in the active window."""
    made = []
    for sequence in sequences(name):
        shortcut = QShortcut(sequence, parent)
        shortcut.activated.connect(slot)
        made.append(shortcut)
    return made

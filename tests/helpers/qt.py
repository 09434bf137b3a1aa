"""Find widgets the way a screen reader does: by accessible name, among what is visible."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def find(root: QWidget, name: str, cls: type[W] = QWidget, *, visible: bool = True) -> W:  # type: ignore[assignment]
    matches = [
        w for w in root.findChildren(cls) if w.accessibleName() == name and (w.isVisible() or not visible)
    ]
    if not matches:
        raise LookupError(f"no visible {cls.__name__} named {name!r}")
    if len(matches) > 1:
        raise LookupError(f"{len(matches)} visible widgets named {name!r}")
    return matches[0]


def names(root: QWidget) -> list[str]:
    """Every visible accessible name, for failure messages."""
    return sorted(
        {w.accessibleName() for w in root.findChildren(QWidget) if w.isVisible() and w.accessibleName()}
    )


def shown(root: QWidget, name: str, cls: type[QWidget] = QWidget) -> bool:
    """Whether a widget of that name is visible now; for ``qtbot.waitUntil``."""
    return any(w.accessibleName() == name and w.isVisible() for w in root.findChildren(cls))


def toggle(qtbot: object, checkbox: QWidget) -> None:
    """Click a check box on its box, where a user clicks (its centre may be empty space past the label)."""
    from PySide6.QtCore import QPoint, Qt

    qtbot.mouseClick(checkbox, Qt.MouseButton.LeftButton, pos=QPoint(8, checkbox.height() // 2))  # type: ignore[attr-defined]

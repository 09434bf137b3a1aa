"""What a screen-reader or keyboard user meets: unnamed controls, the Tab chain, and clipped text."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractSlider,
    QAbstractItemView,
    QTabBar,
)


def _is_interactive(widget: QWidget) -> bool:
    return isinstance(widget, INTERACTIVE) and not isinstance(widget, QScrollBar)


def control_of(widget: QWidget) -> QWidget:
    """The control a widget is part of: a spin box's line edit, a table's header, a tab bar's arrows."""
    outer = widget
    parent = widget.parentWidget()
    while parent is not None:
        if _is_interactive(parent):
            outer = parent
        parent = parent.parentWidget()
    return outer


def controls(root: QWidget) -> list[QWidget]:
    """Visible, enabled interactive controls under ``root`` (itself included), parts of others left out."""
    found = [root, *root.findChildren(QWidget)]
    return [
        w
        for w in found
        if _is_interactive(w)
        and w.isVisible()
        and w.isEnabled()
        and control_of(w) is w
        and w.window() is root.window()
    ]


def _platform_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def unnamed_controls(root: QWidget) -> list[str]:
    """Controls with no accessible name; a standard message box's buttons carry their own (their text)."""
    problems = []
    for widget in controls(root):
        if widget.accessibleName():
            continue
        if isinstance(widget.window(), QMessageBox) and _platform_name(widget).strip("&"):
            continue
        text = widget.text() if isinstance(widget, QAbstractButton | QLineEdit) else ""
        problems.append(f"{type(widget).__name__} {widget.objectName()!r} {text!r}")
    return problems


def focusable(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def tab_chain(qtbot: object, root: QWidget) -> tuple[list[QWidget], list[str]]:
    """Press Tab from the first control round the chain; the controls focused, in order, and any problems."""
    targets = [w for w in controls(root) if focusable(w)]
    if not targets:
        return [], []
    start = targets[0]
    start.setFocus(Qt.FocusReason.TabFocusReason)
    problems: list[str] = []
    chain: list[QWidget] = [start]
    for _ in range(4 * len(targets) + 10):
        focus = QApplication.focusWidget()
        qtbot.keyClick(focus or root, Qt.Key.Key_Tab)  # type: ignore[attr-defined]
        focus = QApplication.focusWidget()
        if focus is None or focus.window() is not root.window():
            problems.append(f"focus left the window after {describe(chain[-1])}")
            break
        control = control_of(focus)
        if control is start:
            break
        chain.append(control)
    else:
        problems.append(f"Tab never came back to {describe(start)}; stuck around {describe(chain[-1])}")
    reached = set(chain)
    for widget in targets:
        if widget in reached:
            continue
        if _one_of_options(widget, reached):
            continue  # one stop per group of options; the arrow keys choose within it
        problems.append(f"Tab never reaches {describe(widget)}")
    for widget in chain:
        if not _is_interactive(widget) and not widget.accessibleName():
            problems.append(f"Tab stops on an unnamed {describe(widget)}")
    return chain, problems


def _one_of_options(widget: QWidget, reached: set[QWidget]) -> bool:
    if not isinstance(widget, QAbstractButton):
        return False
    group = widget.group()
    if group is not None and group.exclusive():
        return any(button in reached for button in group.buttons())
    if isinstance(widget, QRadioButton) or widget.autoExclusive():
        return any(
            isinstance(w, QAbstractButton) and w.autoExclusive() and w.parentWidget() is widget.parentWidget()
            for w in reached
        )
    return False


def describe(widget: QWidget) -> str:
    name = widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton) else "")
    return f"{type(widget).__name__} {name!r}"


def reading_order_problems(chain: list[QWidget], tolerance: int = 8) -> list[str]:
    """Steps that go back up and to the left, or leftwards along a line: against reading order."""
    problems = []
    window = chain[0].window() if chain else None
    points = [w.mapTo(window, QPoint(0, 0)) for w in chain]
    steps = list(zip(chain, points, strict=True))
    for (a, pa), (b, pb) in itertools.pairwise(steps):
        dx, dy = pb.x() - pa.x(), pb.y() - pa.y()
        backwards = (dy < -tolerance and dx < -tolerance) or (abs(dy) <= tolerance and dx < -tolerance)
        if backwards:
            problems.append(f"{describe(a)} → {describe(b)} goes back against reading order")
    return problems


def clipped_text(root: QWidget) -> list[str]:
    """Labels and buttons whose text does not fit the room they were given."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not root.window():
            continue
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + 1:
                    problems.append(
                        f"label {widget.text()[:40]!r} needs {needed}px high, has {widget.height()}"
                    )
            elif (
                widget.sizeHint().width() > widget.width() + 1
                or widget.minimumSizeHint().height() > widget.height() + 1
            ):
                problems.append(
                    f"label {widget.text()[:40]!r} needs {widget.sizeHint().width()}x{widget.minimumSizeHint().height()}, "
                    f"has {widget.width()}x{widget.height()}"
                )
        elif isinstance(widget, QScrollArea) and widget.widgetResizable() and widget.widget() is not None:
            needed = widget.widget().minimumSizeHint().width()
            if needed > widget.viewport().width():
                problems.append(
                    f"page content needs {needed}px wide, has {widget.viewport().width()}: it scrolls sideways"
                )
        elif isinstance(widget, QPushButton | QToolButton) and widget.text():
            hint = widget.sizeHint()
            if hint.width() > widget.width() + 1 or hint.height() > widget.height() + 1:
                problems.append(
                    f"button {widget.text()!r} needs {hint.width()}x{hint.height()}, has {widget.width()}x{widget.height()}"
                )
    return problems

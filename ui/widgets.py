"""Small shared building blocks: headings, calm inline messages, named controls."""

from __future__ import annotations

import itertools

from ui.qt import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)


def heading(text: str, level: int = 1) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "heading" if level == 1 else "subheading")
    label.setIndent(0)  # styled labels otherwise indent by half an "x", out of line with the text below
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def paragraph(text: str, *, subtle: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if subtle:
        label.setProperty("role", "subtle")
    return label


def named(widget: QWidget, name: str, description: str = "") -> QWidget:
    """Give a control the accessible name a screen reader announces (and tests look for)."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setPlaceholderText(name)
    field.setMinimumWidth(320)
    return field


def primary_button(text: str, name: str | None = None) -> QPushButton:
    button = QPushButton(text)
    button.setProperty("primary", True)
    button.setAccessibleName(name or text.rstrip("…"))
    button.setAutoDefault(True)
    return button


def busy_bar(name: str = "Working") -> QProgressBar:
    """An indeterminate bar for work whose length is unknown, such as key derivation."""
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(6)
    bar.setAccessibleName(name)
    bar.hide()
    return bar


def inline_message(name: str = "Message") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setProperty("role", "inline-message")
    label.setAccessibleName(name)
    label.hide()
    return label


def card(parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    return frame, as_card(frame)


def as_card(frame: QFrame) -> QVBoxLayout:
    """Style a frame as a card and give it its column; for widgets that are a card themselves."""
    frame.setProperty("card", True)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(24, 20, 24, 20)
    layout.setSpacing(12)
    return layout


def centered(content: QWidget, max_width: int = 560) -> QWidget:
    """Centre a card in the window, as calm first-run and unlock screens do; it scrolls when large text or
    a small window leaves it less room than it needs, rather than squeezing its words."""
    from ui.qt import QHBoxLayout

    outer = QWidget()
    column = QVBoxLayout(outer)
    column.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    content.setMaximumWidth(max_width)
    row.addWidget(content, 10)
    row.addStretch(1)
    column.addLayout(row)
    column.addStretch(2)
    scroll = quiet_scroll_area(QScrollArea())
    scroll.setWidgetResizable(True)
    scroll.setWidget(outer)
    return scroll


def close_buttons(dialog: QDialog) -> QDialogButtonBox:
    """The one Close button of a dialog that only shows something; it closes as Esc does."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
    return buttons


def tab_in_visual_order(buttons: QDialogButtonBox) -> None:
    """Tab through a button box left to right, as it is read; it is laid out in the platform's order
    (Cancel before Save on some), while Tab would otherwise follow the order the buttons were added.
    Call it once the box is in its dialog: moving it there puts its buttons back in their first order."""
    layout = buttons.layout()
    if layout is None:
        return
    items = (layout.itemAt(i) for i in range(layout.count()))
    widgets = (item.widget() for item in items if item is not None)
    ordered = [widget for widget in widgets if isinstance(widget, QAbstractButton)]
    for before, after in itertools.pairwise(ordered):
        QWidget.setTabOrder(before, after)


def quiet_scroll_area(area: QScrollArea, name: str = "") -> QScrollArea:
    """A scroll area that wraps controls is no Tab stop of its own: each control scrolls into view as Tab
    reaches it. One that holds only text keeps its stop, under a name, so the keyboard can scroll it."""
    if name:
        area.setAccessibleName(name)
    else:
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


def confirm_delete(parent: QWidget, title: str, text: str) -> bool:
    """Yes / Cancel with Cancel as the default, so a stray Enter never deletes anything."""
    from ui.qt import QMessageBox

    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


# -- the questions and answers of file work (import, export, backups): one look, and tests replace them --------


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ok / Cancel; True for Ok."""
    from ui.qt import QMessageBox

    answer = QMessageBox.question(
        parent, title, text, QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel
    )
    return answer == QMessageBox.StandardButton.Ok


def tell(parent: QWidget, title: str, text: str) -> None:
    from ui.qt import QMessageBox

    QMessageBox.information(parent, title, text)


def failure_text(error: BaseException) -> str:
    """A core error says what happened itself; anything else gets a calm sentence, never a traceback."""
    from wellbeing_app.errors import WellbeingError

    if isinstance(error, WellbeingError):
        return str(error)
    return "Something unexpected went wrong. Nothing was changed."

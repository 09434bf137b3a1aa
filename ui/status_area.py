"""The status area on the Today page: quiet at green, warm at yellow, and at orange or red the reasons,
a matched person one click away and, at red, crisis lines first. Never 'warning', never a score."""

from __future__ import annotations

import html

from ui.qt import (
    QDesktopServices,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)
from wellbeing_app.crisis import CrisisEntry, dial_digits
from wellbeing_app.detection import Level
from wellbeing_app.directory import Suggestion
from wellbeing_app.status import StatusReport

KIND_WORDS = {
    "peer_supporter": "Peer supporter",
    "debrief_contact": "Debrief contact",
    "professional_service": "Professional service",
}


def open_url(url: str) -> None:
    """Through one function so tests can see what would be opened."""
    QDesktopServices.openUrl(QUrl(url))


def _label(text: str, role: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    if name:
        label.setAccessibleName(name)
    return label


class StatusArea(QFrame):
    journal_requested = Signal()
    support_requested = Signal()
    acknowledged = Signal(str)
    snoozed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("card", True)
        self.setAccessibleName("Status message")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(20, 14, 20, 14)
        self._layout.setSpacing(8)
        self.report: StatusReport | None = None

    def _clear(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item is None:
                break
            widget = item.widget()
            if widget is not None:
                widget.setParent(
                    None
                )  # gone from the tree (and from screen readers) now, not at the next loop
                widget.deleteLater()
            else:
                _delete_layout(item.layout())

    def show_report(self, report: StatusReport) -> None:
        self.report = report
        self._clear()
        level = report.level
        expanded = level >= Level.ORANGE and (report.banner.visible or report.banner.crisis_lines)
        self.setProperty("status", level.value if level >= Level.YELLOW else "green")
        self.style().unpolish(self)
        self.style().polish(self)
        if level >= Level.RED or report.banner.crisis_lines:
            self._crisis_block(report.crisis_lines)
        if level is Level.GREEN:
            text = (
                report.result.reminder
                if report.result.stale and report.result.reminder
                else report.result.summary
            )
            self._layout.addWidget(_label(text or report.headline, "subtle", "Status text"))
        elif level is Level.YELLOW:
            self._layout.addWidget(_label(report.headline, "subheading", "Status text"))
            for reason in report.result.reasons:
                self._layout.addWidget(_label(reason.message))
            row = QHBoxLayout()
            write = QPushButton("Write in your journal")
            write.setAccessibleName("Write in your journal")
            write.clicked.connect(self.journal_requested)
            row.addWidget(write)
            row.addStretch(1)
            self._layout.addLayout(row)
        else:
            self._layout.addWidget(_label(report.headline, "subheading", "Status text"))
            if expanded:
                for reason in report.result.reasons:
                    self._layout.addWidget(_label(f"• {reason.message}"))
                self._suggestions(report)
                self._episode_buttons(report)
            else:
                self._layout.addWidget(
                    _label("Your support list is on the Support page whenever you want it.", "subtle")
                )
        self.setAccessibleDescription(self.plain_text())
        self.setVisible(True)

    def plain_text(self) -> str:
        return "\n".join(
            label.text() for label in self.findChildren(QLabel) if not label.isHidden() and label.text()
        )

    def _crisis_block(self, entries: tuple[CrisisEntry, ...]) -> None:
        box = QFrame()
        box.setProperty("crisis", True)
        column = QVBoxLayout(box)
        column.setContentsMargins(12, 10, 12, 10)
        column.addWidget(_label("If you need to talk to someone now", "subheading", "Crisis lines"))
        emergency = [e for e in entries if e.kind == "emergency"]
        others = [e for e in entries if e.kind != "emergency"][:3]
        if emergency:
            row = QHBoxLayout()
            numbers = " or ".join(e.phone for e in emergency if e.phone)
            row.addWidget(_label(f"In an emergency, call {numbers}." if numbers else emergency[0].name), 1)
            for entry in emergency:
                if entry.phone and dial_digits(entry.phone):
                    row.addWidget(self._call_button(entry, f"Call {entry.phone}"))
            column.addLayout(row)
        for entry in others:
            row = QHBoxLayout()
            detail = entry.name
            if entry.hours and "not verified" not in entry.hours.casefold():
                detail += f" · {entry.hours}"
            if entry.sms and not entry.phone:
                detail += f" · {entry.sms}"
            if entry.caution:
                detail += f" ({entry.caution})"
            row.addWidget(_label(detail), 1)
            if entry.phone and dial_digits(entry.phone):
                row.addWidget(self._call_button(entry, f"Call {entry.phone}"))
            column.addLayout(row)
        self._layout.addWidget(box)

    @staticmethod
    def _call_button(entry: CrisisEntry, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(
            f"Call {entry.name} {entry.phone}" if entry.kind == "emergency" else f"Call {entry.name}"
        )
        phone = entry.phone or ""
        button.clicked.connect(lambda _=False: open_url(f"tel:{dial_digits(phone)}"))
        return button

    def _suggestions(self, report: StatusReport) -> None:
        if report.suggestions:
            self._layout.addWidget(_label("People who may understand", "field-label"))
            for suggestion in report.suggestions[:3]:
                self._layout.addWidget(self._contact_row(suggestion))
        elif report.add_contacts_prompt:
            self._layout.addWidget(
                _label("Adding a peer supporter or someone you trust keeps them one step away.", "subtle")
            )
        row = QHBoxLayout()
        support = QPushButton("Open the Support page")
        support.setAccessibleName("Open the Support page")
        support.clicked.connect(self.support_requested)
        row.addWidget(support)
        row.addStretch(1)
        self._layout.addLayout(row)

    def _contact_row(self, suggestion: Suggestion) -> QWidget:
        contact = suggestion.contact
        row_widget = QWidget()
        row = QHBoxLayout(row_widget)
        row.setContentsMargins(0, 0, 0, 0)
        text = f"<b>{html.escape(contact.name)}</b> · {KIND_WORDS.get(str(contact.kind), str(contact.kind))}"
        if suggestion.why_text:
            text += f"<br><span>{html.escape(suggestion.why_text)}</span>"
        row.addWidget(_label(text), 1)
        if contact.tel_uri:
            call = QPushButton("Call")
            call.setAccessibleName(f"Call {contact.name}")
            call.clicked.connect(lambda _=False, u=contact.tel_uri: open_url(u))
            row.addWidget(call)
        if contact.mailto_uri:
            email = QPushButton("Email")
            email.setAccessibleName(f"Email {contact.name}")
            email.clicked.connect(lambda _=False, u=contact.mailto_uri: open_url(u))
            row.addWidget(email)
        return row_widget

    def _episode_buttons(self, report: StatusReport) -> None:
        if report.episode is None or not report.banner.visible:
            return
        row = QHBoxLayout()
        seen = QPushButton("Thanks, I've seen this")
        seen.setAccessibleName("Thanks, I've seen this")
        later = QPushButton("Remind me in 3 days")
        later.setAccessibleName("Remind me in 3 days")
        episode_id = report.episode.id
        seen.clicked.connect(lambda: self.acknowledged.emit(episode_id))
        later.clicked.connect(lambda: self.snoozed.emit(episode_id))
        row.addStretch(1)
        row.addWidget(later)
        row.addWidget(seen)
        self._layout.addLayout(row)


def _delete_layout(layout: object) -> None:
    from ui.qt import QLayout

    if not isinstance(layout, QLayout):
        return
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()
        else:
            _delete_layout(item.layout())

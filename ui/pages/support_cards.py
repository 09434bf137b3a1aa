"""The Support page's cards above the directory: the crisis strip, the follow-up card and the suggestions.

These are views only. The page owns the data and the one door out of the app: links and "Call" buttons hand their
URL to the ``open_link`` callable the page passes in.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from ui.models.contacts import KIND_LABELS
from ui.qt import QFrame, QHBoxLayout, QLabel, QPalette, QPushButton, Qt, QVBoxLayout, QWidget
from ui.widgets import heading, paragraph
from wellbeing_app.crisis import CountryLines, dial_digits
from wellbeing_app.directory import Contact, Suggestion
from wellbeing_app.directory.records import Outreach

CRISIS_LEAD = "<b>Need to talk to someone now?</b>"


def sentence(text: str) -> str:
    """First letter up, the rest as written (``str.capitalize`` would lower "English")."""
    return text[:1].upper() + text[1:]


def button(text: str, name: str | None = None) -> QPushButton:
    widget = QPushButton(text)
    widget.setAccessibleName(name or text)
    return widget


def plain(label: QLabel) -> QLabel:
    """Text from a directory file or the user is shown as written, never interpreted as rich text."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def card_layout(frame: QFrame, status: str = "") -> QVBoxLayout:
    """Style a frame as a card, or as a tinted status frame ("orange", "green"), and give it its column."""
    frame.setProperty("status" if status else "card", status or True)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(4, 0, 4, 0)  # the stylesheet pads cards and status frames
    layout.setSpacing(6)
    return layout


def small_card(status: str = "") -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    return frame, card_layout(frame, status)


def enable(widget: QPushButton, target: str | None, missing: str) -> None:
    """A button that would reach nothing is greyed out, with a tooltip saying what is missing."""
    widget.setEnabled(bool(target))
    widget.setToolTip("" if target else missing)


def tel_link(number: str, colour: str) -> str:
    """A number to dial, underlined in the text colour (the palette's link blue is hard to read on the tint)."""
    digits = dial_digits(number)
    text = html.escape(number)
    return f"<a href='tel:{digits}' style='color:{colour}'><b>{text}</b></a>" if digits else text


def crisis_summary(lines: CountryLines | None, colour: str) -> str:
    """One rich-text line: the emergency number, then the country's first general line with its hours."""
    if lines is None:
        return f"{CRISIS_LEAD} Press “Show crisis lines” to find a line where you are."
    numbers = " or ".join(tel_link(number, colour) for number in lines.emergency.numbers)
    text = f"{CRISIS_LEAD} In an emergency, call {numbers}."
    first = next(iter(lines.general_lines), None)
    if first is not None and first.phone:
        hours = f" ({html.escape(first.hours)})" if first.hours else ""
        text += f" {html.escape(first.name)}: {tel_link(first.phone, colour)}{hours}."
        if first.caution:
            text += f" <i>{html.escape(sentence(first.caution))}.</i>"
    return text


def suggestion_prompt(*, has_contacts: bool, has_experience: bool) -> str:
    """What the suggestions area says when it has no one to suggest."""
    if not has_contacts:
        return (
            "Your directory is empty for now. Use “Import directory…” to bring in your organisation's "
            "list of peer supporters and debrief contacts, or “Add private contact” for someone you trust. "
            "Then tell the app about “Your experience…”, and people who have been through similar work "
            "will be suggested here."
        )
    if not has_experience:
        return "Set “Your experience…” and people who have been through similar work will be suggested here."
    return "No one in your directory shares your experience yet. You can still search everyone below."


class CrisisStrip(QFrame):
    """The orange strip at the top: the local emergency number and one crisis line, and a button for the rest."""

    def __init__(self, open_link: Callable[[str], None]) -> None:
        super().__init__()
        self.setAccessibleName("Crisis lines")
        row = QHBoxLayout()
        card_layout(self, "orange").addLayout(row)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName("Crisis lines summary")
        self.text.linkActivated.connect(open_link)
        row.addWidget(self.text, 1)
        self.show_button = button("Show crisis lines")
        row.addWidget(self.show_button)

    def show_lines(self, lines: CountryLines | None) -> None:
        colour = self.text.palette().color(QPalette.ColorRole.WindowText).name()
        self.text.setText(crisis_summary(lines, colour))


class FollowUpCard(QFrame):
    """A few days after "I reached out": how did it go? Hidden when nothing is due."""

    def __init__(self) -> None:
        super().__init__()
        self.text = plain(paragraph(""))
        self.text.setAccessibleName("Follow-up")
        self.helped_button = button("It helped")
        self.not_yet_button = button("Not yet")
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(self.helped_button)
        row.addWidget(self.not_yet_button)
        card_layout(self, "green").addLayout(row)
        self.hide()

    def ask(self, outreach: Outreach | None) -> None:
        if outreach is None:
            self.hide()
            return
        self.text.setText(
            f"How did it go with {outreach.contact_name}? You reached out on {outreach.on:%A} "
            f"{outreach.on.day} {outreach.on:%B}. Whatever happened, reaching out was a good step."
        )
        self.helped_button.show()
        self.not_yet_button.show()
        self.show()

    def thank(self, *, helped: bool) -> None:
        self.helped_button.hide()
        self.not_yet_button.hide()
        self.text.setText(
            "I'm glad it helped. Thank you for letting us know."
            if helped
            else "That's all right. Reaching out can take more than one try; they are still here, "
            "and so are the others below."
        )


def suggestion_card(
    suggestion: Suggestion, open_link: Callable[[str | None], None], show_details: Callable[[Contact], None]
) -> QFrame:
    contact = suggestion.contact
    frame, layout = small_card()
    frame.setAccessibleName(f"Suggested: {contact.name}")
    name = QLabel(
        f"<b>{html.escape(contact.name)}</b>&nbsp;&nbsp;"
        f"<span style='font-weight:normal'>{html.escape(KIND_LABELS[contact.kind])}</span>"
    )
    name.setWordWrap(True)
    name.setAccessibleName(f"{contact.name}, {KIND_LABELS[contact.kind]}")
    layout.addWidget(name)
    why = plain(paragraph(sentence(suggestion.why_text)))
    why.setAccessibleName(f"Why {contact.name}")
    layout.addWidget(why)
    layout.addStretch(1)
    row = QHBoxLayout()
    row.setSpacing(6)
    for text, uri in (("Call", contact.tel_uri), ("Email", contact.mailto_uri)):
        action = button(text, f"{text} {contact.name}")
        enable(action, uri, f"No {'phone number' if text == 'Call' else 'email address'} is listed.")
        action.clicked.connect(lambda _checked=False, u=uri: open_link(u))
        row.addWidget(action)
    row.addStretch(1)
    details = button("Details", f"Details for {contact.name}")
    details.clicked.connect(lambda _checked=False, c=contact: show_details(c))
    row.addWidget(details)
    layout.addLayout(row)
    return frame


class SuggestionsPanel(QWidget):
    """ "Suggested for you": up to three cards side by side, or a note saying how to get suggestions."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(heading("Suggested for you", level=2))
        self.row = QHBoxLayout()
        self.row.setSpacing(12)
        layout.addLayout(self.row)
        self.prompt = paragraph("")
        self.prompt.setAccessibleName("Suggestions note")
        self.prompt_card, prompt_layout = small_card()
        prompt_layout.addWidget(self.prompt)
        layout.addWidget(self.prompt_card)

    def show_cards(self, cards: list[QFrame], after: QWidget, prompt: str) -> None:
        """Replace the cards; Tab moves from ``after`` through their buttons, top to bottom."""
        while self.row.count():
            item = self.row.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.deleteLater()
        previous = after
        for card in cards:
            self.row.addWidget(card, 1)
            for action in card.findChildren(QPushButton):
                QWidget.setTabOrder(previous, action)
                previous = action
        for _ in range(len(cards), 3 if cards else 0):
            self.row.addStretch(1)
        self.prompt_card.setVisible(not cards)
        self.prompt.setText(prompt)

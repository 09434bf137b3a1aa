"""'Need help now?': crisis lines for the user's country, beside the local emergency number. No unlock needed."""

from __future__ import annotations

import html
from functools import lru_cache

from ui.qt import (
    QComboBox,
    QDesktopServices,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLocale,
    QTextBrowser,
    QUrl,
    QVBoxLayout,
    QWidget,
)
from ui.widgets import close_buttons, heading, paragraph
from wellbeing_app.crisis import (
    CountryLines,
    CrisisDirectory,
    CrisisLine,
    default_country,
    dial_digits,
    load_crisis_lines,
)


@lru_cache(maxsize=1)
def crisis_directory() -> CrisisDirectory:
    return load_crisis_lines()


def _phone_link(number: str) -> str:
    digits = dial_digits(number)
    return f"<a href='tel:{digits}'>{html.escape(number)}</a>" if digits else html.escape(number)


def _hours(hours: str | None) -> str:
    """Opening hours, unless the list only says they are unverified (the caution then says so)."""
    if not hours or "not verified" in hours.casefold():
        return ""
    return f"{hours} · "


def _line_html(line: CrisisLine) -> str:
    contact = []
    if line.phone:
        contact.append(f"Call {_phone_link(line.phone)}")
    if line.sms:
        contact.append(html.escape(line.sms))
    if line.url:
        contact.append(f"<a href='{html.escape(line.url)}'>{html.escape(line.url)}</a>")
    caution = f" <i>({html.escape(line.caution)})</i>" if line.caution else ""
    return (
        f"<p><b>{html.escape(line.name)}</b><br>{' · '.join(contact)}<br>"
        f"<span>{html.escape(_hours(line.hours))}for {html.escape(line.audience)}</span>{caution}<br>"
        f"<small>Source: {html.escape(line.source)} ({html.escape(line.source_date)})</small></p>"
    )


def crisis_html(lines: CountryLines) -> str:
    """The country's lines as simple rich text: the emergency number first, then each line with its source."""
    emergency = " or ".join(_phone_link(n) for n in lines.emergency.numbers)
    parts = [
        f"<p style='font-size:15pt'><b>In an emergency, call {emergency}.</b></p>",
        f"<p><small>{html.escape(lines.emergency.label)}</small></p>",
        "<p>If you are struggling, you don't have to wait until things feel unbearable. "
        "These lines are free to call and the people there are trained to listen.</p>",
    ]
    parts += [_line_html(line) for line in lines.general_lines]
    if lines.healthcare_worker_lines:
        parts.append(
            "<h3>Support for health and care workers</h3><p><small>Support services, not emergency lines.</small></p>"
        )
        parts += [_line_html(line) for line in lines.healthcare_worker_lines]
    if lines.international:
        parts.append("<h3>Elsewhere in the world</h3>")
        for item in lines.international:
            if item.url:
                parts.append(
                    f"<p><a href='{html.escape(item.url)}'>{html.escape(item.name)}</a>"
                    f"<br><small>Source: {html.escape(item.source)} ({html.escape(item.source_date)})</small></p>"
                )
    return "".join(parts)


class CrisisDialog(QDialog):
    def __init__(self, country: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Need help now?")
        self.setAccessibleName("Crisis lines")
        self.resize(560, 620)
        directory = crisis_directory()
        layout = QVBoxLayout(self)
        layout.addWidget(heading("You don't have to go through this alone"))
        layout.addWidget(paragraph("Talking to someone now can help. Choose where you are:"))
        row = QHBoxLayout()
        row.addWidget(QLabel("Country"))
        self.country = QComboBox()
        self.country.setAccessibleName("Country")
        for code, name in directory.countries():
            self.country.addItem(name, code)
        row.addWidget(self.country, 1)
        layout.addLayout(row)
        self.text = QTextBrowser()
        self.text.setAccessibleName("Crisis lines list")
        self.text.setOpenLinks(False)
        self.text.anchorClicked.connect(self._open)
        layout.addWidget(self.text, 1)
        layout.addWidget(close_buttons(self))
        available = [code for code, _ in directory.countries()]
        chosen = (country or default_country(QLocale.system().name(), available)).upper()
        index = self.country.findData(chosen)
        self.country.setCurrentIndex(max(0, index))
        self.country.currentIndexChanged.connect(self._show_country)
        self._show_country()

    def selected_country(self) -> str:
        return str(self.country.currentData())

    def _show_country(self) -> None:
        lines = crisis_directory().for_country(self.selected_country())
        if lines is not None:
            self.text.setHtml(crisis_html(lines))

    def _open(self, url: QUrl) -> None:
        QDesktopServices.openUrl(url)

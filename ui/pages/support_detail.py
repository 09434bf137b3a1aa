"""The Support page's detail panel: one contact's name, ways to reach them and what is known about them.

A view only: the page connects the buttons (the one door out of the app stays in the page) and keeps the chosen
contact.
"""

from __future__ import annotations

from datetime import datetime

from ui.models.contacts import KIND_LABELS, availability_text, languages_text, source_text
from ui.pages.support_cards import button, enable, plain, small_card
from ui.qt import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.widgets import heading, inline_message, paragraph, primary_button, quiet_scroll_area
from wellbeing_app.directory import Contact

DETAIL_FIELDS = ("Phone", "Email", "Website", "Languages", "Experience", "Availability", "Notes")


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in buttons:
        row.addWidget(widget)
    row.addStretch(1)
    return row


class ContactDetail(QStackedWidget):
    """A placeholder until someone is chosen, then their card: the fields scroll, the buttons stay in view."""

    def __init__(self) -> None:
        super().__init__()
        placeholder, placeholder_layout = small_card()
        placeholder_layout.addWidget(
            paragraph("Choose someone from the list to see how to reach them.", subtle=True)
        )
        placeholder_layout.addStretch(1)
        self.addWidget(placeholder)

        frame, layout = small_card()
        layout.setSpacing(4)
        top = QHBoxLayout()
        names = QVBoxLayout()
        names.setSpacing(0)
        self.name = plain(heading("", level=2))
        self.name.setAccessibleName("Contact name")
        self.kind = plain(paragraph("", subtle=True))
        self.kind.setAccessibleName("Contact kind")
        names.addWidget(self.name)
        names.addWidget(self.kind)
        top.addLayout(names, 1)
        self.edit_button = button("Edit")
        self.delete_button = button("Delete…", "Delete")
        top.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.unlisted = plain(paragraph(""))
        self.unlisted.setAccessibleName("Contact listing")
        layout.addWidget(self.unlisted)
        self.call_button = primary_button("Call")
        self.email_button = button("Email")
        self.website_button = button("Open website")
        self.copy_button = button("Copy details")
        self.reached_button = button("I reached out")
        layout.addLayout(button_row(self.call_button, self.email_button, self.website_button))
        layout.addWidget(self._build_fields(), 1)
        layout.addLayout(button_row(self.copy_button, self.reached_button))
        self.message = plain(inline_message("Contact message"))
        layout.addWidget(self.message)
        self.addWidget(frame)

    def _build_fields(self) -> QScrollArea:
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 4, 0, 0)
        self.form = QFormLayout()
        self.form.setVerticalSpacing(4)
        self.form.setHorizontalSpacing(16)
        self.values: dict[str, QLabel] = {}
        for field in DETAIL_FIELDS:
            value = plain(paragraph(""))
            value.setAccessibleName(f"Contact {field.lower()}")
            label = QLabel(field)
            label.setProperty("role", "field-label")
            self.form.addRow(label, value)
            self.values[field] = value
        fields_layout.addLayout(self.form)
        self.source = plain(paragraph("", subtle=True))
        self.source.setAccessibleName("Contact source")
        fields_layout.addWidget(self.source)
        fields_layout.addStretch(1)
        # Long notes scroll inside the card; the name and the buttons stay in view.
        scroll = quiet_scroll_area(QScrollArea(), "Contact details")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(fields)
        scroll.viewport().setAutoFillBackground(False)
        fields.setAutoFillBackground(False)
        return scroll

    def show_contact(self, contact: Contact | None, now: datetime) -> None:
        self.message.hide()
        if contact is None:
            self.setCurrentIndex(0)
            return
        self.name.setText(contact.name)
        self.kind.setText(
            " · ".join(filter(None, (KIND_LABELS[contact.kind], contact.role, contact.organisation)))
        )
        self.unlisted.setVisible(not contact.listed)
        self.unlisted.setText(
            f"No longer listed in {contact.source_name}. Their details may be out of date, so check before "
            "relying on them."
        )
        values = {
            "Phone": contact.phone,
            "Email": contact.email,
            "Website": contact.url,
            "Languages": languages_text(contact),
            "Experience": ", ".join(contact.tags),
            "Availability": availability_text(contact, now) if contact.availability else "",
            "Notes": contact.notes,
        }
        for field, value in values.items():
            self.values[field].setText(value)
            self.form.setRowVisible(self.values[field], bool(value))
        self.source.setText(source_text(contact))
        enable(self.call_button, contact.tel_uri, "No phone number is listed.")
        enable(self.email_button, contact.mailto_uri, "No email address is listed.")
        enable(self.website_button, contact.url, "No website is listed.")
        self.edit_button.setVisible(contact.is_private)
        self.delete_button.setVisible(contact.is_private)
        self.setCurrentIndex(1)

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

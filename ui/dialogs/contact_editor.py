"""Adding or editing a private contact: someone the user trusts, kept only in their vault."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from zoneinfo import available_timezones

from ui.models.contacts import KIND_LABELS
from ui.qt import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStringListModel,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.tag_input import TagInput
from ui.widgets import heading, inline_message, paragraph, tab_in_visual_order
from wellbeing_app.directory import Contact
from wellbeing_app.directory.service import DirectoryService
from wellbeing_app.errors import InvalidInput

# The core's field names and the labels the user sees for them.
FIELD_LABELS: dict[str, str] = {
    "name": "Name",
    "kind": "Kind",
    "role": "Role",
    "organisation": "Organisation",
    "phone": "Phone",
    "email": "Email",
    "url": "Website",
    "languages": "Languages",
    "tags": "Experience tags",
    "availability": "Availability",
    "timezone": "Time zone",
    "notes": "Notes",
}
_INVALID_STYLE = "border: 1px solid rgb(196, 112, 104);"


@lru_cache(maxsize=1)
def time_zone_names() -> list[str]:
    return sorted(available_timezones())


def add_row(form: QFormLayout, text: str, field: QWidget, line: QWidget | None = None) -> QLabel:
    """A form row whose label lines up with the text in its (padded) box, not with the top of the row."""
    label = QLabel(text)
    target = line or field
    label.setBuddy(target)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    box_height = 34 if isinstance(target, QPlainTextEdit) else target.sizeHint().height()
    label.setContentsMargins(0, max(0, (box_height - label.sizeHint().height()) // 2), 0, 0)
    form.addRow(label, field)
    return label


def split_items(text: str) -> list[str]:
    """Languages as typed: separated by commas or semicolons."""
    return [item.strip() for item in text.replace(";", ",").split(",") if item.strip()]


def error_text(error: InvalidInput) -> str:
    """ "Email: 'sam@' does not look like an email address. …", naming the field as the form labels it."""
    message = str(error).removeprefix(f"Field '{error.field}': ")
    label = FIELD_LABELS.get(error.field or "")
    return f"{label}: {message}" if label else message


class ContactEditor(QDialog):
    """Saves through the directory service, so its checks (and their calm wording) are the only rules."""

    saved = Signal(object)

    def __init__(
        self,
        directory: DirectoryService,
        contact: Contact | None = None,
        tag_suggestions: Iterable[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.directory = directory
        self.contact = contact
        title = "Edit private contact" if contact else "Add private contact"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(560)

        self.fields: dict[str, QWidget] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, placeholder in (
            ("name", "Their name"),
            ("kind", ""),
            ("role", "e.g. ICU nurse, chaplain"),
            ("organisation", "Where they work (optional)"),
            ("phone", "e.g. +44 20 7946 0001"),
            ("email", "name@example.org"),
            ("url", "https://…"),
            ("languages", "e.g. English, French"),
            ("tags", "e.g. field deployment, night shifts"),
            ("availability", "e.g. Mon-Fri 09:00-17:00; Sat 10:00-12:00"),
            ("timezone", "e.g. Europe/London (blank: your own)"),
            ("notes", ""),
        ):
            widget = self._make_field(key, placeholder, tag_suggestions)
            if not isinstance(widget, TagInput):  # a TagInput names its own line edit
                widget.setAccessibleName(FIELD_LABELS[key])
            self.fields[key] = widget
            add_row(form, FIELD_LABELS[key], widget, widget.field if isinstance(widget, TagInput) else None)

        self.message = inline_message("Contact editor message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton("Save contact", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName("Save contact")
        self.save_button.setProperty("primary", True)
        self.save_button.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(heading(title, level=2))
        layout.addWidget(
            paragraph(
                "Someone you trust, kept only in your encrypted vault. Only the name is needed.", subtle=True
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        tab_in_visual_order(buttons)
        if contact is not None:
            self._fill(contact)
        self.fields["name"].setFocus()

    def _make_field(self, key: str, placeholder: str, tag_suggestions: Iterable[str]) -> QWidget:
        if key == "kind":
            kind = QComboBox()
            for value, label in KIND_LABELS.items():
                kind.addItem(label, value.value)
            return kind
        if key == "tags":
            tags = TagInput(tag_suggestions, name=FIELD_LABELS[key])
            tags.field.setPlaceholderText(placeholder)
            tags.field.textEdited.connect(lambda _text: self._clear_error())
            return tags
        if key == "notes":
            notes = QPlainTextEdit()
            notes.setPlaceholderText("Anything that helps you, e.g. how you met (only you can read this)")
            notes.setTabChangesFocus(True)
            notes.setFixedHeight(80)
            return notes
        line = QLineEdit()
        line.setPlaceholderText(placeholder)
        line.textEdited.connect(lambda _text: self._clear_error())
        if key == "timezone":
            completer = QCompleter(QStringListModel(time_zone_names(), line), line)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            line.setCompleter(completer)
        return line

    def _line(self, key: str) -> QLineEdit:
        widget = self.fields[key]
        if isinstance(widget, TagInput):
            return widget.field
        assert isinstance(widget, QLineEdit)
        return widget

    def _fill(self, contact: Contact) -> None:
        for key, value in (
            ("name", contact.name),
            ("role", contact.role),
            ("organisation", contact.organisation),
            ("phone", contact.phone),
            ("email", contact.email),
            ("url", contact.url),
            ("languages", ", ".join(contact.languages)),
            ("tags", ", ".join(contact.tags)),
            ("availability", str(contact.availability or "")),
            ("timezone", contact.timezone or ""),
        ):
            self._line(key).setText(value)
        kind = self.fields["kind"]
        assert isinstance(kind, QComboBox)
        kind.setCurrentIndex(max(0, kind.findData(contact.kind.value)))
        notes = self.fields["notes"]
        assert isinstance(notes, QPlainTextEdit)
        notes.setPlainText(contact.notes)

    def values(self) -> dict[str, str | list[str]]:
        kind, notes = self.fields["kind"], self.fields["notes"]
        assert isinstance(kind, QComboBox) and isinstance(notes, QPlainTextEdit)
        values: dict[str, str | list[str]] = {
            key: self._line(key).text() for key in FIELD_LABELS if key not in ("kind", "notes", "languages")
        }
        values["kind"] = str(kind.currentData())
        values["notes"] = notes.toPlainText()
        values["languages"] = split_items(self._line("languages").text())
        values["tags"] = split_items(self._line("tags").text())
        return values

    def save(self) -> None:
        try:
            if self.contact is None:
                saved = self.directory.add_private(self.values())
            else:
                saved = self.directory.update_private(self.contact.id, self.values())
        except InvalidInput as error:
            self._show_error(error)
            return
        self.saved.emit(saved)
        self.accept()

    def _show_error(self, error: InvalidInput) -> None:
        self._clear_error()
        self.message.setText(error_text(error))
        self.message.show()
        if error.field in self.fields:
            line = self._line(error.field) if error.field not in ("kind", "notes") else None
            widget = line or self.fields[error.field]
            widget.setStyleSheet(_INVALID_STYLE)
            widget.setAccessibleDescription(self.message.text())
            widget.setFocus()
            if isinstance(line, QLineEdit):
                line.selectAll()

    def _clear_error(self) -> None:
        for key in self.fields:
            widget = self._line(key) if key not in ("kind", "notes") else self.fields[key]
            if widget.styleSheet():
                widget.setStyleSheet("")
                widget.setAccessibleDescription("")

"""'Your experience': the tags, languages and country the Support page matches people against."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ui.dialogs.contact_editor import add_row
from ui.qt import QComboBox, QDialog, QDialogButtonBox, QFormLayout, Qt, QVBoxLayout, QWidget, Signal
from ui.tag_input import TagInput
from ui.widgets import heading, inline_message, paragraph, tab_in_visual_order
from wellbeing_app.directory import Profile, language_name
from wellbeing_app.directory.languages import LANGUAGE_NAMES
from wellbeing_app.directory.service import DirectoryService
from wellbeing_app.errors import InvalidInput

COMMON_EXPERIENCE = ("field deployment", "ICU", "night shifts", "patient death", "paediatrics")


class ProfileEditor(QDialog):
    saved = Signal(object)

    def __init__(
        self,
        directory: DirectoryService,
        countries: Sequence[tuple[str, str]],
        tag_suggestions: Iterable[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.directory = directory
        self.setWindowTitle("Your experience")
        self.setAccessibleName("Your experience")
        self.setMinimumWidth(720)
        profile = directory.profile()

        suggestions = sorted({*COMMON_EXPERIENCE, *tag_suggestions}, key=str.casefold)
        self.tags = TagInput(suggestions, name="Your experience tags", chips=(COMMON_EXPERIENCE,))
        self.tags.field.setPlaceholderText("e.g. ICU, field deployment, patient death")
        self.tags.set_tags(profile.experience_tags)
        self.languages = TagInput(sorted(set(LANGUAGE_NAMES.values())), name="Your languages")
        self.languages.field.setPlaceholderText("e.g. English, French")
        self.languages.set_tags(language_name(language) for language in profile.languages)
        self.country = QComboBox()
        self.country.setAccessibleName("Your country")
        self.country.addItem("Not set", "")
        for code, name in countries:
            self.country.addItem(name, code)
        self.country.setCurrentIndex(max(0, self.country.findData(profile.country or "")))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(form, "Your experience tags", self.tags, self.tags.field)
        add_row(form, "Your languages", self.languages, self.languages.field)
        add_row(form, "Your country", self.country)

        self.message = inline_message("Experience message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        save = buttons.addButton("Save", QDialogButtonBox.ButtonRole.AcceptRole)
        save.setAccessibleName("Save experience")
        save.setProperty("primary", True)
        save.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(heading("Your experience", level=2))
        layout.addWidget(
            paragraph(
                "What you have been through at work, so the app can suggest people who have been there too. "
                "It stays on this computer, in your vault. Your country chooses the crisis lines shown."
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        tab_in_visual_order(buttons)
        self.tags.setFocus()

    def save(self) -> None:
        try:
            profile = Profile.create(
                experience_tags=self.tags.tags(),
                languages=self.languages.tags(),
                country=str(self.country.currentData() or "") or None,
            )
        except InvalidInput as error:
            self.message.setText(str(error))
            self.message.show()
            return
        self.saved.emit(self.directory.set_profile(profile))
        self.accept()

"""Support: crisis lines, people suggested for the user, and the searchable directory with one-click contact.

Contacts come from the organisation's file or are added privately. Calling or emailing goes through the
system (tel:, mailto:, https:); an email opened from here carries the address only, never anything the user
wrote in the app.
"""

from __future__ import annotations

import html
from datetime import datetime

from ui.dialogs import directory_import
from ui.dialogs.contact_editor import ContactEditor
from ui.dialogs.crisis import CrisisDialog, crisis_directory
from ui.dialogs.directory_import import DirectoryImportDialog
from ui.dialogs.profile_editor import ProfileEditor
from ui.models.contacts import (
    KIND_FILTERS,
    KIND_LABELS,
    ContactCardDelegate,
    ContactListModel,
    ContactRole,
    availability_text,
    details_text,
    languages_text,
    source_text,
)
from ui.pages.base import PageContext, VaultPage
from ui.qt import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDesktopServices,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListView,
    QLocale,
    QMessageBox,
    QModelIndex,
    QPalette,
    QPushButton,
    QScrollArea,
    QShortcut,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    Qt,
    QUrl,
    QVBoxLayout,
    QWidget,
)
from ui.widgets import heading, inline_message, paragraph, primary_button
from wellbeing_app.contacts import Outreach
from wellbeing_app.crisis import default_country, dial_digits
from wellbeing_app.directory import (
    Contact,
    ContactKind,
    Suggestion,
    filter_contacts,
    language_key,
    language_name,
)

CRISIS_LEAD = "<b>Need to talk to someone now?</b>"
REACHED_OUT = "Noted. We'll gently check in with you in a few days."
DETAIL_FIELDS = ("Phone", "Email", "Website", "Languages", "Experience", "Availability", "Notes")


def open_url(url: str) -> bool:
    """Hand a tel:, mailto: or https: link to the system; the one door out of the app, so tests can watch it."""
    return QDesktopServices.openUrl(QUrl(url))


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


def small_card(status: str = "") -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("status" if status else "card", status or True)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(4, 0, 4, 0)  # the stylesheet pads cards and status frames
    layout.setSpacing(6)
    return frame, layout


class SupportPage(VaultPage):
    nav_title = "Support"
    icon_name = "support"

    def __init__(self, context: PageContext) -> None:
        super().__init__(context)
        self.services = context.services
        self.directory = context.services.directory
        self.all_contacts: list[Contact] = []
        self.current: Contact | None = None
        self.crisis_dialog: CrisisDialog | None = None
        self.dialog: ContactEditor | ProfileEditor | DirectoryImportDialog | None = None

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(24, 16, 24, 20)
        column.setSpacing(10)
        column.addLayout(self._build_title())
        column.addWidget(self._build_crisis_strip())
        column.addWidget(self._build_follow_up())
        column.addWidget(self._build_suggestions())
        column.addLayout(self._build_filters())
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([360, 540])
        splitter.setMinimumHeight(240)
        # Fill the height that is left rather than asking for more: the page scrolls only in small windows.
        splitter.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        column.addWidget(splitter, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._show_crisis_summary()
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.search.setFocus)

    # -- building ----------------------------------------------------------------------------------------------
    def _build_title(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(heading("Support"), 1)
        self.profile_button = button("Your experience…")
        self.import_button = button("Import directory…")
        self.add_button = button("Add private contact")
        for widget in (self.profile_button, self.import_button, self.add_button):
            row.addWidget(widget)
        self.profile_button.clicked.connect(self.edit_profile)
        self.import_button.clicked.connect(self.import_directory)
        self.add_button.clicked.connect(lambda: self.edit_contact(None))
        return row

    def _build_crisis_strip(self) -> QWidget:
        frame, layout = small_card("orange")
        frame.setAccessibleName("Crisis lines")
        row = QHBoxLayout()
        layout.addLayout(row)
        self.crisis_text = QLabel()
        self.crisis_text.setWordWrap(True)
        self.crisis_text.setAccessibleName("Crisis lines summary")
        self.crisis_text.linkActivated.connect(self._open)
        row.addWidget(self.crisis_text, 1)
        show = button("Show crisis lines")
        show.clicked.connect(self.show_crisis_lines)
        row.addWidget(show)
        return frame

    def _build_follow_up(self) -> QWidget:
        self.follow_up_card, layout = small_card("green")
        self.follow_up_outreach: Outreach | None = None
        self.follow_up_text = plain(paragraph(""))
        self.follow_up_text.setAccessibleName("Follow-up")
        self.helped_button = button("It helped")
        self.not_yet_button = button("Not yet")
        self.helped_button.clicked.connect(lambda: self._followed_up(helped=True))
        self.not_yet_button.clicked.connect(lambda: self._followed_up(helped=False))
        row = QHBoxLayout()
        row.addWidget(self.follow_up_text, 1)
        row.addWidget(self.helped_button)
        row.addWidget(self.not_yet_button)
        layout.addLayout(row)
        self.follow_up_card.hide()
        return self.follow_up_card

    def _build_suggestions(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(heading("Suggested for you", level=2))
        self.suggestion_row = QHBoxLayout()
        self.suggestion_row.setSpacing(12)
        layout.addLayout(self.suggestion_row)
        self.suggestion_prompt = paragraph("")
        self.suggestion_prompt.setAccessibleName("Suggestions note")
        prompt_card, prompt_layout = small_card()
        prompt_layout.addWidget(self.suggestion_prompt)
        self.prompt_card = prompt_card
        layout.addWidget(prompt_card)
        return box

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setAccessibleName("Search contacts")
        self.search.setPlaceholderText("Search contacts: name, role, organisation or experience")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip("Search contacts (Ctrl+F)")
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName("Kind")
        for label, kind in KIND_FILTERS:
            self.kind_filter.addItem(label, kind.value if kind else "")
        self.language_filter = QComboBox()
        self.language_filter.setAccessibleName("Language")
        self.language_filter.addItem("All languages", "")
        self.available_filter = QCheckBox("Available now")
        self.available_filter.setAccessibleName("Available now")
        row.addWidget(self.search, 1)
        row.addWidget(self.kind_filter)
        row.addWidget(self.language_filter)
        row.addWidget(self.available_filter)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "subtle")
        self.count_label.setAccessibleName("Contacts count")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance("0000 of 0000"))
        row.addWidget(self.count_label)
        self.search.textChanged.connect(self.apply_filters)
        self.kind_filter.currentIndexChanged.connect(self.apply_filters)
        self.language_filter.currentIndexChanged.connect(self.apply_filters)
        self.available_filter.toggled.connect(self.apply_filters)
        return row

    def _build_list(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 8, 0)
        self.model = ContactListModel()
        self.list_view = QListView()
        self.list_view.setAccessibleName("Contacts")
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(ContactCardDelegate(self.list_view))
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setMouseTracking(True)
        self.list_view.setFrameShape(QFrame.Shape.NoFrame)
        self.list_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list_view.setMinimumWidth(280)
        self.list_view.selectionModel().currentChanged.connect(self._current_changed)
        layout.addWidget(self.list_view, 1)
        self.list_note = paragraph("", subtle=True)
        self.list_note.setAccessibleName("Contacts note")
        layout.addWidget(self.list_note)
        layout.addStretch(0)
        return panel

    def _build_detail(self) -> QWidget:
        self.detail_stack = QStackedWidget()
        placeholder, placeholder_layout = small_card()
        placeholder_layout.addWidget(
            paragraph("Choose someone from the list to see how to reach them.", subtle=True)
        )
        placeholder_layout.addStretch(1)
        self.detail_stack.addWidget(placeholder)

        frame, layout = small_card()
        layout.setSpacing(4)
        top = QHBoxLayout()
        names = QVBoxLayout()
        names.setSpacing(0)
        self.detail_name = plain(heading("", level=2))
        self.detail_name.setAccessibleName("Contact name")
        self.detail_kind = plain(paragraph("", subtle=True))
        self.detail_kind.setAccessibleName("Contact kind")
        names.addWidget(self.detail_name)
        names.addWidget(self.detail_kind)
        top.addLayout(names, 1)
        self.edit_button = button("Edit")
        self.delete_button = button("Delete…", "Delete")
        top.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.detail_unlisted = plain(paragraph(""))
        self.detail_unlisted.setAccessibleName("Contact listing")
        layout.addWidget(self.detail_unlisted)
        self.call_button = primary_button("Call")
        self.email_button = button("Email")
        self.website_button = button("Open website")
        self.copy_button = button("Copy details")
        self.reached_button = button("I reached out")
        layout.addLayout(self._button_row(self.call_button, self.email_button, self.website_button))
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 4, 0, 0)
        self.detail_form = QFormLayout()
        self.detail_form.setVerticalSpacing(4)
        self.detail_form.setHorizontalSpacing(16)
        self.detail_values: dict[str, QLabel] = {}
        for field in DETAIL_FIELDS:
            value = plain(paragraph(""))
            value.setAccessibleName(f"Contact {field.lower()}")
            label = QLabel(field)
            label.setProperty("role", "field-label")
            self.detail_form.addRow(label, value)
            self.detail_values[field] = value
        fields_layout.addLayout(self.detail_form)
        self.detail_source = plain(paragraph("", subtle=True))
        self.detail_source.setAccessibleName("Contact source")
        fields_layout.addWidget(self.detail_source)
        fields_layout.addStretch(1)
        # Long notes scroll inside the card; the name and the buttons stay in view.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(fields)
        scroll.viewport().setAutoFillBackground(False)
        fields.setAutoFillBackground(False)
        layout.addWidget(scroll, 1)
        layout.addLayout(self._button_row(self.copy_button, self.reached_button))
        self.detail_message = plain(inline_message("Contact message"))
        layout.addWidget(self.detail_message)
        self.call_button.clicked.connect(lambda: self._open(self.current.tel_uri if self.current else None))
        self.email_button.clicked.connect(
            lambda: self._open(self.current.mailto_uri if self.current else None)
        )
        self.website_button.clicked.connect(lambda: self._open(self.current.url if self.current else None))
        self.copy_button.clicked.connect(self.copy_details)
        self.reached_button.clicked.connect(self.reached_out)
        self.edit_button.clicked.connect(lambda: self.edit_contact(self.current))
        self.delete_button.clicked.connect(self.delete_contact)
        self.detail_stack.addWidget(frame)
        return self.detail_stack

    @staticmethod
    def _button_row(*buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget in buttons:
            row.addWidget(widget)
        row.addStretch(1)
        return row

    # -- data ---------------------------------------------------------------------------------------------------
    def page_shown(self) -> None:
        """Loaded on first visit, not at unlock, and refreshed on each visit (check-in tags shape suggestions)."""
        self.refresh()

    def now(self) -> datetime:
        return self.context.clock.now()

    def refresh(self) -> None:
        self.all_contacts = self.directory.contacts()
        ranked = self.directory.suggestions(with_reasons_only=True)
        self.model.set_reasons({s.contact.record_id: s.why_text for s in ranked})
        self._fill_languages()
        self.apply_filters()
        self._show_suggestions(ranked[:3])
        self._show_follow_up()
        self._show_crisis_summary()
        if self.current is not None:
            self.show_contact(self.directory.get(self.current.record_id))

    def _fill_languages(self) -> None:
        chosen = self.language_filter.currentData()
        names: dict[str, str] = {}
        for contact in self.all_contacts:
            for language in contact.languages:
                names.setdefault(language_key(language), language_name(language))
        self.language_filter.blockSignals(True)
        self.language_filter.clear()
        self.language_filter.addItem("All languages", "")
        for key, name in sorted(names.items(), key=lambda item: item[1].casefold()):
            self.language_filter.addItem(name, key)
        self.language_filter.setCurrentIndex(max(0, self.language_filter.findData(chosen)))
        self.language_filter.blockSignals(False)

    def apply_filters(self) -> None:
        kind = self.kind_filter.currentData()
        found = filter_contacts(
            self.all_contacts,
            self.search.text(),
            kind=ContactKind(kind) if kind else None,
            language=self.language_filter.currentData() or None,
            available_now_at=self.now() if self.available_filter.isChecked() else None,
        )
        self.model.set_contacts(found)
        if self.current is not None:
            row = self.model.row_of(self.current.record_id)
            if row >= 0:
                self.list_view.setCurrentIndex(self.model.index(row))
        total = len(self.all_contacts)
        self.count_label.setText(
            f"{len(found)} of {total}"
            if len(found) != total
            else f"{total} contact{'' if total == 1 else 's'}"
        )
        self.count_label.setVisible(total > 0)
        self.list_view.setVisible(bool(found))
        self.list_note.setVisible(not found)
        self.list_note.setText(
            "No one matches. Try fewer words, or clear a filter."
            if total
            else "Imported and private contacts will appear here."
        )

    def _show_suggestions(self, suggestions: list[Suggestion]) -> None:
        while self.suggestion_row.count():
            item = self.suggestion_row.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.deleteLater()
        previous: QWidget = self.not_yet_button
        for suggestion in suggestions:
            card = self._suggestion_card(suggestion)
            self.suggestion_row.addWidget(card, 1)
            for action in card.findChildren(QPushButton):  # keep Tab moving top to bottom
                QWidget.setTabOrder(previous, action)
                previous = action
        for _ in range(len(suggestions), 3 if suggestions else 0):
            self.suggestion_row.addStretch(1)
        self.prompt_card.setVisible(not suggestions)
        if not self.all_contacts:
            self.suggestion_prompt.setText(
                "Your directory is empty for now. Use “Import directory…” to bring in your organisation's "
                "list of peer supporters and debrief contacts, or “Add private contact” for someone you trust. "
                "Then tell the app about “Your experience…”, and people who have been through similar work "
                "will be suggested here."
            )
        elif not self.directory.profile().experience_tags:
            self.suggestion_prompt.setText(
                "Set “Your experience…” and people who have been through similar work will be suggested here."
            )
        else:
            self.suggestion_prompt.setText(
                "No one in your directory shares your experience yet. You can still search everyone below."
            )

    def _suggestion_card(self, suggestion: Suggestion) -> QWidget:
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
            self._enable(
                action, uri, f"No {'phone number' if text == 'Call' else 'email address'} is listed."
            )
            action.clicked.connect(lambda _checked=False, u=uri: self._open(u))
            row.addWidget(action)
        row.addStretch(1)
        details = button("Details", f"Details for {contact.name}")
        details.clicked.connect(lambda _checked=False, c=contact: self.select(c))
        row.addWidget(details)
        layout.addLayout(row)
        return frame

    def _show_follow_up(self) -> None:
        due = self.directory.follow_ups_due()
        self.follow_up_outreach = due[0] if due else None
        if self.follow_up_outreach is None:
            self.follow_up_card.hide()
            return
        outreach = self.follow_up_outreach
        self.follow_up_text.setText(
            f"How did it go with {outreach.contact_name}? You reached out on {outreach.on:%A} "
            f"{outreach.on.day} {outreach.on:%B}. Whatever happened, reaching out was a good step."
        )
        self.helped_button.show()
        self.not_yet_button.show()
        self.follow_up_card.show()

    def _followed_up(self, *, helped: bool) -> None:
        if self.follow_up_outreach is None:
            return
        self.directory.mark_followed_up(self.follow_up_outreach)
        self.follow_up_outreach = None
        self.helped_button.hide()
        self.not_yet_button.hide()
        self.follow_up_text.setText(
            "I'm glad it helped. Thank you for letting us know."
            if helped
            else "That's all right. Reaching out can take more than one try; they are still here, "
            "and so are the others below."
        )

    def crisis_country(self) -> str:
        """The last country the user chose (in the crisis lines or their profile), else this computer's."""
        chosen = self.context.preferences.crisis_country or self.directory.profile().country
        available = [code for code, _ in crisis_directory().countries()]
        return chosen or default_country(QLocale.system().name(), available)

    def _show_crisis_summary(self) -> None:
        lines = crisis_directory().for_country(self.crisis_country())
        if lines is None:
            self.crisis_text.setText(f"{CRISIS_LEAD} Press “Show crisis lines” to find a line where you are.")
            return
        colour = self.crisis_text.palette().color(QPalette.ColorRole.WindowText).name()
        numbers = " or ".join(_tel_link(number, colour) for number in lines.emergency.numbers)
        text = f"{CRISIS_LEAD} In an emergency, call {numbers}."
        first = next(iter(lines.general_lines), None)
        if first is not None and first.phone:
            hours = f" ({html.escape(first.hours)})" if first.hours else ""
            text += f" {html.escape(first.name)}: {_tel_link(first.phone, colour)}{hours}."
            if first.caution:
                text += f" <i>{html.escape(sentence(first.caution))}.</i>"
        self.crisis_text.setText(text)

    # -- the chosen contact -------------------------------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        contact = current.data(ContactRole) if current.isValid() else None
        if isinstance(contact, Contact) and (
            self.current is None or contact.record_id != self.current.record_id
        ):
            self.show_contact(contact)

    def select(self, contact: Contact) -> None:
        """Show a contact, clearing the filters first when they hide it."""
        if self.model.row_of(contact.record_id) < 0:
            self.search.clear()
            self.kind_filter.setCurrentIndex(0)
            self.language_filter.setCurrentIndex(0)
            self.available_filter.setChecked(False)
        self.show_contact(contact)
        row = self.model.row_of(contact.record_id)
        if row >= 0:
            self.list_view.setCurrentIndex(self.model.index(row))
            self.list_view.scrollTo(self.model.index(row))

    def show_contact(self, contact: Contact | None) -> None:
        self.current = contact
        self.detail_message.hide()
        if contact is None:
            self.detail_stack.setCurrentIndex(0)
            return
        self.detail_name.setText(contact.name)
        self.detail_kind.setText(
            " · ".join(filter(None, (KIND_LABELS[contact.kind], contact.role, contact.organisation)))
        )
        self.detail_unlisted.setVisible(not contact.listed)
        self.detail_unlisted.setText(
            f"No longer listed in {contact.source_name}. Their details may be out of date, so check before "
            "relying on them."
        )
        values = {
            "Phone": contact.phone,
            "Email": contact.email,
            "Website": contact.url,
            "Languages": languages_text(contact),
            "Experience": ", ".join(contact.tags),
            "Availability": availability_text(contact, self.now()) if contact.availability else "",
            "Notes": contact.notes,
        }
        for field, value in values.items():
            self.detail_values[field].setText(value)
            self.detail_form.setRowVisible(self.detail_values[field], bool(value))
        self.detail_source.setText(source_text(contact))
        self._enable(self.call_button, contact.tel_uri, "No phone number is listed.")
        self._enable(self.email_button, contact.mailto_uri, "No email address is listed.")
        self._enable(self.website_button, contact.url, "No website is listed.")
        self.edit_button.setVisible(contact.is_private)
        self.delete_button.setVisible(contact.is_private)
        self.detail_stack.setCurrentIndex(1)

    @staticmethod
    def _enable(widget: QPushButton, target: str | None, missing: str) -> None:
        widget.setEnabled(bool(target))
        widget.setToolTip("" if target else missing)

    def _open(self, url: str | None) -> None:
        if url:
            open_url(url)

    def copy_details(self) -> None:
        if self.current is not None:
            QApplication.clipboard().setText(details_text(self.current))
            self._say("Copied their contact details.")

    def reached_out(self) -> None:
        if self.current is not None:
            self.directory.log_outreach(self.current)
            self._say(REACHED_OUT)

    def _say(self, text: str) -> None:
        self.detail_message.setText(text)
        self.detail_message.show()

    # -- dialogs ------------------------------------------------------------------------------------------------
    def show_crisis_lines(self) -> None:
        """Non-modal, so the lines stay on screen while the user dials."""
        if self.crisis_dialog is not None and self.crisis_dialog.isVisible():
            self.crisis_dialog.raise_()
            self.crisis_dialog.activateWindow()
            return
        dialog = CrisisDialog(self.crisis_country(), self)
        dialog.finished.connect(lambda _code: self._crisis_closed(dialog))
        self.crisis_dialog = dialog
        dialog.show()

    def _crisis_closed(self, dialog: CrisisDialog) -> None:
        self.context.preferences.crisis_country = dialog.selected_country()
        self._show_crisis_summary()

    def _known_tags(self) -> list[str]:
        return sorted({tag for contact in self.all_contacts for tag in contact.tags}, key=str.casefold)

    def edit_contact(self, contact: Contact | None) -> None:
        if contact is not None and not contact.is_private:
            return
        dialog = ContactEditor(self.directory, contact, self._known_tags(), self)
        dialog.saved.connect(self._contact_saved)
        self.dialog = dialog
        dialog.open()

    def _contact_saved(self, contact: Contact) -> None:
        self.refresh()
        self.select(contact)
        self._say(f"Saved {contact.name} to your private contacts.")

    def delete_contact(self) -> None:
        contact = self.current
        if contact is None or not contact.is_private:
            return
        answer = QMessageBox.question(
            self,
            "Delete contact",
            f"Remove {contact.name} from your private contacts? This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.directory.remove_private(contact.id)
        self.current = None
        self.list_view.clearSelection()
        self.refresh()
        self.show_contact(None)

    def import_directory(self) -> None:
        path = directory_import.choose_directory_file(self)
        if path is None:
            return
        dialog = DirectoryImportDialog(path, self.services, self)
        dialog.imported.connect(lambda _plan: self.refresh())
        self.dialog = dialog
        dialog.open()

    def edit_profile(self) -> None:
        dialog = ProfileEditor(self.directory, crisis_directory().countries(), self._known_tags(), self)
        dialog.saved.connect(self._profile_saved)
        self.dialog = dialog
        dialog.open()

    def _profile_saved(self, profile: object) -> None:
        country = getattr(profile, "country", None)
        if country:
            self.context.preferences.crisis_country = country
        self.refresh()


def _tel_link(number: str, colour: str) -> str:
    """A number to dial, underlined in the text colour (the palette's link blue is hard to read on the tint)."""
    digits = dial_digits(number)
    text = html.escape(number)
    return f"<a href='tel:{digits}' style='color:{colour}'><b>{text}</b></a>" if digits else text

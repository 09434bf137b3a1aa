"""Support: crisis lines, people suggested for the user, and the searchable directory with one-click contact.

Contacts come from the organisation's file or are added privately. Calling or emailing goes through the
system (tel:, mailto:, https:); an email opened from here carries the address only, never anything the user
wrote in the app.
"""

from __future__ import annotations

from datetime import datetime

from ui import shortcuts
from ui.clipboard import copy_sensitive
from ui.dialogs import directory_import
from ui.dialogs.contact_editor import ContactEditor
from ui.dialogs.crisis import CrisisDialog, crisis_directory
from ui.dialogs.directory_import import DirectoryImportDialog
from ui.dialogs.profile_editor import ProfileEditor
from ui.models.contacts import ContactRole, details_text
from ui.pages.base import PageContext, VaultPage
from ui.pages.support_cards import (
    CrisisStrip,
    FollowUpCard,
    SuggestionsPanel,
    button,
    suggestion_card,
    suggestion_prompt,
)
from ui.pages.support_detail import ContactDetail
from ui.pages.support_list import ContactFilters, ContactList
from ui.qt import (
    QDesktopServices,
    QHBoxLayout,
    QLocale,
    QModelIndex,
    QSizePolicy,
    QSplitter,
    QUrl,
    QVBoxLayout,
    QWidget,
)
from ui.widgets import confirm_delete, heading
from wellbeing_app import checkins
from wellbeing_app.crisis import default_country
from wellbeing_app.directory import Contact, Suggestion
from wellbeing_app.directory import records as directory_records
from wellbeing_app.directory.records import Outreach

REACHED_OUT = "Noted. We'll gently check in with you in a few days."


def open_url(url: str) -> bool:
    """Hand a tel:, mailto: or https: link to the system; the one door out of the app, so tests can watch it."""
    return QDesktopServices.openUrl(QUrl(url))


class SupportPage(VaultPage):
    nav_title = "Support"
    icon_name = "support"
    # Check-in tags shape the suggestions, so a new check-in matters here too.
    shows_kinds = frozenset(
        {
            directory_records.KIND,
            directory_records.PROFILE_KIND,
            directory_records.OUTREACH_KIND,
            checkins.KIND,
        }
    )

    def __init__(self, context: PageContext) -> None:
        super().__init__(context)
        self.stale = True  # loaded on the first visit, not at unlock
        self.services = context.services
        self.directory = context.services.directory
        self.all_contacts: list[Contact] = []
        self.current: Contact | None = None
        self.crisis_dialog: CrisisDialog | None = None
        self.dialog: ContactEditor | ProfileEditor | DirectoryImportDialog | None = None
        self.follow_up_outreach: Outreach | None = None

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
        self.scroll_content(content)
        self._show_crisis_summary()
        shortcuts.install("search", self, self.focus_search)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

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
        self.crisis_strip = CrisisStrip(self._open)
        self.crisis_text = self.crisis_strip.text
        self.crisis_strip.show_button.clicked.connect(self.show_crisis_lines)
        return self.crisis_strip

    def _build_follow_up(self) -> QWidget:
        self.follow_up_card = FollowUpCard()
        self.follow_up_text = self.follow_up_card.text
        self.helped_button = self.follow_up_card.helped_button
        self.not_yet_button = self.follow_up_card.not_yet_button
        self.helped_button.clicked.connect(lambda: self._followed_up(helped=True))
        self.not_yet_button.clicked.connect(lambda: self._followed_up(helped=False))
        return self.follow_up_card

    def _build_suggestions(self) -> QWidget:
        self.suggestions = SuggestionsPanel()
        self.suggestion_row = self.suggestions.row
        self.suggestion_prompt = self.suggestions.prompt
        self.prompt_card = self.suggestions.prompt_card
        return self.suggestions

    def _build_filters(self) -> QHBoxLayout:
        self.filters = filters = ContactFilters()
        self.search, self.kind_filter, self.language_filter = filters.search, filters.kind, filters.language
        self.available_filter, self.count_label = filters.available, filters.count_label
        filters.changed.connect(self.apply_filters)
        return filters

    def _build_list(self) -> QWidget:
        self.contact_list = panel = ContactList()
        self.model, self.list_view, self.list_note = panel.model, panel.view, panel.note
        self.list_view.selectionModel().currentChanged.connect(self._current_changed)
        return panel

    def _build_detail(self) -> QWidget:
        self.detail_stack = detail = ContactDetail()
        self.detail_name, self.detail_kind, self.detail_unlisted = detail.name, detail.kind, detail.unlisted
        self.detail_form, self.detail_values = detail.form, detail.values
        self.detail_source, self.detail_message = detail.source, detail.message
        self.edit_button, self.delete_button = detail.edit_button, detail.delete_button
        self.call_button, self.email_button = detail.call_button, detail.email_button
        self.website_button, self.copy_button = detail.website_button, detail.copy_button
        self.reached_button = detail.reached_button
        self.call_button.clicked.connect(lambda: self._open(self.current.tel_uri if self.current else None))
        self.email_button.clicked.connect(
            lambda: self._open(self.current.mailto_uri if self.current else None)
        )
        self.website_button.clicked.connect(lambda: self._open(self.current.url if self.current else None))
        self.copy_button.clicked.connect(self.copy_details)
        self.reached_button.clicked.connect(self.reached_out)
        self.edit_button.clicked.connect(lambda: self.edit_contact(self.current))
        self.delete_button.clicked.connect(self.delete_contact)
        return detail

    # -- data ---------------------------------------------------------------------------------------------------
    def now(self) -> datetime:
        return self.context.clock.now()

    def refresh(self) -> None:
        self.all_contacts = self.directory.contacts()
        ranked = self.directory.suggestions(with_reasons_only=True)
        self.model.set_reasons({s.contact.record_id: s.why_text for s in ranked})
        self.filters.fill_languages(self.all_contacts)
        self.apply_filters()
        self._show_suggestions(ranked[:3])
        self._show_follow_up()
        self._show_crisis_summary()
        if self.current is not None:
            self.show_contact(self.directory.get(self.current.record_id))

    def apply_filters(self) -> None:
        found = self.filters.matching(self.all_contacts, self.now)
        self.contact_list.show_found(found, len(self.all_contacts), self.current)
        self.filters.show_count(len(found), len(self.all_contacts))

    def _show_suggestions(self, suggestions: list[Suggestion]) -> None:
        cards = [suggestion_card(suggestion, self._open, self.select) for suggestion in suggestions]
        prompt = suggestion_prompt(
            has_contacts=bool(self.all_contacts),
            has_experience=bool(self.directory.profile().experience_tags),
        )
        self.suggestions.show_cards(cards, after=self.not_yet_button, prompt=prompt)

    def _show_follow_up(self) -> None:
        due = self.directory.follow_ups_due()
        self.follow_up_outreach = due[0] if due else None
        self.follow_up_card.ask(self.follow_up_outreach)

    def _followed_up(self, *, helped: bool) -> None:
        if self.follow_up_outreach is None:
            return
        self.directory.mark_followed_up(self.follow_up_outreach)
        self.follow_up_outreach = None
        self.follow_up_card.thank(helped=helped)

    def crisis_country(self) -> str:
        """The last country the user chose (in the crisis lines or their profile), else this computer's."""
        chosen = self.context.preferences.crisis_country or self.directory.profile().country
        available = [code for code, _ in crisis_directory().countries()]
        return chosen or default_country(QLocale.system().name(), available)

    def _show_crisis_summary(self) -> None:
        self.crisis_strip.show_lines(crisis_directory().for_country(self.crisis_country()))

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
            self.filters.clear()
        self.show_contact(contact)
        self.contact_list.select(contact)

    def show_contact(self, contact: Contact | None) -> None:
        self.current = contact
        self.detail_stack.show_contact(contact, self.now())

    def _open(self, url: str | None) -> None:
        if url:
            open_url(url)

    def copy_details(self) -> None:
        if self.current is not None:
            copy_sensitive(details_text(self.current))
            self._say("Copied their contact details.")

    def reached_out(self) -> None:
        if self.current is not None:
            self.directory.log_outreach(self.current)
            self._say(REACHED_OUT)

    def _say(self, text: str) -> None:
        self.detail_stack.say(text)

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
        if not confirm_delete(
            self,
            "Delete contact",
            f"Remove {contact.name} from your private contacts? This cannot be undone.",
        ):
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

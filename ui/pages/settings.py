"""Settings: everything a user may want to change, grouped, each group with one plain sentence of explanation.

Changes apply at once and persist: reminders and detection thresholds in ``settings.json`` (readable without
unlocking, ``wellbeing_app.app_settings``), appearance and auto-lock in the window preferences, the profile in
the vault. Data actions (back up, restore, export, import) are the File menu's actions, asked for by signal.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import time

from ui.dialogs.crisis import crisis_directory
from ui.dialogs.profile_editor import ProfileEditor
from ui.flow_layout import FlowLayout
from ui.operations import run_in_background
from ui.pages.base import PageContext, VaultPage
from ui.pages.settings_cards import AppearanceCard, ReminderCard, ThresholdsCard, group
from ui.qt import (
    QCheckBox,
    QDesktopServices,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QSystemTrayIcon,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets import busy_bar, heading, inline_message, paragraph, password_field, primary_button
from wellbeing_app import desktop_entry
from wellbeing_app.app_settings import AppSettings, ReminderSettings, load_settings, save_settings
from wellbeing_app.directory import records as directory_records
from wellbeing_app.errors import WellbeingError
from wellbeing_app.passphrase import validate_new_passphrase

DATA_ACTIONS = (
    ("backup", "Back up now…", "Back up now"),
    ("restore", "Restore…", "Restore from a backup"),
    ("export", "Export…", "Export your data"),
    ("import", "Import…", "Import data"),
)


class SettingsPage(VaultPage):
    nav_title = "Settings"
    icon_name = "settings"
    shows_kinds = frozenset({directory_records.PROFILE_KIND})
    data_action_requested = Signal(str)
    """"backup", "restore", "export" or "import": the window runs its File menu action."""
    appearance_changed = Signal()
    settings_changed = Signal()

    def __init__(self, context: PageContext) -> None:
        super().__init__(context)
        self.data_dir = context.vault.data_dir
        self.app_settings = load_settings(self.data_dir)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 20, 24, 24)
        layout.setSpacing(16)
        layout.addWidget(heading("Settings"))
        layout.addWidget(self._build_profile())
        self.reminder = ReminderCard(
            self.app_settings, QSystemTrayIcon.isSystemTrayAvailable(), desktop_entry.supported()
        )
        self.reminder.autostart.setChecked(desktop_entry.autostart_enabled())
        layout.addWidget(self.reminder.frame)
        layout.addWidget(self._build_locking())
        self.appearance = AppearanceCard(context.preferences.theme, context.preferences.text_percent)
        layout.addWidget(self.appearance.frame)
        self.thresholds = ThresholdsCard(self.app_settings)
        layout.addWidget(self.thresholds.frame)
        layout.addWidget(self._build_data())
        layout.addWidget(self._build_passphrase())
        layout.addStretch(1)

        self.scroll_content(content)
        self._connect()

    # -- building ----------------------------------------------------------------------------------------------
    def _build_profile(self) -> QWidget:
        frame, layout = group(
            "Your experience",
            "What you have been through, the languages you speak and your country: the Support page matches "
            "peers to them, and the crisis lines follow your country.",
        )
        self.profile_summary = paragraph("")
        self.profile_summary.setAccessibleName("Your experience summary")
        layout.addWidget(self.profile_summary)
        self.profile_button = QPushButton("Edit your experience…")
        self.profile_button.setAccessibleName("Edit your experience")
        row = QHBoxLayout()
        row.addWidget(self.profile_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._show_profile()
        return frame

    def _build_locking(self) -> QWidget:
        frame, layout = group(
            "Locking",
            "The app locks itself when you step away, so nobody reads over your shoulder; Ctrl+L locks at once.",
        )
        form = QFormLayout()
        self.autolock = QSpinBox()
        self.autolock.setRange(1, 240)
        self.autolock.setSuffix(" minutes")
        self.autolock.setAccessibleName("Auto-lock minutes")
        self.autolock.setValue(self.context.preferences.autolock_minutes)
        self.autolock.setMaximumWidth(160)
        form.addRow("Lock after being idle for", self.autolock)
        layout.addLayout(form)
        status = self.context.session.keychain.status()
        self.remember = QCheckBox("Remember on this computer")
        self.remember.setAccessibleName("Remember on this computer")
        self.remember.setEnabled(status.available)
        self.remember.setChecked(status.available and self.context.session.remembered_key() is not None)
        layout.addWidget(self.remember)
        layout.addWidget(paragraph(status.explanation, subtle=True))
        return frame

    def _build_data(self) -> QWidget:
        frame, layout = group(
            "Your data",
            # A zero-width space after each separator lets a long folder path wrap instead of widening the page.
            f"Your vault is kept, encrypted, in {str(self.data_dir).replace(os.sep, os.sep + chr(0x200B))}. "
            "Nothing is sent anywhere. Backups stay "
            "encrypted; exports are not, so the app asks before writing one.",
        )
        buttons = QWidget()
        row = FlowLayout(buttons)  # wraps onto a second line when the text is large
        for action, text, name in DATA_ACTIONS:
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.clicked.connect(lambda _checked=False, a=action: self.data_action_requested.emit(a))
            row.addWidget(button)
        self.open_folder = QPushButton("Open the data folder")
        self.open_folder.setAccessibleName("Open the data folder")
        row.addWidget(self.open_folder)
        layout.addWidget(buttons)
        layout.addWidget(
            paragraph(
                "Wellbeing Check-in is a self-care tool, not a medical device, and it does not diagnose.",
                subtle=True,
            )
        )
        return frame

    def _build_passphrase(self) -> QWidget:
        frame, layout = group(
            "Change passphrase",
            "Your entries stay as they are; only the lock changes. Your recovery key still works.",
        )
        self.current_passphrase = password_field("Current passphrase")
        self.new_passphrase = password_field("New passphrase")
        self.new_confirmation = password_field("Confirm new passphrase")
        self.pass_message = inline_message("Passphrase message")
        self.pass_busy = busy_bar("Changing passphrase")
        self.change_button = primary_button("Change passphrase")
        for widget in (
            self.current_passphrase,
            self.new_passphrase,
            self.new_confirmation,
            self.pass_message,
            self.pass_busy,
            self.change_button,
        ):
            layout.addWidget(widget)
        return frame

    def _connect(self) -> None:
        self.autolock.valueChanged.connect(self._autolock_changed)
        self.remember.toggled.connect(self._remember_changed)
        self.change_button.clicked.connect(self._change_passphrase)
        self.profile_button.clicked.connect(self.edit_profile)
        self.open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))
        )
        card = self.reminder
        for box in (card.enabled, card.keep_in_tray, *card.days):
            box.toggled.connect(lambda _on: self._reminder_changed())
        card.at.timeChanged.connect(lambda _t: self._reminder_changed())
        card.autostart.toggled.connect(self._autostart_changed)
        self.appearance.theme.currentIndexChanged.connect(lambda _i: self._appearance_changed())
        self.appearance.text_size.currentIndexChanged.connect(lambda _i: self._appearance_changed())
        for name, field in self.thresholds.fields.items():
            field.valueChanged.connect(lambda value, n=name: self._threshold_changed(n, value))
        self.thresholds.restore.clicked.connect(self._restore_thresholds)

    # -- profile ------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._show_profile()

    def _show_profile(self) -> None:
        profile = self.context.services.directory.profile()
        parts = []
        if profile.experience_tags:
            parts.append("Experience: " + ", ".join(profile.experience_tags))
        if profile.languages:
            parts.append("Languages: " + ", ".join(profile.languages))
        parts.append(
            f"Country for crisis lines: {profile.country or 'not set (the computer’s region is used)'}"
        )
        self.profile_summary.setText(". ".join(parts) + ".")

    def edit_profile(self) -> None:
        dialog = ProfileEditor(self.context.services.directory, crisis_directory().countries(), (), self)
        dialog.open()

    # -- reminders, appearance, thresholds ----------------------------------------------------------------------
    def _save(self, settings: AppSettings) -> None:
        self.app_settings = settings
        save_settings(self.data_dir, settings)
        self.settings_changed.emit()

    def _reminder_changed(self) -> None:
        card = self.reminder
        chosen = card.at.time()
        reminder = ReminderSettings(
            card.enabled.isChecked(), time(chosen.hour(), chosen.minute()), card.chosen_days()
        )
        current = load_settings(self.data_dir)  # keep what the reminder itself wrote (the day it was shown)
        self._save(replace(current, reminder=reminder, keep_in_tray=card.keep_in_tray.isChecked()))

    def _autostart_changed(self, enabled: bool) -> None:
        try:
            desktop_entry.set_autostart(enabled)
        except OSError as error:
            self.reminder.autostart.blockSignals(True)
            self.reminder.autostart.setChecked(not enabled)
            self.reminder.autostart.blockSignals(False)
            self.reminder.autostart.setToolTip(f"The start-up entry could not be written ({error.strerror}).")

    def _appearance_changed(self) -> None:
        preferences = self.context.preferences
        preferences.theme = str(self.appearance.theme.currentData())
        preferences.text_percent = int(self.appearance.text_size.currentData())
        self.appearance_changed.emit()

    def _threshold_changed(self, name: str, value: float) -> None:
        try:
            settings = load_settings(self.data_dir).with_threshold(name, value)
        except WellbeingError as error:
            self.thresholds.fields[name].setToolTip(str(error))
            self.thresholds.show_values(self.app_settings)
            return
        self._save(settings)

    def _restore_thresholds(self) -> None:
        self._save(replace(load_settings(self.data_dir), detection={}))
        self.thresholds.show_values(self.app_settings)

    def _autolock_changed(self, minutes: int) -> None:
        self.context.preferences.autolock_minutes = minutes
        window = self.window()
        if hasattr(window, "apply_autolock"):
            window.apply_autolock()

    def _remember_changed(self, remember: bool) -> None:
        if not self.context.session.set_remembered(remember) and remember:
            self.remember.blockSignals(True)
            self.remember.setChecked(False)
            self.remember.blockSignals(False)
            self.remember.setToolTip("The keychain did not accept the key, so the passphrase is still asked.")

    def _change_passphrase(self) -> None:
        """The current passphrase is asked first, as password managers do: an unlocked, unattended window
        must not let someone else take the vault over."""
        current = self.current_passphrase.text()
        new, confirmation = self.new_passphrase.text(), self.new_confirmation.text()
        if not current:
            self._say("Type your current passphrase first.")
            return
        try:
            validate_new_passphrase(new, confirmation)
        except WellbeingError as error:
            self._say(str(error))
            return
        self.pass_busy.show()
        self.change_button.setEnabled(False)
        vault = self.context.vault

        def work() -> None:
            vault.confirm_passphrase(current)
            vault.change_passphrase(new)

        run_in_background(work, self._changed, self._failed, owner=self)

    def _changed(self, _result: object) -> None:
        self.current_passphrase.clear()
        self.new_passphrase.clear()
        self.new_confirmation.clear()
        self._say("Your passphrase has been changed.")

    def _failed(self, error: BaseException) -> None:
        self.current_passphrase.clear()
        self._say(str(error) if isinstance(error, WellbeingError) else "The passphrase could not be changed.")

    def _say(self, text: str) -> None:
        self.pass_busy.hide()
        self.change_button.setEnabled(True)
        self.pass_message.setText(text)
        self.pass_message.show()

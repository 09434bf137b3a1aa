"""Settings: auto-lock, remembering the key on this computer, changing the passphrase."""

from __future__ import annotations

from ui.operations import run_in_background
from ui.pages.base import PageContext, VaultPage
from ui.qt import QCheckBox, QFormLayout, QScrollArea, QSpinBox, QVBoxLayout, QWidget
from ui.widgets import busy_bar, card, heading, inline_message, paragraph, password_field, primary_button
from wellbeing_app.errors import WellbeingError
from wellbeing_app.vault import validate_new_passphrase


class SettingsPage(VaultPage):
    nav_title = "Settings"
    icon_name = "settings"

    def __init__(self, context: PageContext) -> None:
        super().__init__(context)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setSpacing(16)
        layout.addWidget(heading("Settings"))

        lock_card, lock_layout = card()
        lock_layout.addWidget(heading("Locking", level=2))
        form = QFormLayout()
        self.autolock = QSpinBox()
        self.autolock.setRange(1, 240)
        self.autolock.setSuffix(" minutes")
        self.autolock.setAccessibleName("Auto-lock minutes")
        self.autolock.setValue(context.preferences.autolock_minutes)
        self.autolock.setMaximumWidth(160)
        form.addRow("Lock after being idle for", self.autolock)
        lock_layout.addLayout(form)
        status = context.session.keychain.status()
        self.remember = QCheckBox("Remember on this computer")
        self.remember.setAccessibleName("Remember on this computer")
        self.remember.setEnabled(status.available)
        self.remember.setChecked(status.available and context.session.remembered_key() is not None)
        lock_layout.addWidget(self.remember)
        lock_layout.addWidget(paragraph(status.explanation, subtle=True))
        layout.addWidget(lock_card)

        pass_card, pass_layout = card()
        pass_layout.addWidget(heading("Change passphrase", level=2))
        pass_layout.addWidget(
            paragraph("Your entries stay as they are; only the lock changes. Your recovery key still works.")
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
            pass_layout.addWidget(widget)
        layout.addWidget(pass_card)

        about_card, about_layout = card()
        about_layout.addWidget(heading("Your data", level=2))
        about_layout.addWidget(
            paragraph(
                f"Your vault is kept in {context.vault.data_dir}. It is encrypted; nothing is sent anywhere. "
                "Wellbeing Check-in is a self-care tool, not a medical device, and it does not diagnose."
            )
        )
        layout.addWidget(about_card)
        layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.autolock.valueChanged.connect(self._autolock_changed)
        self.remember.toggled.connect(self._remember_changed)
        self.change_button.clicked.connect(self._change_passphrase)

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

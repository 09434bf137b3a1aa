"""Unlock with the passphrase (or the key remembered on this computer), or recover with the recovery key."""

from __future__ import annotations

from ui.qt import QCheckBox, QLineEdit, QPushButton, QShowEvent, QVBoxLayout, QWidget, Signal
from ui.widgets import (
    busy_bar,
    card,
    centered,
    heading,
    inline_message,
    paragraph,
    password_field,
    primary_button,
)
from wellbeing_app.errors import InvalidInput
from wellbeing_app.keychain import KeychainStatus
from wellbeing_app.passphrase import validate_new_passphrase

CHECKING_KEYCHAIN = "Checking whether this computer has a secure keychain…"


class UnlockPage(QWidget):
    unlock_requested = Signal(str, bool)
    keychain_unlock_requested = Signal()
    recovery_requested = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        # The keychain is asked just after the first paint (ui/window_keychain.py); set_keychain tells the answer.
        self._keychain_available = False
        self._keychain_known = False
        self._unlock_waiting_for_keychain = False
        self._key_remembered = False
        frame, layout = card()
        layout.addWidget(heading("Welcome back"))
        self.intro = paragraph("Your check-ins and journal are locked. Type your passphrase to open them.")
        layout.addWidget(self.intro)
        self.passphrase = password_field("Passphrase")
        layout.addWidget(self.passphrase)
        self.remember = QCheckBox("Remember on this computer")
        self.remember.setAccessibleName("Remember on this computer")
        self.remember.setEnabled(False)
        layout.addWidget(self.remember)
        self.remember_note = paragraph(CHECKING_KEYCHAIN, subtle=True)
        layout.addWidget(self.remember_note)
        self.message = inline_message("Unlock message")
        layout.addWidget(self.message)
        self.busy = busy_bar("Unlocking")
        layout.addWidget(self.busy)
        self.unlock_button = primary_button("Unlock")
        layout.addWidget(self.unlock_button)
        self.forgot_button = QPushButton("I forgot my passphrase")
        self.forgot_button.setAccessibleName("I forgot my passphrase")
        self.forgot_button.setFlat(True)
        layout.addWidget(self.forgot_button)

        self.recovery_box = QWidget()
        recovery_layout = QVBoxLayout(self.recovery_box)
        recovery_layout.setContentsMargins(0, 0, 0, 0)
        recovery_layout.addWidget(
            paragraph(
                "Type the recovery key you saved when you created the vault, and choose a new passphrase."
            )
        )
        self.recovery_key = QLineEdit()
        self.recovery_key.setAccessibleName("Recovery key")
        self.recovery_key.setPlaceholderText("XXXX-XXXX-XXXX-…")
        self.new_passphrase = password_field("New passphrase")
        self.new_confirmation = password_field("Confirm new passphrase")
        self.recover_button = primary_button("Open with recovery key")
        for widget in (self.recovery_key, self.new_passphrase, self.new_confirmation, self.recover_button):
            recovery_layout.addWidget(widget)
        self.recovery_box.hide()
        layout.addWidget(self.recovery_box)

        outer = QVBoxLayout(self)
        outer.addWidget(centered(frame, 560))
        self.unlock_button.clicked.connect(self._unlock)
        self.passphrase.returnPressed.connect(self._unlock)
        self.forgot_button.clicked.connect(self._toggle_recovery)
        self.recover_button.clicked.connect(self._recover)
        self.new_confirmation.returnPressed.connect(self._recover)
        self.setFocusProxy(self.passphrase)

    def showEvent(self, event: QShowEvent) -> None:
        # Room for a two-line keychain note before the answer comes, so the card does not jump when it does.
        self.remember_note.setMinimumHeight(2 * self.remember_note.fontMetrics().lineSpacing())
        super().showEvent(event)

    def set_keychain(self, status: KeychainStatus) -> None:
        self._keychain_known = True
        self._keychain_available = status.available
        self.remember.setEnabled(status.available and not self.busy.isVisible())
        self.remember_note.setText(status.explanation)

    def set_key_remembered(self, remembered: bool) -> None:
        self._key_remembered = remembered
        self.remember.setChecked(remembered)
        if remembered:
            self.intro.setText("This computer remembers your key: press Unlock, no passphrase needed.")
        else:
            self.intro.setText("Your check-ins and journal are locked. Type your passphrase to open them.")
        if (
            self._unlock_waiting_for_keychain
        ):  # Unlock was pressed with an empty field before the keychain answered
            self._unlock_waiting_for_keychain = False
            if remembered:
                self.keychain_unlock_requested.emit()
            else:
                self.show_error("Type your passphrase first.")

    def _unlock(self) -> None:
        if self.busy.isVisible():
            return
        self.message.hide()
        if not self.passphrase.text():
            if not self._keychain_known:
                self.set_busy(True)
                self._unlock_waiting_for_keychain = True
                return
            if self._key_remembered:
                self.set_busy(True)
                self.keychain_unlock_requested.emit()
                return
            self.show_error("Type your passphrase first.")
            return
        self.set_busy(True)
        self.unlock_requested.emit(self.passphrase.text(), self.remember.isChecked())

    def _toggle_recovery(self) -> None:
        self.recovery_box.setVisible(not self.recovery_box.isVisible())
        if self.recovery_box.isVisible():
            self.recovery_key.setFocus()

    def _recover(self) -> None:
        try:
            validate_new_passphrase(self.new_passphrase.text(), self.new_confirmation.text())
        except InvalidInput as error:
            self.show_error(str(error))
            return
        self.set_busy(True)
        self.recovery_requested.emit(self.recovery_key.text(), self.new_passphrase.text())

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.passphrase, self.unlock_button, self.recover_button, self.forgot_button):
            widget.setEnabled(not busy)
        self.remember.setEnabled(self._keychain_available and not busy)

    def show_error(self, message: str) -> None:
        """A calm inline message; the field keeps focus with its text selected for retyping."""
        self.set_busy(False)
        self.message.setText(message)
        self.message.show()
        target = (
            self.recovery_key
            if self.recovery_box.isVisible() and self.recovery_key.text()
            else self.passphrase
        )
        target.setFocus()
        target.selectAll()

    def reset(self) -> None:
        self._unlock_waiting_for_keychain = False
        self.set_busy(False)
        self.passphrase.clear()
        self.recovery_key.clear()
        self.new_passphrase.clear()
        self.new_confirmation.clear()
        self.recovery_box.hide()
        self.message.hide()

"""First run: explain the app calmly and create the vault with a passphrase."""

from __future__ import annotations

from ui.pages.unlock import CHECKING_KEYCHAIN
from ui.qt import QCheckBox, QShowEvent, QVBoxLayout, QWidget, Signal
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
from wellbeing_app.keychain import KeychainStatus
from wellbeing_app.passphrase import MIN_PASSPHRASE_LENGTH

INTRO = (
    "A quiet place to check in with yourself after a shift, keep a private journal, and find a peer who has "
    "been where you are. Everything you write stays on this computer, encrypted with your passphrase. "
    "Nothing is sent anywhere unless you export it yourself."
)


def strength_hint(passphrase: str, confirmation: str) -> tuple[str, bool]:
    """The hint under the fields and whether the passphrase is ready to use."""
    missing = MIN_PASSPHRASE_LENGTH - len(passphrase)
    if not passphrase:
        return (
            f"Choose at least {MIN_PASSPHRASE_LENGTH} characters. A short sentence is easy to remember.",
            False,
        )
    if missing > 0:
        return f"{missing} more character{'s' if missing != 1 else ''} to go.", False
    if confirmation and confirmation != passphrase:
        return "The two passphrases don't match yet.", False
    if not confirmation:
        return "Good length. Now type it once more to confirm.", False
    if len(passphrase) >= 20:
        return "A strong passphrase. Ready when you are.", True
    return "That works. Longer is even safer.", True


class WelcomePage(QWidget):
    create_requested = Signal(str, bool)

    def __init__(self) -> None:
        super().__init__()
        self._keychain_available = False  # until set_keychain: asked just after the first paint
        frame, layout = card()
        layout.addWidget(heading("Welcome to Wellbeing Check-in"))
        layout.addWidget(paragraph(INTRO))
        layout.addWidget(
            paragraph(
                "This is a self-care tool, not a medical device, and it never gives a diagnosis.", subtle=True
            )
        )
        layout.addSpacing(8)
        layout.addWidget(heading("Choose a passphrase", level=2))
        self.passphrase = password_field("Passphrase")
        self.confirmation = password_field("Confirm passphrase")
        self.hint = paragraph("", subtle=True)
        self.hint.setAccessibleName("Passphrase hint")
        self.remember = QCheckBox("Remember on this computer")
        self.remember.setAccessibleName("Remember on this computer")
        self.remember.setEnabled(False)
        self.remember_note = paragraph(CHECKING_KEYCHAIN, subtle=True)
        self.error = inline_message("Message")
        self.busy = busy_bar("Creating your vault")
        self.create_button = primary_button("Create vault")
        self.create_button.setEnabled(False)
        for widget in (
            self.passphrase,
            self.confirmation,
            self.hint,
            self.remember,
            self.remember_note,
            self.error,
            self.busy,
            self.create_button,
        ):
            layout.addWidget(widget)
        layout.addWidget(
            paragraph(
                "There is no way to reset the passphrase from outside. Next you'll get a recovery key: "
                "keep it safe, it is the only way back in if the passphrase is forgotten.",
                subtle=True,
            )
        )
        outer = QVBoxLayout(self)
        outer.addWidget(centered(frame, 600))
        self.passphrase.textChanged.connect(self._update_hint)
        self.confirmation.textChanged.connect(self._update_hint)
        self.create_button.clicked.connect(self._create)
        self.confirmation.returnPressed.connect(self._create)
        self._update_hint()
        self.setFocusProxy(self.passphrase)

    def showEvent(self, event: QShowEvent) -> None:
        # Room for a two-line keychain note before the answer comes, so the card does not jump when it does.
        self.remember_note.setMinimumHeight(2 * self.remember_note.fontMetrics().lineSpacing())
        super().showEvent(event)

    def set_keychain(self, status: KeychainStatus) -> None:
        self._keychain_available = status.available
        self.remember.setEnabled(status.available and not self.busy.isVisible())
        self.remember_note.setText(status.explanation)

    def _update_hint(self) -> None:
        text, ready = strength_hint(self.passphrase.text(), self.confirmation.text())
        self.hint.setText(text)
        self.create_button.setEnabled(ready)

    def _create(self) -> None:
        if not self.create_button.isEnabled():
            return
        self.error.hide()
        self.set_busy(True)
        self.create_requested.emit(self.passphrase.text(), self.remember.isChecked())

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.passphrase, self.confirmation, self.create_button, self.remember):
            widget.setEnabled(not busy)
        if not busy:
            self.remember.setEnabled(self._keychain_available)
            self._update_hint()

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.error.setText(message)
        self.error.show()

    def clear(self) -> None:
        self.passphrase.clear()
        self.confirmation.clear()

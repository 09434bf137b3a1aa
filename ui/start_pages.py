"""The pages before unlock (first run, recovery key, unlock) and their flow, for the main window.

Each page is built the first time it is shown: the first frame needs only one of them (issue 15). The OS
keychain is asked just after the first paint, off the GUI thread: importing keyring and asking the system for
its backend takes about 0.1 s here, more where a desktop keyring answers over D-Bus. Until the answer comes,
"Remember on this computer" is greyed with a short note, and Unlock pressed with an empty field waits for it
(a remembered key may open the vault without a passphrase).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.operations import Progress, QueryOp
from ui.pages.recovery import RecoveryKeyPage
from ui.pages.unlock import UnlockPage
from ui.pages.welcome import WelcomePage
from ui.preload import run_after_first_paint
from ui.qt import QObject
from ui.window_messages import friendly_error, newest_backup_hint
from wellbeing_app.errors import AuthenticationFailed, IntegrityError, WellbeingError
from wellbeing_app.keychain import NO_KEYCHAIN, KeychainStatus

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class StartPages(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.session = window.session
        self.stack = window.stack
        self.keychain_status: KeychainStatus | None = None
        self._welcome: WelcomePage | None = None
        self._recovery: RecoveryKeyPage | None = None
        self._unlock: UnlockPage | None = None

    # -- the pages, each built when first needed -----------------------------------------------------------------
    @property
    def welcome_page(self) -> WelcomePage:
        if self._welcome is None:
            page = self._welcome = WelcomePage()
            if self.keychain_status is not None:
                page.set_keychain(self.keychain_status)
            page.create_requested.connect(self._create_vault)
            self.stack.addWidget(page)
        return self._welcome

    @property
    def recovery_page(self) -> RecoveryKeyPage:
        if self._recovery is None:
            page = self._recovery = RecoveryKeyPage()
            page.continued.connect(self.session.finish_first_run)
            self.stack.addWidget(page)
        return self._recovery

    @property
    def unlock_page(self) -> UnlockPage:
        if self._unlock is None:
            page = self._unlock = UnlockPage()
            if self.keychain_status is not None:
                page.set_keychain(self.keychain_status)
            page.unlock_requested.connect(self._unlock_with_passphrase)
            page.keychain_unlock_requested.connect(self._unlock_with_keychain)
            page.recovery_requested.connect(self._recover)
            self.stack.addWidget(page)
        return self._unlock

    def forget_recovery_key(self) -> None:
        """At lock: the recovery key shown at first run does not stay in a widget."""
        if self._recovery is not None:
            self._recovery.key_field.clear()

    # -- the keychain ------------------------------------------------------------------------------------------
    def ask_keychain_after_first_paint(self) -> None:
        run_after_first_paint(self._window, self._ask_keychain)

    def _ask_keychain(self) -> None:
        session = self.session

        def work(_progress: Progress) -> tuple[KeychainStatus, bool]:
            status = session.keychain.status()
            remembered = status.available and session.has_vault() and session.remembered_key() is not None
            return status, remembered

        def unknown(_error: BaseException) -> None:  # Keychain.status never raises; should it, no keychain
            self.keychain_known(KeychainStatus(False, NO_KEYCHAIN), False)

        QueryOp(parent=self._window, op=work, success=lambda found: self.keychain_known(*found)).failure(
            unknown
        ).run_in_background()

    def keychain_known(self, status: KeychainStatus, remembered: bool) -> None:
        """Tell the pages already built; the ones built later are told when they are made."""
        self.keychain_status = status
        if self._welcome is not None:
            self._welcome.set_keychain(status)
        if self._unlock is not None:
            self._unlock.set_keychain(status)
            self._unlock.set_key_remembered(remembered)

    # -- flow ---------------------------------------------------------------------------------------------------
    def show(self) -> None:
        """The welcome page on first run, else the unlock page."""
        if not self.session.has_vault():
            self.stack.setCurrentWidget(self.welcome_page)
            self.welcome_page.setFocus()
            return
        self.unlock_page.reset()
        if self.keychain_status is not None:  # else keychain_known tells the page once it knows
            self.unlock_page.set_key_remembered(self.session.remembered_key() is not None)
        self.stack.setCurrentWidget(self.unlock_page)
        self.unlock_page.setFocus()

    def _create_vault(self, passphrase: str, remember: bool) -> None:
        self.session.create(passphrase, remember, self.vault_created, self.creation_failed)

    def vault_created(self, recovery_key: str) -> None:
        self.welcome_page.set_busy(False)
        self.welcome_page.clear()
        self.recovery_page.show_key(recovery_key)
        self.stack.setCurrentWidget(self.recovery_page)
        # The vault is open while the key is on screen: it locks like any page.
        self._window.lock_action.setEnabled(True)
        self._window.apply_autolock()
        self.recovery_page.saved_check.setFocus()

    def creation_failed(self, error: BaseException) -> None:
        self.welcome_page.show_error(
            friendly_error(error) if not isinstance(error, AuthenticationFailed) else str(error)
        )

    def _unlock_with_passphrase(self, passphrase: str, remember: bool) -> None:
        # Before the keychain has answered, the greyed box says nothing of the user's wish: a remembered key
        # stays remembered, and none is stored.
        known = self.keychain_status is not None
        self.session.unlock(passphrase, remember if known else None, self._unlock_failed)

    def _unlock_with_keychain(self) -> None:
        if not self.session.unlock_with_keychain(self._keychain_unlock_failed):
            self.unlock_page.set_key_remembered(False)
            self.unlock_page.show_error("This computer no longer remembers your key. Type your passphrase.")

    def _recover(self, recovery_key: str, new_passphrase: str) -> None:
        self.session.unlock_with_recovery_key(recovery_key, new_passphrase, self._recovery_failed)

    def _keychain_unlock_failed(self, error: BaseException) -> None:
        self.unlock_page.set_key_remembered(False)
        self.unlock_page.show_error(
            str(error)
            if isinstance(error, WellbeingError)
            else "The key kept on this computer did not work. Type your passphrase instead."
        )

    def _unlock_failed(self, error: BaseException) -> None:
        hint = newest_backup_hint(self.session.data_dir) if isinstance(error, IntegrityError) else ""
        self.unlock_page.show_error(friendly_error(error) + hint)

    def _recovery_failed(self, error: BaseException) -> None:
        message = str(error) if isinstance(error, WellbeingError) else friendly_error(error)
        self.unlock_page.show_error(message)

"""Shown once after the vault is created: the recovery key, to copy or print, then Continue."""

from __future__ import annotations

from ui.clipboard import copy_sensitive
from ui.qt import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPrintDialog,
    QPrinter,
    QPushButton,
    QTextDocument,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets import card, centered, heading, paragraph, primary_button

CLIPBOARD_CLEAR_MS = 60_000


class RecoveryKeyPage(QWidget):
    continued = Signal()

    def __init__(self) -> None:
        super().__init__()
        frame, layout = card()
        layout.addWidget(heading("Your recovery key"))
        layout.addWidget(
            paragraph(
                "If you ever forget your passphrase, this key is the only way to open your vault. "
                "It is shown only now. Write it down or print it, and keep it somewhere private."
            )
        )
        self.key_field = QLineEdit()
        self.key_field.setReadOnly(True)
        self.key_field.setAccessibleName("Recovery key")
        self.key_field.setProperty("role", "recovery-key")
        layout.addWidget(self.key_field)
        buttons = QHBoxLayout()
        self.copy_button = QPushButton("Copy")
        self.copy_button.setAccessibleName("Copy recovery key")
        self.print_button = QPushButton("Print…")
        self.print_button.setAccessibleName("Print recovery key")
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.copied_note = paragraph("", subtle=True)
        layout.addWidget(self.copied_note)
        self.saved_check = QCheckBox("I have saved my recovery key")
        self.saved_check.setAccessibleName("I have saved my recovery key")
        layout.addWidget(self.saved_check)
        self.continue_button = primary_button("Continue")
        self.continue_button.setEnabled(False)
        layout.addWidget(self.continue_button)
        outer = QVBoxLayout(self)
        outer.addWidget(centered(frame, 600))
        self.saved_check.toggled.connect(self.continue_button.setEnabled)
        self.copy_button.clicked.connect(self._copy)
        self.print_button.clicked.connect(self._print)
        self.continue_button.clicked.connect(self._continue)

    def show_key(self, key: str) -> None:
        self.key_field.setText(key)
        self.saved_check.setChecked(False)
        self.copied_note.clear()

    def _copy(self) -> None:
        copy_sensitive(self.key_field.text(), clear_after_ms=CLIPBOARD_CLEAR_MS)
        self.copied_note.setText("Copied. The clipboard is cleared in one minute, or when the app locks.")

    def _print(self) -> None:
        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        document.setHtml(
            "<h2>Wellbeing Check-in — recovery key</h2>"
            f"<p style='font-size:18pt; font-family:monospace'>{self.key_field.text()}</p>"
            "<p>Keep this page somewhere private. It opens your vault if you forget your passphrase.</p>"
        )
        document.print_(printer)

    def _continue(self) -> None:
        self.key_field.clear()
        self.continued.emit()

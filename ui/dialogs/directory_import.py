"""Importing the organisation's directory: choose a file, see what would change, then import or cancel.

The file is read and checked in the background; nothing is written until the user presses Import, and a
file with any problem imports nothing at all.
"""

from __future__ import annotations

from pathlib import Path

from ui.models.contacts import KIND_LABELS
from ui.operations import run_in_background
from ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets import busy_bar, heading, paragraph, tab_in_visual_order
from wellbeing_app.directory import ContactKind, DirectoryFormat, MergePlan, format_from_filename
from wellbeing_app.errors import InvalidInput, WellbeingError
from wellbeing_app.services import Services

FILE_FILTER = "Directory files (*.csv *.json *.vcf *.vcard);;All files (*)"


def choose_directory_file(parent: QWidget | None) -> Path | None:
    """The system file chooser; tests replace this function."""
    name, _filter = QFileDialog.getOpenFileName(parent, "Import directory", str(Path.home()), FILE_FILTER)
    return Path(name) if name else None


def plan_text(plan: MergePlan) -> str:
    """ "12 new, 3 updated, 1 no longer listed" (and how many are unchanged, when some are)."""
    parts = [f"{len(plan.inserts)} new", f"{len(plan.updates)} updated"]
    if plan.unlisted:
        parts.append(f"{len(plan.unlisted)} no longer listed")
    if plan.unchanged:
        parts.append(f"{plan.unchanged} unchanged")
    return ", ".join(parts)


def problem_text(error: BaseException) -> str:
    if isinstance(error, WellbeingError):
        detail = str(error)
    elif isinstance(error, OSError):
        detail = f"The file could not be read ({error.strerror or error})."
    else:
        detail = "The file could not be read."
    return f"{detail}\n\nNothing was imported. You can correct the file and choose it again."


class DirectoryImportDialog(QDialog):
    imported = Signal(object)

    def __init__(self, path: Path, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.path = path
        self.plan: MergePlan | None = None
        self._generation = 0
        self.setWindowTitle("Import directory")
        self.setAccessibleName("Import directory")
        self.setMinimumWidth(520)

        self.file_label = QLabel()
        self.file_label.setProperty("role", "field-label")
        self.file_label.setAccessibleName("Directory file")
        self.file_label.setWordWrap(True)
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        another = QPushButton("Choose another file…")
        another.setAccessibleName("Choose another file")
        another.clicked.connect(self.choose_another)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(another)

        self.kind_label = QLabel("Contacts whose card gives no kind are")
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind for contacts without one")
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind.value)
        self.kind_label.setBuddy(self.kind)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind_label)
        kind_row.addWidget(self.kind, 1)

        self.busy = busy_bar("Reading the file")
        self.summary = QLabel()
        self.summary.setProperty("role", "subheading")
        self.summary.setAccessibleName("Import summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.detail = paragraph("")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)  # errors quote the file, which may hold markup
        self.detail.setAccessibleName("Import details")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton("Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setAccessibleName("Import")
        self.import_button.setProperty("primary", True)
        self.import_button.setEnabled(False)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel")
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(heading("Import your organisation's directory", level=2))
        layout.addWidget(
            paragraph(
                "You'll see what would change before anything is imported. Importing a newer version of the "
                "same file updates it; people it no longer lists are kept and marked, never deleted.",
                subtle=True,
            )
        )
        layout.addLayout(file_row)
        layout.addLayout(kind_row)
        layout.addWidget(self.busy)
        layout.addWidget(self.summary)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        layout.addWidget(buttons)
        tab_in_visual_order(buttons)
        self.kind.currentIndexChanged.connect(lambda _index: self._plan())
        self._plan()

    def choose_another(self) -> None:
        path = choose_directory_file(self)
        if path is not None:
            self.path = path
            self._plan()

    def _is_vcard(self) -> bool:
        try:
            return format_from_filename(self.path.name) is DirectoryFormat.VCF
        except InvalidInput:
            return False

    def _plan(self) -> None:
        """Read and check the file off the GUI thread; only the newest request's answer is shown."""
        self._generation += 1
        generation = self._generation
        self.plan = None
        self.file_label.setText(self.path.name)
        vcard = self._is_vcard()
        self.kind_label.setVisible(vcard)
        self.kind.setVisible(vcard)
        default_kind = ContactKind(self.kind.currentData()) if vcard else None
        self.import_button.setEnabled(False)
        self.summary.setText(f"Reading {self.path.name}…")
        self.detail.hide()
        self.busy.show()
        directory, path = self.services.directory, self.path
        directory.contacts()  # loaded here, on the GUI thread; the worker then only compares

        def work() -> MergePlan:
            return directory.plan_import(path.read_bytes(), source_name=path.name, default_kind=default_kind)

        run_in_background(
            work,
            lambda plan: self._planned(generation, plan),
            lambda error: self._failed(generation, error),
            owner=self,
        )

    def _planned(self, generation: int, plan: MergePlan) -> None:
        if generation != self._generation:
            return
        self.busy.hide()
        self.plan = plan
        if not plan.has_changes:
            self.summary.setText("Already up to date")
            self.detail.setText(f"Everyone in {plan.source_name} is already in your directory as it is.")
        else:
            self.summary.setText(plan_text(plan))
            notes = [f"Press Import to add these from {plan.source_name}."]
            if plan.unlisted:
                notes.append("People no longer listed stay in your directory, marked as no longer listed.")
            self.detail.setText(" ".join(notes))
        self.detail.show()
        self.import_button.setEnabled(plan.has_changes)
        if plan.has_changes:
            self.import_button.setFocus()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.busy.hide()
        self.summary.setText(f"{self.path.name} could not be imported")
        self.detail.setText(problem_text(error))
        self.detail.show()

    def apply(self) -> None:
        if self.plan is None or not self.plan.has_changes:
            return
        plan = self.services.directory.apply_import(self.plan)  # the Support page hears of it as a change
        self.imported.emit(plan)
        self.accept()

    def reject(self) -> None:
        self._generation += 1  # a plan still being read is dropped
        super().reject()

"""A tags field that completes the tag being typed after a comma, plus one-click suggestion chips."""

from __future__ import annotations

from collections.abc import Iterable

from ui.flow_layout import FlowLayout
from ui.qt import QCompleter, QLineEdit, QStringListModel, Qt, QToolButton, QVBoxLayout, QWidget
from wellbeing_app.tags import split_tags


class TagCompleter(QCompleter):
    """Completes only the fragment after the last comma."""

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: object) -> str:
        completion = super().pathFromIndex(index)  # type: ignore[arg-type]
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        head = text.rsplit(",", 1)[0] + ", " if "," in text else ""
        return head + completion


class TagInput(QWidget):
    def __init__(
        self, suggestions: Iterable[str], *, name: str = "Tags", chips: Iterable[Iterable[str]] = ()
    ) -> None:
        super().__init__()
        self.field = QLineEdit()
        self.field.setAccessibleName(name)
        self.field.setPlaceholderText("e.g. night shift, debrief")
        self._model = QStringListModel(sorted(set(suggestions), key=str.casefold))
        completer = TagCompleter(self._model, self.field)
        completer.setCaseSensitivity(completer.caseSensitivity().CaseInsensitive)
        self.field.setCompleter(completer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.field)
        self.chips: dict[str, QToolButton] = {}
        for group in chips:
            row = FlowLayout()
            for tag in group:
                chip = QToolButton()
                chip.setText(tag)
                chip.setCheckable(True)
                chip.setProperty("chip", True)
                chip.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # typing in the field is the keyboard path
                chip.setAccessibleName(f"Tag {tag}")
                chip.toggled.connect(lambda on, t=tag: self._chip_toggled(t, on))
                self.chips[tag.casefold()] = chip
                row.addWidget(chip)
            layout.addLayout(row)
        self.field.textChanged.connect(self._sync_chips)
        self.setFocusProxy(self.field)

    def add_suggestions(self, tags: Iterable[str]) -> None:
        current = set(self._model.stringList())
        self._model.setStringList(sorted(current | set(tags), key=str.casefold))

    def tags(self) -> tuple[str, ...]:
        return split_tags(self.field.text())

    def set_tags(self, tags: Iterable[str]) -> None:
        self.field.setText(", ".join(tags))

    def clear(self) -> None:
        self.field.clear()

    def _chip_toggled(self, tag: str, on: bool) -> None:
        tags = list(self.tags())
        present = any(t.casefold() == tag.casefold() for t in tags)
        if on and not present:
            tags.append(tag)
        elif not on and present:
            tags = [t for t in tags if t.casefold() != tag.casefold()]
        else:
            return
        self.field.setText(", ".join(tags))

    def _sync_chips(self) -> None:
        present = {t.casefold() for t in self.tags()}
        for key, chip in self.chips.items():
            chip.blockSignals(True)
            chip.setChecked(key in present)
            chip.blockSignals(False)

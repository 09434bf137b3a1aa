"""Marks the words being searched for inside the journal editor."""

from __future__ import annotations

from ui.qt import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from wellbeing_app.textsearch import highlight_spans


class SearchHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.words: list[str] = []
        self._format = QTextCharFormat()
        self._format.setBackground(QColor(255, 221, 120, 160))

    def set_words(self, words: list[str]) -> None:
        if words != self.words:
            self.words = words
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        for start, length in highlight_spans(text, self.words):
            self.setFormat(start, length, self._format)

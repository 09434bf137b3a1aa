"""Case- and accent-insensitive text matching, shared by journal search and directory filtering."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower-case without accents: 'Énergie' and 'energie' fold alike. ASCII takes the fast path."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def query_words(query: str) -> list[str]:
    return [word for word in fold(query).split() if word]


def matches_all(folded_text: str, words: list[str]) -> bool:
    return all(word in folded_text for word in words)


def snippet(text: str, words: list[str], width: int = 120) -> str:
    """A short excerpt around the first matched word, on word boundaries, with ellipses where cut."""
    flat = " ".join(text.split())
    if not words:
        return flat[:width] + ("…" if len(flat) > width else "")
    position = _first_position(flat, words)
    start = max(0, position - width // 3)
    end = min(len(flat), start + width)
    if start > 0:
        space = flat.find(" ", start)
        start = space + 1 if 0 <= space < position else start
    if end < len(flat):
        space = flat.rfind(" ", start, end)
        end = space if space > position else end
    return ("…" if start > 0 else "") + flat[start:end] + ("…" if end < len(flat) else "")


def _first_position(text: str, words: list[str]) -> int:
    """Where the earliest query word starts in the original text.

    ASCII text keeps its offsets when folded; any other text is folded character by character to map offsets
    back (ß, ligatures and combining accents change lengths in ways that can cancel out).
    """
    if text.isascii():
        folded_whole = text.lower()
        found = [folded_whole.find(word) for word in words]
        hits = [pos for pos in found if pos >= 0]
        return min(hits) if hits else 0
    hits = [pos for pos in (fold(text).find(word) for word in words) if pos >= 0]
    if not hits:
        return 0
    target = min(hits)
    folded_length = 0
    for index, ch in enumerate(text):  # walk only as far as the match: a snippet is usually near the start
        folded_length += len(fold(ch))
        if folded_length > target:
            return index
    return 0


def highlight_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """(start, length) of every match in the original text, for highlighting in the editor."""
    if not words:
        return []
    folded_chars: list[str] = []
    offsets: list[int] = []
    for index, ch in enumerate(text):
        piece = fold(ch)
        folded_chars.append(piece)
        offsets.extend([index] * len(piece))
    offsets.append(len(text))
    folded = "".join(folded_chars)
    spans: list[tuple[int, int]] = []
    for word in words:
        start = folded.find(word)
        while start >= 0:
            stop = start + len(word)
            begin, end = offsets[start], offsets[stop]
            if stop < len(folded) and offsets[stop] == offsets[stop - 1]:
                end = offsets[stop] + 1  # the match ends inside a character that folds to several (ß → ss)
            spans.append((begin, max(1, end - begin)))
            start = folded.find(word, start + len(word))
    return sorted(spans)

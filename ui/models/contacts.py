"""Directory contacts for the Support page: a list model, a card delegate, and the words used to describe them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from ui.dates import short_date
from ui.qt import (
    QAbstractListModel,
    QColor,
    QFont,
    QModelIndex,
    QPainter,
    QPalette,
    QPersistentModelIndex,
    QRectF,
    QSize,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
)
from wellbeing_app.directory import Contact, ContactKind, language_name

ContactRole = Qt.ItemDataRole.UserRole + 1
SubtitleRole = Qt.ItemDataRole.UserRole + 2
ReasonsRole = Qt.ItemDataRole.UserRole + 3
Index = QModelIndex | QPersistentModelIndex

KIND_LABELS: dict[ContactKind, str] = {
    ContactKind.PEER_SUPPORTER: "Peer supporter",
    ContactKind.DEBRIEF_CONTACT: "Debrief contact",
    ContactKind.PROFESSIONAL_SERVICE: "Professional service",
}
KIND_FILTERS: tuple[tuple[str, ContactKind | None], ...] = (
    ("All kinds", None),
    ("Peer supporters", ContactKind.PEER_SUPPORTER),
    ("Debrief contacts", ContactKind.DEBRIEF_CONTACT),
    ("Professional services", ContactKind.PROFESSIONAL_SERVICE),
)
UNLISTED = "no longer listed"
ACCENT = QColor(59, 127, 122)
ACCENT_ON_DARK = QColor(126, 196, 188)


# -- words ---------------------------------------------------------------------------------------------------------
def subtitle(contact: Contact) -> str:
    """ "ICU nurse · St Mary's Hospital", or the kind in words when neither is given."""
    return (
        " · ".join(part for part in (contact.role, contact.organisation) if part) or KIND_LABELS[contact.kind]
    )


def languages_text(contact: Contact) -> str:
    return ", ".join(dict.fromkeys(language_name(language) for language in contact.languages))


def source_text(contact: Contact) -> str:
    """ "Source: org.csv (2026-11-25) · last verified 12 Oct 2026", or "Private contact"."""
    if contact.is_private:
        return "Private contact"
    text = f"Source: {contact.source}"
    if contact.last_verified is not None:
        text += f" · last verified {short_date(contact.last_verified)}"
    return text


def availability_text(contact: Contact, now: datetime) -> str:
    """Their hours on their own clock, and whether that means they are available now."""
    if contact.availability is None:
        return ""
    state = "Available now" if contact.is_available(now) else "Not available right now"
    if not contact.timezone:
        return f"{contact.availability}\n{state}"
    local = now.astimezone(contact.zone)
    return f"{contact.availability}, {contact.timezone} time\n{state} ({local:%H:%M} on {local:%A} there)"


def details_text(contact: Contact) -> str:
    """Plain text for the clipboard: how to reach someone, never the user's own notes or check-ins."""
    lines = [contact.name, KIND_LABELS[contact.kind]]
    if contact.role or contact.organisation:
        lines.append(subtitle(contact))
    for label, value in (("Phone", contact.phone), ("Email", contact.email), ("Website", contact.url)):
        if value:
            lines.append(f"{label}: {value}")
    if contact.languages:
        lines.append(f"Languages: {languages_text(contact)}")
    if contact.availability is not None:
        zone = f" ({contact.timezone})" if contact.timezone else ""
        lines.append(f"Hours: {contact.availability}{zone}")
    return "\n".join(lines)


# -- model ---------------------------------------------------------------------------------------------------------
class ContactListModel(QAbstractListModel):
    """The contacts shown now; the page resets it with the filtered list at each keystroke (cheap at 5,000)."""

    def __init__(self) -> None:
        super().__init__()
        self._contacts: list[Contact] = []
        self._reasons: Mapping[str, str] = {}

    def set_contacts(self, contacts: Sequence[Contact]) -> None:
        self.beginResetModel()
        self._contacts = list(contacts)
        self.endResetModel()

    def set_reasons(self, reasons: Mapping[str, str]) -> None:
        """Why each contact matches the user (keyed by ``record_id``), shown on their card instead of tags."""
        self._reasons = dict(reasons)
        if self._contacts:
            self.dataChanged.emit(self.index(0), self.index(len(self._contacts) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._contacts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._contacts):
            return None
        contact = self._contacts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return contact.name
        if role == SubtitleRole:
            return subtitle(contact)
        if role == ReasonsRole:
            return self._reasons.get(contact.record_id, "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._reasons.get(contact.record_id) or ", ".join(contact.tags) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [contact.name, subtitle(contact), self._reasons.get(contact.record_id, "")]
            if not contact.listed:
                parts.append(UNLISTED)
            return ", ".join(part for part in parts if part)
        if role == ContactRole:
            return contact
        return None

    def contact_at(self, row: int) -> Contact | None:
        return self._contacts[row] if 0 <= row < len(self._contacts) else None

    def row_of(self, record_id: str) -> int:
        return next((row for row, c in enumerate(self._contacts) if c.record_id == record_id), -1)


# -- delegate ------------------------------------------------------------------------------------------------------
class ContactCardDelegate(QStyledItemDelegate):
    """Each contact as a small card: name (and a "no longer listed" badge), role · organisation, then why."""

    PADDING = 12
    GAP = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = option.fontMetrics.height()
        return QSize(240, line * 3 + 8 + self.PADDING * 2 + self.GAP)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        contact = index.data(ContactRole)
        if not isinstance(contact, Contact):
            return
        palette = option.palette
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        accent = ACCENT_ON_DARK if dark else ACCENT
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        card = QRectF(option.rect).adjusted(2, 2, -2, -self.GAP + 2)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = QColor(accent) if selected or hovered else QColor(127, 127, 127, 80)
        if hovered and not selected:
            border.setAlpha(140)
        fill = QColor(accent) if selected else palette.color(QPalette.ColorRole.Base)
        if selected:
            fill.setAlpha(38)
        painter.setPen(border)
        painter.setBrush(fill)
        painter.drawRoundedRect(card, 10, 10)

        text_colour = palette.color(QPalette.ColorRole.Text)
        subtle_colour = palette.color(QPalette.ColorRole.PlaceholderText)
        inner = card.adjusted(self.PADDING, self.PADDING - 2, -self.PADDING, -self.PADDING + 2)
        line = option.fontMetrics.height() + 2
        width = inner.width()

        if not contact.listed:
            width -= self._draw_badge(painter, option, inner, subtle_colour) + 8
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_colour)
        self._line(painter, inner, 0, line, width, contact.name)

        painter.setFont(option.font)
        painter.setPen(subtle_colour)
        self._line(painter, inner, 1, line, inner.width(), subtitle(contact))

        reasons = str(index.data(ReasonsRole) or "")
        painter.setPen(accent if reasons else subtle_colour)
        self._line(painter, inner, 2, line, inner.width(), reasons or ", ".join(contact.tags))
        painter.restore()

    @staticmethod
    def _line(painter: QPainter, inner: QRectF, row: int, height: float, width: float, text: str) -> None:
        elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(width))
        rect = QRectF(inner.left(), inner.top() + row * height, width, height)
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)

    @staticmethod
    def _draw_badge(painter: QPainter, option: QStyleOptionViewItem, inner: QRectF, colour: QColor) -> float:
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.85))
        painter.setFont(small)
        metrics = painter.fontMetrics()
        width = metrics.horizontalAdvance(UNLISTED) + 16
        height = metrics.height() + 4
        badge = QRectF(inner.right() - width, inner.top(), width, height)
        painter.setPen(QColor(colour))
        tint = QColor(colour)
        tint.setAlpha(30)
        painter.setBrush(tint)
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, UNLISTED)
        return width

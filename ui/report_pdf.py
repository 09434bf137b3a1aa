"""The trends report as an A4 PDF (the ``pdf`` renderer of ``wellbeing-app report`` and of the Trends page).

It needs no display: without a QGuiApplication one is made, on the offscreen platform when there is no display.
The PDF is built in memory, written to a 0600 temporary file beside the target and hard-linked into place, so
the file appears whole or not at all and an existing file, even one that appeared meanwhile, is never replaced.
"""

from __future__ import annotations

import errno
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Final

from ui.qt import (
    QBuffer,
    QFont,
    QGuiApplication,
    QIODevice,
    QMarginsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QUrl,
)
from ui.report_chart import SUBTLE, MoodChart
from ui.report_document import CHART_NAME, STYLE, TITLE, human_date, report_html
from wellbeing_app.errors import InvalidInput
from wellbeing_app.report import Report

Progress = Callable[[int, int], None]
DPI: Final = 300
MARGINS_MM: Final = (18.0, 16.0, 18.0, 20.0)
"""Left, top, right, bottom; the footer sits in the bottom margin."""
CHART_HEIGHT_MM: Final = 82.0
HEADING_ROOM_MM: Final = 40.0
"""A heading with less than this left on its page starts the next one, so it stays with what it heads."""
NO_HARD_LINKS: Final = frozenset({errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EXDEV})

_application: QGuiApplication | None = None


def ensure_gui_application() -> None:
    """Qt draws text only with a Gui application; the command line has none, and maybe no display."""
    global _application
    if QGuiApplication.instance() is not None:
        return
    argv = ["wellbeing-app"]
    no_display = not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")
    if no_display and not os.environ.get("QT_QPA_PLATFORM") and sys.platform not in ("darwin", "win32"):
        # The same as QT_QPA_PLATFORM=offscreen, without changing the environment child processes inherit.
        argv += ["-platform", "offscreen"]
    _application = QGuiApplication(argv)


def write_report_pdf(report: Report, path: Path, progress: Progress | None = None) -> None:
    """Write ``report`` to the new file ``path``; InvalidInput (field "out") if it exists or cannot be made."""
    path = Path(path)
    if path.exists() or path.is_symlink():
        raise InvalidInput(
            f"{path} already exists; it was left untouched. Choose a new file name.", field="out"
        )
    ensure_gui_application()
    content = render_pdf(report, progress)
    write_new_file(path, content)


def _mm_to_px(value: float) -> float:
    return value * DPI / 25.4


def _document(report: Report, writer: QPdfWriter, width_mm: float) -> QTextDocument:
    document = QTextDocument()
    font = QFont()
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(10)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(STYLE)
    document.setDocumentMargin(0)
    document.documentLayout().setPaintDevice(writer)
    chart = MoodChart(report.data, width_mm, CHART_HEIGHT_MM, DPI).image()
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_NAME), chart)
    # <img width> is in CSS pixels (96 per inch); the layout scales it to the writer's resolution.
    document.setHtml(report_html(report, width_mm / 25.4 * 96))
    return document


def _keep_headings_with_text(document: QTextDocument, page_height: float) -> None:
    layout = document.documentLayout()
    room = _mm_to_px(HEADING_ROOM_MM)
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0:
            on_page = layout.blockBoundingRect(block).top() % page_height
            if on_page > 0 and page_height - on_page < room:
                page_break = QTextBlockFormat()
                page_break.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).mergeBlockFormat(page_break)
                # The layout moves later blocks lazily and leaves some undrawn; lay out again from here.
                document.markContentsDirty(block.position(), document.characterCount() - block.position())
        block = block.next()


def render_pdf(report: Report, progress: Progress | None = None) -> bytes:
    """The PDF's bytes; ``progress(done, total)`` after the layout and after each page."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(TITLE)
    writer.setCreator("Wellbeing Check-in")
    left, top, right, bottom = (_mm_to_px(v) for v in MARGINS_MM)
    page_width, page_height = writer.width(), writer.height()
    body = QSizeF(page_width - left - right, page_height - top - bottom)
    document = _document(report, writer, 210 - MARGINS_MM[0] - MARGINS_MM[2])
    document.setPageSize(body)
    _keep_headings_with_text(document, body.height())
    pages = document.pageCount()
    total = pages + 1
    if progress:
        progress(1, total)
    footer = QFont(document.defaultFont())
    footer.setPointSizeF(8)
    span = f"{human_date(report.data.first)} – {human_date(report.data.last)}"
    painter = QPainter(writer)
    try:
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(QPointF(left, top - page * body.height()))
            document.drawContents(painter, QRectF(0, page * body.height(), body.width(), body.height()))
            painter.restore()
            line = QRectF(left, page_height - bottom + _mm_to_px(6), body.width(), _mm_to_px(5))
            painter.setFont(footer)
            painter.setPen(SUBTLE)
            painter.drawText(
                line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"{TITLE} · {span}"
            )
            painter.drawText(
                line,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"Page {page + 1} of {pages}",
            )
            if progress:
                progress(page + 2, total)
    finally:
        painter.end()
    buffer.close()
    return bytes(buffer.data().data())


def write_new_file(path: Path, content: bytes) -> None:
    """Create ``path`` with ``content`` (mode 0600), atomically and without ever replacing a file."""
    try:
        handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except FileNotFoundError:
        raise InvalidInput(f"The folder {path.parent} does not exist.", field="out") from None
    except OSError as exc:
        raise InvalidInput(f"Cannot write in {path.parent}: {exc.strerror}.", field="out") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        try:
            os.link(temp, path)
        except FileExistsError:
            raise _exists(path) from None
        except OSError as exc:
            if exc.errno not in NO_HARD_LINKS:
                raise
            _write_exclusive(path, content)
    finally:
        temp.unlink(missing_ok=True)


def _exists(path: Path) -> InvalidInput:
    return InvalidInput(f"{path} already exists; it was left untouched. Choose a new file name.", field="out")


def _write_exclusive(path: Path, content: bytes) -> None:
    """For file systems without hard links (a FAT memory stick): exclusive create, removed again on failure."""
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except FileExistsError:
        raise _exists(path) from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise

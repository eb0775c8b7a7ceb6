"""Putting a finished PDF on paper or on disk, without touching its content.

The PDF is rendered page by page by QtPdf at the printer's resolution and painted onto the
QPrinter, so any installed printer (a CUPS queue, a Windows spooler) gets exactly what the
preview showed.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

MAX_DPI = 300


class PrintError(Exception):
    """The printer refused the job or the PDF could not be read."""


def load_pdf(pdf: bytes, parent=None) -> tuple[QPdfDocument, QBuffer]:  # type: ignore[no-untyped-def]
    """A QPdfDocument over in-memory bytes; keep the buffer alive as long as the document."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise PrintError(f"the PDF could not be read ({document.error()})")
    return document, buffer


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print every page of ``pdf`` on ``printer``; returns the number of pages sent."""
    document, buffer = load_pdf(pdf)
    # Pages are painted as images: 300 dpi is sharp on paper; a 1200 dpi driver default
    # would mean half a gigabyte per A4 page.
    if printer.resolution() > MAX_DPI:
        printer.setResolution(MAX_DPI)
    try:
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError("the printer did not accept the job")
        try:
            dpi = printer.resolution()
            printable = printer.pageLayout().paintRectPixels(dpi).size()
            for index in range(document.pageCount()):
                if index:
                    printer.newPage()
                points = document.pagePointSize(index)
                natural = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
                size = natural.scaled(printable, Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(
                    QRect(0, 0, size.width(), size.height()), document.render(index, size)
                )
        finally:
            painter.end()
        return document.pageCount()
    finally:
        document.close()
        buffer.close()


def save_file(data: bytes, target: Path) -> None:
    """Write whole or not at all, readable by the owner only (the file holds personal data):
    a temporary file beside the target (mkstemp: mode 0600), synced, then renamed."""
    target = Path(target)
    handle, temp_name = tempfile.mkstemp(prefix=".onestop-", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise

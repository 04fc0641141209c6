"""Sending a generated PDF to a printer: each page rendered by QtPdf at the printer's
resolution (at most 300 dpi) and painted on the whole sheet, true to size.

The printer offset is already in the PDF (every page was drawn shifted), so nothing is
scaled or moved here; the printer is set to full page so its own margins do not shift it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

MAX_DPI = 300


def page_layout_for(document: QPdfDocument) -> QPageLayout:
    """The paper of the document's first page (A4, A3, landscape A4 …) with no margins."""
    size = document.pagePointSize(0)
    landscape = size.width() > size.height()
    portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
    page_size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(page_size, orientation, QMarginsF(0, 0, 0, 0))


def prepare_printer(printer: QPrinter, document: QPdfDocument) -> None:
    printer.setFullPage(True)
    printer.setPageLayout(page_layout_for(document))
    printer.setDocName(document.metaData(QPdfDocument.MetaDataField.Title) or "党建台账")


def print_document(document: QPdfDocument, printer: QPrinter,
                   progress: Callable[[int, int], None] | None = None) -> int:
    """Paint every page of `document` on `printer`; returns the number of pages sent."""
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("printer could not be opened")
    try:
        resolution = printer.resolution()
        dpi = min(resolution, MAX_DPI)
        for index in range(pages):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            pixels = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = document.render(index, pixels)
            target = QRectF(0, 0, points.width() / 72 * resolution, points.height() / 72 * resolution)
            painter.drawImage(target, image)
            if progress is not None:
                progress(index + 1, pages)
    finally:
        painter.end()
    return pages

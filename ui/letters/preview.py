"""A PDF inside the app (QtPdf's QPdfView) and the system print dialog.

QtPdf comes from the official PySide6-Pdf wheel (QtPdf lives in Qt's
qtwebengine repository, hence its own wheel). Printing sets the printer to the
PDF's paper (A5, A4 landscape…), renders each page at up to 300 dpi and paints it
at its true size, so what prints is what the preview shows; the PDF itself can
also be saved for e-mail or the e-office system.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.file_choosers import save_file
from ui.i18n import tr
from ui.screen_fit import fit_to_screen


class PdfPane(QWidget):
    """A scrolling, multi-page view of PDF bytes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self._buffer: QBuffer | None = None
        self.pdf = b""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def show_pdf(self, pdf: bytes) -> None:
        if pdf == self.pdf:
            return  # the same document (PDFs are built invariant): keep the pages already drawn
        self.pdf = pdf
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer  # QPdfDocument reads from it as long as it shows the document


# Pages are rasterised at most at this resolution and scaled by the printer: a page at a 1200 dpi printer's
# full resolution is 70–560 MB of image; 300 dpi is what a laser prints text at, ~35 MB for an A4 page.
RASTER_DPI = 300


def page_layout_of(document: QPdfDocument, page: int) -> tuple[QPageSize, QPageLayout.Orientation]:
    """The paper of a PDF page as a standard size (A5, A4…) and its orientation: the printer is set to it, so an
    A5 letter comes out A5, not stretched over the printer's default A4."""
    points = document.pagePointSize(page)
    landscape = points.width() > points.height()
    portrait = QSizeF(min(points.width(), points.height()), max(points.width(), points.height()))
    size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    return size, (QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)


def prepare_printer(printer: QPrinter, document: QPdfDocument) -> None:
    """Before the print dialog: the paper of the document's first page (the officer may still change it), and
    the whole sheet to paint on: the PDF carries its own margins, which the printer's would shrink."""
    printer.setFullPage(True)
    if document.pageCount():
        size, orientation = page_layout_of(document, 0)
        printer.setPageSize(size)
        printer.setPageOrientation(orientation)


def print_pdf(document: QPdfDocument, parent: QWidget | None, title: str) -> bool:
    """The system print dialog on the document's paper, then every page painted at its true size."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    prepare_printer(printer, document)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(tr("In") + f" — {title}")
    if dialog.exec() != QDialog.Accepted:
        return False
    paint_pages(document, printer)
    return True


def paint_pages(document: QPdfDocument, printer: QPrinter) -> None:
    """Each page at its own size in millimetres (shrunk only if the paper is smaller), centred on the paper;
    rendered at no more than RASTER_DPI and scaled by the printer."""
    printer.setFullPage(True)   # the page's own margins are in the PDF
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(tr("Không mở được máy in."))
    try:
        device_dpi = printer.resolution()
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            raster = min(device_dpi, RASTER_DPI)
            image = document.render(page, QSize(max(1, round(points.width() * raster / 72)),
                                                max(1, round(points.height() * raster / 72))))
            area = painter.viewport()   # the printable area, in device pixels
            true_size = QSizeF(points.width() * device_dpi / 72, points.height() * device_dpi / 72)
            if true_size.width() > area.width() or true_size.height() > area.height():
                true_size = true_size.scaled(QSizeF(area.size()), Qt.KeepAspectRatio)
            target = QRectF(area.x() + (area.width() - true_size.width()) / 2,
                            area.y() + (area.height() - true_size.height()) / 2,
                            true_size.width(), true_size.height())
            painter.setRenderHint(QPainter.SmoothPixmapTransform)
            painter.drawImage(target, image)
    finally:
        painter.end()


class PdfPreviewDialog(QDialog):
    def __init__(self, pdf: bytes, title: str, suggested_name: str, parent: QWidget | None = None, note: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.title, self.suggested_name = title, suggested_name
        self.pane = PdfPane(self)
        self.pane.show_pdf(pdf)
        buttons = QDialogButtonBox()
        self.print_button = QPushButton(tr("In…"))
        self.save_button = QPushButton(tr("Lưu thành tệp PDF…"))
        buttons.addButton(self.print_button, QDialogButtonBox.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ActionRole)
        buttons.addButton(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(lambda: print_pdf(self.pane.document, self, self.title))
        self.save_button.clicked.connect(self._save)
        layout = QVBoxLayout(self)
        if note:
            label = QLabel(note)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addWidget(self.pane, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, (720, 900))

    def _save(self) -> None:
        path, _filter = save_file(self, tr("Lưu thành tệp PDF"), self.suggested_name, "PDF (*.pdf)")
        if not path:
            return
        try:
            with open(path, "wb") as stream:
                stream.write(self.pane.pdf)
        except OSError as error:
            QMessageBox.warning(self, tr("Không lưu được"), tr("Không ghi được tệp") + f" “{path}”: {error.strerror}")


def show_pdf(pdf: bytes, title: str, suggested_name: str, parent: QWidget | None, note: str = "") -> PdfPreviewDialog:
    dialog = PdfPreviewDialog(pdf, title, suggested_name, parent, note)
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.show()
    return dialog

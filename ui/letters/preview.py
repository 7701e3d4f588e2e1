"""A PDF inside the app (QtPdf's QPdfView) and the system print dialog.

QtPdf comes from the official PySide6-Pdf wheel (QtPdf lives in Qt's
qtwebengine repository, hence its own wheel). Printing renders each page at
the printer's resolution and paints it, so what prints is what the preview
shows; the PDF itself can also be saved for e-mail or the e-office system.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QPainter
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


def print_pdf(document: QPdfDocument, parent: QWidget | None, title: str) -> bool:
    """The system print dialog, then every page painted at the printer's resolution."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(tr("In") + f" — {title}")
    if dialog.exec() != QDialog.Accepted:
        return False
    paint_pages(document, printer)
    return True


def paint_pages(document: QPdfDocument, printer: QPrinter) -> None:
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(tr("Không mở được máy in."))
    try:
        dpi = printer.resolution()
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = document.render(page, size)
            target = painter.viewport()
            scaled = size.scaled(target.size(), Qt.KeepAspectRatio)
            painter.drawImage(target.x(), target.y(), image.scaled(scaled, Qt.KeepAspectRatio,
                                                                   Qt.SmoothTransformation))
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

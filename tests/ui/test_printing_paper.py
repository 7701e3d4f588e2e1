"""Printing on the letter's own paper and at its true size, without page images of hundreds of MB
(issue 19, point 5). The printer is Qt's PDF printer at 1200 dpi, read back as a real printer's output."""

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from app.printing.letter import render
from tests.app.test_printing import LETTER
from tests.support.pdf import page_sizes_mm
from ui.letters.preview import RASTER_DPI, PdfPane, paint_pages, prepare_printer


@pytest.fixture
def letter_pane(qtbot):
    pane = PdfPane()
    qtbot.addWidget(pane)
    pane.show_pdf(render([LETTER], paper="A5"))
    return pane


def pdf_printer(path, dpi=1200):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(dpi)
    printer.setOutputFileName(str(path))
    return printer


def _inked(color) -> bool:
    return color.alpha() > 128 and color.lightness() < 200   # rendered pages are transparent where blank


def ink_width_mm(pdf: bytes) -> float:
    """The width of what is printed on the first page (its non-white columns), in millimetres."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    points = document.pagePointSize(0)
    scale = 2   # pixels per point
    image = document.render(0, QSize(round(points.width() * scale), round(points.height() * scale)))
    columns = [x for x in range(image.width())
               if any(_inked(image.pixelColor(x, y)) for y in range(0, image.height(), 3))]
    return (columns[-1] - columns[0]) / scale * 25.4 / 72


def test_an_a5_letter_sets_the_printer_to_a5(letter_pane, tmp_path):
    printer = pdf_printer(tmp_path / "printed.pdf")
    prepare_printer(printer, letter_pane.document)
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A5
    paint_pages(letter_pane.document, printer)
    assert page_sizes_mm((tmp_path / "printed.pdf").read_bytes()) == [(148, 210)]


def test_a_landscape_logbook_sets_landscape(qtbot, tmp_path):
    pane = PdfPane()
    qtbot.addWidget(pane)
    pane.show_pdf(_landscape_pdf())
    printer = pdf_printer(tmp_path / "printed.pdf")
    prepare_printer(printer, pane.document)
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4


def _landscape_pdf() -> bytes:
    from io import BytesIO

    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    buffer = BytesIO()
    page = canvas.Canvas(buffer, pagesize=landscape(A4))
    page.drawString(100, 300, "Sổ theo dõi hồ sơ")
    page.save()
    return buffer.getvalue()


def test_an_a5_letter_on_a4_paper_keeps_its_true_size(letter_pane, tmp_path):
    """The officer picks A4 paper in the dialog: the letter prints A5-sized on it, not stretched ~1.4×."""
    alone = pdf_printer(tmp_path / "a5.pdf", dpi=300)
    prepare_printer(alone, letter_pane.document)
    paint_pages(letter_pane.document, alone)
    on_a4 = pdf_printer(tmp_path / "a4.pdf", dpi=300)
    on_a4.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    paint_pages(letter_pane.document, on_a4)
    assert page_sizes_mm((tmp_path / "a4.pdf").read_bytes()) == [(210, 297)]
    expected = ink_width_mm((tmp_path / "a5.pdf").read_bytes())
    assert abs(ink_width_mm((tmp_path / "a4.pdf").read_bytes()) - expected) < 3


def test_pages_are_rendered_at_no_more_than_300_dpi(letter_pane, tmp_path, monkeypatch):
    sizes = []
    real = QPdfDocument.render

    def spy(document, page, size, *args):
        sizes.append((size.width(), size.height()))
        return real(document, page, size, *args)

    monkeypatch.setattr(QPdfDocument, "render", spy)
    printer = pdf_printer(tmp_path / "printed.pdf", dpi=1200)
    prepare_printer(printer, letter_pane.document)
    paint_pages(letter_pane.document, printer)
    width_pt = letter_pane.document.pagePointSize(0).width()
    assert sizes and all(w <= round(width_pt * RASTER_DPI / 72) for w, _ in sizes)
    assert all(w * h * 4 < 40_000_000 for w, h in sizes)   # bytes of one page image, not 70–560 MB

"""Decree 30/2020 layout shared by every printed form: page, margins, type sizes, header, signature.

A4 follows the decree (margins top/bottom 20 mm, left 30 mm, right 15 mm;
national title 13 pt bold, motto 14 pt bold underlined by a rule as long as
the text, agency 13 pt capitals with the issuing unit bold and a short rule,
number 13 pt, place-and-date 14 pt italic, title 14 pt bold, body 14 pt
justified). The one-stop forms are designed for A5: there the same
proportions are kept at the sizes the printed A5 forms use (body 12 pt, the
header 10–11 pt), which is what lets Mẫu 04 fit on its one page.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape as xml_escape
from dataclasses import dataclass
from typing import Callable, Iterable

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer, Table, TableStyle

from app.printing.fonts import FontFamily, discover

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class PageProfile:
    name: str
    size: tuple[float, float]
    top: float
    bottom: float
    left: float
    right: float
    national: float      # CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM, bold
    motto: float         # Độc lập - Tự do - Hạnh phúc, bold, ruled
    agency: float        # parent agency / issuing unit, capitals
    number: float        # Số: …
    place_date: float    # italic
    title: float         # bold capitals
    body: float
    leading: float       # body line height as a multiple of the size
    left_share: float    # width of the header's left column

    @property
    def width(self) -> float:
        return self.size[0] - self.left - self.right


PROFILES = {
    "A4": PageProfile("A4", A4, 20 * mm, 20 * mm, 30 * mm, 15 * mm, national=13, motto=14, agency=13, number=13,
                      place_date=14, title=14, body=14, leading=1.2, left_share=0.42),
    "A5": PageProfile("A5", A5, 12 * mm, 12 * mm, 18 * mm, 10 * mm, national=10.5, motto=11, agency=10.5,
                      number=11, place_date=11, title=12, body=12, leading=1.18, left_share=0.38),
    # The logbook (Mẫu 06): a wide table on A4 landscape.
    "A4L": PageProfile("A4L", landscape(A4), 15 * mm, 15 * mm, 20 * mm, 15 * mm, national=12, motto=13, agency=12,
                       number=12, place_date=12, title=14, body=9.5, leading=1.15, left_share=0.42),
}


def profile(name: str) -> PageProfile:
    return PROFILES[name]


class Rule(Flowable):
    """A centred horizontal rule of a given length (under the motto, under the issuing unit)."""

    def __init__(self, length: float, thickness: float = 0.6, space_before: float = 2.5, space_after: float = 2):
        super().__init__()
        self.length, self.thickness = length, thickness
        self.space_before, self.space_after = space_before, space_after

    def wrap(self, available_width, available_height):
        self.available = available_width
        return available_width, self.space_before + self.thickness + self.space_after

    def draw(self):
        start = (self.available - self.length) / 2
        self.canv.setLineWidth(self.thickness)
        y = self.space_after + self.thickness / 2
        self.canv.line(start, y, start + self.length, y)


@dataclass(frozen=True)
class Styles:
    family: FontFamily
    page: PageProfile
    center: ParagraphStyle
    center_bold: ParagraphStyle
    national: ParagraphStyle
    motto: ParagraphStyle
    agency: ParagraphStyle
    unit: ParagraphStyle
    number: ParagraphStyle
    place_date: ParagraphStyle
    title: ParagraphStyle
    body: ParagraphStyle
    body_left: ParagraphStyle
    note: ParagraphStyle
    signer_title: ParagraphStyle
    signer_name: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle


_styles_cache: dict[tuple, Styles] = {}


def styles(page: PageProfile, family: FontFamily | None = None) -> Styles:
    family = family or discover()
    key = (page.name, family.regular)
    if key in _styles_cache:
        return _styles_cache[key]

    def style(name, size, font=None, align=TA_CENTER, leading=1.15, **extra):
        return ParagraphStyle(name, fontName=font or family.regular, fontSize=size, leading=size * leading,
                              alignment=align, **extra)

    body = page.body
    made = Styles(
        family=family, page=page,
        center=style("center", body),
        center_bold=style("center_bold", body, family.bold),
        national=style("national", page.national, family.bold),
        motto=style("motto", page.motto, family.bold),
        agency=style("agency", page.agency),
        unit=style("unit", page.agency, family.bold),
        number=style("number", page.number),
        place_date=style("place_date", page.place_date, family.italic),
        title=style("title", page.title, family.bold, spaceBefore=page.title * 0.9, spaceAfter=page.title * 0.5),
        body=style("body", body, align=TA_JUSTIFY, leading=page.leading, firstLineIndent=10 * mm if page.name == "A4"
                   else 7 * mm, spaceAfter=body * 0.25),
        body_left=style("body_left", body, align=TA_LEFT, leading=page.leading, spaceAfter=body * 0.25),
        note=style("note", body - 1, family.italic),
        signer_title=style("signer_title", body, family.bold),
        signer_name=style("signer_name", body, family.bold),
        cell=style("cell", body, align=TA_LEFT, leading=1.12),
        cell_bold=style("cell_bold", body, family.bold, leading=1.12),
    )
    _styles_cache[key] = made
    return made


def bare_table(st: Styles, *extra) -> TableStyle:
    """A layout table: no padding, no lines, and our font (a table's default font is an unembedded Helvetica)."""
    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), st.family.regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        *extra,
    ])


def header(st: Styles, *, parent_agency: str, unit: str, number_line: str, place_date: str) -> Table:
    """The two-column header: agency block on the left, national title and date on the right."""
    page, family = st.page, st.family
    gutter = 2.5 * mm
    left_width = page.width * page.left_share
    right_width = page.width - left_width
    left = []
    if parent_agency:
        left.append(Paragraph(escape_upper(parent_agency), _fit(st.agency, parent_agency.upper(), left_width - gutter,
                                                               floor=0.85)))
    unit_text = escape_upper(unit)
    left.append(Paragraph(unit_text, st.unit))
    left.append(Rule(min(left_width * 0.4, stringWidth(unit.upper(), family.bold, page.agency) * 0.6)))
    if number_line:
        left.append(Spacer(1, 2))
        left.append(Paragraph(escape(number_line), st.number))
    motto_width = stringWidth(MOTTO, family.bold, page.motto)
    # The national title stays on one line: on a narrow page it gives up a little size, never a line break.
    national = _fit(st.national, NATIONAL_TITLE, right_width, floor=0.0)
    right = [
        Paragraph(NATIONAL_TITLE, national),
        Paragraph(MOTTO, st.motto),
        Rule(motto_width),
        Spacer(1, 3),
        Paragraph(escape(place_date), st.place_date),
    ]
    table = Table([[left, right]], colWidths=[left_width, right_width])
    table.setStyle(bare_table(st, ("RIGHTPADDING", (0, 0), (0, 0), gutter)))
    return table


def _fit(style: ParagraphStyle, text: str, width: float, floor: float) -> ParagraphStyle:
    """The style shrunk just enough for ``text`` to stay on one line, but not below ``floor`` × its size."""
    fitting = (width - 2) / stringWidth(text, style.fontName, 1)
    if fitting >= style.fontSize or fitting < style.fontSize * floor:
        return style
    return ParagraphStyle(style.name + "_fit", parent=style, fontSize=fitting, leading=fitting * 1.15)


def signature(st: Styles, columns: list[tuple[str, str, str]], gap: float | None = None) -> Table:
    """Signature block(s): (title, note, name) per column; a single one stands in the right half."""
    page = st.page
    gap = gap if gap is not None else (22 * mm if page.name != "A5" else 16 * mm)
    cells = []
    for title, note, name in columns:
        cells.append([
            Paragraph(escape_upper(title), st.signer_title),
            Paragraph(escape(note), st.note) if note else Spacer(1, 0),
            Spacer(1, gap),
            Paragraph(escape(name), st.signer_name),
        ])
    if len(cells) == 1:
        cells.insert(0, [Spacer(1, 0)])
    width = page.width / len(cells)
    table = Table([cells], colWidths=[width] * len(cells))
    table.setStyle(bare_table(st))
    table.keepWithNext = False
    return table


def escape(text: str) -> str:
    return xml_escape(text)


def escape_upper(text: str) -> str:
    return escape(text.upper())


def build_pdf(page: PageProfile, story: Iterable[Flowable], *, title: str, author: str = "",
              on_page: Callable | None = None) -> bytes:
    """One PDF from a story; invariant, so the same content always gives the same bytes (and hash)."""
    buffer = io.BytesIO()
    # The canvas starts in our font, so no unembedded Helvetica is ever referenced.
    doc = BaseDocTemplate(buffer, pagesize=page.size, leftMargin=page.left, rightMargin=page.right,
                          topMargin=page.top, bottomMargin=page.bottom, title=title, author=author,
                          creator="MotCua Desk", invariant=1, pageCompression=1,
                          initialFontName=discover().regular, initialFontSize=page.body)
    frame = Frame(page.left, page.bottom, page.width, page.size[1] - page.top - page.bottom, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page or (lambda canvas, doc: None))])
    doc.build(list(story))
    return buffer.getvalue()

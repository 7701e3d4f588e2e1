"""Decree 30/2020 layout shared by every printed form: page, margins, type sizes, header, signature.

A4 follows the decree (margins top/bottom 20 mm, left 30 mm, right 15 mm;
national title 13 pt bold, motto 14 pt bold underlined by a rule as long as
the text, agency 13 pt capitals with the issuing unit bold and a short rule,
number and place-and-date 13 pt on one level, title 14 pt bold, body 14 pt
justified, "Nơi nhận" 12/11 pt beside the signature). The one-stop forms are
designed for A5; there the national title and the motto keep the decree's
minimum sizes (12 and 13 pt) and the page gives up margin instead of type
(left 13 mm, right 8 mm: the decree's A4 margins would leave no room for the
agency column), the body at 12 pt.

Header lines are broken by measuring the font (never left to the paragraph
wrapper): the fewest lines that fit, balanced, never a last line of one
syllable, and a text that would need a third line is first tried one point
smaller (see ``balanced_lines``).
"""

from __future__ import annotations

import functools
import io
import itertools
from dataclasses import dataclass
from typing import Callable, Iterable
from xml.sax.saxutils import escape as xml_escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer, Table, TableStyle

from app.printing.fonts import FontFamily, discover

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
# Decree 30/2020, Appendix I: the smallest sizes of the national title and the motto.
NATIONAL_MIN, MOTTO_MIN = 12, 13
SIGNATURE_SPACE_MIN = 25 * mm    # room for a hand signature and the seal


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
    number: float        # Số: …  (the place-and-date line has the same size: they stand on one level)
    title: float         # bold capitals
    body: float
    leading: float       # body line height as a multiple of the size
    left_share: float    # width of the header's left column, at most (the national title takes what it needs)
    signature_space: float
    recipients: float    # "Nơi nhận:" (bold italic); its list is one point smaller

    @property
    def width(self) -> float:
        return self.size[0] - self.left - self.right

    @property
    def place_date(self) -> float:
        return self.number


PROFILES = {
    "A4": PageProfile("A4", A4, 20 * mm, 20 * mm, 30 * mm, 15 * mm, national=13, motto=14, agency=13, number=13,
                      title=14, body=14, leading=1.2, left_share=0.42, signature_space=30 * mm, recipients=12),
    "A5": PageProfile("A5", A5, 12 * mm, 12 * mm, 13 * mm, 8 * mm, national=12, motto=13, agency=11, number=12,
                      title=13, body=12, leading=1.15, left_share=0.38, signature_space=25 * mm, recipients=10),
    # The logbook (Mẫu 06): a wide table on A4 landscape.
    "A4L": PageProfile("A4L", landscape(A4), 15 * mm, 15 * mm, 20 * mm, 15 * mm, national=12, motto=13, agency=12,
                       number=12, title=14, body=9.5, leading=1.15, left_share=0.42, signature_space=25 * mm,
                       recipients=11),
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
    recipients_head: ParagraphStyle
    recipients: ParagraphStyle


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
        recipients_head=style("recipients_head", page.recipients, family.bold_italic, align=TA_LEFT, leading=1.1),
        recipients=style("recipients", page.recipients - 1, align=TA_LEFT, leading=1.1),
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


# -- header lines ------------------------------------------------------------------------------------

# Syllables that make one word: a header line never ends between them when another break will do.
_COMPOUNDS = frozenset(tuple(pair.split()) for pair in (
    "ỦY BAN", "UỶ BAN", "CHÍNH CÔNG", "NHÂN DÂN", "TRUNG TÂM", "PHỤC VỤ", "HÀNH CHÍNH", "CÔNG AN", "VĂN PHÒNG", "BỘ PHẬN",
    "MỘT CỬA", "TIẾP NHẬN", "KẾT QUẢ", "TƯ PHÁP", "HỘ TỊCH", "KINH TẾ", "ĐỊA CHÍNH", "ĐẤT ĐAI", "ĐĂNG KÝ",
    "TÀI NGUYÊN", "MÔI TRƯỜNG", "THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN", "ĐẶC KHU", "XÃ HỘI", "VĂN HÓA", "VĂN HOÁ",
    "Y TẾ", "GIÁO DỤC", "ĐÀO TẠO", "XÂY DỰNG", "CÔNG THƯƠNG", "NÔNG NGHIỆP", "PHÁT TRIỂN", "NÔNG THÔN",
    "QUẢN LÝ", "ĐÔ THỊ", "HẠ TẦNG", "LAO ĐỘNG", "THƯƠNG BINH", "DỊCH VỤ", "CÔNG CỘNG", "NỘI VỤ", "TÀI CHÍNH",
    "KẾ HOẠCH", "ĐẦU TƯ", "CHI NHÁNH", "CHI CỤC", "HẢI QUAN", "THUẾ VỤ", "BẢO HIỂM", "CHỦ TỊCH",
))
# Words that open a new name ("… / PHƯỜNG TRẦN BIÊN", "… / PHÒNG TƯ PHÁP"): a good place to break.
_OPENERS = frozenset({"PHƯỜNG", "XÃ", "TỈNH", "HUYỆN", "QUẬN", "THÀNH", "THỊ", "ĐẶC", "UBND", "SỞ", "PHÒNG",
                      "TRUNG", "BỘ", "CHI", "VĂN", "ỦY", "UỶ"})
# Words after which a place name follows: "PHƯỜNG TRẦN BIÊN" stays whole.
_PLACE_WORDS = frozenset({"PHƯỜNG", "XÃ", "TỈNH", "HUYỆN", "QUẬN", "PHỐ", "TRẤN", "KHU"})


def _break_cost(words: list[str], at: int) -> float:
    """How bad a line break before ``words[at]`` is (negative: a good place)."""
    before, after = words[at - 1].upper(), words[at].upper()
    cost = 0.0
    if (before, after) in _COMPOUNDS:       # "HÀNH / CHÍNH"
        cost += 0.6
    if before in _PLACE_WORDS:              # "PHƯỜNG / TRẦN BIÊN"
        cost += 0.8
    if at >= 2 and words[at - 2].upper() in _PLACE_WORDS:   # "PHƯỜNG TRẦN / BIÊN"
        cost += 0.5
    if after in _OPENERS:
        cost -= 0.25
    return cost


def _best_split(words: list[str], widths: list[float], space: float, count: int, width: float) -> list[str] | None:
    """The best way to put ``words`` (of the given widths) on ``count`` lines that fit, or None."""
    best, best_cost = None, None
    for breaks in itertools.combinations(range(1, len(words)), count - 1):
        edges = (0, *breaks, len(words))
        line_widths = [sum(widths[a:b]) + space * (b - a - 1) for a, b in zip(edges, edges[1:])]
        longest = max(line_widths)
        if longest > width:
            continue
        cost = longest / width + sum(_break_cost(words, at) for at in breaks)
        if count > 1 and len(words) > count and edges[-1] - edges[-2] == 1:
            cost += 10                      # a last line of one syllable: only when nothing else fits
        if best_cost is None or cost < best_cost:
            best, best_cost = [" ".join(words[a:b]) for a, b in zip(edges, edges[1:])], cost
    return best


DASHES = frozenset("-‐‑‒–—")


def _split_at_dashes(words: list[str], widths: list[float], space: float, count: int,
                     width: float) -> list[str] | None:
    """A name joined by dashes ("PHÒNG TƯ PHÁP - HỘ TỊCH") breaks at its dashes when that gives
    exactly ``count`` lines that fit: the parts are the names, not their middles."""
    groups: list[list[int]] = [[]]
    for i, word in enumerate(words):
        groups[-1].append(i)
        if word[-1] in DASHES and i < len(words) - 1:
            groups.append([])
    if len(groups) != count or count < 2:
        return None
    if any(sum(widths[i] for i in g) + space * (len(g) - 1) > width for g in groups):
        return None
    return [" ".join(words[i] for i in g) for g in groups]


@functools.lru_cache(maxsize=512)
def balanced_lines(text: str, font: str, size: float, width: float, step: float = 1.0,
                   floor: float | None = None) -> tuple[tuple[str, ...], float]:
    """``text`` broken between words into the fewest balanced lines of ``width`` at ``size``.

    A text that needs a third line is tried one ``step`` smaller first (not below ``floor``), and
    the smaller size is kept when it saves a line; a word wider than the column stays whole.
    Widths are the font's own metrics (reportlab draws without kerning, so a line is the sum of
    its words and spaces). Returns the lines and the size.
    """
    words: list[str] = []
    for token in text.split():
        if token in DASHES and words:  # "PHÁP - HỘ TỊCH": a line never starts with the dash
            words[-1] += " " + token
        else:
            words.append(token)
    if not words:
        return (), size

    def layout_at(points: float) -> tuple[str, ...]:
        widths = [stringWidth(word, font, points) for word in words]
        space = stringWidth(" ", font, points)
        for count in range(1, len(words) + 1):
            lines = _split_at_dashes(words, widths, space, count, width) or \
                _best_split(words, widths, space, count, width)
            if lines is not None:
                return tuple(lines)
        return tuple(words)                             # a word wider than the column: one per line

    lines = layout_at(size)
    smaller = size - step
    if len(lines) >= 3 and (floor is None or smaller >= floor):
        shrunk = layout_at(smaller)
        if len(shrunk) < len(lines):
            return shrunk, smaller
    return lines, size


def _block(text: str, style: ParagraphStyle, width: float,
           floor: float | None = None) -> tuple[Paragraph, tuple[str, ...], float]:
    lines, size = balanced_lines(text, style.fontName, style.fontSize, width - 1, floor=floor)
    if size != style.fontSize:
        style = ParagraphStyle(style.name + "_small", parent=style, fontSize=size, leading=size * 1.15)
    return Paragraph("<br/>".join(escape(line) for line in lines), style), lines, size


def header(st: Styles, *, parent_agency: str, unit: str, number_line: str, place_date: str) -> Table:
    """The two-column header of Decree 30: agency and unit on the left, national title and motto on the
    right; below them "Số: …" and the place-and-date line, on one level."""
    page, family = st.page, st.family
    gutter = 2.5 * mm
    # The national title never wraps and never shrinks below the decree's size: it takes what it needs.
    needed = max(stringWidth(NATIONAL_TITLE, family.bold, page.national),
                 stringWidth(MOTTO, family.bold, page.motto),
                 stringWidth(place_date, family.italic, page.place_date)) + 2
    right_width = max(page.width * (1 - page.left_share), needed)
    left_width = page.width - right_width
    inner = left_width - gutter
    left: list = []
    if parent_agency:
        left.append(_block(parent_agency.upper(), st.agency, inner)[0])
    paragraph, lines, size = _block(unit.upper(), st.unit, inner)
    left.append(paragraph)
    longest = max(stringWidth(line, family.bold, size) for line in lines) if lines else inner
    left.append(Rule(max(longest * 0.4, 12 * mm)))          # 1/3 to 1/2 of the line above
    right = [Paragraph(NATIONAL_TITLE, st.national), Paragraph(MOTTO, st.motto),
             Rule(stringWidth(MOTTO, family.bold, page.motto))]
    rows: list[list] = [[left, right]]
    if number_line or place_date:
        rows.append([_block(number_line, st.number, inner)[0] if number_line else "",
                     Paragraph(escape(place_date), st.place_date)])
    table = Table(rows, colWidths=[left_width, right_width])
    table.setStyle(bare_table(st, ("RIGHTPADDING", (0, 0), (0, -1), gutter), ("TOPPADDING", (0, 1), (-1, 1), 3)))
    return table


def signature(st: Styles, columns: list[tuple[str, str, str]], gap: float | None = None,
              recipients: Iterable[str] = ()) -> Table:
    """Signature block(s): (title, note, name) per column; a single one stands in the right half,
    with "Nơi nhận:" and its list at its left when given (Decree 30)."""
    page = st.page
    gap = gap if gap is not None else page.signature_space
    cells = []
    for title, note, name in columns:
        cells.append([
            *[Paragraph(escape(line), st.signer_title) for line in title.upper().split("\n") if line],
            Paragraph(escape(note), st.note) if note else Spacer(1, 0),
            Spacer(1, gap),
            Paragraph(escape(name), st.signer_name),
        ])
    recipients = [line.strip() for line in recipients if line.strip()]
    if len(cells) == 1:
        if recipients:
            block = [Paragraph("Nơi nhận:", st.recipients_head)]
            block += [Paragraph(escape("- " + line), st.recipients) for line in recipients]
            cells.insert(0, block)
        else:
            cells.insert(0, [Spacer(1, 0)])
        widths = [page.width * 0.45, page.width * 0.55]
    else:
        widths = [page.width / len(cells)] * len(cells)
    table = Table([cells], colWidths=widths)
    # "Nơi nhận:" is smaller than the signer's title: lower it so the two stand on one line.
    table.setStyle(bare_table(st, *([("TOPPADDING", (0, 0), (0, 0), page.body - page.recipients)]
                                    if recipients and len(columns) == 1 else [])))
    return table


def escape(text: str) -> str:
    return xml_escape(text)


def escape_upper(text: str) -> str:
    return escape(text.upper())


class DocumentStart(Flowable):
    """Marks where one document of a batch begins, so its pages are numbered on their own ("2/2")."""

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        starts = getattr(self.canv, "document_starts", None)
        if starts is not None:
            starts.append(self.canv.getPageNumber())


def _numbered_canvas(page: PageProfile, font: str):
    """A canvas that holds its pages until the end, then numbers each document's pages from the second on,
    centred in the top margin (Decree 30: the first page carries no number)."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.document_starts: list[int] = []
            self._held: list[dict] = []

        def showPage(self):
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total_pages = len(self._held)
            starts = sorted(set(self.document_starts)) or [1]
            if starts[0] != 1:
                starts.insert(0, 1)
            for index, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                first = max(s for s in starts if s <= index)
                after = [s for s in starts if s > index]
                count = (after[0] if after else total_pages + 1) - first
                if count > 1 and index > first:
                    self.saveState()
                    self.setFont(font, page.number)
                    self.drawCentredString(page.left + page.width / 2, page.size[1] - page.top / 2 - page.number / 3,
                                           f"{index - first + 1}/{count}")
                    self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas


def build_pdf(page: PageProfile, story: Iterable[Flowable], *, title: str, author: str = "",
              on_page: Callable | None = None, number_pages: bool = False) -> bytes:
    """One PDF from a story; invariant, so the same content always gives the same bytes (and hash).

    ``number_pages``: each document of the story (a ``DocumentStart`` opens one) longer than a page
    gets "2/2"… at the top of its later pages.
    """
    buffer = io.BytesIO()
    # The canvas starts in our font, so no unembedded Helvetica is ever referenced.
    doc = BaseDocTemplate(buffer, pagesize=page.size, leftMargin=page.left, rightMargin=page.right,
                          topMargin=page.top, bottomMargin=page.bottom, title=title, author=author,
                          creator="MotCua Desk", invariant=1, pageCompression=1,
                          initialFontName=discover().regular, initialFontSize=page.body)
    frame = Frame(page.left, page.bottom, page.width, page.size[1] - page.top - page.bottom, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page or (lambda canvas, doc: None))])
    if number_pages:
        doc.build(list(story), canvasmaker=_numbered_canvas(page, discover().regular))
    else:
        doc.build(list(story))
    return buffer.getvalue()


def page_count(pdf: bytes) -> int:
    """Pages of a PDF this module built (reportlab writes "/Count n" in its page tree)."""
    import re

    counts = [int(n) for n in re.findall(rb"/Count (\d+)", pdf)]
    return max(counts) if counts else 0

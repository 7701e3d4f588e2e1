"""The dossier logbook for a period (Mẫu 06, "Sổ theo dõi hồ sơ"), A4 landscape (DOMAIN.md §9).

Columns: No. · dossier code · procedure · applicant · address/phone · deciding
unit · received · promised return (the promise made at the counter, never
moved) · new date of an apology letter · returned · how the result was
received · signature. The header row repeats on every page; pages are numbered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import LongTable, Paragraph, Spacer, TableStyle

from app.formatting import date_vi, official_date, thousands
from app.printing import layout
from app.text import nfc


@dataclass(frozen=True)
class LogbookRow:
    code: str
    procedure_name: str
    applicant_name: str
    address_phone: str
    unit_name: str
    received_at: dt.datetime
    due_at: dt.datetime | None
    returned_at: dt.datetime | None
    delivery: str
    rescheduled_at: dt.datetime | None = None     # the apology letter's new date


COLUMNS = (
    ("STT", 11), ("Mã hồ sơ", 36), ("Tên thủ tục hành chính", 52), ("Tên cá nhân, tổ chức", 30),
    ("Địa chỉ, số điện thoại", 36), ("Cơ quan chủ trì giải quyết", 28), ("Nhận hồ sơ", 20),
    ("Hẹn trả kết quả", 20), ("Hẹn lại (phiếu xin lỗi)", 20), ("Trả kết quả", 20), ("Cách thức nhận kết quả", 21),
    ("Ký nhận", 14),
)


def render(rows: list[LogbookRow], *, office_name: str, parent_agency: str, place_name: str, start: dt.date,
           end: dt.date, printed_on: dt.date) -> bytes:
    page = layout.profile("A4L")
    st = layout.styles(page)
    family = st.family
    texts = [office_name.upper(), parent_agency.upper(), place_name]
    for row in rows:
        texts += [row.code, row.procedure_name, row.applicant_name, row.address_phone, row.unit_name, row.delivery]
    family.check(" ".join(texts), "sổ theo dõi hồ sơ")

    total = sum(width for _, width in COLUMNS)
    widths = [page.width * width / total for _, width in COLUMNS]
    cell, bold = st.cell, st.cell_bold
    head = [Paragraph(name, _centred(bold)) for name, _ in COLUMNS]
    data = [head]
    for index, row in enumerate(rows, start=1):
        data.append([
            str(index), Paragraph(layout.escape(nfc(row.code)), cell), Paragraph(layout.escape(nfc(row.procedure_name)), cell),
            Paragraph(layout.escape(nfc(row.applicant_name)), cell), Paragraph(layout.escape(nfc(row.address_phone)), cell),
            Paragraph(layout.escape(nfc(row.unit_name)), cell), _when(row.received_at, cell), _when(row.due_at, cell),
            _when(row.rescheduled_at, cell), _when(row.returned_at, cell), Paragraph(layout.escape(row.delivery), cell), "",
        ])
    table = LongTable(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ("FONTNAME", (0, 0), (-1, -1), family.regular),
        ("FONTSIZE", (0, 0), (-1, -1), page.body),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    period = f"Từ ngày {date_vi(start)} đến ngày {date_vi(end)}"
    flow = [
        layout.header(st, parent_agency=nfc(parent_agency), unit=nfc(office_name), number_line="",
                      place_date=official_date(nfc(place_name), printed_on)),
        Paragraph("SỔ THEO DÕI HỒ SƠ", st.title),
        Paragraph(f"{period} — {thousands(len(rows))} hồ sơ", _centred(st.body_left)),
        Spacer(1, 3 * mm),
        table,
    ]

    def number_pages(canvas, doc):
        canvas.saveState()
        canvas.setFont(family.italic, 9)
        canvas.drawRightString(page.size[0] - page.right, page.bottom / 2, f"Trang {doc.page} — {period}")
        canvas.restoreState()

    return layout.build_pdf(page, flow, title="Sổ theo dõi hồ sơ", on_page=number_pages)


def _when(moment: dt.datetime | None, style) -> Paragraph | str:
    if moment is None:
        return ""
    return Paragraph(f"{moment:%d/%m/%Y}<br/>{moment:%H:%M}", style)


def _centred(style):
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(style.name + "_c", parent=style, alignment=TA_CENTER)

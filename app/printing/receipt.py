"""The receipt slip handed over at the counter (Mẫu 01, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả").

Same machinery as the letter: the office header with the slip's number level
with the place and date, the wording from a template, the papers received, the
return time promised at the counter in the words of Decree 30 (always that
promise: a reprint after an apology letter adds the new date on its own line,
with the letter's number), and a QR code of the dossier code so the citizen (or
the desk) can look it up by scanning. The person who handed the dossier in
signs: a person's own name is printed, for an organisation the line is left to
be written by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.graphics.barcode.qr import QrCode
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from app.formatting import date_words, official_date, time_words
from app.printing import layout
from app.printing.templates import RECEIPT, Template, load
from app.text import nfc


@dataclass(frozen=True)
class ReceiptData:
    office_name: str
    parent_agency: str
    place_name: str
    dossier_code: str
    procedure_name: str
    processing: str
    applicant_name: str
    applicant_id_number: str
    applicant_address: str
    applicant_phone: str
    applicant_email: str
    channel: str
    unit_name: str
    officer_name: str
    received_at: dt.datetime
    due_at: dt.datetime                         # the promise made at the counter (dossiers.original_due_at)
    number: str = ""                            # "0042/TNHS"
    papers: str = ""                            # the papers received, one per line
    applicant_kind: str = "person"
    new_due_at: dt.datetime | None = None       # the apology letter's new date, if one was issued
    letter_number: str = ""


def values(data: ReceiptData) -> dict[str, str]:
    return {
        "co_quan_chu_quan": data.parent_agency,
        "don_vi": data.office_name,
        "dia_danh": data.place_name,
        "ma_ho_so": data.dossier_code,
        "thu_tuc": data.procedure_name,
        "nguoi_nop": data.applicant_name,
        "so_giay_to": data.applicant_id_number or "—",
        "dia_chi": data.applicant_address or "—",
        "dien_thoai": data.applicant_phone or "—",
        "email": data.applicant_email,
        "hinh_thuc": data.channel,
        "thoi_han": data.processing,
        "don_vi_giai_quyet": data.unit_name or data.office_name,
        "can_bo_tiep_nhan": data.officer_name,
        "gio_tiep_nhan": time_words(data.received_at),
        "ngay_tiep_nhan": date_words(data.received_at),
        "gio_hen_tra": time_words(data.due_at),
        "ngay_hen_tra": date_words(data.due_at),
        "giay_to": "".join(f"\n- {line.strip()}" for line in data.papers.splitlines() if line.strip()),
        "gio_hen_lai": time_words(data.new_due_at) if data.new_due_at else "",
        "ngay_hen_lai": date_words(data.new_due_at) if data.new_due_at else "",
        "so_phieu_xin_loi": data.letter_number if data.new_due_at else "",
    }


def qr_code(text: str, size: float) -> QrCode:
    """reportlab's QR flowable (drawn straight on the canvas: no drawing, no stray Helvetica)."""
    return QrCode(text, width=size, height=size, qrLevel="M", qrBorder=1)


def story(data: ReceiptData, template: Template, st: layout.Styles) -> list:
    fields = values(data)
    filled = template.fill(fields)
    place_date = official_date(nfc(data.place_name), data.received_at.date())
    st.family.check(" ".join([data.parent_agency.upper(), data.office_name.upper(), place_date,
                              *fields.values(), *(line for lines in template.sections.values() for line in lines)]),
                    f"giấy tiếp nhận hồ sơ {data.dossier_code}")
    page = st.page
    qr_size = 24 * mm if page.name == "A4" else 20 * mm
    title = [Paragraph(line, st.title) for line in filled["tieu_de"]]
    code = [Paragraph(f"Mã hồ sơ: <b>{layout.escape(nfc(data.dossier_code))}</b>", st.center),
            Paragraph("(quét mã QR để tra cứu hồ sơ)", st.note)]
    top = Table([[code, qr_code(nfc(data.dossier_code), qr_size)]],
                colWidths=[page.width - qr_size - 4 * mm, qr_size + 4 * mm])
    top.setStyle(layout.bare_table(st, ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (1, 0), "RIGHT")))
    number_line = f"Số: {nfc(data.number)}" if data.number else ""
    flow: list = [layout.DocumentStart(), layout.header(st, parent_agency=nfc(data.parent_agency), unit=nfc(data.office_name),
                                number_line=number_line, place_date=place_date),
                  *title, top, Spacer(1, 2 * mm)]
    # A5 is the form's size: the body one point smaller than a letter's, so the slip stays on its page.
    body = st.body_left if page.name != "A5" else ParagraphStyle(
        "receipt_body", parent=st.body_left, fontSize=page.body - 1, leading=(page.body - 1) * 1.15,
        spaceAfter=(page.body - 1) * 0.2)
    paragraphs = [Paragraph(line, body) for line in filled["noi_dung"]]
    # The person at the counter signs; an organisation's name is not a signature.
    submitter = nfc(data.applicant_name) if data.applicant_kind != "organisation" else ""
    signature = layout.signature(st, [("Người nộp hồ sơ", "(Ký và ghi rõ họ tên)", submitter),
                                      ("Người tiếp nhận hồ sơ", "(Ký và ghi rõ họ tên)", nfc(data.officer_name))],
                                 gap=16 * mm)
    flow += paragraphs[:-1]
    flow.append(KeepTogether([*paragraphs[-1:], Spacer(1, 3 * mm), signature]))
    return flow


def render(data: ReceiptData, paper: str = "A5", template: Template | None = None) -> bytes:
    page = layout.profile(paper)
    return layout.build_pdf(page, story(data, template or load(RECEIPT), layout.styles(page)), title=RECEIPT.title,
                            number_pages=True)

"""The receipt slip handed over at the counter (Mẫu 01, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả").

Same machinery as the letter: the office header, the wording from a template,
the promised return time in the words of Decree 30, and a QR code of the
dossier code so the citizen (or the desk) can look it up by scanning.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.graphics.barcode.qr import QrCode
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

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
    due_at: dt.datetime


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
        "email": data.applicant_email or "—",
        "hinh_thuc": data.channel,
        "thoi_han": data.processing,
        "don_vi_giai_quyet": data.unit_name or data.office_name,
        "can_bo_tiep_nhan": data.officer_name,
        "gio_tiep_nhan": time_words(data.received_at),
        "ngay_tiep_nhan": date_words(data.received_at),
        "gio_hen_tra": time_words(data.due_at),
        "ngay_hen_tra": date_words(data.due_at),
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
    flow: list = [layout.header(st, parent_agency=nfc(data.parent_agency), unit=nfc(data.office_name),
                                number_line="", place_date=place_date),
                  *title, top, Spacer(1, 2 * mm)]
    flow += [Paragraph(line, st.body_left) for line in filled["noi_dung"]]
    flow.append(Spacer(1, 3 * mm))
    flow.append(layout.signature(st, [("Người nộp hồ sơ", "(Ký và ghi rõ họ tên)", nfc(data.applicant_name)),
                                      ("Người tiếp nhận hồ sơ", "(Ký và ghi rõ họ tên)", nfc(data.officer_name))],
                                 gap=14 * mm))
    return flow


def render(data: ReceiptData, paper: str = "A5", template: Template | None = None) -> bytes:
    page = layout.profile(paper)
    return layout.build_pdf(page, story(data, template or load(RECEIPT), layout.styles(page)), title=RECEIPT.title)

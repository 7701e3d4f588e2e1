"""The apology letter (Mẫu 04, "Phiếu xin lỗi và hẹn lại ngày trả kết quả") as PDF.

Structure (DOMAIN.md §5, §6): the two-column header of the issuing body with
"Số: 07/PXL-TP" level with the place and date, the title, "Kính gửi:", the
body from the template (received date, procedure, applicant, identity number
and dossier code, original return time, reason, apology, the new return date,
closing "./."), then "Nơi nhận" beside the signature of the issuer's head. A
letter longer than its page keeps its last paragraph with the signature and
numbers its later pages ("2/2").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer

from app.formatting import date_words, official_date, time_words
from app.printing import layout
from app.printing.templates import APOLOGY, Template, load
from app.text import nfc

PERSON_ADDRESS = "Ông/Bà"
ORGANISATION_ADDRESS = "Quý cơ quan/tổ chức"


@dataclass(frozen=True)
class LetterData:
    """Everything printed on one letter, as plain values."""

    number_text: str
    issued_on: dt.date
    reason: str
    previous_due_at: dt.datetime
    new_due_at: dt.datetime
    signer_name: str
    signer_title: str
    office_name: str            # the issuing body, in bold at the head (the unit, or the office)
    parent_agency: str          # its parent body
    place_name: str
    dossier_code: str
    procedure_name: str
    applicant_name: str
    applicant_id_number: str
    applicant_address: str
    applicant_phone: str
    unit_name: str              # the deciding unit
    officer_name: str
    received_at: dt.datetime
    applicant_kind: str = "person"          # "person" | "organisation"
    desk_name: str = ""                     # the desk that received the dossier (default: office_name)
    recipients: tuple[str, ...] = ()        # "Nơi nhận", one line each


def addressee(name: str, kind: str) -> tuple[str, str]:
    """(after "Kính gửi:", in the body): ("Ông/Bà Phạm Minh Ánh", "Ông/Bà") for a person, ("Ông Đặng
    Văn Đức", "Ông") when the register already wrote the title, (its name, "Quý cơ quan/tổ chức") for an
    organisation. Never the form's unresolved "Ông/Bà/Tổ chức"."""
    name = " ".join(nfc(name).split())
    if kind == "organisation":
        return name, ORGANISATION_ADDRESS
    for title in ("Ông/Bà", "Ông", "Bà"):
        if name.startswith(title + " "):
            return name, title
    return f"{PERSON_ADDRESS} {name}", PERSON_ADDRESS


def values(data: LetterData) -> dict[str, str]:
    """The template's placeholders for one letter (NFC, dates in the words of Decree 30)."""
    kinh_gui, xung_ho = addressee(data.applicant_name, data.applicant_kind)
    return {
        "co_quan_chu_quan": data.parent_agency,
        "don_vi": data.office_name,
        "bo_phan_tiep_nhan": data.desk_name or data.office_name,
        "dia_danh": data.place_name,
        "ma_ho_so": data.dossier_code,
        "thu_tuc": data.procedure_name,
        "nguoi_nop": data.applicant_name,
        "kinh_gui": kinh_gui,
        "xung_ho": xung_ho,
        "loai_nguoi_nop": "tổ chức" if data.applicant_kind == "organisation" else "cá nhân",
        "so_giay_to": data.applicant_id_number or "không có",
        "dia_chi": data.applicant_address,
        "dien_thoai": data.applicant_phone,
        "don_vi_giai_quyet": data.unit_name or data.office_name,
        "can_bo_tiep_nhan": data.officer_name,
        "gio_tiep_nhan": time_words(data.received_at),
        "ngay_tiep_nhan": date_words(data.received_at),
        "gio_hen_tra": time_words(data.previous_due_at),
        "ngay_hen_tra": date_words(data.previous_due_at),
        "so_phieu": data.number_text,
        "ly_do": data.reason.rstrip(". "),
        "gio_hen_moi": time_words(data.new_due_at),
        "ngay_hen_moi": date_words(data.new_due_at),
    }


def story(data: LetterData, template: Template, st: layout.Styles) -> list:
    """The flowables of one letter."""
    fields = values(data)
    filled = template.fill(fields)
    family = st.family
    number_line = f"Số: {nfc(data.number_text)}"
    place_date = official_date(nfc(data.place_name), data.issued_on)
    # Check every character against the font before anything is drawn: never a box.
    family.check(" ".join([data.parent_agency.upper(), data.office_name.upper(), number_line, place_date,
                           data.signer_title.upper(), data.signer_name, *fields.values(), *data.recipients,
                           *(line for lines in template.sections.values() for line in lines)]),
                 f"phiếu xin lỗi hồ sơ {data.dossier_code}")
    flow: list = [layout.DocumentStart(),
                  layout.header(st, parent_agency=nfc(data.parent_agency), unit=nfc(data.office_name),
                                number_line=number_line, place_date=place_date)]
    flow += [Paragraph(line, st.title) if index == 0 else Paragraph(line, st.center_bold)
             for index, line in enumerate(filled["tieu_de"])]
    for index, line in enumerate(filled["kinh_gui"]):
        flow.append(Paragraph(("Kính gửi: " if index == 0 else "") + line, st.center))
    flow.append(Spacer(1, st.page.body * 0.5))
    body = [Paragraph(line, st.body) for line in filled["noi_dung"]]
    signature = layout.signature(st, [(nfc(data.signer_title), "(Ký và ghi rõ họ tên)", nfc(data.signer_name))],
                                 recipients=[nfc(line) for line in data.recipients])
    # The signature never stands alone on a page: it goes with the last paragraph.
    flow += body[:-1]
    flow.append(KeepTogether([*body[-1:], Spacer(1, st.page.body * 0.4), signature]))
    return flow


def render(letters: Iterable[LetterData], paper: str = "A5", template: Template | None = None) -> bytes:
    """One PDF with every letter, each starting on a new page, its later pages numbered "2/2"."""
    template = template or load(APOLOGY)
    page = layout.profile(paper)
    st = layout.styles(page)
    flow: list = []
    count = 0
    for data in letters:
        if count:
            flow.append(PageBreak())
        flow += story(data, template, st)
        count += 1
    if not count:
        flow.append(Paragraph("(Không có phiếu nào)", st.center))
    return layout.build_pdf(page, flow, title=APOLOGY.title, number_pages=True)

"""The desk's other printed papers: the receipt slip of one dossier and the logbook of a period."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import dossiers
from app.catalog import get_office
from app.context import Context
from app.errors import ConfigurationError, ValidationError
from app.formatting import date_vi, thousands
from app.lifecycle import ResultDelivery, Status
from db.models import ApologyLetter, Dossier, Procedure, Unit

MAX_LOGBOOK_ROWS = 20_000
# The national dossier code ends in the day's sequence: <agency>-YYMMDD-<2-digit platform><sequence>.
_DAY_SEQUENCE = re.compile(r"-\d{6}-\d{2}(\d{4,})$")


def receipt_number(code: str) -> str:
    """The slip's number (Mẫu 01 "Số: …/TNHS"): the day's sequence of a national code (the slip's date
    completes it), or the code itself for a code of another system."""
    match = _DAY_SEQUENCE.search(code)
    return f"{match.group(1) if match else code}/TNHS"


def _office(session: Session):
    office = get_office(session)
    if not office.name or not office.place_name:
        raise ConfigurationError("Chưa khai báo tên đơn vị và địa danh để in (Công cụ → Thông tin cơ quan).")
    return office


def receipt_pdf(session: Session, ctx: Context, dossier_id: int, paper: str | None = None) -> bytes:
    """The receipt slip of a received dossier, with a QR code of its code."""
    from app.printing import receipt

    view = dossiers.get(session, dossier_id)
    if view.status is Status.REGISTERED or view.due_at is None:
        raise ValidationError(f"Hồ sơ {view.code} chưa được tiếp nhận nên chưa có giấy hẹn trả kết quả.")
    office = _office(session)
    row = session.get(Dossier, dossier_id)
    assert row is not None  # dossiers.get found it
    letter = session.execute(select(ApologyLetter.number_text, ApologyLetter.new_due_at)
                             .where(ApologyLetter.dossier_id == dossier_id)).first()
    # The promise made at the counter stays on the paper; an apology letter's date is added, never swapped in.
    promised = row.original_due_at or view.due_at
    data = receipt.ReceiptData(
        office_name=office.name, parent_agency=office.parent_agency, place_name=office.place_name,
        dossier_code=view.code, procedure_name=view.procedure_name, processing=view.processing,
        applicant_name=view.applicant_name, applicant_id_number=view.applicant_id_number,
        applicant_address=view.applicant_address, applicant_phone=view.applicant_phone,
        applicant_email=view.applicant_email, channel=view.channel.label, unit_name=view.unit_name,
        officer_name=view.officer_name, received_at=view.received_at, due_at=promised,
        number=receipt_number(view.code), papers=row.papers_received or "", applicant_kind=row.applicant_kind,
        new_due_at=letter.new_due_at if letter else None, letter_number=letter.number_text if letter else "",
    )
    return receipt.render(data, paper or ctx.settings.letter_paper)


def logbook_rows(session: Session, start: dt.date, end: dt.date) -> list:
    """Dossiers received in [start, end], in order of receipt."""
    from app.printing.logbook import LogbookRow

    if end < start:
        raise ValidationError(f"Ngày cuối {date_vi(end)} trước ngày đầu {date_vi(start)}.")
    low = dt.datetime.combine(start, dt.time())
    high = dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
    where = (Dossier.received_at >= low, Dossier.received_at < high, Dossier.status != int(Status.REGISTERED))
    count = session.execute(select(func.count()).select_from(Dossier).where(*where)).scalar_one()
    if count > MAX_LOGBOOK_ROWS:
        raise ValidationError(f"Khoảng {date_vi(start)}–{date_vi(end)} có {thousands(count)} hồ sơ, quá nhiều cho "
                              f"một sổ in (tối đa {thousands(MAX_LOGBOOK_ROWS)}); hãy chọn khoảng ngắn hơn.")
    result = session.execute(
        select(Dossier.code, Procedure.name, Dossier.applicant_name, Dossier.applicant_address, Dossier.applicant_phone,
               Unit.name, Dossier.received_at, func.coalesce(Dossier.original_due_at, Dossier.due_at),
               ApologyLetter.new_due_at, Dossier.returned_at, Dossier.result_delivery)
        .join(Procedure, Procedure.id == Dossier.procedure_id)
        .outerjoin(Unit, Unit.id == Dossier.unit_id)
        .outerjoin(ApologyLetter, ApologyLetter.dossier_id == Dossier.id)
        .where(*where)
        .order_by(Dossier.received_at, Dossier.id)
    )
    rows = []
    for code, procedure, name, address, phone, unit, received, promised, rescheduled, returned, delivery in result:
        contact = "; ".join(part for part in (address, phone) if part)
        label = ResultDelivery(delivery).label if delivery in {d.value for d in ResultDelivery} else ""
        rows.append(LogbookRow(code, procedure, name, contact, unit or "", received, promised, returned, label,
                               rescheduled))
    return rows


def logbook_pdf(session: Session, ctx: Context, start: dt.date, end: dt.date) -> bytes:
    from app.printing import logbook

    office = _office(session)
    return logbook.render(logbook_rows(session, start, end), office_name=office.name,
                          parent_agency=office.parent_agency, place_name=office.place_name, start=start, end=end,
                          printed_on=ctx.now().date())

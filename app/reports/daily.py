"""The end-of-day workbook the desk sends up (DOMAIN.md §9).

Sheets: the II.06a summary for the day and for the month to date, the plan
rates to date, the dossiers received today, returned today, due soon,
needing an apology, late (each open dossier on one of these three, at its most urgent level), the letters issued today and today's digitization
gaps. Every list is a bounded indexed query; nothing walks the whole register.

Digitization gaps use a simple rule (app.digitization holds the full
per-dossier compliance): a dossier received today in person or by post whose
components are not digitized, or a dossier finished today whose result is not.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from app import worklists
from app.catalog import get_office
from app.context import Context
from app.deadlines import WarningBounds, WarningLevel
from app.errors import ValidationError
from app.formatting import date_vi, datetime_vi
from app.letter_delivery import VIA_LABELS
from app.lifecycle import Channel, ResultDelivery, Status
from app.rates import Period, Summary, rates, summary
from app.reports.period import Workbook, add_ii06a_sheet, add_rates_sheet, office_lines, period_line
from app.reports.xlsx import Column, Sheet, new_workbook, slug, to_bytes
from db.models import ApologyLetter, Dossier, Procedure, Unit

DOSSIER_COLUMNS = (
    Column("STT", 6, "int"), Column("Mã hồ sơ", 26), Column("Tên thủ tục", 40), Column("Người nộp", 24),
    Column("Địa chỉ", 30), Column("Điện thoại", 13), Column("Đơn vị giải quyết", 26), Column("Hình thức nộp", 14),
    Column("Tiếp nhận", 16, "datetime"), Column("Hẹn trả", 16, "datetime"), Column("Trạng thái", 18),
)
_DOSSIER_FIELDS = (Dossier.id, Dossier.code, Procedure.name, Dossier.applicant_name, Dossier.applicant_address,
                   Dossier.applicant_phone, Unit.name, Dossier.channel, Dossier.received_at, Dossier.due_at,
                   Dossier.status)


@dataclass(frozen=True)
class DailyCounts:
    """What the window shows after an export: how many lines each sheet has."""

    received: int
    returned: int
    due_soon: int
    apology: int
    late: int
    letters: int
    digitization_gaps: int


@dataclass(frozen=True)
class DailyReport:
    day: dt.date
    workbook: Workbook
    counts: DailyCounts
    day_summary: Summary
    month_summary: Summary


def _dossier_query(*conditions):
    return (select(*_DOSSIER_FIELDS).join(Procedure, Procedure.id == Dossier.procedure_id)
            .outerjoin(Unit, Unit.id == Dossier.unit_id).where(*conditions))


def _dossier_cells(index: int, row) -> list:
    _id, code, proc, name, address, phone, unit, channel, received, due, status = row
    return [index, code, proc, name, address, phone, unit or "", Channel(channel).label, received, due,
            Status(status).label]


def daily_report(session: Session, ctx: Context, day: dt.date | None = None) -> DailyReport:
    now = ctx.now()
    day = day or now.date()
    if day > now.date():
        raise ValidationError(f"Không lập được báo cáo cho ngày {date_vi(day)}: ngày đó chưa đến "
                              f"(hôm nay là {date_vi(now.date())}).")
    # Warnings as they stood at the report moment: now for today, the close of that day otherwise.
    moment = now if day == now.date() else dt.datetime.combine(day, dt.time(23, 59))
    start, end = dt.datetime.combine(day, dt.time()), dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
    office = get_office(session)
    day_period, month_period = Period.day(day), Period.month_to_date(day)
    day_summary = summary(session, day_period, moment)
    month_summary = summary(session, month_period, moment)
    month_rates = rates(session, month_period, ctx.settings, moment)

    received = session.execute(_dossier_query(Dossier.received_at >= start, Dossier.received_at < end)
                               .order_by(Dossier.received_at, Dossier.id)).all()
    returned = session.execute(
        select(Dossier.code, Procedure.name, Dossier.applicant_name, Unit.name, Dossier.received_at,
               Dossier.due_at, Dossier.finished_at, Dossier.returned_at, Dossier.result_delivery)
        .join(Procedure, Procedure.id == Dossier.procedure_id).outerjoin(Unit, Unit.id == Dossier.unit_id)
        .where(Dossier.returned_at >= start, Dossier.returned_at < end).order_by(Dossier.returned_at, Dossier.id)
    ).all()
    bounds = WarningBounds.at(ctx.calendar, moment, ctx.settings.due_soon_days)
    levels = worklists.classify_open(session, bounds)
    apology_levels = (WarningLevel.APOLOGY_MISSED, WarningLevel.APOLOGY_TODAY, WarningLevel.APOLOGY_TOMORROW)
    apology = worklists.rows_for(session, ctx.calendar, bounds,
                                 [i for i, level in levels.items() if level in apology_levels])
    late = worklists.rows_for(session, ctx.calendar, bounds,
                              [i for i, level in levels.items() if level == WarningLevel.OVERDUE])
    # Each open dossier appears on one warning sheet only, at its most urgent level (as on the Today
    # page): "due soon" holds those due within the setting's working days that need no letter now.
    soon = worklists.rows_for(session, ctx.calendar, bounds,
                              [i for i, level in levels.items() if level == WarningLevel.DUE_SOON])
    letters = session.execute(
        select(ApologyLetter.number_text, ApologyLetter.issued_at, Dossier.code, Dossier.applicant_name,
               Unit.name, ApologyLetter.reason, ApologyLetter.previous_due_at, ApologyLetter.new_due_at,
               ApologyLetter.signer_name, ApologyLetter.late, ApologyLetter.delivered_via, ApologyLetter.delivered_at)
        .join(Dossier, Dossier.id == ApologyLetter.dossier_id).outerjoin(Unit, Unit.id == Dossier.unit_id)
        .where(ApologyLetter.issued_on == day).order_by(ApologyLetter.number)
    ).all()
    gap_fields = (*_DOSSIER_FIELDS, Dossier.finished_at, Dossier.digitized_components, Dossier.digitized_result)
    gap_slices = (  # two indexed slices, not one OR that SQLite would answer by reading the whole register
        and_(Dossier.received_at >= start, Dossier.received_at < end, Dossier.channel != "online",
             Dossier.digitized_components.is_(False)),
        and_(Dossier.finished_at >= start, Dossier.finished_at < end,
             Dossier.status.in_((int(Status.RESULT_READY), int(Status.RETURNED))),
             Dossier.digitized_result.is_(False)),
    )
    found = {}
    for condition in gap_slices:
        for row in session.execute(select(*gap_fields).join(Procedure, Procedure.id == Dossier.procedure_id)
                                   .outerjoin(Unit, Unit.id == Dossier.unit_id).where(condition)):
            found[row[0]] = row
    gaps = sorted(found.values(), key=lambda r: (r[8], r[0]))

    book = new_workbook()
    head = office_lines(office)
    made = f"Lập lúc {datetime_vi(now)}"
    title_day = f"BÁO CÁO CUỐI NGÀY {date_vi(day)}"
    add_ii06a_sheet(book, "Tổng hợp ngày", f"{title_day} — KẾT QUẢ TRONG NGÀY",
                    head + [period_line(day_period), made], day_summary)
    add_ii06a_sheet(book, "Lũy kế tháng", f"{title_day} — LŨY KẾ TỪ ĐẦU THÁNG",
                    head + [period_line(month_period), made], month_summary)
    add_rates_sheet(book, "Chỉ tiêu", f"{title_day} — CÁC CHỈ TIÊU TỪ ĐẦU THÁNG",
                    head + [period_line(month_period), made], month_rates)

    sub = head + [f"Ngày {date_vi(day)}", made]
    sheet = Sheet(book, "Tiếp nhận hôm nay", f"HỒ SƠ TIẾP NHẬN NGÀY {date_vi(day)}", sub, DOSSIER_COLUMNS)
    for index, row in enumerate(received, 1):
        sheet.add(_dossier_cells(index, row))
    sheet.finish()

    sheet = Sheet(book, "Trả kết quả hôm nay", f"HỒ SƠ TRẢ KẾT QUẢ NGÀY {date_vi(day)}", sub, (
        Column("STT", 6, "int"), Column("Mã hồ sơ", 26), Column("Tên thủ tục", 40), Column("Người nộp", 24),
        Column("Đơn vị giải quyết", 26), Column("Tiếp nhận", 16, "datetime"), Column("Hẹn trả", 16, "datetime"),
        Column("Giải quyết xong", 16, "datetime"), Column("Trả kết quả", 16, "datetime"),
        Column("Hình thức nhận kết quả", 20)))
    for index, (code, proc, name, unit, rec, due, fin, ret, how) in enumerate(returned, 1):
        sheet.add([index, code, proc, name, unit or "", rec, due, fin, ret, ResultDelivery(how).label if how else ""])
    sheet.finish()

    warn_columns = (Column("STT", 6, "int"), Column("Mã hồ sơ", 26), Column("Người nộp", 24),
                    Column("Tên thủ tục", 40), Column("Đơn vị giải quyết", 26), Column("Tiếp nhận", 16, "datetime"),
                    Column("Hẹn trả", 16, "datetime"), Column("Cảnh báo", 28), Column("Thời gian", 18))
    for name, title, rows in (("Sắp đến hạn", f"HỒ SƠ SẮP ĐẾN HẠN (TRONG {ctx.settings.due_soon_days} NGÀY LÀM VIỆC)",
                               soon),
                              ("Cần xin lỗi", "HỒ SƠ CẦN PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ", apology),
                              ("Quá hạn", "HỒ SƠ ĐANG GIẢI QUYẾT QUÁ HẠN", late)):
        sheet = Sheet(book, name, title, sub, warn_columns)
        for index, r in enumerate(rows, 1):
            sheet.add([index, r.code, r.applicant_name, r.procedure_name, r.unit_name, r.received_at, r.due_at,
                       r.level.label if r.level is not None else "", r.remaining])
        sheet.finish()

    sheet = Sheet(book, "Phiếu xin lỗi hôm nay", f"PHIẾU XIN LỖI ĐÃ PHÁT HÀNH NGÀY {date_vi(day)}", sub, (
        Column("STT", 6, "int"), Column("Số phiếu", 12), Column("Phát hành lúc", 16, "datetime"),
        Column("Mã hồ sơ", 26), Column("Người nộp", 24), Column("Đơn vị giải quyết", 26), Column("Lý do", 40),
        Column("Hẹn trả cũ", 16, "datetime"), Column("Hẹn trả mới", 16, "datetime"), Column("Người ký", 22),
        Column("Đúng hạn gửi phiếu", 12), Column("Giao cho người nộp", 26)))
    for index, (number, at, code, name, unit, reason, old, new, signer, was_late, via, delivered_at) \
            in enumerate(letters, 1):
        delivered = f"{VIA_LABELS.get(via, via)} {datetime_vi(delivered_at)}" if delivered_at else "Chưa giao"
        sheet.add([index, number, at, code, name, unit or "", reason, old, new, signer,
                   "Trễ" if was_late else "Đúng hạn", delivered])
    sheet.finish()

    sheet = Sheet(book, "Thiếu số hóa", f"HỒ SƠ CHƯA SỐ HÓA ĐỦ NGÀY {date_vi(day)}",
                  sub + ["Hồ sơ nộp trực tiếp/bưu chính chưa số hóa thành phần; hồ sơ giải quyết xong chưa số hóa kết quả"],
                  DOSSIER_COLUMNS[:8] + (Column("Tiếp nhận", 16, "datetime"), Column("Giải quyết xong", 16, "datetime"),
                                         Column("Còn thiếu", 30)))
    for index, row in enumerate(gaps, 1):
        cells = _dossier_cells(index, row[:11])[:9]
        finished_at, components, result = row[11:]
        missing = []
        if row[7] != "online" and not components and start <= row[8] < end:
            missing.append("thành phần hồ sơ")
        if finished_at is not None and not result and start <= finished_at < end:
            missing.append("kết quả giải quyết")
        sheet.add(cells + [finished_at, ", ".join(missing)])
    sheet.finish()

    file_name = f"bao-cao-cuoi-ngay-{slug(office.name) or 'mot-cua'}-{day:%Y-%m-%d}.xlsx"
    counts = DailyCounts(received=len(received), returned=len(returned), due_soon=len(soon), apology=len(apology),
                         late=len(late), letters=len(letters), digitization_gaps=len(gaps))
    return DailyReport(day, Workbook(file_name, to_bytes(book)), counts, day_summary, month_summary)

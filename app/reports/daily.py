"""The end-of-day workbook the desk sends up (DOMAIN.md §9).

Sheets: the II.06a summary for the day and for the month to date, the plan
rates to date, the dossiers received today, returned today, due soon,
needing an apology, late (each open dossier on one of these three, at its most urgent level), the letters issued today and today's digitization
gaps. Every list is a bounded indexed query; nothing walks the whole register.
The last sheet carries the audit chain's head when the report was made (db/audit_seal.py): the higher
office's copy lets ``audit verify --against`` the workbook find events deleted from the register since.

Digitization gaps follow app.digitization_rules, as the Today tile and the Số hóa
page do: the dossiers received or finished that day that fall short of any rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import digitization, ratings, worklists
from app.catalog import get_office
from app.context import Context
from app.deadlines import WarningBounds, WarningLevel
from app.digitization_rules import rule
from app.errors import ValidationError
from app.formatting import date_vi, datetime_vi
from app.letter_delivery import VIA_LABELS
from app.lifecycle import Channel, ResultDelivery, Status
from app.measures import Period, moment_of
from app.rates import Summary, report
from app.reports.period import (
    Workbook,
    add_ii06a_sheet,
    add_rates_sheet,
    add_satisfaction_sheet,
    office_lines,
    period_line,
)
from app.reports.xlsx import Column, Sheet, new_workbook, slug, to_bytes
from db import audit, audit_seal
from db.models import ApologyLetter, Dossier, Procedure, Unit

DOSSIER_COLUMNS = (
    Column("STT", 6, "int"), Column("Mã hồ sơ", 26), Column("Tên thủ tục", 40), Column("Người nộp", 24),
    Column("Địa chỉ", 30), Column("Điện thoại", 13), Column("Đơn vị giải quyết", 26), Column("Hình thức nộp", 14),
    Column("Tiếp nhận", 16, "datetime"), Column("Hẹn trả", 16, "datetime"), Column("Trạng thái", 18),
)
GAP_LIMIT = 5000  # rows listed on the gaps sheet; the count says how many there are in all
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
    # Warnings as they stood at the report moment: now for today, the close of office hours otherwise.
    moment = moment_of(ctx.calendar, now, day)
    start, end = dt.datetime.combine(day, dt.time()), dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
    office = get_office(session)
    day_period, month_period = Period.day(day), Period.month_to_date(day)
    day_summary, day_rates = report(session, day_period, ctx.settings, moment)
    # on the 1st the month to date is the day: the same figures, not counted twice
    month_summary, month_rates = ((day_summary, day_rates) if month_period == day_period
                                  else report(session, month_period, ctx.settings, moment))

    received = session.execute(_dossier_query(Dossier.received_at >= start, Dossier.received_at < end)
                               .order_by(Dossier.received_at, Dossier.id)).all()
    returned = session.execute(
        select(Dossier.code, Procedure.name, Dossier.applicant_name, Unit.name, Dossier.received_at,
               Dossier.due_at, Dossier.finished_at, Dossier.returned_at, Dossier.result_delivery)
        .join(Procedure, Procedure.id == Dossier.procedure_id).outerjoin(Unit, Unit.id == Dossier.unit_id)
        .where(Dossier.returned_at >= start, Dossier.returned_at < end).order_by(Dossier.returned_at, Dossier.id)
    ).all()
    bounds = WarningBounds.at(ctx.calendar, moment, ctx.settings.due_soon_days)
    apology_levels = (WarningLevel.APOLOGY_MISSED, WarningLevel.APOLOGY_TODAY, WarningLevel.APOLOGY_TOMORROW)
    levels = worklists.classify_open(session, bounds, (*apology_levels, WarningLevel.OVERDUE, WarningLevel.DUE_SOON))
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
    # The day's digitization gaps by the same rules as the Today tile and the Số hóa page
    # (app.digitization_rules): dossiers received or finished that day short of any rule.
    gaps = digitization.gap_list(session, ctx, day, day, limit=GAP_LIMIT)

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
                  sub + ["Hồ sơ tiếp nhận hoặc giải quyết xong trong ngày chưa đáp ứng quy định số hóa"
                         + (f" (liệt kê {len(gaps.rows)} trong {gaps.total} hồ sơ)" if gaps.total > len(gaps.rows)
                            else "")],
                  (Column("STT", 6, "int"), Column("Mã hồ sơ", 26), Column("Tên thủ tục", 40),
                   Column("Người nộp", 24), Column("Đơn vị giải quyết", 26), Column("Hình thức nộp", 14),
                   Column("Trạng thái", 18), Column("Tiếp nhận", 16, "datetime"),
                   Column("Giải quyết xong", 16, "datetime"), Column("Còn thiếu", 50)))
    for index, g in enumerate(sorted(gaps.rows, key=lambda g: (g.received_at, g.id)), 1):
        sheet.add([index, g.code, g.procedure_name, g.applicant_name, g.unit_name, g.channel.label, g.status.label,
                   g.received_at, g.finished_at, "; ".join(rule(key).short for key in g.missing)])
    sheet.finish()

    # Citizens' satisfaction with the dossiers that got their result today (per unit, the rated share beside
    # it), and the unhappy ratings recorded today for the head of the centre.
    add_satisfaction_sheet(book, "Hài lòng", f"{title_day} — MỨC ĐỘ HÀI LÒNG CỦA NGƯỜI DÂN TRONG NGÀY",
                           head + [period_line(day_period), made], day_rates)
    unhappy, _total = ratings.unhappy(session, now, day, day)
    sheet = Sheet(book, "Không hài lòng hôm nay", f"HỒ SƠ NGƯỜI DÂN KHÔNG HÀI LÒNG NGÀY {date_vi(day)}", sub, (
        Column("STT", 6, "int"), Column("Mã hồ sơ", 26), Column("Người nộp", 24), Column("Điện thoại", 13),
        Column("Tên thủ tục", 40), Column("Đơn vị giải quyết", 26), Column("Lý do", 40), Column("Ý kiến", 36),
        Column("Cách đánh giá", 16), Column("Thời điểm", 16, "datetime")))
    for index, u in enumerate(unhappy, 1):
        sheet.add([index, u.code, u.applicant_name, u.applicant_phone, u.procedure_name, u.unit_name, u.reasons,
                   u.note, u.via.label, u.rated_at])
    sheet.finish()
    _add_audit_head_sheet(book, session, sub)

    file_name = f"bao-cao-cuoi-ngay-{slug(office.name) or 'mot-cua'}-{day:%Y-%m-%d}.xlsx"
    counts = DailyCounts(received=len(received), returned=len(returned), due_soon=len(soon), apology=len(apology),
                         late=len(late), letters=len(letters), digitization_gaps=gaps.total)
    return DailyReport(day, Workbook(file_name, to_bytes(book)), counts, day_summary, month_summary)


HEAD_SHEET = "Mốc nhật ký"
_HEAD_COLUMNS = (Column("STT", 6, "int"), Column("Sự kiện số", 14, "int"), Column("Mã băm", 68),
                 Column("Khóa niêm phong", 20), Column("Mã xác thực", 68))


def _add_audit_head_sheet(book, session: Session, sub: list[str]) -> None:
    head = audit.chain_head(session)
    sheet = Sheet(book, HEAD_SHEET, "MỐC NHẬT KÝ THAY ĐỔI CỦA SỔ HỒ SƠ",
                  sub + ["Sự kiện mới nhất của nhật ký lúc lập báo cáo, để đối chiếu: "
                         "python main.py audit verify --against <tệp báo cáo này>"], _HEAD_COLUMNS)
    if head is not None:
        sheet.add([1, head.event, head.hash, head.seal or "SHA-256 (không có khóa)", head.mac or ""])
    sheet.finish()


def audit_head_of_workbook(path) -> audit_seal.Head | None:
    """The audit head an end-of-day workbook carries (None for a workbook made before it did)."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        if HEAD_SHEET not in book.sheetnames:
            return None
        rows = list(book[HEAD_SHEET].iter_rows(values_only=True))
    finally:
        book.close()
    for index, row in enumerate(rows):
        if row and row[0] == "STT" and index + 1 < len(rows):
            values = rows[index + 1]
            if len(values) >= 5 and isinstance(values[1], int) and isinstance(values[2], str):
                seal = values[3] if isinstance(values[3], str) and len(values[3]) == 16 else None
                return audit_seal.Head(values[1], values[2], seal, values[4] or None)
    return None

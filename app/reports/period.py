"""Biểu II.06a for any date range, and the dossier logbook (Sổ theo dõi hồ sơ, Mẫu 06)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.catalog import OfficeInfo, get_office
from app.context import Context
from app.formatting import date_vi, datetime_vi
from app.lifecycle import ResultDelivery
from app.measures import GROUPINGS, Period
from app.rates import Rates, Summary
from app.reports.figures import period_figures
from app.reports.xlsx import Column, Sheet, new_workbook, slug, to_bytes
from db.models import Dossier, Procedure, Unit

II06A_COLUMNS = (
    Column("STT", 6, "int"),
    Column("Đơn vị", 34),
    Column("Tổng số hồ sơ tiếp nhận", 12, "int"),
    Column("Trong kỳ: trực tuyến", 12, "int"),
    Column("Trong kỳ: trực tiếp, bưu chính", 13, "int"),
    Column("Từ kỳ trước chuyển sang", 12, "int"),
    Column("Đã giải quyết: tổng số", 12, "int"),
    Column("Đã giải quyết: trước hạn", 12, "int"),
    Column("Đã giải quyết: đúng hạn", 12, "int"),
    Column("Đã giải quyết: quá hạn", 12, "int"),
    Column("Đang giải quyết: tổng số", 12, "int"),
    Column("Đang giải quyết: trong hạn", 12, "int"),
    Column("Đang giải quyết: quá hạn", 12, "int"),
    Column("Tỷ lệ trước và đúng hạn (%)", 12, "percent"),
    # beside the II.06a columns: the rate as the higher office counts it (open overdue dossiers as late)
    Column("Tỷ lệ trước và đúng hạn, tính cả hồ sơ đang quá hạn (%)", 14, "percent"),
)


def period_line(period: Period) -> str:
    return f"Từ ngày {date_vi(period.start)} đến ngày {date_vi(period.end)}"


def office_lines(office: OfficeInfo) -> list[str]:
    lines = []
    if office.parent_agency:
        lines.append(office.parent_agency)
    lines.append(f"Đơn vị báo cáo: {office.name or '(chưa khai báo tên cơ quan)'}")
    if office.report_recipient:
        lines.append(f"Đơn vị nhận báo cáo: {office.report_recipient}")
    return lines


def add_ii06a_sheet(workbook, name: str, title: str, subtitle: list[str], result: Summary) -> Sheet:
    sheet = Sheet(workbook, name, title, subtitle, II06A_COLUMNS)
    for index, group in enumerate(result.groups, start=1):
        c = group.counts
        sheet.add([index, group.name, c.received, c.received_online, c.received_offline, c.carried_over,
                   c.finished, c.early, c.on_time, c.late, c.in_progress, c.open_within, c.open_late,
                   c.on_time_rate, c.on_time_rate_counting_overdue])
    t = result.total
    sheet.add(["", "Tổng cộng", t.received, t.received_online, t.received_offline, t.carried_over, t.finished,
               t.early, t.on_time, t.late, t.in_progress, t.open_within, t.open_late, t.on_time_rate,
               t.on_time_rate_counting_overdue], total=True)
    sheet.finish()
    return sheet


RATE_COLUMNS = (Column("Chỉ tiêu", 60), Column("Số hồ sơ / TTHC đạt", 14, "int"), Column("Trên tổng số", 14, "int"),
                Column("Tỷ lệ (%)", 11, "percent"), Column("Mục tiêu (%)", 11, "int"), Column("Đánh giá", 14),
                # beside the satisfaction rates: how many of the dossiers with a result were rated
                Column("Hồ sơ được đánh giá / có kết quả", 16), Column("Tỷ lệ được đánh giá (%)", 13, "percent"))
VERDICTS = {True: "Đạt", False: "Chưa đạt", None: "—"}


def add_rates_sheet(workbook, name: str, title: str, subtitle: list[str], result: Rates) -> Sheet:
    sheet = Sheet(workbook, name, title, subtitle, RATE_COLUMNS)
    for rate in result.rates:
        rated = f"{rate.rated}/{rate.returned}" if rate.rated is not None else ""
        sheet.add([rate.label, rate.part, rate.whole, rate.value, rate.target, VERDICTS[rate.meets_target], rated,
                   rate.rated_share])
    sheet.finish()
    return sheet


SATISFACTION_COLUMNS = (
    Column("STT", 6, "int"), Column("Đơn vị", 34), Column("Hồ sơ có kết quả", 12, "int"),
    Column("Được đánh giá", 12, "int"), Column("Tỷ lệ được đánh giá (%)", 13, "percent"),
    Column("Rất hài lòng", 11, "int"), Column("Hài lòng", 11, "int"), Column("Không hài lòng", 11, "int"),
    Column("Tỷ lệ hài lòng (%)", 12, "percent"), Column("Mục tiêu (%)", 11, "int"), Column("Đánh giá", 12),
)


def add_satisfaction_sheet(workbook, name: str, title: str, subtitle: list[str], result: Rates) -> Sheet:
    """Satisfaction per unit, field or officer, the rated share beside it; the totals from the overall rates."""
    columns = list(SATISFACTION_COLUMNS)
    columns[1] = Column(GROUPINGS[result.grouping], 34)
    sheet = Sheet(workbook, name, title, subtitle + [
        "Tỷ lệ hài lòng = (rất hài lòng + hài lòng) / hồ sơ được đánh giá, trong số hồ sơ có kết quả trong kỳ"],
        columns)
    for index, line in enumerate(result.satisfaction, start=1):
        sheet.add([index, line.name + (" (đất đai, xây dựng)" if line.land else ""), line.returned, line.rated,
                   line.rated_share, line.very_satisfied, line.satisfied, line.unsatisfied, line.value, line.target,
                   VERDICTS[line.meets_target]])
    for key, name_ in (("satisfaction", "Tổng cộng"), ("satisfaction_land", "Các lĩnh vực đất đai, xây dựng")):
        rate = result[key]
        sheet.add(["", name_, rate.returned, rate.rated, rate.rated_share, None, None, rate.whole - rate.part,
                   rate.value, rate.target, VERDICTS[rate.meets_target]], total=True)
    sheet.finish()
    return sheet


@dataclass(frozen=True)
class Workbook:
    file_name: str
    content: bytes


def period_report(session: Session, ctx: Context, period: Period, grouping: str = "unit") -> tuple[Summary, Rates,
                                                                                                 Workbook]:
    """Biểu II.06a for the range (with the rates beside it) as a workbook."""
    result, rate_result = period_figures(session, ctx, period, grouping)
    return result, rate_result, period_workbook(session, period, result, rate_result)


def period_workbook(session: Session, period: Period, result: Summary, rate_result: Rates) -> Workbook:
    office = get_office(session)
    book = new_workbook()
    subtitle = office_lines(office) + [period_line(period), f"Số liệu tính đến {datetime_vi(result.as_of)}"]
    add_ii06a_sheet(book, "Biểu II.06a", "KẾT QUẢ GIẢI QUYẾT TTHC TẠI BỘ PHẬN MỘT CỬA (Biểu II.06a/VPCP/KSTT)",
                    subtitle, result)
    add_rates_sheet(book, "Chỉ tiêu", "CÁC CHỈ TIÊU THEO KẾ HOẠCH", subtitle, rate_result)
    add_satisfaction_sheet(book, "Hài lòng", "MỨC ĐỘ HÀI LÒNG CỦA NGƯỜI DÂN", subtitle, rate_result)
    name = f"bieu-II.06a-{slug(office.name) or 'mot-cua'}-{period.start:%Y-%m-%d}-den-{period.end:%Y-%m-%d}.xlsx"
    return Workbook(name, to_bytes(book))


LOGBOOK_COLUMNS = (
    Column("STT", 7, "int"), Column("Mã hồ sơ", 26), Column("Tên thủ tục", 40), Column("Tên người nộp", 24),
    Column("Địa chỉ, số điện thoại", 34), Column("Cơ quan chủ trì giải quyết", 26),
    Column("Ngày, giờ nhận", 16, "datetime"), Column("Ngày, giờ hẹn trả", 16, "datetime"),
    Column("Ngày, giờ trả kết quả", 16, "datetime"), Column("Hình thức nhận kết quả", 18), Column("Ký nhận", 12),
)


def logbook(session: Session, ctx: Context, period: Period, limit: int = 1_000_000) -> Workbook:
    """Sổ theo dõi hồ sơ for dossiers received in the range, streamed in receipt order."""
    office = get_office(session)
    book = new_workbook()
    sheet = Sheet(book, "Sổ theo dõi hồ sơ", "SỔ THEO DÕI HỒ SƠ",
                  office_lines(office) + [period_line(period)], LOGBOOK_COLUMNS)
    rows = session.execute(
        select(Dossier.code, Procedure.name, Dossier.applicant_name, Dossier.applicant_address,
               Dossier.applicant_phone, Unit.name, Dossier.received_at, Dossier.due_at, Dossier.returned_at,
               Dossier.result_delivery)
        .join(Procedure, Procedure.id == Dossier.procedure_id).outerjoin(Unit, Unit.id == Dossier.unit_id)
        .where(Dossier.received_at >= period.start_moment, Dossier.received_at < period.end_bound)
        .order_by(Dossier.received_at, Dossier.id).limit(limit)
        .execution_options(yield_per=5000)
    )
    for index, (code, proc, name, address, phone, unit, received, due, returned, delivery) in enumerate(rows, 1):
        contact = "; ".join(p for p in (address, phone) if p)
        how = ResultDelivery(delivery).label if delivery else ""
        sheet.add([index, code, proc, name, contact, unit or "", received, due, returned, how, ""])
    sheet.finish()
    name = f"so-theo-doi-ho-so-{slug(office.name) or 'mot-cua'}-{period.start:%Y-%m-%d}-den-{period.end:%Y-%m-%d}.xlsx"
    return Workbook(name, to_bytes(book))


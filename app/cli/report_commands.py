"""Reports from the command line (for a scheduled task): export-daily, report, outbox."""

from __future__ import annotations

import getpass
from pathlib import Path

from sqlalchemy.orm import sessionmaker

from app.catalog import ensure_user
from app.cli.output import Output
from app.cli.parser import day
from app.clock import Clock
from app.context import load_context
from app.errors import ValidationError
from app.formatting import date_vi, datetime_vi, thousands
from app.measures import GROUPINGS, Period, percent_text
from app.rates import Rates, Summary
from app.reports.figures import period_figures

# The workbook and mail modules (openpyxl: ~0.25 s to import) are loaded by the commands that write or send.


def _user(session, name: str | None) -> int:
    try:
        login = name or getpass.getuser()
    except (KeyError, OSError):
        login = "can-bo"
    return ensure_user(session, login)


def add_parsers(commands, common) -> None:
    daily = commands.add_parser("export-daily", parents=[common], help="xuất báo cáo cuối ngày (Excel) và gửi đi",
                                description="Lập báo cáo cuối ngày, ghi vào thư mục và (với --send) gửi thư; "
                                            "báo cáo được giữ trong hộp thư đi đến khi gửi xong.")
    daily.add_argument("--date", type=day, help="ngày báo cáo YYYY-MM-DD (mặc định: hôm nay)")
    daily.add_argument("--out", metavar="THƯ_MỤC", help="thư mục ghi tệp (mặc định: thiết lập report_folder)")
    daily.add_argument("--send", action="store_true", help="gửi thư tới địa chỉ nhận báo cáo (smtp_recipient)")

    report = commands.add_parser("report", parents=[common], help="Biểu II.06a và các chỉ tiêu cho một kỳ",
                                 description="Tổng hợp kết quả giải quyết TTHC theo Biểu II.06a cho một khoảng ngày.")
    report.add_argument("--from", dest="start", type=day, required=True, help="ngày đầu kỳ YYYY-MM-DD")
    report.add_argument("--to", dest="end", type=day, required=True, help="ngày cuối kỳ YYYY-MM-DD")
    report.add_argument("--by", choices=list(GROUPINGS), default="unit", help="nhóm theo đơn vị, lĩnh vực hoặc cán bộ")
    report.add_argument("--out", metavar="TỆP.xlsx", help="ghi Biểu II.06a ra tệp Excel")

    box = commands.add_parser("outbox", parents=[common], help="hộp thư đi: báo cáo đã/chưa gửi",
                              description="Liệt kê báo cáo trong hộp thư đi; --retry gửi lại các báo cáo chưa gửi được.")
    box.add_argument("--retry", action="store_true", help="gửi lại mọi báo cáo chưa gửi được")

    commands.add_parser("smtp-password", parents=[common], help="lưu mật khẩu thư đi vào kho mật khẩu của máy",
                        description="Hỏi mật khẩu máy chủ thư đi (không hiện khi gõ) và lưu vào keyring của hệ "
                                    "điều hành; không bao giờ ghi vào sổ hồ sơ hay tệp thiết lập.")


def cmd_export_daily(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    from app.reports import outbox
    from app.reports.daily_send import send_daily

    folder = str(Path(args.out).expanduser()) if args.out else None
    result = send_daily(Session, clock, lambda session: _user(session, args.user), day=args.date, folder=folder,
                        send=args.send)
    item = result.item
    c = result.counts
    out.data({"outbox_id": item.id, "status": item.status, "file": item.delivered_path or item.file_name,
              "email_to": item.email_to, "error": item.last_error, "counts": c})
    out.line(f"Báo cáo cuối ngày {date_vi(result.day)}: {c.received} hồ sơ tiếp nhận, {c.returned} trả kết quả, "
             f"{c.due_soon} sắp đến hạn, {c.apology} cần xin lỗi, {c.late} quá hạn, {c.letters} phiếu xin lỗi, "
             f"{c.digitization_gaps} thiếu số hóa.")
    if item.delivered_path:
        out.line(f"Đã ghi: {item.delivered_path}")
    if item.email_to and item.status == "sent":
        out.line(f"Đã gửi thư tới: {item.email_to}")
    if item.status != "sent":
        raise outbox.DeliveryError(f"Báo cáo chưa gửi được (đã giữ trong hộp thư đi, số {item.id}; "
                                   f"gửi lại bằng “outbox --retry”): {item.last_error}")
    return 0


def _summary_data(result: Summary, rate_result: Rates) -> dict:
    def counts(c):
        return {"received": c.received, "received_online": c.received_online, "received_offline": c.received_offline,
                "carried_over": c.carried_over, "finished": c.finished, "early": c.early, "on_time": c.on_time,
                "late": c.late, "in_progress": c.in_progress, "open_within": c.open_within, "open_late": c.open_late,
                "on_time_rate": c.on_time_rate,
                "on_time_rate_counting_overdue": c.on_time_rate_counting_overdue,
                "online_rate": c.online_rate}

    return {
        "from": result.period.start, "to": result.period.end, "as_of": result.as_of, "by": result.grouping,
        "groups": [{"key": g.key, "name": g.name, **counts(g.counts)} for g in result.groups],
        "total": counts(result.total),
        "rates": {r.key: {"label": r.label, "part": r.part, "whole": r.whole, "target": r.target,
                          "percent": r.value, "meets_target": r.meets_target,
                          **({"rated": r.rated, "returned": r.returned, "rated_share": r.rated_share}
                             if r.rated is not None else {})} for r in rate_result.rates},
        # satisfaction per unit, field or officer (the report's grouping), the rated share beside each rate
        "satisfaction": [{"key": line.key, "name": line.name, "returned": line.returned, "rated": line.rated,
                          "very_satisfied": line.very_satisfied, "satisfied": line.satisfied,
                          "unsatisfied": line.unsatisfied, "percent": line.value, "rated_share": line.rated_share,
                          "target": line.target, "meets_target": line.meets_target}
                         for line in rate_result.satisfaction],
    }


def cmd_report(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    period = Period(args.start, args.end)
    path = Path(args.out).expanduser() if args.out else None
    if path is not None and path.suffix.lower() != ".xlsx":
        raise ValidationError(f"Tệp báo cáo phải có đuôi .xlsx: “{args.out}”.")
    with Session() as session:
        ctx = load_context(session, clock)
        result, rate_result = period_figures(session, ctx, period, args.by)
        if path is not None:
            from app.reports.period import period_workbook
            from app.reports.xlsx import write_atomically

            write_atomically(path, period_workbook(session, period, result, rate_result).content)
    out.data({**_summary_data(result, rate_result), "file": str(args.out) if args.out else None})
    out.line(f"Biểu II.06a — từ ngày {date_vi(period.start)} đến ngày {date_vi(period.end)} "
             f"(số liệu đến {datetime_vi(result.as_of)})")
    out.line(f"{'Đơn vị':<40} {'Nhận':>8} {'TT':>7} {'TrTiếp':>7} {'KỳTrước':>8} {'Xong':>8} {'Trước':>7} "
             f"{'Đúng':>7} {'Quá':>6} {'Đang':>7} {'Quá':>6} {'Đúng hạn':>9} {'Cả quá hạn':>10} {'Trực tuyến':>10}")
    for g in list(result.groups) + [None]:
        name, c = (g.name, g.counts) if g else ("TỔNG CỘNG", result.total)
        out.line(f"{name[:40]:<40} {thousands(c.received):>8} {thousands(c.received_online):>7} "
                 f"{thousands(c.received_offline):>7} {thousands(c.carried_over):>8} {thousands(c.finished):>8} "
                 f"{thousands(c.early):>7} {thousands(c.on_time):>7} {thousands(c.late):>6} "
                 f"{thousands(c.in_progress):>7} {thousands(c.open_late):>6} {percent_text(c.on_time_rate):>9} "
                 f"{percent_text(c.on_time_rate_counting_overdue):>10} {percent_text(c.online_rate):>10}")
    out.line("\nChỉ tiêu:")
    for r in rate_result.rates:
        verdict = {True: "đạt", False: "chưa đạt", None: ""}[r.meets_target]
        out.line(f"  {r.label:<78} {thousands(r.part):>8}/{thousands(r.whole):<8} {r.text:>7}"
                 + (f" (mục tiêu {percent_text(r.target, 0)}) {verdict}" if r.target is not None else "")
                 + (f"; {r.rated_text}" if r.rated_text else ""))
    if rate_result.satisfaction:
        out.line(f"\nMức độ hài lòng theo {GROUPINGS[rate_result.grouping].lower()}:")
        out.line(f"  {'':<40} {'Có KQ':>7} {'Đánh giá':>9} {'Tỷ lệ ĐG':>9} {'Hài lòng':>9} {'Mục tiêu':>9}")
        for line in rate_result.satisfaction:
            verdict = {True: "đạt", False: "chưa đạt", None: ""}[line.meets_target]
            out.line(f"  {line.name[:40]:<40} {thousands(line.returned):>7} {thousands(line.rated):>9} "
                     f"{percent_text(line.rated_share):>9} {percent_text(line.value):>9} {percent_text(line.target, 0):>9} {verdict}")
    if args.out:
        out.line(f"\nĐã ghi: {args.out}")
    return 0


def cmd_outbox(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    from app.reports import outbox

    retried = outbox.retry_pending(Session, clock) if args.retry else []
    with Session() as session:
        items = outbox.listing(session)
    out.data({"retried": retried, "items": items})
    if args.retry:
        sent = sum(1 for i in retried if i.status == "sent")
        out.line(f"Đã gửi lại {len(retried)} báo cáo: {sent} thành công, {len(retried) - sent} còn lỗi.")
    if not items:
        out.line("Hộp thư đi trống.")
    for i in items:
        where = ", ".join(p for p in (i.folder, i.email_to) if p)
        out.line(f"  #{i.id:<4} {date_vi(i.report_date)}  {i.status_label:<8} lần thử {i.attempts}  "
                 f"{i.file_name}  → {where}" + (f"\n         lỗi: {i.last_error}" if i.last_error else ""))
    failed = [i for i in retried if i.status != "sent"]
    return 6 if failed else 0


def cmd_smtp_password(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    from app import administration
    from app.cli.admin_commands import _context

    password = getpass.getpass("Mật khẩu thư đi: ")
    if not password:
        raise ValidationError("Chưa nhập mật khẩu; không có gì thay đổi.")
    with Session.begin() as session:   # the one operation: administrators only, and audited
        administration.store_smtp_password(session, _context(session, clock, args), password)
    out.data({"stored": True})
    out.line("Đã lưu mật khẩu thư đi vào kho mật khẩu của máy.")
    return 0


COMMANDS = {"export-daily": cmd_export_daily, "report": cmd_report, "outbox": cmd_outbox,
            "smtp-password": cmd_smtp_password}

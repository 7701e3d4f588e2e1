"""``digitization``: the rates per unit (or field, officer) and the gaps by cause, for a period."""

from __future__ import annotations

from typing import Callable

from sqlalchemy.orm import sessionmaker

from app import digitization
from app.cli.output import Output
from app.cli.parser import day
from app.clock import Clock
from app.context import load_context
from app.digitization import RateReport, RateRow
from app.formatting import thousands
from app.measures import GROUPINGS, percent_text


def add_parsers(commands, common) -> None:
    parser = commands.add_parser(
        "digitization", parents=[common], help="tỷ lệ số hóa theo đơn vị và hồ sơ thiếu số hóa",
        description="Tỷ lệ số hóa (hồ sơ có thành phần và kết quả được số hóa ÷ hồ sơ có kết quả trong kỳ), "
                    "tỷ lệ xác thực định danh và tái sử dụng dữ liệu (trên hồ sơ tiếp nhận trong kỳ), so với chỉ "
                    "tiêu; số hồ sơ thiếu số hóa theo nguyên nhân. Mặc định: từ đầu tháng đến hôm nay.")
    parser.add_argument("--from", dest="start", type=day, metavar="YYYY-MM-DD", help="ngày đầu kỳ")
    parser.add_argument("--to", dest="end", type=day, metavar="YYYY-MM-DD", help="ngày cuối kỳ (mặc định hôm nay)")
    parser.add_argument("--by", choices=list(GROUPINGS), default="unit",
                        help="tính theo đơn vị (unit), lĩnh vực (field) hay cán bộ (officer); mặc định unit")


def _row_data(report: RateReport, row: RateRow) -> dict:
    return {"name": row.name, "handled": row.handled, "digitized": row.digitized,
            "digitization_rate": row.digitization_rate, "meets_target": report.meets_target(row),
            "received": row.received, "identity_checked": row.identity_checked, "identity_rate": row.identity_rate,
            "reused": row.reused, "reuse_rate": row.reuse_rate}


def cmd_digitization(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    with Session() as session:
        ctx = load_context(session, clock)
        period = digitization.period_or_default(ctx, args.start, args.end)
        report, gaps = digitization.overview(session, ctx, period, args.by)  # one pass over the register
    out.data({
        "from": period.start, "to": period.end, "by": args.by, "target": report.target,
        "rows": [_row_data(report, row) for row in report.rows], "total": _row_data(report, report.total),
        "gaps": {rule.key: {"label": rule.sentence, "count": count} for rule, count in gaps.labelled()},
        "dossiers_with_gaps": gaps.dossiers,
    })
    heading = GROUPINGS[args.by]
    out.line(f"Số hóa hồ sơ — {period.label().lower().capitalize()}; chỉ tiêu {percent_text(report.target, 0)}")
    out.line(f"{heading:<40} {'Có KQ':>7} {'Số hóa':>7} {'Tỷ lệ':>7}    {'Nhận':>7} {'Định danh':>9} "
             f"{'Tái sử dụng':>11}")
    for row in (*report.rows, report.total):
        meets = report.meets_target(row)
        mark = " " if meets is None else ("✓" if meets else "✗")
        if row is report.total:
            out.line("-" * 98)
        out.line(f"{row.name[:40]:<40} {thousands(row.handled):>7} {thousands(row.digitized):>7} "
                 f"{percent_text(row.digitization_rate):>7} {mark}  {thousands(row.received):>7} "
                 f"{percent_text(row.identity_rate):>9} {percent_text(row.reuse_rate):>11}")
    out.line("(✓ đạt, ✗ chưa đạt chỉ tiêu; tỷ lệ số hóa tính trên hồ sơ có kết quả trong kỳ, "
             "định danh và tái sử dụng trên hồ sơ tiếp nhận trong kỳ)")
    out.line("")
    out.line(f"Hồ sơ thiếu số hóa (tiếp nhận hoặc kết thúc trong kỳ): {thousands(gaps.dossiers)} hồ sơ")
    for rule, count in gaps.labelled():
        out.line(f"  {thousands(count):>7}  {rule.sentence}")
    return 0


COMMANDS: dict[str, Callable] = {"digitization": cmd_digitization}

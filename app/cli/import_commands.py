"""``import`` and ``import-catalog``: the provincial system's exports into the register, from a terminal."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Callable

from sqlalchemy.orm import sessionmaker

from app.catalog import ensure_user
from app.cli.output import Output
from app.clock import Clock
from app.context import load_context
from app.formatting import thousands
from app.importing import service


def add_parsers(commands, common) -> None:
    dossiers = commands.add_parser(
        "import", parents=[common], help="nhập hồ sơ từ tệp Excel/CSV của hệ thống một cửa",
        description="Nhập danh sách hồ sơ (.xlsx, .xls, .ods, .csv). Cột được nhận theo tiêu đề; hồ sơ đã có "
                    "(cùng mã) được cập nhật, hồ sơ mới được thêm. Ghi tất cả hoặc không ghi gì.")
    dossiers.add_argument("file", metavar="TỆP")
    dossiers.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi vào sổ")
    dossiers.add_argument("--source", metavar="NGUỒN",
                          help="tên nguồn tệp (cách ghép cột đã lưu theo nguồn); mặc định theo tên tệp")
    dossiers.add_argument("--create-procedures", action="store_true",
                          help="tạo các thủ tục chưa có trong danh mục (sau khi đã xem trước)")
    dossiers.add_argument("--create-units", action="store_true",
                          help="tạo các đơn vị giải quyết có trong tệp mà chưa có trong danh sách đơn vị "
                               "(sau khi đã xem trước)")
    dossiers.add_argument("--skip-invalid", action="store_true",
                          help="bỏ qua các dòng lỗi và nhập các dòng hợp lệ")
    catalog = commands.add_parser(
        "import-catalog", parents=[common], help="nhập danh mục thủ tục hành chính từ tệp",
        description="Nhập danh mục thủ tục (mã, tên, lĩnh vực, thời hạn, mức độ trực tuyến, phí, kết quả giấy).")
    catalog.add_argument("file", metavar="TỆP")
    catalog.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi vào danh mục")
    catalog.add_argument("--source", metavar="NGUỒN", help="tên nguồn tệp (cách ghép cột đã lưu)")
    catalog.add_argument("--skip-invalid", action="store_true", help="bỏ qua các dòng lỗi")


def _progress(out: Output) -> Callable[[int, int, str], None] | None:
    if out.as_json or not sys.stderr.isatty():
        return None

    def report(done: int, total: int, text: str) -> None:
        print(f"\r  {text} {thousands(done)}/{thousands(total)}   ", end="", file=sys.stderr, flush=True)
    return report


def _acting_user(session, name: str | None) -> int:
    from app.cli.commands import _acting_user as acting

    return acting(session, name)


def _print_problems(out: Output, problems, limit: int = 50) -> None:
    if not problems:
        return
    out.line(f"Dòng không nhập được ({len(problems)}):")
    for problem in problems[:limit]:
        out.line(f"  dòng {problem.row:<6} {problem.code[:28]:<28} {problem.reason}")
    if len(problems) > limit:
        out.line(f"  … và {len(problems) - limit} dòng khác (xem báo cáo)")


def cmd_import(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    started = time.perf_counter()
    progress = _progress(out)
    if args.dry_run:
        with Session() as session:
            ctx = load_context(session, clock)
            plan = service.preview_dossiers(session, ctx, args.file, args.source, progress=progress)
            report: Path | str = service.save_dossier_report(ctx, plan, None)
        result = None
    else:
        with Session.begin() as session:
            user_id = _acting_user(session, args.user)
            ctx = load_context(session, clock, user_id)
            plan, result = service.import_dossiers(
                session, ctx, args.file, args.source, create_procedures=args.create_procedures,
                skip_rejected=args.skip_invalid, progress=progress, create_units=args.create_units)
            report = result.report_path
    if progress:
        print(file=sys.stderr)
    elapsed = time.perf_counter() - started
    out.data({"file": plan.file.name, "dry_run": bool(args.dry_run), "encoding": plan.file.encoding,
              "rows": plan.file.data_rows, "added": plan.added, "updated": plan.updated,
              "unchanged": plan.unchanged, "rejected": plan.rejected,
              "problems": plan.problems, "unknown_procedures": plan.unknown_procedures,
              "unknown_headers": list(plan.file.unknown_headers),
              "procedures_created": result.procedures_created if result else 0,
              "unknown_units": plan.unknown_units, "units_created": result.units_created if result else 0,
              "ratings": plan.rated, "rating_scale": plan.file.rating_scale,
              "report": str(report), "seconds": round(elapsed, 2)})
    verb = "Xem trước" if args.dry_run else "Đã nhập"
    out.line(f"{verb} “{plan.file.name}”: {thousands(plan.file.data_rows)} dòng — thêm mới "
             f"{thousands(plan.added)}, cập nhật {thousands(plan.updated)}, không đổi {thousands(plan.unchanged)}, "
             f"không nhập được {thousands(plan.rejected)} ({elapsed:.1f} giây).")
    if plan.file.rating_scale is not None:
        out.line(f"Đánh giá hài lòng: {thousands(plan.rated)} hồ sơ (điểm đọc theo thang 1–{plan.file.rating_scale}).")
    if plan.file.unknown_headers:
        out.line("Cột không nhận ra (bỏ qua): " + ", ".join(f"“{h}”" for h in plan.file.unknown_headers))
    if plan.unknown_procedures:
        out.line(f"Thủ tục chưa có trong danh mục ({len(plan.unknown_procedures)}):")
        for item in plan.unknown_procedures:
            out.line(f"  {item.code or '(không mã)'} — {item.name or '(không tên)'}: {item.rows} dòng")
        if args.dry_run:
            out.line("  Dùng --create-procedures để tạo các thủ tục này khi nhập.")
    if plan.unknown_units:
        out.line(f"Đơn vị giải quyết chưa có trong danh sách ({len(plan.unknown_units)}):")
        for unit in plan.unknown_units:
            out.line(f"  {unit.name}: {thousands(unit.rows)} dòng")
        if args.dry_run:
            out.line("  Dùng --create-units để tạo các đơn vị này khi nhập.")
    if result and result.units_created:
        out.line(f"Đã tạo {result.units_created} đơn vị mới.")
    if result and result.procedures_created:
        out.line(f"Đã tạo {result.procedures_created} thủ tục mới (thời hạn chưa rõ: hãy nhập danh mục thủ tục).")
    _print_problems(out, plan.problems)
    if args.dry_run and plan.problems:
        out.line("Khi nhập thật, tệp có dòng lỗi sẽ không được ghi, trừ khi dùng --skip-invalid.")
    out.line(f"Báo cáo (bảng tính Excel): {report}")
    return 0


def cmd_import_catalog(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    if args.dry_run:
        with Session() as session:
            plan = service.preview_catalog(session, args.file, args.source)
        report = ""
    else:
        with Session.begin() as session:
            ctx = load_context(session, clock, ensure_user(session, args.user) if args.user else None)
            plan, result = service.import_catalog(session, ctx, args.file, args.source,
                                                  skip_rejected=args.skip_invalid)
            report = result.report_path
    out.data({"file": plan.file_name, "dry_run": bool(args.dry_run), "added": plan.added, "updated": plan.updated,
              "unchanged": plan.unchanged, "rejected": plan.rejected, "problems": plan.problems,
              "report": report})
    verb = "Xem trước" if args.dry_run else "Đã nhập"
    out.line(f"{verb} danh mục “{plan.file_name}”: thêm mới {plan.added}, cập nhật {plan.updated}, "
             f"không đổi {plan.unchanged}, không nhập được {plan.rejected}.")
    _print_problems(out, plan.problems)
    if report:
        out.line(f"Báo cáo (bảng tính Excel): {report}")
    return 0


COMMANDS = {"import": cmd_import, "import-catalog": cmd_import_catalog}

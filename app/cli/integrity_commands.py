"""``check``: SQLite's full check of the register, on demand (a scheduled task can run it nightly)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import sessionmaker

from app.cli.output import Output
from app.clock import Clock
from app.formatting import thousands


def add_parsers(commands, common) -> None:
    commands.add_parser(
        "check", parents=[common], help="kiểm tra toàn vẹn sổ hồ sơ (đọc toàn bộ tệp)",
        description="Chạy kiểm tra toàn vẹn đầy đủ của SQLite trên sổ hồ sơ (đọc mọi trang; vài giây với sổ "
                    "lớn). Sổ hỏng: báo lỗi kèm bản sao lưu tốt gần nhất để khôi phục (mã thoát 5).")


def cmd_check(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    from app.integrity import full_check

    result = full_check(Session)   # damage is raised and reported like on opening
    if result.path is None:
        out.data({"checked": False, "reason": "server"})
        out.line("Sổ hồ sơ trên máy chủ dùng chung: máy chủ CSDL tự kiểm tra dữ liệu của mình "
                 "(người quản trị máy chủ dùng pg_amcheck); không có tệp để kiểm tra ở máy này.")
        return 0
    out.data({"checked": True, "file": str(result.path), "size": result.size, "seconds": round(result.seconds, 2),
              "integrity": "ok", "report_days_repaired": result.days_repaired,
              "finished_before_received": result.finished_before_received,
              "finished_before_received_codes": list(result.finished_before_received_codes)})
    size = f"{thousands(round(result.size / 1_000_000))} MB" if result.size >= 1_000_000 else \
        f"{thousands(round(result.size / 1000))} KB"
    out.line(f"Sổ hồ sơ nguyên vẹn: {result.path} ({size}, kiểm tra trong {result.seconds:.1f} giây).")
    if result.days_repaired:
        out.line(f"Số liệu theo ngày dùng cho báo cáo lệch so với hồ sơ ({thousands(result.days_repaired)} dòng): "
                 "đã tính lại từ hồ sơ.")
    if sentence := result.inverted_dates_sentence():
        out.line(f"Lưu ý: {sentence}")
    return 0


COMMANDS: dict[str, Callable] = {"check": cmd_check}

"""``calendar``: the year's days off and make-up days with where each comes from; the office's changes.

Changes (``--add-off``, ``--add-work``, ``--remove``, ``--confirm``, ``--load``)
go through app.calendar_changes: an administrator only, audited, and followed by
the list of open dossiers whose due dates the change touches (``--dry-run``
lists them without changing anything).
"""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Callable

from sqlalchemy.orm import sessionmaker

from app import calendar_changes
from app.cli.output import Output
from app.cli.parser import day, year
from app.clock import Clock
from app.context import load_context
from app.errors import ValidationError
from app.formatting import date_vi, datetime_vi
from app.workcalendar import weekday_vi


def add_parsers(commands, common) -> None:
    calendar = commands.add_parser(
        "calendar", parents=[common], help="lịch ngày nghỉ, ngày làm bù và nguồn của từng ngày",
        description="Liệt kê ngày nghỉ lễ, Tết và ngày làm bù của một năm, mỗi ngày kèm nguồn (quyết định, theo "
                    "luật, dự kiến, chưa xác nhận, cơ quan); thêm/bỏ ngày của cơ quan, xác nhận ngày chưa xác "
                    "nhận, nạp tệp quyết định nghỉ lễ mới. Mỗi thay đổi liệt kê hồ sơ đang giải quyết bị ảnh hưởng.")
    calendar.add_argument("--year", type=year, help="năm (mặc định năm nay, hoặc năm của ngày thay đổi)")
    change = calendar.add_mutually_exclusive_group()
    change.add_argument("--add-off", type=day, metavar="YYYY-MM-DD", help="cơ quan nghỉ ngày này")
    change.add_argument("--add-work", type=day, metavar="YYYY-MM-DD",
                        help="cơ quan làm việc ngày này (làm bù nếu là cuối tuần)")
    change.add_argument("--remove", type=day, metavar="YYYY-MM-DD", help="bỏ điều chỉnh của cơ quan cho ngày này")
    change.add_argument("--confirm", type=day, metavar="YYYY-MM-DD",
                        help="xác nhận một ngày chưa xác nhận/dự kiến (cần --off hoặc --work và --note)")
    change.add_argument("--load", metavar="TỆP", help="nạp tệp quyết định nghỉ lễ (JSON) do tỉnh gửi")
    settle = calendar.add_mutually_exclusive_group()
    settle.add_argument("--off", action="store_true", help="với --confirm: là ngày nghỉ")
    settle.add_argument("--work", action="store_true", help="với --confirm: là ngày làm việc")
    calendar.add_argument("--note", default="", help="ghi chú / căn cứ (ví dụ số văn bản thông báo)")
    calendar.add_argument("--dry-run", action="store_true",
                          help="chỉ cho biết thay đổi ảnh hưởng hồ sơ nào, không ghi gì")


def _login_name(name: str | None) -> str:
    try:
        return name or getpass.getuser()
    except (KeyError, OSError):
        return "can-bo"


def _change(session, args, clock: Clock) -> calendar_changes.CalendarImpact:
    from app.accounts import user_id_by_name

    ctx = load_context(session, clock, user_id_by_name(session, _login_name(args.user)))
    dry = args.dry_run
    note = args.note.strip()
    if args.load:
        path = Path(args.load)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise ValidationError(f"Không đọc được tệp “{path}”: {error.__class__.__name__}.") from None
        if dry:
            return calendar_changes.preview_load(session, ctx, text)
        return calendar_changes.load_decisions(session, ctx, text)
    if args.confirm:
        if not (args.off or args.work):
            raise ValidationError("Xác nhận ngày cần --off (ngày nghỉ) hoặc --work (ngày làm việc).")
        calendar_changes.check_confirmable(ctx, args.confirm)
        if dry:
            return calendar_changes.preview_day(session, ctx, args.confirm, bool(args.work), note)
        return calendar_changes.confirm_day(session, ctx, args.confirm, bool(args.work), note)
    target = args.add_off or args.add_work or args.remove
    working = None if args.remove else bool(args.add_work)
    if dry:
        return calendar_changes.preview_day(session, ctx, target, working, note)
    return calendar_changes.change_day(session, ctx, target, working, note)


def cmd_calendar(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    changed_day = args.add_off or args.add_work or args.remove or args.confirm
    if (args.off or args.work) and not args.confirm:
        raise ValidationError("--off/--work chỉ dùng với --confirm.")
    impact = None
    with Session.begin() as session:
        if changed_day or args.load:
            impact = _change(session, args, clock)  # the previews write nothing
        ctx = load_context(session, clock)
    calendar = ctx.calendar
    shown_year = args.year or (changed_day.year if changed_day else clock.now().year)
    days = calendar.special_days(shown_year)
    tet_decided = calendar.tet_decided(shown_year)
    out.data({
        "year": shown_year, "tet_decided": tet_decided,
        "days": [{"date": d.day, "weekday": weekday_vi(d.day), "working": d.working, "note": d.name,
                  "name": d.name, "source": d.source.value if d.source else None, "source_label": d.source_label,
                  "reference": d.reference} for d in days],
        "change": None if impact is None else {
            "applied": impact.applied, "summary": impact.summary(),
            "days": [{"date": c.day, "before": c.before.name or ("làm việc" if c.before.working else "nghỉ"),
                      "before_working": c.before.working, "after_working": c.after.working,
                      "source": c.after.source.value if c.after.source else None} for c in impact.changes],
            "dossiers": [{"code": d.code, "applicant_name": d.applicant_name, "received_at": d.received_at,
                          "due_at": d.due_at, "new_due_at": d.new_due_at, "recomputed": d.recompute and impact.applied,
                          "recompute": d.recompute, "new_slip": d.new_slip, "due_on_day_off": d.due_on_day_off,
                          "reason": d.reason} for d in impact.dossiers],
        },
    })
    if impact is not None:
        out.line(("Thử (không ghi): " if args.dry_run else "Đã cập nhật lịch. ") + impact.summary())
        for d in impact.dossiers:
            new = f" → {datetime_vi(d.new_due_at)}" if d.new_due_at and d.new_due_at != d.due_at else ""
            flag = "  [ngày hẹn rơi vào ngày nghỉ]" if d.due_on_day_off else ""
            out.line(f"  {d.code:<28} {d.applicant_name[:24]:<24} hẹn {datetime_vi(d.due_at)}{new}  ({d.reason}){flag}")
        out.line()
    out.line(f"Ngày nghỉ và ngày làm bù năm {shown_year}:")
    if not tet_decided:
        out.line(f"  ⚠ Lịch nghỉ Tết Nguyên Đán {shown_year} chưa có quyết định chính thức: các ngày “dự kiến” "
                 f"do máy tính theo âm lịch; nạp văn bản mới bằng “calendar --load TỆP”.")
    for info in days:
        mark = "LÀM VIỆC" if info.working else "nghỉ    "
        source = f"[{info.source_label.lower()}" + (f": {info.reference}" if info.reference and info.source is not None
                                                      and info.source.value != "co_quan" else "") + "]"
        out.line(f"  {weekday_vi(info.day):<9} {date_vi(info.day)}  {mark}  {info.name}  {source}")
    off = sum(1 for d in days if not d.working)
    out.line(f"Tổng: {off} ngày nghỉ (kể cả cuối tuần liền kỳ nghỉ), {len(days) - off} ngày làm việc đặc biệt "
             f"(làm bù, đi làm, chưa xác nhận).")
    return 0


COMMANDS: dict[str, Callable] = {"calendar": cmd_calendar}

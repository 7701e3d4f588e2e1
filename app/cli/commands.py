"""The CLI commands: the same core the window uses, printed for a terminal or as JSON."""

from __future__ import annotations

import dataclasses
import getpass
import sys
import time
from typing import Callable, TextIO

from sqlalchemy.orm import Session, sessionmaker

from app import dossiers, validation, worklists
from app.catalog import ensure_user
from app.cli import registry
from app.cli.output import Output
from app.clock import Clock
from app.context import Context, load_context
from app.deadlines import (
    ProcessingTime,
    WarningBounds,
    WarningLevel,
    apology_deadline,
    due_from_receipt,
    finish_timing,
    level_label,
    level_of,
    time_left,
)
from app.errors import ValidationError
from app.formatting import date_vi, datetime_vi, moment_with_weekday, thousands
from app.lifecycle import TimeUnit
from app.measures import moment_of
from app.workcalendar import weekday_vi


def _login_name(name: str | None) -> str:
    try:
        return name or getpass.getuser()
    except (KeyError, OSError):
        return "can-bo"


def _acting_user(session: Session, name: str | None) -> int:
    return ensure_user(session, _login_name(name))


def cmd_due(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    with Session() as session:
        ctx = load_context(session, clock)
    unit = TimeUnit.DAY if args.days is not None else TimeUnit.HOUR
    amount = validation.processing_amount(args.days if args.days is not None else args.hours, unit.value)
    time_ = ProcessingTime(amount, unit)   # 1e308 hours would count working days for ever
    due = due_from_receipt(ctx.calendar, args.received, time_)
    start = ctx.calendar.counting_start_day(args.received)
    deadline = apology_deadline(ctx.calendar, due, args.received)
    out.data({"received_at": args.received, "counting_from": start, "processing": time_.describe(),
              "due_at": due, "apology_deadline": deadline})
    out.line(f"Tiếp nhận:        {moment_with_weekday(args.received)}")
    if start != args.received.date():
        out.line(f"Tính từ:          {weekday_vi(start)}, {date_vi(start)} "
                 f"(nhận sau {ctx.settings.cutoff} hoặc ngày nghỉ)")
    out.line(f"Thời hạn:         {time_.describe()}")
    out.line(f"Hẹn trả kết quả:  {moment_with_weekday(due)}")
    out.line(f"Hạn gửi phiếu xin lỗi (nếu trễ): {weekday_vi(deadline)}, {date_vi(deadline)}")
    return 0


def cmd_warnings(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    with Session() as session:
        ctx = load_context(session, clock)
        now = moment_of(ctx.calendar, clock.now(), args.date)  # a past day: as it stood at its close
        bounds = WarningBounds.at(ctx.calendar, now, ctx.settings.due_soon_days)
        # the JSON lists every dossier; the text shows the first --limit of each level and the count
        found = worklists.warnings(session, bounds, limit=None if out.as_json or not args.limit else args.limit)
    out.data({"at": now, "levels": {item.level.name.lower(): {"label": item.label, "count": item.count,
                                                              "dossiers": item.rows}
                                    for item in found}})
    out.line(f"Cảnh báo lúc {datetime_vi(now)} ({weekday_vi(now.date())}):")
    for item in found:
        out.line(f"\n{item.level.marker} {item.label}: {item.count} hồ sơ")
        for row in item.rows:
            out.line(f"   {row.code:<28} {row.applicant_name[:28]:<28} hẹn {datetime_vi(row.due_at):<17} "
                     f"{row.remaining}")
        if len(item.rows) < item.count:
            out.line(f"   … và {item.count - len(item.rows)} hồ sơ khác (dùng --limit 0 để xem hết)")
    return 0


def cmd_show(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    from app import letter_delivery, ratings

    with Session() as session:
        ctx = load_context(session, clock)
        view = dossiers.get(session, dossiers.find_id(session, args.code))
        events = worklists.history(session, view.id)
        delivery = letter_delivery.get_delivery(session, view.id)
        rating = ratings.get_rating(session, view.id)
    now = clock.now()
    bounds = WarningBounds.at(ctx.calendar, now, ctx.settings.due_soon_days)
    level = level_of(int(view.status), view.due_at, view.apology_deadline_at, bounds)
    timing = finish_timing(view.finished_at, view.due_at) if view.finished_at and view.due_at else None
    out.data({"dossier": view, "warning": level.name.lower() if level is not None else None,
              "timing": timing.value if timing else None, "history": events, "letter_delivery": delivery,
              "rating": None if rating is None else {
                  "level": rating.level.slug, "label": rating.level.label, "reasons": [r.slug for r in rating.reasons],
                  "via": rating.via.value, "note": rating.note, "rated_at": rating.rated_at,
                  "recorded_at": rating.recorded_at, "recorded_by": rating.recorded_by}})
    out.line(f"Hồ sơ {view.code} — {view.status.label}")
    out.line(f"  Thủ tục:      {view.procedure_name} ({view.procedure_code}; {view.field}; {view.processing})")
    out.line(f"  Đơn vị:       {view.unit_name}")
    out.line(f"  Người nộp:    {view.applicant_name} ({view.applicant_kind.label}); "
             f"giấy tờ {view.applicant_id_number or '—'}; ĐT {view.applicant_phone or '—'}")
    out.line(f"  Địa chỉ:      {view.applicant_address or '—'}")
    out.line(f"  Hình thức:    {view.channel.label}")
    out.line(f"  Tiếp nhận:    {moment_with_weekday(view.received_at)}")
    if view.due_at:
        out.line(f"  Hẹn trả:      {moment_with_weekday(view.due_at)}"
                 + (f" (ấn định: {view.due_manual_reason})" if view.due_manual_reason else ""))
    if view.letter_number:
        out.line(f"  Phiếu xin lỗi: số {view.letter_number}"
                 + (f" — {delivery.describe()}" if delivery else ""))
    if level is not None and view.due_at:
        left = time_left(bounds, level, view.due_at, view.apology_deadline_at)
        out.line(f"  Cảnh báo:     {level_label(level, bounds)}" + (f" — {left}" if left else ""))
    if view.finished_at:
        out.line(f"  Kết thúc:     {datetime_vi(view.finished_at)}" + (f" — {timing.label}" if timing else ""))
    if view.returned_at:
        out.line(f"  Trả kết quả:  {datetime_vi(view.returned_at)}")
    if view.closing_reason:
        out.line(f"  Lý do:        {view.closing_reason}")
    if rating is not None:
        out.line(f"  Đánh giá:     {rating.describe()}")
    elif view.status.value in (9, 10):
        out.line("  Đánh giá:     chưa có (ghi nhận bằng lệnh “rate”)")
    out.line("  Lịch sử:")
    for event in events:
        change = f"{event.old_value} → {event.new_value}" if event.old_value else event.new_value
        out.line(f"    {datetime_vi(event.at)}  {event.user:<18} {change}" + (f"  ({event.note})" if event.note else ""))
    return 0


def cmd_search(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    with Session() as session:
        ids = worklists.search_ids(session, args.text, args.limit or 50)
        views = [dossiers.get(session, i) for i in ids]
    out.data([{"code": v.code, "applicant_name": v.applicant_name, "status": v.status.label,
               "received_at": v.received_at, "due_at": v.due_at} for v in views])
    out.line(f"Tìm “{args.text}”: {len(views)} hồ sơ" + (" (giới hạn)" if len(views) == (args.limit or 50) else ""))
    for v in views:
        out.line(f"  {v.code:<28} {v.applicant_name:<30} {v.status.label:<24} nhận {date_vi(v.received_at)}")
    return 0


def cmd_demo(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    if args.remove:
        return _remove_demo(args, Session, clock, out)
    from app.demo import generate  # the generator and its name lists only for this command

    if args.count < 1:
        raise ValidationError("Số hồ sơ mẫu phải ít nhất là 1.")
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if not out.as_json and sys.stderr.isatty():
            print(f"\r  {thousands(done):>9}/{thousands(total)} hồ sơ", end="", file=sys.stderr, flush=True)

    with Session.begin() as session:
        ctx: Context = load_context(session, clock)
        result = generate(session, ctx.calendar, clock.now(), args.count, args.seed, progress)
    elapsed = time.perf_counter() - started
    if not out.as_json and sys.stderr.isatty():
        print(file=sys.stderr)
    out.data({**dataclasses.asdict(result), "seconds": round(elapsed, 1)})
    out.line(f"Đã tạo {thousands(result.dossiers)} hồ sơ mẫu ({thousands(result.open)} đang giải quyết, "
             f"{thousands(result.letters)} phiếu xin lỗi, {thousands(result.events)} sự kiện) "
             f"trong {elapsed:.1f} giây.")
    return 0


def _remove_demo(args, Session: sessionmaker, clock: Clock, out: Output) -> int:
    """``demo --remove``: the demo data out of this register, as an administrator (app/demo_removal.py)."""
    from app import demo_removal
    from app.accounts import user_id_by_name

    with Session.begin() as session:
        ctx = load_context(session, clock, user_id_by_name(session, _login_name(args.user)))
        result = demo_removal.remove(session, ctx)
    out.data({**dataclasses.asdict(result), "message": result.message})
    out.line(result.message)
    return 0


COMMANDS: dict[str, Callable] = {
    "due": cmd_due,
    "warnings": cmd_warnings,
    "show": cmd_show,
    "search": cmd_search,
    "demo": cmd_demo,
}


def run(args, Session: sessionmaker, clock: Clock, stream: TextIO = sys.stdout) -> int:
    handler = COMMANDS.get(args.command) or registry.handler(args.command)  # a module imported only now
    return handler(args, Session, clock, Output(stream, getattr(args, "json", False)))


# WarningLevel is re-exported for callers that group output by level.
__all__ = ["run", "COMMANDS", "WarningLevel"]

"""Changing the office's calendar, and what it does to the due dates already given.

One operation per change (add/remove a day, confirm an unconfirmed or
provisional day, load a decisions file), each in two steps the CLI and the
window share: ``preview_*`` says which days change and which open dossiers'
due dates would move, without writing; the change itself writes and then
recomputes only the dossiers whose promise can still be corrected.

Which due dates move (one rule, the one of ``dossiers.set_due_manually``): the
promise on the receipt slip may be corrected on the day it is given; after
that it stands. So, for an open dossier whose computed due date the change
moves:
- received **today**, due date computed by the desk (no manual date, no
  apology letter): recomputed on the new calendar, and listed as needing a new
  receipt slip (the one printed earlier today shows the old date);
- received **before today**: the promised date stays (it is on paper in the
  citizen's hands); listed, and flagged when that date is now a day off;
- a manual due date or an apology letter's new date: stays (listed).
Dossiers registered online but not yet accepted have no due date yet.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import administration, holiday_decisions
from app.context import Context, loaded_decisions_text
from app.deadlines import ProcessingTime, due_from_receipt
from app.errors import ValidationError
from app.formatting import date_vi, datetime_vi
from app.holiday_decisions import Source
from app.lifecycle import OPEN, Status, TimeUnit
from app.permissions import Permission, require
from app.workcalendar import DayInfo, DayOverride, WorkCalendar
from db.models import ApologyLetter, CalendarOverride, Dossier, Procedure, Setting, SupplementPeriod


@dataclass(frozen=True)
class DayChange:
    before: DayInfo
    after: DayInfo

    @property
    def day(self) -> dt.date:
        return self.after.day


@dataclass(frozen=True)
class AffectedDossier:
    id: int
    code: str
    applicant_name: str
    received_at: dt.datetime
    due_at: dt.datetime
    new_due_at: dt.datetime | None   # on the new calendar (None: not computed by the desk)
    recompute: bool                  # True: the due date is moved to new_due_at
    reason: str                      # why it is (not) moved
    due_on_day_off: bool = False     # the kept date is now a day off

    @property
    def new_slip(self) -> bool:
        """A receipt slip with the new date must be printed again."""
        return self.recompute


@dataclass(frozen=True)
class CalendarImpact:
    changes: tuple[DayChange, ...]
    dossiers: tuple[AffectedDossier, ...]
    applied: bool = False

    @property
    def recomputed(self) -> tuple[AffectedDossier, ...]:
        return tuple(d for d in self.dossiers if d.recompute)

    @property
    def kept(self) -> tuple[AffectedDossier, ...]:
        return tuple(d for d in self.dossiers if not d.recompute)

    def summary(self) -> str:
        if not self.changes:
            return "Lịch làm việc không đổi ngày nào."
        days = ", ".join(date_vi(c.day) for c in self.changes[:6]) + (" …" if len(self.changes) > 6 else "")
        head = f"{len(self.changes)} ngày đổi ({days})"
        if not self.dossiers:
            return head + "; không hồ sơ đang giải quyết nào đổi hạn."
        verb = "đã tính lại" if self.applied else "sẽ tính lại"
        return (f"{head}; {len(self.dossiers)} hồ sơ đang giải quyết có hạn tính theo các ngày này: "
                f"{len(self.recomputed)} {verb} hạn (in lại giấy tiếp nhận), "
                f"{len(self.kept)} giữ ngày hẹn đã hứa"
                + (f", trong đó {sum(d.due_on_day_off for d in self.kept)} có ngày hẹn rơi vào ngày nghỉ"
                   if any(d.due_on_day_off for d in self.kept) else "") + ".")


# -- what changes ----------------------------------------------------------------------------


def _changed_days(old: WorkCalendar, new: WorkCalendar, days: list[dt.date]) -> list[DayChange]:
    changes = []
    for day in sorted(set(days)):
        before, after = old.day_info(day), new.day_info(day)
        if (before.working, before.source, before.name) != (after.working, after.source, after.name):
            changes.append(DayChange(before, after))
    return changes


def _impact(session: Session, ctx: Context, new: WorkCalendar, changes: list[DayChange]) -> CalendarImpact:
    moved = [c.day for c in changes if c.before.working != c.after.working]
    if not moved:
        return CalendarImpact(tuple(changes), ())
    old, today = ctx.calendar, ctx.now().date()
    first, last = min(moved), max(moved)
    window = (Dossier.status.in_([int(s) for s in OPEN if s is not Status.REGISTERED]),
              Dossier.due_at.is_not(None),
              Dossier.due_at >= dt.datetime.combine(first, dt.time()),
              Dossier.received_at < dt.datetime.combine(last + dt.timedelta(days=1), dt.time()))
    rows = session.execute(
        select(Dossier.id, Dossier.code, Dossier.applicant_name, Dossier.received_at, Dossier.due_at,
               Dossier.due_manual_reason, Procedure.processing_value, Procedure.processing_unit)
        .join(Procedure, Procedure.id == Dossier.procedure_id).where(*window)
        .order_by(Dossier.due_at, Dossier.id)
    ).all()
    if not rows:
        return CalendarImpact(tuple(changes), ())
    lettered = set(session.scalars(select(ApologyLetter.dossier_id).join(Dossier).where(*window)))
    paused = set(session.scalars(select(SupplementPeriod.dossier_id).join(Dossier).where(*window)))

    affected = []
    for dossier in rows:
        time = ProcessingTime(dossier.processing_value, TimeUnit(dossier.processing_unit))
        before = due_from_receipt(old, dossier.received_at, time)
        after = due_from_receipt(new, dossier.received_at, time)
        standard = dossier.due_at == before and dossier.id not in paused
        if standard and before == after:
            continue
        if not standard and not any(dossier.received_at.date() <= d <= dossier.due_at.date() for d in moved):
            continue
        off = not new.is_working_day(dossier.due_at.date())
        if dossier.id in lettered:
            reason, recompute = "đã có phiếu xin lỗi hẹn lại ngày trả", False
        elif dossier.due_manual_reason:
            reason, recompute = "ngày hẹn ấn định bằng tay", False
        elif not standard:
            reason, recompute = "hạn đã điều chỉnh (bổ sung hồ sơ hoặc nhập từ tệp): kiểm tra lại", False
        elif dossier.received_at.date() < today:
            reason, recompute = "đã hẹn trên giấy tiếp nhận: giữ ngày hẹn", False
        else:
            reason, recompute = "tiếp nhận hôm nay: tính lại hạn, in lại giấy tiếp nhận", True
        affected.append(AffectedDossier(dossier.id, dossier.code, dossier.applicant_name, dossier.received_at,
                                        dossier.due_at, after if standard else None, recompute, reason,
                                        off and not recompute))
    return CalendarImpact(tuple(changes), tuple(affected))


def _apply(session: Session, ctx: Context, impact: CalendarImpact, why: str) -> CalendarImpact:
    from app.context import load_calendar
    from app.dossiers import _event
    from app.due_dates import ensure_deadlines, set_due

    calendar = load_calendar(session)  # the calendar now in force: the change is flushed
    for item in impact.recomputed:
        dossier = session.get(Dossier, item.id)
        assert dossier is not None  # read by _impact in this transaction
        set_due(dossier, calendar, item.new_due_at)  # the due moment and, with it, the apology deadline
        dossier.original_due_at = item.new_due_at
        dossier.updated_at = ctx.now()
        _event(session, ctx, dossier.id, "due", field="due_at", old=datetime_vi(item.due_at),
               new=datetime_vi(item.new_due_at), note=f"Lịch làm việc thay đổi: {why}; in lại giấy tiếp nhận")
    session.flush()
    ensure_deadlines(session, calendar)  # every open dossier's stored apology deadline follows the new calendar
    return CalendarImpact(impact.changes, impact.dossiers, applied=True)


# -- the office's own days -------------------------------------------------------------------


def _with_override(ctx: Context, day: dt.date, working: bool | None, note: str) -> WorkCalendar:
    overrides = [o for o in ctx.calendar.overrides if o.day != day]
    if working is not None:
        overrides.append(DayOverride(day, working, note))
    return WorkCalendar(hours=ctx.calendar.hours, overrides=overrides, decisions=ctx.calendar.decisions)


def _check_remove(session: Session, day: dt.date) -> None:
    if session.scalar(select(CalendarOverride.id).where(CalendarOverride.day == day)) is None:
        raise ValidationError(f"Ngày {date_vi(day)} không có điều chỉnh nào của cơ quan để bỏ.")


def preview_day(session: Session, ctx: Context, day: dt.date, working: bool | None, note: str = "") -> CalendarImpact:
    """What making ``day`` a day off (False), a working day (True) or national again (None) would change."""
    if working is None:
        _check_remove(session, day)
    new = _with_override(ctx, day, working, note.strip())
    return _impact(session, ctx, new, _changed_days(ctx.calendar, new, [day]))


def change_day(session: Session, ctx: Context, day: dt.date, working: bool | None, note: str = "") -> CalendarImpact:
    """Write the office's day (or remove it: ``working`` None), then move the due dates that may move."""
    impact = preview_day(session, ctx, day, working, note)
    if working is None:
        administration.remove_calendar_day(session, ctx, day)
        why = f"bỏ điều chỉnh ngày {date_vi(day)}"
    else:
        administration.set_calendar_day(session, ctx, day, working, note)
        why = f"ngày {date_vi(day)} là {'ngày làm việc' if working else 'ngày nghỉ'}"
    return _apply(session, ctx, impact, why)


CONFIRMABLE = (Source.UNCONFIRMED, Source.PROVISIONAL)


def check_confirmable(ctx: Context, day: dt.date) -> DayInfo:
    info = ctx.calendar.national_day_info(day)
    if info.source not in CONFIRMABLE:
        raise ValidationError(f"Ngày {date_vi(day)} không phải ngày chưa xác nhận hay dự kiến "
                              f"({info.name or 'ngày thường'}); dùng --add-off/--add-work để điều chỉnh.")
    return info


def confirm_day(session: Session, ctx: Context, day: dt.date, working: bool, note: str) -> CalendarImpact:
    """The office settles an unconfirmed (24/11) or provisional day as a day off or a working day."""
    info = check_confirmable(ctx, day)
    note = note.strip()
    if not note:
        raise ValidationError("Xác nhận ngày phải ghi căn cứ (--note, ví dụ số văn bản).")
    return change_day(session, ctx, day, working, f"{info.name}: {note}")


# -- a decisions file ------------------------------------------------------------------------


def _serialise(decisions: holiday_decisions.DecisionSet) -> str:
    def days(items):
        return [{"date": d.isoformat(), "name": n} for d, n in items]

    return json.dumps({"format": holiday_decisions.FORMAT, "decisions": [
        {"year": d.year, "occasion": d.occasion.value, "name": d.name,
         "status": "official" if d.official else "provisional",
         "reference": {"number": d.reference.number, "date": d.reference.date.isoformat(),
                       "issuer": d.reference.issuer},
         "note": d.note, "days_off": days(d.days_off), "make_up_days": days(d.make_up_days)}
        for d in decisions.decisions]}, ensure_ascii=False, indent=1)


def _loaded_after(session: Session, text: str) -> tuple[str, holiday_decisions.DecisionSet, list[int]]:
    incoming = holiday_decisions.parse_decisions(text)  # refuses a bad file whole, before anything changes
    previous = loaded_decisions_text(session)
    merged = (holiday_decisions.parse_decisions(previous).merged_with(incoming) if previous else incoming)
    return _serialise(merged), merged, sorted(incoming.years())


def preview_load(session: Session, ctx: Context, text: str) -> CalendarImpact:
    stored, merged, years = _loaded_after(session, text)
    new = WorkCalendar(hours=ctx.calendar.hours, overrides=list(ctx.calendar.overrides),
                       decisions=holiday_decisions.effective(stored))
    days = [dt.date(y, 1, 1) + dt.timedelta(days=i) for y in years
            for i in range((dt.date(y + 1, 1, 1) - dt.date(y, 1, 1)).days)]
    return _impact(session, ctx, new, _changed_days(ctx.calendar, new, days))


def load_decisions(session: Session, ctx: Context, text: str) -> CalendarImpact:
    """Keep a province's decisions file in the register (settings key ``calendar.decisions``), all or nothing."""
    require(session, ctx, Permission.MANAGE_CALENDAR)
    impact = preview_load(session, ctx, text)
    stored, _, years = _loaded_after(session, text)
    row = session.get(Setting, holiday_decisions.SETTING_KEY)
    value = json.dumps(stored, ensure_ascii=False)
    if row is None:
        session.add(Setting(key=holiday_decisions.SETTING_KEY, value=value))
    else:
        row.value = value
    session.flush()
    return _apply(session, ctx, impact, "nạp quyết định nghỉ lễ năm " + ", ".join(map(str, years)))

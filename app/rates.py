"""Rates and the Biểu II.06a counts for any period (DOMAIN.md §8, §9).

Everything is a SQL aggregate (GROUP BY with CASE), so a year of a
million-dossier register is counted by the database, never row by row in
Python. The period is [start, end] in whole days; ``as_of`` is the moment
the in-progress dossiers are judged late or within time (the end of the
period, or now if that is earlier).

How a dossier falls in a period (the II.06a reading):
- received in the period: received_at inside it; online, or in person / by post;
- carried over: received before the period and not finished before it;
- finished: finished_at inside the period; early / on time / late by comparing
  the finishing day with the due day (app.deadlines.finish_timing, in SQL);
- in progress: received by the end and not finished by then; late when its
  due moment is before ``as_of`` (a dossier waiting for papers has a stopped
  clock and counts as within time).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from decimal import Decimal

from sqlalchemy import and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from app.digitization import WITH_RESULT_CODES
from app.deadlines import Timing
from app.lifecycle import Status
from app.measures import Period, check_grouping, percent, percent_text, weekly_totals
from app.settings import Settings
from db.models import ApologyLetter, Dossier, Procedure, Unit, User

@dataclass(frozen=True)
class Counts:
    """One line of Biểu II.06a."""

    received_online: int = 0     # received in the period, online
    received_offline: int = 0    # received in the period, in person or by post
    carried_over: int = 0        # received before the period, still open at its start
    early: int = 0
    on_time: int = 0
    late: int = 0
    open_within: int = 0
    open_late: int = 0

    @property
    def received_new(self) -> int:
        return self.received_online + self.received_offline

    @property
    def received(self) -> int:
        return self.received_new + self.carried_over

    @property
    def finished(self) -> int:
        return self.early + self.on_time + self.late

    @property
    def in_progress(self) -> int:
        return self.open_within + self.open_late

    @property
    def on_time_rate(self) -> Decimal | None:
        """Finished early or on time ÷ finished (the II.06a reading)."""
        return percent(self.early + self.on_time, self.finished)

    @property
    def on_time_rate_counting_overdue(self) -> Decimal | None:
        """As the higher office computes it (Decision 766, the plans' "no dossier may turn late"): open
        dossiers already past due count as late too: early or on time ÷ (finished + open and overdue)."""
        return percent(self.early + self.on_time, self.finished + self.open_late)

    @property
    def online_rate(self) -> Decimal | None:
        return percent(self.received_online, self.received_new)

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(Counts)})


@dataclass(frozen=True)
class GroupCounts:
    key: str
    name: str
    counts: Counts


@dataclass(frozen=True)
class Summary:
    period: Period
    as_of: dt.datetime
    grouping: str
    groups: tuple[GroupCounts, ...]
    total: Counts


def _day(column, dialect: str = ""):
    """The calendar day of a timestamp, in SQL. SQLite keeps timestamps as ISO text, where the
    first ten characters are the day (cheaper than date() a million times); elsewhere date()."""
    if dialect == "sqlite":
        return func.substr(column, 1, 10)
    return func.date(column)


def _group_column(grouping: str):
    """The SQL key: unit, officer or procedure (rolled up to its field in Python).

    ``+ 0`` keeps SQLite (which has no statistics here) from walking the whole
    register through the key's own index to save a sort: 0.8 s instead of 10 ms
    for one day on a million dossiers.
    """
    check_grouping(grouping)
    if grouping == "unit":
        return Dossier.unit_id + 0
    if grouping == "field":
        return Dossier.procedure_id + 0
    return Dossier.officer_id + 0


# Classes of a dossier at the end of the period (one CASE per row, then COUNT per class).
_EARLY, _ON_TIME, _LATE, _OPEN_WITHIN, _OPEN_LATE = 1, 2, 3, 4, 5
TIMING_OF_CLASS = {_EARLY: Timing.EARLY, _ON_TIME: Timing.ON_TIME, _LATE: Timing.LATE}


def finish_timing_sql(dialect: str):
    """app.deadlines.finish_timing as a SQL expression over Dossier: 1 early, 2 on time, 3 late
    (TIMING_OF_CLASS); a test checks that both give the same verdict on a generated register."""
    finish_day, due_day = _day(Dossier.finished_at, dialect), _day(Dossier.due_at, dialect)
    return case(
        (Dossier.due_at.is_(None), _ON_TIME),
        (finish_day < due_day, _EARLY),
        (finish_day == due_day, _ON_TIME),
        else_=_LATE)


def _class_column(period: Period, as_of: dt.datetime, dialect: str):
    start, end = period.start_moment, period.end_bound
    return case(
        (and_(Dossier.finished_at >= start, Dossier.finished_at < end), finish_timing_sql(dialect)),
        (or_(Dossier.finished_at.is_(None), Dossier.finished_at >= end), case(
            (and_(Dossier.due_at < as_of, Dossier.status != int(Status.SUPPLEMENT)), _OPEN_LATE),
            else_=_OPEN_WITHIN)),
        else_=0,
    )


def _add(counts: Counts, online: bool, carried: bool, klass: int, n: int) -> Counts:
    values = {"carried_over": n} if carried else {"received_online" if online else "received_offline": n}
    name = {_EARLY: "early", _ON_TIME: "on_time", _LATE: "late", _OPEN_WITHIN: "open_within",
            _OPEN_LATE: "open_late"}.get(klass)
    if name:
        values[name] = n
    return counts + Counts(**values)


def _segments(period: Period):
    """Dossiers on hand in the period, as three index-friendly slices.

    received in the period (the covering report index) · received before and
    finished in or after it (finished_at index) · received before and still
    open (finished_at IS NULL).
    """
    start, end = period.start_moment, period.end_bound
    return (
        and_(Dossier.received_at >= start, Dossier.received_at < end),
        and_(Dossier.finished_at >= start, Dossier.received_at < start),
        and_(Dossier.finished_at.is_(None), Dossier.received_at < start),
    )


def summary(session: Session, period: Period, now: dt.datetime | None = None, grouping: str = "unit") -> Summary:
    """Biểu II.06a for the period, one line per unit (or field, or officer), plus the total."""
    as_of = period.as_of(now)
    key = _group_column(grouping)
    dialect = session.get_bind().dialect.name
    klass = _class_column(period, as_of, dialect)
    online = Dossier.channel == "online"
    carried = Dossier.received_at < period.start_moment
    by_key: dict[object, Counts] = {}
    for segment in _segments(period):
        query = (select(key, online, carried, klass, func.count()).where(segment)
                 .group_by(key, online, carried, klass))
        for group_key, is_online, is_carried, class_, n in session.execute(query):
            by_key[group_key] = _add(by_key.get(group_key, Counts()), bool(is_online), bool(is_carried), class_, n)
    if grouping == "field":
        fields_of = dict(session.execute(select(Procedure.id, Procedure.field)).all())
        rolled: dict[object, Counts] = {}
        for procedure_id, counts in by_key.items():
            name = fields_of.get(procedure_id) or None
            rolled[name] = rolled.get(name, Counts()) + counts
        by_key = rolled
    names = _names(session, grouping)
    groups = []
    for group_key, counts in by_key.items():
        if counts == Counts():
            continue
        if grouping == "field":
            code, name = group_key or "", group_key or "(chưa phân lĩnh vực)"
        elif group_key is None or group_key not in names:
            code, name = "", "(chưa phân đơn vị)" if grouping == "unit" else "(chưa rõ cán bộ)"
        else:
            code, name = names[group_key]
        groups.append(GroupCounts(key=str(code), name=name, counts=counts))
    groups.sort(key=lambda g: (g.name.startswith("("), g.key, g.name))
    total = Counts()
    for g in groups:
        total = total + g.counts
    return Summary(period, as_of, grouping, tuple(groups), total)


def _names(session: Session, grouping: str) -> dict:
    if grouping == "unit":
        return {id_: (code, name) for id_, code, name in session.execute(select(Unit.id, Unit.code, Unit.name))}
    if grouping == "officer":
        return {id_: (login, full or login)
                for id_, login, full in session.execute(select(User.id, User.username, User.full_name))}
    return {}


# --- the rates of DOMAIN.md §8 --------------------------------------------------------------------------

@dataclass(frozen=True)
class Rate:
    key: str
    label: str
    part: int
    whole: int
    target: int | None = None

    @property
    def value(self) -> Decimal | None:
        return percent(self.part, self.whole)

    @property
    def meets_target(self) -> bool | None:
        if self.value is None or self.target is None:
            return None
        return self.value >= self.target

    @property
    def text(self) -> str:
        return percent_text(self.value)


@dataclass(frozen=True)
class Rates:
    period: Period
    rates: tuple[Rate, ...] = field(default_factory=tuple)

    def __getitem__(self, key: str) -> Rate:
        for rate in self.rates:
            if rate.key == key:
                return rate
        raise KeyError(key)


RATE_LABELS = {
    "full_online": "TTHC đủ điều kiện được cung cấp DVCTT toàn trình",
    "procedures_online": "TTHC có phát sinh hồ sơ trực tuyến (trong số TTHC trực tuyến có hồ sơ)",
    "online_dossiers": "Hồ sơ nộp trực tuyến",
    "online_processing": "Hồ sơ xử lý trực tuyến (trong số hồ sơ của TTHC có DVCTT)",
    "on_time_finished": "Hồ sơ giải quyết trước và đúng hạn (trong số hồ sơ đã giải quyết)",
    "on_time_overdue_counted": "Hồ sơ giải quyết trước và đúng hạn (tính cả hồ sơ đang quá hạn)",
    "digitization": "Hồ sơ số hóa thành phần và kết quả",
    "online_payment": "Thanh toán trực tuyến (hồ sơ trực tuyến có phí, lệ phí)",
    "apology": "Hồ sơ trễ hạn có phiếu xin lỗi đúng hạn",
}


def rates(session: Session, period: Period, settings: Settings, now: dt.datetime | None = None,
          unit_id: int | None = None) -> Rates:
    """The plan rates for the period (optionally for one deciding unit), each with its target."""
    as_of = period.as_of(now)
    start, end = period.start_moment, period.end_bound
    received = and_(Dossier.received_at >= start, Dossier.received_at < end)
    finished = and_(Dossier.finished_at >= start, Dossier.finished_at < end)
    unit_filter = (Dossier.unit_id == unit_id) if unit_id is not None else literal(True)
    online = Dossier.channel == "online"
    capable = Procedure.online_level != "none"

    def total(condition):
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    # (1) procedures eligible for full online service that offer it (catalog, not period)
    proc_filter = [Procedure.active.is_(True), Procedure.online_eligible.is_(True)]
    if unit_id is not None:
        proc_filter.append(Procedure.unit_id == unit_id)
    full_part, full_whole = session.execute(
        select(total(Procedure.online_level == "full"), func.count()).where(*proc_filter)).one()

    # received in the period: (2), (3), online processing, online payment
    per_procedure = (
        select(Dossier.procedure_id.label("pid"), func.count().label("n"), total(online).label("online"))
        .where(received, unit_filter).group_by(Dossier.procedure_id).subquery()
    )
    with_dossiers, with_online = session.execute(
        select(func.count(), total(per_procedure.c.online > 0))
        .select_from(per_procedure).join(Procedure, Procedure.id == per_procedure.c.pid).where(capable)
    ).one()
    all_received, online_received, capable_received, capable_online, fee_online, fee_online_paid = session.execute(
        select(func.count(), total(online), total(capable), total(and_(capable, online)),
               total(and_(online, Procedure.fee_bearing.is_(True))),
               total(and_(online, Procedure.fee_bearing.is_(True), Dossier.paid_online.is_(True))))
        .select_from(Dossier).join(Procedure, Procedure.id == Dossier.procedure_id).where(received, unit_filter)
    ).one()

    # finished in the period: on time, digitization
    dialect = session.get_bind().dialect.name
    in_time = finish_timing_sql(dialect) != _LATE
    # Digitization counts exactly as the Số hóa page does (app.digitization): dossiers that got a result
    # in the period, with both components and result digitized — one rate, one definition.
    with_result = Dossier.status.in_(WITH_RESULT_CODES)
    done, done_in_time, handled, digitized = session.execute(
        select(func.count(), total(in_time), total(with_result),
               total(and_(with_result, Dossier.digitized_components.is_(True), Dossier.digitized_result.is_(True))))
        .where(finished, unit_filter)
    ).one()

    # open dossiers already past due at as_of (the II.06a "in progress, late"), counted as late by the higher
    # office's on-time rate; two slices so that each walks its own index
    open_late = sum(session.scalar(
        select(func.count()).where(unit_filter, slice_, Dossier.received_at < end, Dossier.due_at < as_of,
                                   Dossier.status != int(Status.SUPPLEMENT))) or 0
        for slice_ in (Dossier.finished_at.is_(None), Dossier.finished_at >= end))

    # apology compliance: dossiers handled in the period that went past their (first) date —
    # those with a letter, and those late without one; in compliance: a letter issued in time.
    has_letter = ApologyLetter.id.is_not(None)
    late_without_letter = and_(ApologyLetter.id.is_(None), or_(
        and_(finished, finish_timing_sql(dialect) == _LATE),
        and_(Dossier.finished_at.is_(None), Dossier.due_at < as_of, Dossier.status != int(Status.SUPPLEMENT)),
    ))
    needed, in_time = session.execute(
        select(total(or_(has_letter, late_without_letter)), total(and_(has_letter, ApologyLetter.late.is_(False))))
        .select_from(Dossier).outerjoin(ApologyLetter, ApologyLetter.dossier_id == Dossier.id)
        .where(unit_filter, Dossier.received_at < end,
               or_(Dossier.finished_at.is_(None), Dossier.finished_at >= start),
               or_(has_letter, Dossier.finished_at.is_(None), finish_timing_sql(dialect) == _LATE))
    ).one()

    s = settings
    values = (
        ("full_online", full_part, full_whole, s.target_full_online),
        ("procedures_online", with_online, with_dossiers, s.target_procedures_online),
        ("online_dossiers", online_received, all_received, s.target_online_dossiers),
        ("online_processing", capable_online, capable_received, s.target_online_processing),
        # the target is judged on the rate the plans mean: open overdue dossiers count as late
        ("on_time_finished", done_in_time, done, None),
        ("on_time_overdue_counted", done_in_time, done + open_late, s.target_on_time),
        ("digitization", digitized, handled, s.digitization_target),
        ("online_payment", fee_online_paid, fee_online, s.target_online_payment),
        ("apology", in_time, needed, s.target_apology),
    )
    return Rates(period, tuple(Rate(key, RATE_LABELS[key], int(part), int(whole), target)
                               for key, part, whole, target in values))


# --- week by week ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class WeekPoint:
    monday: dt.date
    received: int
    online: int
    finished: int
    in_time: int

    @property
    def online_rate(self) -> Decimal | None:
        return percent(self.online, self.received)

    @property
    def on_time_rate(self) -> Decimal | None:
        return percent(self.in_time, self.finished)


def weekly(session: Session, period: Period) -> list[WeekPoint]:
    """Received, online, finished and finished in time, per ISO week (Monday) of the period."""
    start, end = period.start_moment, period.end_bound
    dialect = session.get_bind().dialect.name
    day = _day(Dossier.received_at, dialect)
    received = session.execute(
        select(day, func.count(), func.sum(case((Dossier.channel == "online", 1), else_=0)))
        .where(Dossier.received_at >= start, Dossier.received_at < end).group_by(day)
    ).all()
    fday = _day(Dossier.finished_at, dialect)
    finished = session.execute(
        select(fday, func.count(),
               func.sum(case((finish_timing_sql(dialect) != _LATE, 1), else_=0)))
        .where(Dossier.finished_at >= start, Dossier.finished_at < end).group_by(fday)
    ).all()
    weeks = weekly_totals(period, received, 2)
    for monday, totals in weekly_totals(period, finished, 2).items():
        weeks.setdefault(monday, [0, 0]).extend(totals)
    return [WeekPoint(m, *v) for m, v in sorted(weeks.items())]

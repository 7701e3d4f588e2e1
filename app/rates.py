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
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, and_, case, cast, func, literal, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app import report_days
from app.deadlines import Timing
from app.digitization import wide_period
from app.digitization_rules import fully_digitized_sql, has_result_sql
from app.lifecycle import Status
from app.measures import Period, check_grouping, percent, percent_text, weekly_totals
from app.settings import Settings, field_names
from app.text import fold
from db.models import ApologyLetter, Dossier, Procedure, Rating, ReportDay, Unit, User


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


def finish_timing_sql(dialect: str, finished_at: Any = Dossier.finished_at, due_at: Any = Dossier.due_at):
    """app.deadlines.finish_timing as a SQL expression over Dossier (or over the columns given, as the
    report_days triggers read them): 1 early, 2 on time, 3 late (TIMING_OF_CLASS); a test checks that both
    give the same verdict on a generated register."""
    finish_day, due_day = _day(finished_at, dialect), _day(due_at, dialect)
    return case(
        (due_at.is_(None), _ON_TIME),
        (finish_day < due_day, _EARLY),
        (finish_day == due_day, _ON_TIME),
        else_=_LATE)


def result_sql(column: Any = None):
    """What a finished dossier came to, in SQL over Dossier (or over the columns ``column(name)`` gives, as the
    report_days triggers read them): 2 a result (ready or returned) with components and result digitized, 1 a
    result, 0 none (refused, withdrawn, stopped)."""
    with_result = has_result_sql(column)
    return case((and_(with_result, fully_digitized_sql(column)), 2), (with_result, 1), else_=0)


def _class_column(period: Period, as_of: dt.datetime, dialect: str):
    start, end = period.start_moment, period.end_bound
    return case(
        (and_(Dossier.finished_at >= start, Dossier.finished_at < end), finish_timing_sql(dialect)),
        (or_(Dossier.finished_at.is_(None), Dossier.finished_at >= end), case(
            (and_(Dossier.due_at < as_of, Dossier.status != int(Status.SUPPLEMENT)), _OPEN_LATE),
            else_=_OPEN_WITHIN)),
        else_=0,
    )




def _segments(period: Period):
    """Dossiers on hand in the period, as three index-friendly slices.

    received in the period (received_at index) · received before and
    finished in or after it (finished_at index) · received before and still
    open (finished_at IS NULL).
    """
    start, end = period.start_moment, period.end_bound
    # received_at hidden behind coalesce(x, x) in the last two: "received before the start" is most of the
    # register, and SQLite would otherwise walk the received_at index over it instead of the finished_at one
    received_at = func.coalesce(Dossier.received_at, Dossier.received_at)
    return (
        and_(Dossier.received_at >= start, Dossier.received_at < end),
        and_(Dossier.finished_at >= start, received_at < start),
        and_(Dossier.finished_at.is_(None), received_at < start),
    )


# --- one pass over the dossiers on hand ------------------------------------------------------------------
#
# Every figure of Biểu II.06a and of the plan rates comes from one grouped query over the dossiers on hand
# in the period (received by its end, not finished before its start). Each row is reduced to a small code
# (received in the period? online? its class at the end? a result, digitized? paid online?) and counted per
# (group key, procedure, code); Python then adds the codes up. A year of a million dossiers is one scan of
# the table; a day or a month is three index slices (_segments).

_KEY_SHIFT = 1 << 32      # group key × 2^32 + procedure id × 2^8 + code: one integer to group by, which
_PROCEDURE_SHIFT = 1 << 8  # SQLite groups about twice as fast as by several columns


@dataclass(frozen=True)
class _Row:
    key: int | None        # unit / officer / procedure id (None: not set)
    procedure_id: int | None
    received: bool | None  # received in the period, else carried over; None: a row of its class alone
    #                        (the per-day counts give the arrivals and the classes apart: _scan_days)
    online: bool
    klass: int             # _EARLY … _OPEN_LATE, 0: neither
    result: int            # finished in the period with a result: 1, and digitized (components + result): 2
    paid: bool
    n: int


def _code_column(period: Period, as_of: dt.datetime, dialect: str):
    start, end = period.start_moment, period.end_bound
    finished_in = and_(Dossier.finished_at >= start, Dossier.finished_at < end)
    result = case((finished_in, result_sql()), else_=0)
    received = case((Dossier.received_at >= start, 1), else_=0)
    online = case((Dossier.channel == "online", 1), else_=0)
    paid = case((Dossier.paid_online.is_(True), 1), else_=0)
    # (((received × 2 + online) × 6 + class) × 3 + result) × 2 + paid: below 144
    return ((((received * 2 + online) * 6 + _class_column(period, as_of, dialect)) * 3 + result) * 2 + paid)


def _decode(key, procedure_id, code: int, n: int) -> _Row:
    code, paid = divmod(int(code), 2)
    code, result = divmod(code, 3)
    code, klass = divmod(code, 6)
    received, online = divmod(code, 2)
    return _Row(key, procedure_id, bool(received), bool(online), klass, result, bool(paid), int(n))


def _scan(session: Session, period: Period, as_of: dt.datetime, grouping: str = "unit",
          unit_id: int | None = None) -> list[_Row]:
    wide = wide_period(session, period)
    if report_days.worth_reading(session.connection(), period, as_of, wide):
        return _scan_days(session, period, as_of, grouping, unit_id)
    if not wide:
        return _count(session, period, as_of, grouping, unit_id, list(_segments(period)))
    # Most of the register, judged at a past moment: one pass over the table (coalesce(x, x) hides the date
    # indexes from the planner; walking an index over most of a table reads every row out of order).
    received_at = func.coalesce(Dossier.received_at, Dossier.received_at)
    finished_at = func.coalesce(Dossier.finished_at, Dossier.finished_at)
    return _count(session, period, as_of, grouping, unit_id, [
        and_(received_at < period.end_bound, or_(Dossier.finished_at.is_(None), finished_at >= period.start_moment))])


def _scan_days(session: Session, period: Period, as_of: dt.datetime, grouping: str,
               unit_id: int | None) -> list[_Row]:
    """The rows of ``_scan`` for a period that runs to now, from the per-day counts (app.report_days) and the
    dossiers still open: a year of a million dossiers is a few thousand days × groups plus the open ones.

    Arrivals and classes come apart here (rows with ``received`` None carry a class alone); every figure
    drawn from the rows is a sum over one of them, never over both at once.
    """
    days = ReportDay
    key = {"unit": days.unit_id, "field": days.procedure_id, "officer": days.officer_id}[check_grouping(grouping)]
    first, after = period.start, period.end + dt.timedelta(days=1)
    unit_filter = [days.unit_id == unit_id] if unit_id is not None else []

    def counted(kind: int, *conditions):
        columns = [key, days.procedure_id, days.code]
        return session.execute(select(*columns, func.sum(days.n)).where(days.kind == kind, *conditions, *unit_filter)
                               .group_by(*columns).having(func.sum(days.n) != 0))

    rows = []
    for group, procedure_id, code, n in counted(report_days.RECEIVED, days.day >= first, days.day < after):
        online, paid = report_days.split_received(code)
        rows.append(_Row(group or None, procedure_id or None, True, online, 0, 0, paid, int(n)))
    for group, procedure_id, code, n in counted(report_days.FINISHED, days.day >= first, days.day < after):
        timing, result = report_days.split_finished(code)
        rows.append(_Row(group or None, procedure_id or None, None, False, timing, result, False, int(n)))
    # open at the end of the period (still open, or finished after it): late or not as of now, so counted
    # from those dossiers themselves; their arrival is already in the rows above
    received_at = func.coalesce(Dossier.received_at, Dossier.received_at)
    still_open = [replace(row, received=None, online=False, paid=False, result=0) for row in _count(
        session, period, as_of, grouping, unit_id, [
            and_(Dossier.finished_at.is_(None), received_at < period.end_bound),
            and_(Dossier.finished_at >= period.end_bound, received_at < period.end_bound)])]
    # Carried over (received before the period, not finished before it), per group, from what the period
    # did: on hand at its start + received in it − finished in it = open at its end (a dossier never
    # finishes before it is received: the import and the forms refuse it; ``check`` names any that do).
    # Reading the days before the period instead would cost the register's whole history.
    carried: dict[tuple, int] = {}
    for row in (*rows, *still_open):
        sign = -1 if row.received else 1   # the arrivals in the period count against, the rest for
        carried[(row.key, row.procedure_id)] = carried.get((row.key, row.procedure_id), 0) + sign * row.n
    rows += [_Row(group, procedure_id, False, False, 0, 0, False, n)
             for (group, procedure_id), n in carried.items() if n]
    return rows + still_open


def _count(session: Session, period: Period, as_of: dt.datetime, grouping: str, unit_id: int | None,
           slices: list) -> list[_Row]:
    """The rows of the dossiers in ``slices`` (disjoint conditions), counted by the database."""
    key = _group_column(grouping)
    dialect = session.get_bind().dialect.name
    code = _code_column(period, as_of, dialect)
    combined = (cast(func.coalesce(key, 0), BigInteger) * _KEY_SHIFT
                + func.coalesce(Dossier.procedure_id + 0, 0) * _PROCEDURE_SHIFT + code)
    unit_filter = [Dossier.unit_id == unit_id] if unit_id is not None else []
    counted: dict[int, int] = {}
    for condition in slices:
        label = combined.label("k")  # grouped by its name: the expression is computed once a row
        query = select(label, func.count()).where(condition, *unit_filter).group_by(label)
        for value, n in session.execute(query):
            counted[int(value)] = counted.get(int(value), 0) + int(n)
    rows = []
    for value, n in counted.items():
        group, rest = divmod(value, _KEY_SHIFT)
        procedure_id, code_ = divmod(rest, _PROCEDURE_SHIFT)
        rows.append(_decode(group or None, procedure_id or None, code_, n))
    return rows


_CLASS_FIELDS = {_EARLY: "early", _ON_TIME: "on_time", _LATE: "late", _OPEN_WITHIN: "open_within",
                 _OPEN_LATE: "open_late"}


def _counts_of(row: _Row) -> Counts:
    values = {}
    if row.received is not None:
        arrival = ("received_online" if row.online else "received_offline") if row.received else "carried_over"
        values[arrival] = row.n
    if row.klass in _CLASS_FIELDS:
        values[_CLASS_FIELDS[row.klass]] = row.n
    return Counts(**values)


def _summary_of(session: Session, period: Period, as_of: dt.datetime, grouping: str, rows: list[_Row]) -> Summary:
    by_key: dict[Any, Counts] = {}  # an id (see _Row.key), or a field's name once rolled up below
    for row in rows:
        by_key[row.key] = by_key.get(row.key, Counts()) + _counts_of(row)
    if grouping == "field":
        fields_of = dict(session.execute(select(Procedure.id, Procedure.field)).all())
        rolled: dict[str | None, Counts] = {}
        for procedure_id, counts in by_key.items():
            name = fields_of.get(procedure_id) or None
            rolled[name] = rolled.get(name, Counts()) + counts
        by_key = rolled
    names = _names(session, grouping)
    groups = []
    for group_key, counts in by_key.items():
        if counts == Counts():
            continue
        code, name = _group_name(grouping, group_key, names)
        groups.append(GroupCounts(key=str(code), name=name, counts=counts))
    groups.sort(key=lambda g: (g.name.startswith("("), g.key, g.name))
    total = Counts()
    for g in groups:
        total = total + g.counts
    return Summary(period, as_of, grouping, tuple(groups), total)


def summary(session: Session, period: Period, now: dt.datetime | None = None, grouping: str = "unit") -> Summary:
    """Biểu II.06a for the period, one line per unit (or field, or officer), plus the total."""
    as_of = period.as_of(now)
    return _summary_of(session, period, as_of, grouping, _scan(session, period, as_of, grouping))


def report(session: Session, period: Period, settings: Settings, now: dt.datetime | None = None,
           grouping: str = "unit") -> tuple[Summary, "Rates"]:
    """Biểu II.06a and the plan rates of the office from one pass over the register."""
    as_of = period.as_of(now)
    rows = _scan(session, period, as_of, grouping)
    return (_summary_of(session, period, as_of, grouping, rows),
            _rates_of(session, period, settings, as_of, rows, None, grouping))


def _group_name(grouping: str, group_key, names: dict) -> tuple[str, str]:
    """A group's code and name as the reports print them; the rows with no unit, field or officer last."""
    if grouping == "field":
        return group_key or "", group_key or "(chưa phân lĩnh vực)"
    if group_key is None or group_key not in names:
        return "", "(chưa phân đơn vị)" if grouping == "unit" else "(chưa rõ cán bộ)"
    return names[group_key]


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
    # for the satisfaction rates, shown beside them: the dossiers with a result in the period (returned) and
    # how many of them were rated (a rate over 3 ratings is not a rate over 300 returns)
    rated: int | None = None
    returned: int | None = None

    @property
    def value(self) -> Decimal | None:
        return percent(self.part, self.whole)

    @property
    def rated_share(self) -> Decimal | None:
        return percent(self.rated, self.returned) if self.rated is not None and self.returned is not None else None

    @property
    def rated_text(self) -> str:
        """"đánh giá 3/300 hồ sơ có kết quả (1,0 %)", or "" for the rates that are not ratings."""
        if self.rated is None or self.returned is None:
            return ""
        return f"đánh giá {self.rated}/{self.returned} hồ sơ có kết quả ({percent_text(self.rated_share)})"

    @property
    def meets_target(self) -> bool | None:
        if self.value is None or self.target is None:
            return None
        return self.value >= self.target

    @property
    def text(self) -> str:
        return percent_text(self.value)


@dataclass(frozen=True)
class SatisfactionLine:
    """Satisfaction of one unit, field or officer: rated dossiers among those with a result in the period."""

    key: str
    name: str
    returned: int            # dossiers that got their result in the period
    very_satisfied: int
    satisfied: int
    unsatisfied: int
    target: int
    land: bool = False       # a field the office marks as land / construction (its own target)

    @property
    def rated(self) -> int:
        return self.very_satisfied + self.satisfied + self.unsatisfied

    @property
    def value(self) -> Decimal | None:
        return percent(self.very_satisfied + self.satisfied, self.rated)

    @property
    def rated_share(self) -> Decimal | None:
        return percent(self.rated, self.returned)

    @property
    def meets_target(self) -> bool | None:
        return None if self.value is None else self.value >= self.target


@dataclass(frozen=True)
class Rates:
    period: Period
    rates: tuple[Rate, ...] = field(default_factory=tuple)
    # satisfaction per group of the report's grouping (unit, field or officer), and the grouping
    satisfaction: tuple[SatisfactionLine, ...] = ()
    grouping: str = "unit"

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
    "satisfaction": "Người dân hài lòng (trong số hồ sơ được đánh giá)",
    "satisfaction_land": "Người dân hài lòng với TTHC đất đai, xây dựng",
}


def rates(session: Session, period: Period, settings: Settings, now: dt.datetime | None = None,
          unit_id: int | None = None) -> Rates:
    """The plan rates for the period (optionally for one deciding unit), each with its target."""
    as_of = period.as_of(now)
    return _rates_of(session, period, settings, as_of, _scan(session, period, as_of, "unit", unit_id), unit_id)


def _satisfaction(session: Session, period: Period, settings: Settings, rows: list[_Row], unit_id: int | None,
                  grouping: str) -> tuple[tuple[Rate, Rate], tuple[SatisfactionLine, ...]]:
    """Satisfaction = (rất hài lòng + hài lòng) ÷ rated, over the dossiers that got their result in the period
    (the same dossiers as the digitization rate: finished in the period, result ready or returned), overall, for
    the fields the office marks as land and construction (setting ``satisfaction_land_fields``), and per group;
    beside each, how many of those dossiers were rated."""
    from app.ratings import Level

    start, end = period.start_moment, period.end_bound
    key = _group_column(grouping)
    finished_at: Any = Dossier.finished_at   # the column, or the same value hidden from its index
    rated_dossier: Any = Rating.dossier_id
    if wide_period(session, period):
        # "+ 0" too: SQLite, without statistics, walked the covering index over a year of dossiers and looked
        # each up among the ratings (0.36 s at 1M with no rating at all) instead of starting from the ratings
        rated_dossier = Rating.dossier_id + 0
        # Most of the register: start from the ratings (each finds its dossier by id) rather than walk the
        # finished_at index over most of the table (0.46 s of CPU for a year of 200,000 dossiers, no ratings).
        finished_at = func.coalesce(Dossier.finished_at, Dossier.finished_at)
    conditions = [finished_at >= start, finished_at < end, has_result_sql()]   # status + 0: never its indexes
    if unit_id is not None:
        conditions.append(Dossier.unit_id == unit_id)
    counted = session.execute(
        select(key.label("k"), Dossier.procedure_id, Rating.level, func.count())
        .select_from(Rating).join(Dossier, Dossier.id == rated_dossier).where(*conditions)
        .group_by(key, Dossier.procedure_id, Rating.level)).all()
    fields_of = dict(session.execute(select(Procedure.id, Procedure.field)).all())
    land_fields = field_names(settings.satisfaction_land_fields)

    def is_land(procedure_id) -> bool:
        return fold(fields_of.get(procedure_id) or "") in land_fields

    def group_of(group_key, procedure_id):
        return (fields_of.get(procedure_id) or None) if grouping == "field" else group_key

    # [returned, very satisfied, satisfied, unsatisfied] per group, overall, and over the land fields
    per_group: dict[Any, list[int]] = {}
    overall, land = [0, 0, 0, 0], [0, 0, 0, 0]
    for row in rows:
        if row.result:
            group = group_of(row.key, row.procedure_id)
            per_group.setdefault(group, [0, 0, 0, 0])[0] += row.n
            overall[0] += row.n
            land[0] += row.n if is_land(row.procedure_id) else 0
    slot = {Level.VERY_SATISFIED.value: 1, Level.SATISFIED.value: 2, Level.UNSATISFIED.value: 3}
    for group_key, procedure_id, level, n in counted:
        index = slot[level]
        per_group.setdefault(group_of(group_key, procedure_id), [0, 0, 0, 0])[index] += n
        overall[index] += n
        if is_land(procedure_id):
            land[index] += n

    def rate(rate_key: str, counts: list[int], target: int) -> Rate:
        rated = counts[1] + counts[2] + counts[3]
        return Rate(rate_key, RATE_LABELS[rate_key], counts[1] + counts[2], rated, target, rated, counts[0])

    names = _names(session, grouping)
    lines = []
    for group_key, (returned, very, fine, unhappy) in per_group.items():
        code, name = _group_name(grouping, group_key, names)
        marked = grouping == "field" and fold(group_key or "") in land_fields
        target = settings.target_satisfaction_land if marked else settings.target_satisfaction
        lines.append(SatisfactionLine(str(code), name, returned, very, fine, unhappy, target, marked))
    lines.sort(key=lambda g: (g.name.startswith("("), g.key, g.name))
    return ((rate("satisfaction", overall, settings.target_satisfaction),
             rate("satisfaction_land", land, settings.target_satisfaction_land)), tuple(lines))


def _rates_of(session: Session, period: Period, settings: Settings, as_of: dt.datetime, rows: list[_Row],
              unit_id: int | None, grouping: str = "unit") -> Rates:
    start, end = period.start_moment, period.end_bound
    unit_filter = (Dossier.unit_id == unit_id) if unit_id is not None else literal(True)

    # (1) procedures eligible for full online service that offer it (catalog, not period)
    proc_filter: list[ColumnElement[bool]] = [Procedure.active.is_(True), Procedure.online_eligible.is_(True)]
    if unit_id is not None:
        proc_filter.append(Procedure.unit_id == unit_id)
    full_part, full_whole = session.execute(
        select(func.coalesce(func.sum(case((Procedure.online_level == "full", 1), else_=0)), 0), func.count())
        .where(*proc_filter)).one()

    catalog: dict[int | None, tuple[bool, bool]] = {pid: (level != "none", bool(fee)) for pid, level, fee in
               session.execute(select(Procedure.id, Procedure.online_level, Procedure.fee_bearing))}
    all_received = online_received = capable_received = capable_online = fee_online = fee_online_paid = 0
    done = done_in_time = handled = digitized = open_late = late = 0
    per_procedure: dict[int | None, list[int]] = {}
    for row in rows:
        capable, fee = catalog.get(row.procedure_id, (False, False))
        if row.received:
            # received in the period: (2), (3), online processing, online payment
            all_received += row.n
            totals = per_procedure.setdefault(row.procedure_id, [0, 0])
            totals[0] += row.n
            if row.online:
                online_received += row.n
                totals[1] += row.n
                if fee:
                    fee_online += row.n
                    fee_online_paid += row.n if row.paid else 0
            if capable:
                capable_received += row.n
                capable_online += row.n if row.online else 0
        if row.klass in (_EARLY, _ON_TIME, _LATE):  # finished in the period
            done += row.n
            done_in_time += row.n if row.klass != _LATE else 0
        # Digitization counts exactly as the Số hóa page does (app.digitization): dossiers that got a result
        # in the period, with both components and result digitized — one rate, one definition.
        handled += row.n if row.result else 0
        digitized += row.n if row.result == 2 else 0
        open_late += row.n if row.klass == _OPEN_LATE else 0  # open and past due: late for the higher office
        late += row.n if row.klass in (_LATE, _OPEN_LATE) else 0
    with_dossiers = sum(1 for pid, (n, _o) in per_procedure.items() if catalog.get(pid, (False, False))[0] and n)
    with_online = sum(1 for pid, (_n, o) in per_procedure.items() if catalog.get(pid, (False, False))[0] and o)

    # apology compliance: dossiers handled in the period that went past their (first) date — those with a
    # letter, and those late without one; in compliance: a letter issued in time. The letters are few: read
    # them with the class their dossier has in the scan, letter by letter ("+ 0" keeps SQLite from walking
    # every dossier on hand and looking each up among the letters: 0.5 s → 0.03 s for a year at 1M).
    dialect = session.get_bind().dialect.name
    # coalesce(x, x): the same value, but no date index tempts the planner to start from the dossiers
    received_at = func.coalesce(Dossier.received_at, Dossier.received_at)
    finished_at = func.coalesce(Dossier.finished_at, Dossier.finished_at)
    on_hand = and_(received_at < end, or_(Dossier.finished_at.is_(None), finished_at >= start))
    klass = _class_column(period, as_of, dialect)
    with_letter, in_time, late_with_letter = session.execute(
        select(func.count(), func.coalesce(func.sum(case((ApologyLetter.late.is_(False), 1), else_=0)), 0),
               func.coalesce(func.sum(case((klass.in_((_LATE, _OPEN_LATE)), 1), else_=0)), 0))
        .select_from(ApologyLetter).join(Dossier, Dossier.id == ApologyLetter.dossier_id + 0)
        .where(unit_filter, on_hand)
    ).one()
    needed = int(with_letter) + late - int(late_with_letter)

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
    satisfaction, lines = _satisfaction(session, period, settings, rows, unit_id, grouping)
    return Rates(period, tuple(Rate(key, RATE_LABELS[key], int(part), int(whole), target)
                               for key, part, whole, target in values) + satisfaction, lines, grouping)


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

"""Digitization compliance: the checklist of a dossier, its gaps, and the rates per unit.

The rules themselves live in ``app.digitization_rules``. Here:

* the checklist of one dossier: which flags it needs, what is missing, who
  set each flag and when (read back from ``dossier_events``, which
  ``app.dossiers.update_fields`` writes);
* setting flags (always through ``update_fields``: validation, stale check,
  one event per flag);
* the rates for a period, per unit, field or officer, against the office's
  target (``digitization_target``), and the week-by-week trend;
* the gaps: counts by cause and the list of dossiers falling short.

Every register-wide figure is one SQL aggregate: a million dossiers are
never loaded into Python.

What the rates count (DOMAIN.md §7):

* **digitization rate** = dossiers with both components and result digitized
  ÷ dossiers *handled* in the period, i.e. that got their result (status
  "Đã xử lý xong" or "Đã trả kết quả") with ``finished_at`` in the period;
* **identity-check rate** = dossiers received in the period with the
  applicant's digital identity checked ÷ dossiers received (accepted) in it;
* **reuse rate** = dossiers received in the period with a paper reused from
  the office's data store or taken from the national store ÷ the same.

Rates are rounded half up to one decimal, as the plans' tables are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from dataclasses import field as dataclass_field
from decimal import Decimal

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from app import dossiers, report_days
from app.context import Context
from app.deadlines import WarningBounds
from app.digitization_rules import (
    FLAGS,
    PROCEDURE_RULES,
    RULES,
    Rule,
    any_gap_sql,
    fully_digitized_sql,
    has_result_sql,
    missing,
    required_flags,
    rule,
    tallies_sql,
)
from app.dossier_rows import N_ROW_COLUMNS, DossierRow, make_row, row_select, search
from app.errors import NotFoundError, ValidationError
from app.lifecycle import Channel
from app.measures import Period, check_grouping, mondays, percent, weekly_totals
from app.text import fold
from db.models import DigitizationDay, Dossier, DossierEvent, Procedure, Unit, User

NO_UNIT = "(Chưa giao đơn vị)"
NO_FIELD = "(Chưa phân lĩnh vực)"
NO_OFFICER = "(Không rõ cán bộ)"


def period_or_default(ctx: Context, start: dt.date | None, end: dt.date | None) -> Period:
    """A period from optional bounds: by default the month to date; one bound alone runs to today / from the 1st."""
    return Period.or_default(ctx.now().date(), start, end)


def _in(column, period: Period):
    return and_(column >= period.start_moment, column < period.end_bound)


# Measured on a million dossiers (tests/bench/bench_digitization.py): a date-index walk costs about 10 µs
# a row, a plain scan about 0.3–0.5 s in all; they break even near a tenth of the register.
WIDE_SHARE = 0.1


def wide_period(session: Session, period: Period) -> bool:
    """Does the period cover much of the register? Then one pass over the table beats the date indexes.

    Walking an index over most of a table fetches every row out of order:
    on a million dossiers a year-long aggregate takes ≈2 s that way and ≈0.3 s
    as a plain scan. The register's first and last receipt come from the index
    in microseconds, so the choice costs nothing.
    """
    # Two queries: SQLite answers a lone min() or max() from the index, but not both in one SELECT.
    first = session.scalar(select(func.min(Dossier.received_at)))
    last = session.scalar(select(func.max(Dossier.received_at)))
    if first is None:
        return False
    assert last is not None  # a register with a first dossier has a last one
    span = (last - first).total_seconds() or 1.0
    covered = (min(last, period.end_bound) - max(first, period.start_moment)).total_seconds()
    return covered / span > WIDE_SHARE


def _dates(session: Session, period: Period, wide: bool | None = None):
    """(received_at, finished_at) as the queries should read them: the columns, or (wide) the columns hidden
    from the planner behind coalesce(x, x), which has the same value and forces the single scan."""
    if wide_period(session, period) if wide is None else wide:
        return (func.coalesce(Dossier.received_at, Dossier.received_at),
                func.coalesce(Dossier.finished_at, Dossier.finished_at))
    return Dossier.received_at, Dossier.finished_at


# ---------------------------------------------------------------- one dossier

@dataclass(frozen=True)
class FlagStamp:
    flag: str
    value: bool
    user: str
    at: dt.datetime
    note: str = ""


@dataclass(frozen=True)
class Compliance:
    dossier_id: int
    code: str
    required: tuple[str, ...]          # flags this dossier needs
    missing: tuple[Rule, ...]          # the rules it falls short of

    @property
    def compliant(self) -> bool:
        return not self.missing

    @property
    def sentences(self) -> list[str]:
        return [r.sentence for r in self.missing]


def _flags_of(dossier: Dossier) -> dict[str, bool]:
    return {flag: bool(getattr(dossier, flag)) for flag in FLAGS}


def compliance(session: Session, dossier_id: int) -> Compliance:
    dossier = session.get(Dossier, dossier_id)
    if dossier is None:
        raise NotFoundError("Không tìm thấy hồ sơ.")
    on_paper = dossier.procedure.result_on_paper
    return Compliance(
        dossier_id=dossier.id, code=dossier.code,
        required=tuple(required_flags(dossier.channel, dossier.status, on_paper)),
        missing=tuple(missing(dossier.channel, dossier.status, _flags_of(dossier), on_paper)),
    )


def flag_stamps(session: Session, dossier_id: int) -> dict[str, FlagStamp]:
    """Who set (or cleared) each flag last, and when; from the dossier's history."""
    rows = session.execute(
        select(DossierEvent.field, DossierEvent.new_value, DossierEvent.at, User.full_name, User.username)
        .outerjoin(User, User.id == DossierEvent.user_id)
        .where(DossierEvent.dossier_id == dossier_id, DossierEvent.kind == "edit",
               DossierEvent.field.in_(list(FLAGS)))
        .order_by(DossierEvent.at, DossierEvent.id)
    )
    stamps: dict[str, FlagStamp] = {}
    for field, new_value, at, full_name, username in rows:
        stamps[field] = FlagStamp(field, new_value == "Có", full_name or username or "", at)
    if "digitized_components" not in stamps:
        # Online dossiers arrive digital: the flag was set when the dossier was recorded.
        received = session.execute(
            select(Dossier.channel, Dossier.digitized_components, DossierEvent.at, User.full_name, User.username)
            .join(DossierEvent, and_(DossierEvent.dossier_id == Dossier.id, DossierEvent.kind == "receive"))
            .outerjoin(User, User.id == DossierEvent.user_id)
            .where(Dossier.id == dossier_id).limit(1)
        ).first()
        if received and received[0] == Channel.ONLINE.value and received[1]:
            stamps["digitized_components"] = FlagStamp("digitized_components", True, received[3] or received[4] or "",
                                                       received[2], "nộp trực tuyến")
    return stamps


def _as_bool(flag: str, value) -> bool:
    if isinstance(value, bool):
        return value
    if value in (0, 1):
        return bool(value)
    raise ValidationError(f"“{FLAGS[flag]}” chỉ nhận có hoặc không, không nhận “{value}”.")


def set_flags(session: Session, ctx: Context, dossier_id: int, changes: dict, *,
              expected_version: int | None) -> dossiers.DossierView:
    """Set checklist flags; each change is an event with who and when. Stale screens are refused."""
    unknown = [key for key in changes if key not in FLAGS]
    if unknown:
        raise ValidationError("Không phải mục kiểm tra số hóa: " + ", ".join(unknown) + ".")
    clean = {flag: _as_bool(flag, value) for flag, value in changes.items()}
    return dossiers.update_fields(session, ctx, dossier_id, clean, expected_version=expected_version)


def finish_check(session: Session, ctx: Context, dossier_id: int) -> str | None:
    """What finishing this dossier now would run into (for a confirmation in the window), or None."""
    from app.digitization_rules import finish_problem
    dossier = session.get(Dossier, dossier_id)
    if dossier is None:
        raise NotFoundError("Không tìm thấy hồ sơ.")
    return finish_problem(dossier.procedure, dossier)


# ---------------------------------------------------------------- rates

@dataclass(frozen=True)
class RateRow:
    key: object                 # unit id, field name or officer id (None: not set)
    name: str
    handled: int                # got a result in the period
    digitized: int              # ... with components and result digitized
    received: int               # accepted in the period
    identity_checked: int
    reused: int

    @property
    def digitization_rate(self) -> Decimal | None:
        return percent(self.digitized, self.handled)

    @property
    def identity_rate(self) -> Decimal | None:
        return percent(self.identity_checked, self.received)

    @property
    def reuse_rate(self) -> Decimal | None:
        return percent(self.reused, self.received)


@dataclass(frozen=True)
class RateReport:
    period: Period
    by: str
    target: int
    rows: tuple[RateRow, ...]
    total: RateRow

    def meets_target(self, row: RateRow) -> bool | None:
        rate = row.digitization_rate
        return None if rate is None else rate >= self.target


def _grouping(by: str):
    check_grouping(by)
    # "+ 0" keeps SQLite from walking the unit index to group (a random read of every row).
    return {"unit": Dossier.unit_id + 0, "field": Procedure.field, "officer": Dossier.officer_id}[by]



def _names(session: Session, by: str, keys) -> dict:
    keys = [k for k in keys if k is not None]
    if by == "field":
        return {k: k for k in keys}
    if by == "unit":
        return dict(session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(keys))).all())
    return {i: full or user for i, full, user in
            session.execute(select(User.id, User.full_name, User.username).where(User.id.in_(keys)))}


def rates(session: Session, ctx: Context, period: Period, by: str = "unit") -> RateReport:
    """Digitization, identity-check and reuse rates per unit / field / officer, against the target."""
    return overview(session, ctx, period, by)[0]


# The figures of one group, in this order: handled, digitized, received, identity checked, reused, then
# the dossiers short of each rule (RULES' order) and of any.
_RECEIVED_SIDE = ("accepted", "identity", "reused")
_GAPS = (*(f"gap_{r.key}" for r in RULES), "any_gap")


def overview(session: Session, ctx: Context, period: Period, by: str = "unit",
             unit_id: int | None = None) -> tuple[RateReport, "GapCounts"]:
    """The rates and the gap counts of the period over the dossiers it touches (received or finished in it),
    grouped by unit / field / officer: from the per-day counts when they serve (a week or more running to
    now, app.report_days), else from one pass over those dossiers."""
    check_grouping(by)
    wide = wide_period(session, period)
    dates = _dates(session, period, wide)
    if not PROCEDURE_RULES and report_days.worth_reading(session.connection(), period, ctx.now(), wide):
        figures = _figures_from_days(session, period, by, unit_id, dates)
    else:
        received_at, finished_at = dates
        figures = _figures_counted(session, period, by, unit_id, dates,
                                   [or_(_in(received_at, period), _in(finished_at, period))])
    keys = [k for k, values in figures.items() if values[0] or values[2]]
    names = _names(session, by, keys)
    blank = {"unit": NO_UNIT, "field": NO_FIELD, "officer": NO_OFFICER}[by]
    rows = []
    for k in keys:
        rows.append(RateRow(k, names.get(k) or blank if k not in (None, "") else blank, *figures[k][:5]))
    rows.sort(key=lambda row: (fold(row.name), str(row.key)))
    total = RateRow(None, "Tổng cộng", *(sum(getattr(row, f) for row in rows)
                                          for f in ("handled", "digitized", "received", "identity_checked", "reused")))
    gaps = [sum(values[5 + i] for values in figures.values()) for i in range(len(_GAPS))]
    return (RateReport(period, by, ctx.settings.digitization_target, tuple(rows), total),
            GapCounts(period, {r.key: n for r, n in zip(RULES, gaps)}, gaps[-1]))


def _figures_counted(session: Session, period: Period, by: str, unit_id: int | None, dates: tuple,
                     conditions: list, gaps_only: bool = False) -> dict[object, list[int]]:
    """The figures of the dossiers matching ``conditions``, per group, counted from the dossiers: every
    count a CASE (app.digitization_rules.tallies_sql), summed per group. ``gaps_only``: the first five
    figures left at 0. ``dates``: (received_at, finished_at) as ``_dates`` gives them for the period."""
    key = _grouping(by)
    received_at, finished_at = dates
    tally = tallies_sql()

    def flag(condition):
        return case((condition, 1), else_=0)

    # Each condition once a row, in a subquery, then added up per group: written as sums of CASEs over the
    # table, SQLite evaluated the period and every rule again in each sum (a year at 1M: 3.8 → 2.4 s).
    gap_names = _GAPS[:-1]
    inner = select(key.label("k"), flag(_in(finished_at, period)).label("in_f"),
                   flag(_in(received_at, period)).label("in_r"),
                   *(tally[name].label(name) for name in ("handled", "digitized", *_RECEIVED_SIDE, *gap_names)),
                   ).select_from(Dossier)
    if by == "field" or PROCEDURE_RULES:
        inner = inner.join(Procedure, Procedure.id == Dossier.procedure_id)
    if unit_id is not None:
        conditions = [*conditions, Dossier.unit_id == unit_id]
    inner = inner.where(*conditions)
    if session.get_bind().dialect.name == "sqlite":
        inner = inner.limit(-1)   # no upper bound, but SQLite then keeps the subquery apart (computed once a row)
    row = inner.subquery()
    gap_columns = [row.c[name] for name in gap_names]
    # "any_gap" from the gap columns already computed (tallies_sql's own OR would evaluate every rule again)
    any_gap = case((sum(gap_columns[1:], gap_columns[0]) > 0, 1), else_=0)

    def summed(expression):
        return func.coalesce(func.sum(expression), 0)

    sides = [] if gaps_only else [row.c.in_f * row.c.handled, row.c.in_f * row.c.digitized,
                                  *(row.c.in_r * row.c[name] for name in _RECEIVED_SIDE)]
    query = select(row.c.k, *(summed(e) for e in sides), *(summed(g) for g in gap_columns),
                   summed(any_gap)).group_by(row.c.k)
    blank = [] if not gaps_only else [0] * 5
    return {k: [*blank, *(int(v) for v in values)] for k, *values in session.execute(query)}


def _figures_from_days(session: Session, period: Period, by: str, unit_id: int | None,
                       dates: tuple) -> dict[object, list[int]]:
    """The figures of ``_figures_counted`` for a period that runs to now, from the per-day counts.

    The dossiers the period touches are those finished in it (on their finishing days) and those received
    in it and not finished in it, i.e. still open (a dossier never finishes before it is received: the
    import and the forms refuse it); the gaps of the open ones are counted from those dossiers, which are
    few. Arrivals (received, identity, reuse) come from the receipt days, handled and digitized from the
    finishing days.
    """
    days = DigitizationDay
    key = {"unit": days.unit_id, "field": days.procedure_id, "officer": days.officer_id}[by]
    in_period = [days.day >= period.start, days.day < period.end + dt.timedelta(days=1)]
    if unit_id is not None:
        in_period.append(days.unit_id == unit_id)
    fields_of = dict(session.execute(select(Procedure.id, Procedure.field)).all()) if by == "field" else {}

    def group(value):   # as the live count groups: the field's text ("" when blank), an id or None
        return fields_of.get(value) if by == "field" else (value or None)

    figures: dict[object, list[int]] = {}

    def add(k, at: int, values) -> None:
        into = figures.setdefault(k, [0] * (5 + len(_GAPS)))
        for i, value in enumerate(values):
            into[at + i] += int(value or 0)

    # (kind, figures read, where each run of them goes in the group's list)
    for kind, names, runs in ((report_days.RECEIVED, _RECEIVED_SIDE, ((2, 3),)),
                              (report_days.FINISHED, ("handled", "digitized", *_GAPS), ((0, 2), (5, len(_GAPS))))):
        query = (select(key, *(func.sum(days.__table__.c[name]) for name in names))
                 .where(days.kind == kind, *in_period).group_by(key))
        for k, *values in session.execute(query):
            taken = 0
            for at, width in runs:
                add(group(k), at, values[taken:taken + width])
                taken += width
    received_at = func.coalesce(Dossier.received_at, Dossier.received_at)   # the open ones by finished_at's index
    for condition in (Dossier.finished_at.is_(None), Dossier.finished_at >= period.end_bound):
        still_open = _figures_counted(session, period, by, unit_id, dates, [condition, _in(received_at, period)],
                                      gaps_only=True)
        for k, values in still_open.items():
            add(k, 5, values[5:])
    return figures


@dataclass(frozen=True)
class WeekPoint:
    week_start: dt.date          # the Monday
    handled: int
    digitized: int

    @property
    def rate(self) -> Decimal | None:
        return percent(self.digitized, self.handled)


def weekly_trend(session: Session, period: Period, unit_id: int | None = None) -> list[WeekPoint]:
    """The digitization rate week by week (weeks start on Monday), for the office or one unit.

    From the finishing days' counts when they are kept (a dossier's finishing day and what it came to do
    not depend on when one asks: any period may read them; a year at 1M 0.97 s → ~0.02 s), else counted
    from the dossiers."""
    if report_days.ready(session.connection()):
        days = DigitizationDay
        query = (select(days.day, func.sum(days.handled), func.sum(days.digitized))
                 .where(days.kind == report_days.FINISHED, days.day >= period.start, days.day <= period.end)
                 .group_by(days.day))
        if unit_id is not None:
            query = query.where(days.unit_id == unit_id)
    else:
        day = func.date(Dossier.finished_at)
        both = case((fully_digitized_sql(), 1), else_=0)
        query = (select(day, func.count(), func.coalesce(func.sum(both), 0))
                 .where(_in(_dates(session, period)[1], period), has_result_sql())
                 .group_by(day))
        if unit_id is not None:
            query = query.where(Dossier.unit_id == unit_id)
    weeks = weekly_totals(period, session.execute(query), 2)
    # every week of the period, empty ones too: a gap in the line is news
    return [WeekPoint(monday, *weeks[monday]) for monday in mondays(period)]


# ---------------------------------------------------------------- gaps

def _scope(session: Session, period: Period, unit_id: int | None):
    """Dossiers the period is about: received in it, or finished in it."""
    received_at, finished_at = _dates(session, period)
    conditions = [or_(_in(received_at, period), _in(finished_at, period))]
    if unit_id is not None:
        conditions.append(Dossier.unit_id == unit_id)
    return conditions


@dataclass(frozen=True)
class GapCounts:
    period: Period
    by_rule: dict[str, int]      # rule key → dossiers short of it
    dossiers: int                # dossiers with at least one gap

    def labelled(self) -> list[tuple[Rule, int]]:
        return [(r, self.by_rule.get(r.key, 0)) for r in RULES]


def gap_counts(session: Session, ctx: Context, start: dt.date | None = None, end: dt.date | None = None,
               unit_id: int | None = None) -> GapCounts:
    """How many dossiers of the period fall short, by cause (one SQL pass; month to date by default)."""
    return overview(session, ctx, period_or_default(ctx, start, end), "unit", unit_id)[1]


@dataclass(frozen=True)
class GapRow(DossierRow):
    """The one dossier row, with its checklist flags and the rules it falls short of."""

    flags: dict[str, bool] = dataclass_field(default_factory=dict)
    missing: tuple[str, ...] = ()   # rule keys

    @property
    def sentences(self) -> list[str]:
        return [rule(key).sentence for key in self.missing]


@dataclass(frozen=True)
class GapList:
    period: Period
    rows: tuple[GapRow, ...]
    total: int                   # all matching dossiers; rows holds at most ``limit``


def gap_list(session: Session, ctx: Context, start: dt.date | None = None, end: dt.date | None = None, *,
             cause: str | None = None, unit_id: int | None = None, text: str = "", limit: int = 500,
             counted: GapCounts | None = None) -> GapList:
    """Dossiers of the period short of a rule (or of ``cause``), newest first, at most ``limit``.

    ``counted``: the office's gap counts for the same period, already made by ``overview``; the total is
    read from them when the list is not narrowed by unit or text (a year at 1M: one pass less, ~0.5 s)."""
    period = period_or_default(ctx, start, end)
    conditions = _scope(session, period, unit_id)
    conditions.append(rule(cause).gap_sql() if cause else any_gap_sql())
    searched = search(session, text)
    if searched is not None:
        conditions.append(searched.condition)
    if counted is not None and counted.period == period and unit_id is None and searched is None:
        total = counted.by_rule.get(cause, 0) if cause else counted.dossiers
    else:
        base = select(Dossier.id).join(Procedure, Procedure.id == Dossier.procedure_id).where(*conditions)
        total = session.scalar(select(func.count()).select_from(base.subquery())) or 0
    bounds = WarningBounds.at(ctx.calendar, ctx.now(), ctx.settings.due_soon_days)
    result = session.execute(
        row_select(Procedure.result_on_paper, *(getattr(Dossier, flag) for flag in FLAGS))
        .where(*conditions)
        .order_by(Dossier.received_at.desc(), Dossier.id.desc())
        .limit(limit)
    )
    rows = []
    for values in result:
        row = make_row(values, bounds, no_unit=NO_UNIT)
        on_paper, *flags = values[N_ROW_COLUMNS:]
        flag_values = {flag: bool(v) for flag, v in zip(FLAGS, flags)}
        rows.append(GapRow(**{f.name: getattr(row, f.name) for f in fields(DossierRow)}, flags=flag_values,
                           missing=tuple(r.key for r in missing(row.channel.value, int(row.status), flag_values,
                                                                on_paper))))
    return GapList(period, tuple(rows), int(total))

"""The register as a table: filter, sort and page every dossier straight from SQL.

The window shows a million dossiers without loading them: it asks for the
count, then for the pages the officer scrolls to. Every query selects only
the columns shown, sorts on an indexed column where it can, and returns
plain rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, and_, func, select, text
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.deadlines import WarningBounds, WarningLevel
from app.dossier_rows import (
    DossierRow,
    fts_count,
    fts_matches,
    fts_more_than,
    level_condition,
    make_row,
    row_select,
    search,
    search_condition,
)
from app.lifecycle import Channel, Status
from app.workcalendar import WorkCalendar
from db.models import Dossier, Procedure, Unit


@dataclass(frozen=True)
class RegisterFilter:
    text: str = ""
    statuses: frozenset[Status] = frozenset()
    unit_id: int | None = None
    field: str | None = None
    channel: Channel | None = None
    level: WarningLevel | None = None
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    due_from: dt.date | None = None
    due_to: dt.date | None = None

    @property
    def is_empty(self) -> bool:
        return self == RegisterFilter()


# key → (column expression, label). The first four are indexed; the others sort without one.
SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "received_at": Dossier.received_at,
    "due_at": Dossier.due_at,
    "code": Dossier.code,
    "applicant_name": Dossier.applicant_name_folded,
    "status": Dossier.status,
    "procedure": Procedure.name,
    "unit": Unit.name,
    "channel": Dossier.channel,
}


@dataclass(frozen=True)
class RegisterSort:
    key: str = "received_at"
    descending: bool = True

    def __post_init__(self):
        if self.key not in SORT_COLUMNS:
            raise ValueError(f"unknown sort column {self.key!r}")


RegisterRow = DossierRow  # the register's line is the one open-dossier row


@dataclass
class _Conditions:
    where: list = field(default_factory=list)
    needs_procedure: bool = False
    fts_match: str = ""            # SQLite full-text query, when searching
    searched: object = None        # the search condition among ``where``
    status_codes: list[int] = field(default_factory=list)

    def clauses(self, walking_sort_index: bool = False) -> list:
        """The conditions; when walking a sort index, finished statuses (most of the
        register) are tested row by row rather than through the status index."""
        if not self.status_codes:
            return self.where
        finished = all(Status(s).is_finished for s in self.status_codes)
        status = Dossier.status + 0 if walking_sort_index and finished else Dossier.status
        return [*self.where, status.in_(self.status_codes)]


# Indexes a page query may walk in sort order instead of sorting the matches.
SORT_INDEXES = {"received_at": "ix_dossiers_received_at", "due_at": "ix_dossiers_due_at"}
BROAD_SEARCH = 2000  # more matches than this: walk the sort index, do not sort the matches


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())


def _conditions(session: Session, flt: RegisterFilter, bounds: WarningBounds) -> _Conditions:
    c = _Conditions()
    searched = search(session, flt.text) if flt.text else None
    if searched is not None:
        c.where.append(searched.condition)
        c.fts_match, c.searched = searched.fts, searched.condition
    if flt.statuses:
        c.status_codes = sorted(int(s) for s in flt.statuses)
    if flt.unit_id is not None:
        c.where.append(Dossier.unit_id == flt.unit_id)
    if flt.field:
        c.needs_procedure = True
        c.where.append(Procedure.field == flt.field)
    if flt.channel is not None:
        c.where.append(Dossier.channel == flt.channel.value)
    if flt.level is not None:
        c.where.append(level_condition(flt.level, bounds))  # ranges over stored moments, no classification
    if flt.received_from:
        c.where.append(Dossier.received_at >= _day_start(flt.received_from))
    if flt.received_to:
        c.where.append(Dossier.received_at < _day_start(flt.received_to + dt.timedelta(days=1)))
    if flt.due_from:
        c.where.append(Dossier.due_at >= _day_start(flt.due_from))
    if flt.due_to:
        c.where.append(Dossier.due_at < _day_start(flt.due_to + dt.timedelta(days=1)))
    return c


# On PostgreSQL count(*) reads the whole table (about 60 ms for a million dossiers, on a server every desk
# shares, at every refresh of the register); the planner's estimate, kept by autovacuum's ANALYZE, costs
# one catalog row. Below this size the exact count is cheap enough everywhere.
ESTIMATE_FROM = 200_000


class Count(int):
    """A number of dossiers; ``approximate`` when it is the server's estimate (shown "≈ N")."""

    approximate: bool

    def __new__(cls, value: int, approximate: bool = False) -> "Count":
        made = super().__new__(cls, value)
        made.approximate = approximate
        return made


def count(session: Session, flt: RegisterFilter, bounds: WarningBounds, exact: bool = True) -> Count:
    """How many dossiers the filter keeps. With ``exact=False`` a big unfiltered register on PostgreSQL
    is answered from the planner's estimate (``Count.approximate``); SQLite counts from an index at once."""
    if not exact and flt.is_empty and session.get_bind().dialect.name == "postgresql":
        estimate = session.scalar(text("SELECT reltuples::bigint FROM pg_class WHERE oid = 'dossiers'::regclass"))
        if estimate is not None and estimate >= ESTIMATE_FROM:
            return Count(estimate, approximate=True)
    c = _conditions(session, flt, bounds)
    if c.fts_match and len(c.where) == 1 and not c.status_codes:
        return Count(fts_count(session, c.fts_match))  # the search alone: the index counts its own matches
    query = select(func.count()).select_from(Dossier)
    if c.needs_procedure:
        query = query.join(Procedure, Procedure.id == Dossier.procedure_id)
    if c.clauses():
        query = query.where(and_(*c.clauses()))
    return Count(session.scalar(query) or 0)


def _page_ids(session: Session, c: _Conditions, sort: RegisterSort, reverse: bool, offset: int, limit: int) -> Select:
    """The ids of one page, in order, read without the display joins (from the indexes where it can).

    Steered to the plan that finds the first rows soonest. Finished statuses cover most of the
    register: walking the sort index and skipping the few others beats collecting all of them to
    sort (status + 0 keeps the status index out of it). A broad search is the same: the sort index is
    walked and each dossier tested against the search's matches (id + 0 keeps SQLite from starting
    at the match list, which would read and sort every match), so the first page of "tran" (a fifth
    of the register) reads a few thousand index entries, not 100,000 rows.
    """
    column = SORT_COLUMNS[sort.key]
    descending = sort.descending != reverse
    order = [column.desc(), Dossier.id.desc()] if descending else [column.asc(), Dossier.id.asc()]
    walking = sort.key in SORT_INDEXES
    where = c.clauses(walking_sort_index=walking)
    if c.fts_match and walking and fts_more_than(session, c.fts_match, BROAD_SEARCH):
        where = [w for w in where if w is not c.searched] + [(Dossier.id + 0).in_(fts_matches(c.fts_match))]
    query = select(Dossier.id).select_from(Dossier)
    if c.needs_procedure or sort.key == "procedure":
        query = query.join(Procedure, Procedure.id == Dossier.procedure_id)
    if sort.key == "unit":
        query = query.outerjoin(Unit, Unit.id == Dossier.unit_id)
    if where:
        query = query.where(and_(*where))
    return query.order_by(*order).offset(offset).limit(limit)


def page(session: Session, calendar: WorkCalendar, bounds: WarningBounds, flt: RegisterFilter,
         sort: RegisterSort, offset: int, limit: int, total: int | None = None) -> list[RegisterRow]:
    """Rows [offset, offset + limit) of the filtered, sorted register.

    An OFFSET costs a walk over the skipped rows, so with the total known the
    second half is read from the other end: the last page is as quick as the first.
    The page's ids come first (``_page_ids``), then the display columns of those rows only.
    """
    conditions = _conditions(session, flt, bounds)
    if total is not None and offset > total // 2:
        end = min(offset + limit, total)
        ids = list(session.scalars(_page_ids(session, conditions, sort, True, total - end, end - offset)))[::-1]
    else:
        ids = list(session.scalars(_page_ids(session, conditions, sort, False, offset, limit)))
    if not ids:
        return []
    found = {values[0]: values for values in session.execute(row_select().where(Dossier.id.in_(ids)))}
    return [make_row(found[i], bounds) for i in ids if i in found]


@dataclass(frozen=True)
class FilterChoices:
    units: list[tuple[int, str]]
    fields: list[str]


def filter_choices(session: Session) -> FilterChoices:
    units = [(i, n) for i, n in session.execute(select(Unit.id, Unit.name).order_by(Unit.name))]
    fields = [f for (f,) in session.execute(select(Procedure.field).distinct().order_by(Procedure.field)) if f]
    return FilterChoices(units, fields)


__all__ = ["RegisterFilter", "RegisterSort", "RegisterRow", "SORT_COLUMNS", "Count", "count", "page", "filter_choices",
           "search_condition"]

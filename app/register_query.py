"""The register as a table: filter, sort and page every dossier straight from SQL.

The window shows a million dossiers without loading them: it asks for the
count, then for the pages the officer scrolls to. Every query selects only
the columns shown, sorts on an indexed column where it can, and returns
plain rows.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from sqlalchemy import ARRAY, Integer, Select, and_, any_, bindparam, func, select, text
from sqlalchemy.orm import Session

from app.deadlines import WarningBounds, WarningLevel, describe_remaining, warning_level
from app.lifecycle import Channel, Status
from app.text import fold
from app.worklists import _fts_query, classify_open
from app.workcalendar import WorkCalendar
from db.models import ApologyLetter, Dossier, Procedure, Unit
from db.search_index import FTS_TABLE


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
SORT_COLUMNS = {
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


@dataclass(frozen=True)
class RegisterRow:
    id: int
    code: str
    applicant_name: str
    procedure_name: str
    unit_name: str
    channel: Channel
    status: Status
    received_at: dt.datetime
    due_at: dt.datetime | None
    has_letter: bool
    level: WarningLevel | None
    remaining: str


@dataclass
class _Conditions:
    where: list = field(default_factory=list)
    needs_procedure: bool = False
    fts_match: str = ""            # SQLite full-text query, when searching
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


def _id_set(session: Session, ids: list[int]):
    """A condition "id in this (possibly large) set" that stays one bound parameter."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        return Dossier.id.in_(text("SELECT value FROM json_each(:level_ids)").bindparams(level_ids=json.dumps(ids)))
    if dialect == "postgresql":  # one array parameter: an IN list of 100,000 ids passes the driver's limit
        return Dossier.id == any_(bindparam("level_ids", ids, type_=ARRAY(Integer)))
    return Dossier.id.in_(ids)


def search_condition(session: Session, query: str):
    """Name, code, phone or identity number, ignoring case, marks and đ/d; None if nothing to search."""
    folded = fold(query)
    if not folded:
        return None
    if session.get_bind().dialect.name == "sqlite":
        match = _fts_query(folded)
        if not match:
            return None
        return Dossier.id.in_(text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :fts_q")
                              .bindparams(fts_q=match))
    escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return Dossier.search_text.like(f"%{escaped}%", escape="\\")


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())


def _conditions(session: Session, flt: RegisterFilter, bounds: WarningBounds) -> _Conditions:
    c = _Conditions()
    searched = search_condition(session, flt.text) if flt.text else None
    if searched is not None:
        c.where.append(searched)
        if session.get_bind().dialect.name == "sqlite":
            c.fts_match = _fts_query(fold(flt.text))
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
        ids = sorted(i for i, level in classify_open(session, bounds).items() if level is flt.level)
        c.where.append(_id_set(session, ids))
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
    query = select(func.count()).select_from(Dossier)
    if c.needs_procedure:
        query = query.join(Procedure, Procedure.id == Dossier.procedure_id)
    if c.clauses():
        query = query.where(and_(*c.clauses()))
    return Count(session.scalar(query) or 0)


def _page_query(session: Session, flt_conditions: _Conditions, sort: RegisterSort, reverse: bool = False) -> Select:
    """The page query, steered to the plan that finds the first rows soonest.

    Finished statuses cover most of the register: walking the sort index and
    skipping the few others beats collecting all of them to sort (status + 0
    keeps the status index out of it). A broad search is the same.
    """
    column = SORT_COLUMNS[sort.key]
    descending = sort.descending != reverse
    order = [column.desc(), Dossier.id.desc()] if descending else [column.asc(), Dossier.id.asc()]
    query = (
        select(Dossier.id, Dossier.code, Dossier.applicant_name, Procedure.name, Unit.name, Dossier.channel,
               Dossier.status, Dossier.received_at, Dossier.due_at, ApologyLetter.id.is_not(None))
        .join(Procedure, Procedure.id == Dossier.procedure_id)
        .outerjoin(Unit, Unit.id == Dossier.unit_id)
        .outerjoin(ApologyLetter, ApologyLetter.dossier_id == Dossier.id)
    )
    where = flt_conditions.clauses(walking_sort_index=sort.key in SORT_INDEXES)
    if where:
        query = query.where(and_(*where))
    if flt_conditions.fts_match and sort.key in SORT_INDEXES and _fts_count(session, flt_conditions.fts_match) \
            > BROAD_SEARCH:
        query = query.with_hint(Dossier, f"INDEXED BY {SORT_INDEXES[sort.key]}", "sqlite")
    return query.order_by(*order)


def _fts_count(session: Session, match: str) -> int:
    return session.scalar(text(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q"), {"q": match}) or 0


def page(session: Session, calendar: WorkCalendar, bounds: WarningBounds, flt: RegisterFilter,
         sort: RegisterSort, offset: int, limit: int, total: int | None = None) -> list[RegisterRow]:
    """Rows [offset, offset + limit) of the filtered, sorted register.

    An OFFSET costs a walk over the skipped rows, so with the total known the
    second half is read from the other end: the last page is as quick as the first.
    """
    conditions = _conditions(session, flt, bounds)
    if total is not None and offset > total // 2:
        end = min(offset + limit, total)
        query = _page_query(session, conditions, sort, reverse=True).offset(total - end).limit(end - offset)
        found = list(session.execute(query))[::-1]
    else:
        found = list(session.execute(_page_query(session, conditions, sort).offset(offset).limit(limit)))
    rows = []
    for id_, code, name, procedure, unit, channel, status, received, due, has_letter in found:
        level = warning_level(status, due, bool(has_letter), bounds, received)
        rows.append(RegisterRow(
            id=id_, code=code, applicant_name=name, procedure_name=procedure, unit_name=unit or "",
            channel=Channel(channel), status=Status(status), received_at=received, due_at=due,
            has_letter=bool(has_letter), level=level,
            remaining=describe_remaining(calendar, bounds.now, due) if due and level is not None
            and level is not WarningLevel.WAITING else "",
        ))
    return rows


@dataclass(frozen=True)
class FilterChoices:
    units: list[tuple[int, str]]
    fields: list[str]


def filter_choices(session: Session) -> FilterChoices:
    units = [(i, n) for i, n in session.execute(select(Unit.id, Unit.name).order_by(Unit.name))]
    fields = [f for (f,) in session.execute(select(Procedure.field).distinct().order_by(Procedure.field)) if f]
    return FilterChoices(units, fields)


__all__ = ["RegisterFilter", "RegisterSort", "RegisterRow", "SORT_COLUMNS", "Count", "count", "page", "filter_choices",
           "search_condition", "or_"]

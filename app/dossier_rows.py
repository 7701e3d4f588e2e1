"""One open-dossier row, one warning classification in SQL, one search condition.

Every list of dossiers the desk shows (the register, the Today lists, the warnings command,
the digitization gaps) reads the same columns into the same ``DossierRow``, whose level and
"time left" come from ``app.deadlines`` (``level_of``, ``time_left``) applied to the two
stored moments: the due moment and the apology deadline (``app.due_dates`` keeps them).

The levels are also SQL conditions here: each one a range over an indexed stored moment
((status, due_at) or (status, apology_deadline_at)), so "letter today", the register's level
filter and the warnings command never classify in Python the dossiers they do not show.
``level_condition`` and ``deadlines.level_of`` are the same rule read two ways; the tests check
that they agree dossier by dossier on a generated register.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, text
from sqlalchemy.orm import Session

from app.deadlines import WarningBounds, WarningLevel, level_of, time_left
from app.lifecycle import OPEN, Channel, Status
from app.text import fold
from db.models import ApologyLetter, Dossier, Procedure, Unit
from db.search_index import FTS_TABLE

OPEN_CODES = tuple(int(s) for s in OPEN)
RUNNING_CODES = tuple(c for c in OPEN_CODES if c != Status.SUPPLEMENT)  # open with a running clock


# ---------------------------------------------------------------- the row

@dataclass(frozen=True)
class DossierRow:
    """A dossier as a line of any list: who, what, when, its level and its time left."""

    id: int
    code: str
    applicant_name: str
    procedure_name: str
    unit_name: str
    channel: Channel
    status: Status
    received_at: dt.datetime
    due_at: dt.datetime | None
    apology_deadline_at: dt.datetime | None
    finished_at: dt.datetime | None
    has_letter: bool
    level: WarningLevel | None
    remaining: str
    version: int


ROW_COLUMNS = (Dossier.id, Dossier.code, Dossier.applicant_name, Procedure.name, Unit.name, Dossier.channel,
               Dossier.status, Dossier.received_at, Dossier.due_at, Dossier.apology_deadline_at,
               Dossier.finished_at, ApologyLetter.id.is_not(None), Dossier.version)
N_ROW_COLUMNS = len(ROW_COLUMNS)


def row_select(*extra) -> Select:
    """SELECT the row's columns (and ``extra`` ones after them) with the joins they need."""
    return (select(*ROW_COLUMNS, *extra)
            .join(Procedure, Procedure.id == Dossier.procedure_id)
            .outerjoin(Unit, Unit.id == Dossier.unit_id)
            .outerjoin(ApologyLetter, ApologyLetter.dossier_id == Dossier.id))


def make_row(values, bounds: WarningBounds, no_unit: str = "",
             remaining: dict[tuple, str] | None = None) -> DossierRow:
    """A ``DossierRow`` from the first ``N_ROW_COLUMNS`` values of a ``row_select`` result.

    ``remaining``: the time-left texts already worked out for these bounds, by (level, due, deadline); many
    dossiers share a due moment (17:00 of a day), and each text walks the working calendar."""
    (id_, code, name, procedure, unit, channel, status, received, due, deadline, finished, has_letter,
     version) = tuple(values)[:N_ROW_COLUMNS]
    level = level_of(status, due, deadline, bounds)
    if remaining is None:
        left = time_left(bounds, level, due, deadline)
    else:
        key = (level, due, deadline)
        if key not in remaining:
            remaining[key] = time_left(bounds, level, due, deadline)
        left = remaining[key]
    return DossierRow(id=id_, code=code, applicant_name=name, procedure_name=procedure, unit_name=unit or no_unit,
                      channel=Channel(channel), status=Status(status), received_at=received, due_at=due,
                      apology_deadline_at=deadline, finished_at=finished, has_letter=bool(has_letter), level=level,
                      remaining=left, version=version)


def urgency_key(row: DossierRow):
    """Most urgent first, then by due date, then by code."""
    return (-(row.level or 0), row.due_at or dt.datetime.max, row.code)


def rows_by_id(session: Session, bounds: WarningBounds, ids: list[int]) -> list[DossierRow]:
    """Rows of the given dossiers, most urgent first."""
    rows: list[DossierRow] = []
    remaining: dict[tuple, str] = {}
    for start in range(0, len(ids), 500):
        result = session.execute(row_select().where(Dossier.id.in_(ids[start:start + 500])))
        rows.extend(make_row(values, bounds, remaining=remaining) for values in result)
    rows.sort(key=urgency_key)
    return rows


# ---------------------------------------------------------------- levels as SQL ranges

def level_condition(level: WarningLevel, bounds: WarningBounds):
    """Dossiers at ``level`` now, as ranges over the indexed stored moments (exclusive of each other)."""
    due, deadline = Dossier.due_at, Dossier.apology_deadline_at
    running = Dossier.status.in_(RUNNING_CODES)
    not_overdue = due >= bounds.now
    # For the letter levels the deadline's range is the narrow one: coalesce(d, d) (the same value)
    # keeps the planner on the (status, apology_deadline_at) index rather than "every dossier not yet due".
    not_overdue_checked = func.coalesce(due, due) >= bounds.now
    no_letter_level = or_(deadline.is_(None), deadline >= bounds.letter_tomorrow_end)
    if level is WarningLevel.WAITING:
        return Dossier.status == int(Status.SUPPLEMENT)
    if level is WarningLevel.OVERDUE:
        return and_(running, due < bounds.now)
    if level is WarningLevel.APOLOGY_MISSED:
        return and_(running, deadline < bounds.today_start, not_overdue_checked)
    if level is WarningLevel.APOLOGY_TODAY:
        return and_(running, deadline >= bounds.today_start, deadline < bounds.tomorrow_start, not_overdue_checked)
    if level is WarningLevel.APOLOGY_TOMORROW:
        return and_(running, deadline >= bounds.tomorrow_start, deadline < bounds.letter_tomorrow_end,
                    not_overdue_checked)
    if level is WarningLevel.DUE_SOON:
        return and_(running, not_overdue, due < bounds.soon_end, no_letter_level)
    if level is WarningLevel.ON_TRACK:
        return and_(running, or_(due.is_(None), and_(due >= bounds.soon_end, no_letter_level)))
    raise ValueError(level)


ACTION_LEVELS = tuple(level for level in sorted(WarningLevel, reverse=True) if level >= WarningLevel.DUE_SOON)


def level_counts(session: Session, bounds: WarningBounds, levels=tuple(WarningLevel)) -> dict[WarningLevel, int]:
    """How many open dossiers are at each level: one indexed count per level."""
    return {level: session.scalar(select(func.count()).select_from(Dossier).where(level_condition(level, bounds)))
            or 0 for level in levels}


def level_ids(session: Session, bounds: WarningBounds, level: WarningLevel) -> frozenset[int]:
    return frozenset(session.scalars(select(Dossier.id).where(level_condition(level, bounds))))


def level_rows(session: Session, bounds: WarningBounds, level: WarningLevel,
               limit: int | None = None) -> list[DossierRow]:
    """The dossiers at one level, by due date (the order of urgency within a level), at most ``limit``.

    The ids come from the level's index alone (due_at and the id are in it); the display joins
    are made for the rows returned only.
    """
    query = select(Dossier.id).where(level_condition(level, bounds)).order_by(Dossier.due_at, Dossier.id)
    if limit:
        query = query.limit(limit)
    ids = list(session.scalars(query))
    found = {}
    for start in range(0, len(ids), 500):
        for values in session.execute(row_select().where(Dossier.id.in_(ids[start:start + 500]))):
            found[values[0]] = values
    return [make_row(found[i], bounds) for i in ids if i in found]


# ---------------------------------------------------------------- search

def fts_query(folded: str) -> str:
    """An FTS5 phrase whose last word may be unfinished: "dang van du" → "dang van du"*."""
    tokens = [t for t in "".join(c if c.isalnum() else " " for c in folded).split() if t]
    if not tokens:
        return ""
    return '"' + " ".join(tokens) + '"*'


def like_pattern(folded: str) -> str:
    """'%…%' with LIKE's own characters escaped (escape character: backslash)."""
    return "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@dataclass(frozen=True)
class Search:
    """What the search box asks, as a condition on dossiers; ``fts`` is the FTS5 query on SQLite."""

    condition: ColumnElement[bool]
    fts: str = ""


def search(session: Session, query: str) -> Search | None:
    """Name, code, phone or identity number, ignoring case, marks and đ/d; None if there is nothing to search.

    SQLite: the FTS5 index (``fts``); elsewhere LIKE on the folded text (pg_trgm answers it).
    """
    folded = fold(query or "")
    if not folded:
        return None
    if session.get_bind().dialect.name == "sqlite":
        match = fts_query(folded)
        if not match:
            return None
        return Search(Dossier.id.in_(fts_matches(match)), match)
    return Search(Dossier.search_text.like(like_pattern(folded), escape="\\"))


def search_condition(session: Session, query: str):
    found = search(session, query)
    return None if found is None else found.condition


def fts_matches(match: str):
    """The ids the FTS index matches, as a subquery."""
    return text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :fts_q").bindparams(fts_q=match)


def fts_newest(session: Session, match: str, limit: int) -> list[int]:
    """The newest ``limit`` matches (highest ids), straight from the index."""
    return list(session.scalars(text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q "
                                     "ORDER BY rowid DESC LIMIT :n"), {"q": match, "n": limit}))


def fts_more_than(session: Session, match: str, n: int) -> bool:
    """More than ``n`` matches? Counted only up to n + 1."""
    return session.scalar(text(f"SELECT count(*) FROM (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q "
                               "LIMIT :n)"), {"q": match, "n": n + 1}) > n


def fts_count(session: Session, match: str) -> int:
    return session.scalar(text(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q"), {"q": match}) or 0

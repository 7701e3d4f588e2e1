"""The lists officers work from: warnings, due soon, search, a dossier's history.

Queries select only the columns they show and return plain rows, so the same
functions serve the window (in a worker thread), the CLI and the benchmarks.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.deadlines import WarningBounds, WarningLevel, level_label
from app.dossier_rows import (
    ACTION_LEVELS,
    RUNNING_CODES,
    DossierRow,
    fts_newest,
    level_counts,
    level_ids,
    level_rows,
    rows_by_id,
    search,
)
from app.lifecycle import OPEN
from app.workcalendar import WorkCalendar
from db.models import Dossier, DossierEvent, User

OPEN_CODES = tuple(int(s) for s in OPEN)


def classify_open(session: Session, bounds: WarningBounds,
                  levels: Iterable[WarningLevel] = tuple(WarningLevel)) -> dict[int, WarningLevel]:
    """The warning level of every open dossier at one of ``levels`` (by default any), by id (each level one
    indexed range: asking for the few that need action skips the many on track)."""
    return {dossier_id: level for level in levels for dossier_id in level_ids(session, bounds, level)}


def warning_counts(session: Session, bounds: WarningBounds) -> Counter:
    return Counter({level: n for level, n in level_counts(session, bounds).items() if n})


def rows_for(session: Session, calendar: WorkCalendar, bounds: WarningBounds, ids: list[int]) -> list[DossierRow]:
    """Display rows for the given dossiers, most urgent first, then by due date."""
    return rows_by_id(session, bounds, ids)


@dataclass(frozen=True)
class LevelList:
    """One level of the warnings: its words for this moment, how many, and the first rows."""

    level: WarningLevel
    label: str
    count: int
    rows: list[DossierRow]


def warnings(session: Session, bounds: WarningBounds, levels=ACTION_LEVELS, limit: int | None = None
             ) -> list[LevelList]:
    """The action levels, most urgent first: each count and its first ``limit`` rows (all if None).

    Each level is an indexed range (``level_condition``): nothing is classified in Python but the
    rows shown.
    """
    found = []
    for level in sorted(levels, reverse=True):
        rows = level_rows(session, bounds, level, limit)
        count = len(rows) if limit is None or len(rows) < limit else level_counts(session, bounds, (level,))[level]
        found.append(LevelList(level, level_label(level, bounds), count, rows))
    return found


def warnings_by_level(session: Session, calendar: WorkCalendar, bounds: WarningBounds,
                      levels: set[WarningLevel] | None = None) -> dict[WarningLevel, list[DossierRow]]:
    """Open dossiers needing action, grouped by level (all action levels by default), each by due date."""
    return {found.level: found.rows for found in warnings(session, bounds, levels or ACTION_LEVELS)}


def due_within(session: Session, calendar: WorkCalendar, now: dt.datetime, working_days: int,
               limit: int | None = None) -> list[tuple[int, dt.datetime]]:
    """(id, due_at) of open dossiers not yet overdue and due by the end of the N-th working day.

    By due date. Overdue ones have their own list; dossiers waiting for papers
    have no running clock. Only indexed columns are read, so the big table is
    never touched; callers fetch display fields for the rows they show.
    """
    limit_day = calendar.add_working_days(now.date(), working_days)
    bound = dt.datetime.combine(limit_day + dt.timedelta(days=1), dt.time())
    query = (
        select(Dossier.id, Dossier.due_at)
        .where(Dossier.status.in_(RUNNING_CODES), Dossier.due_at >= now, Dossier.due_at < bound)
        .order_by(Dossier.due_at)
    )
    if limit:
        query = query.limit(limit)
    # due_at >= now leaves out the dossiers without a due date
    return cast(list[tuple[int, dt.datetime]], [tuple(row) for row in session.execute(query)])


def search_ids(session: Session, text_query: str, limit: int = 50) -> list[int]:
    """Dossiers whose name, code, phone or identity number match, ignoring case, marks and đ/d. Newest first."""
    found = search(session, text_query)
    if found is None:
        return []
    if found.fts:  # newest first straight from the index
        return fts_newest(session, found.fts, limit)
    return list(session.scalars(select(Dossier.id).where(found.condition).order_by(Dossier.id.desc()).limit(limit)))


@dataclass(frozen=True)
class EventView:
    at: dt.datetime
    user: str
    kind: str
    field: str
    old_value: str
    new_value: str
    note: str
    change: str = ""    # the change in words, as the history page says it (app/audit_words.py)


def history(session: Session, dossier_id: int) -> list[EventView]:
    from app.audit_words import Names, dossier_event_words

    rows = session.execute(
        select(DossierEvent.at, User.full_name, User.username, DossierEvent.kind, DossierEvent.field,
               DossierEvent.old_value, DossierEvent.new_value, DossierEvent.note)
        .outerjoin(User, User.id == DossierEvent.user_id)
        .where(DossierEvent.dossier_id == dossier_id)
        .order_by(DossierEvent.at, DossierEvent.id)
    ).all()
    names = Names.load(session, fields={row.field for row in rows}) if rows else Names()
    result = []
    for at, full, user, kind, field, old, new, note in rows:
        change, note = dossier_event_words(field, old, new, note, names)
        result.append(EventView(at, full or user or "", kind, field, old, new, note, change))
    return result


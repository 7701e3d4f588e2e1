"""The lists officers work from: warnings, due soon, search, a dossier's history.

Queries select only the columns they show and return plain rows, so the same
functions serve the window (in a worker thread), the CLI and the benchmarks.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.deadlines import WarningBounds, WarningLevel, describe_remaining, warning_level
from app.lifecycle import OPEN, Status
from app.text import fold
from app.workcalendar import WorkCalendar
from db.models import ApologyLetter, Dossier, DossierEvent, Procedure, Unit, User
from db.search_index import FTS_TABLE

OPEN_CODES = tuple(int(s) for s in OPEN)


@dataclass(frozen=True)
class WorklistRow:
    id: int
    code: str
    applicant_name: str
    procedure_name: str
    unit_name: str
    status: Status
    received_at: dt.datetime
    due_at: dt.datetime | None
    has_letter: bool
    level: WarningLevel | None
    remaining: str


def _open_sweep(session: Session):
    """(id, status, due_at, has_letter, received_at) of every open dossier, via the (status, due_at) index."""
    return session.execute(
        select(Dossier.id, Dossier.status, Dossier.due_at, ApologyLetter.id.is_not(None), Dossier.received_at)
        .outerjoin(ApologyLetter, ApologyLetter.dossier_id == Dossier.id)
        .where(Dossier.status.in_(OPEN_CODES))
    )


def classify_open(session: Session, bounds: WarningBounds) -> dict[int, WarningLevel]:
    """The warning level of every open dossier, by id."""
    return {
        dossier_id: warning_level(status, due_at, bool(has_letter), bounds, received_at)
        for dossier_id, status, due_at, has_letter, received_at in _open_sweep(session)
    }


def warning_counts(session: Session, bounds: WarningBounds) -> Counter:
    return Counter(classify_open(session, bounds).values())


def rows_for(session: Session, calendar: WorkCalendar, bounds: WarningBounds, ids: list[int]) -> list[WorklistRow]:
    """Display rows for the given dossiers, most urgent first, then by due date."""
    rows = []
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start:chunk_start + 500]
        result = session.execute(
            select(Dossier.id, Dossier.code, Dossier.applicant_name, Procedure.name, Unit.name, Dossier.status,
                   Dossier.received_at, Dossier.due_at, ApologyLetter.id.is_not(None))
            .join(Procedure, Procedure.id == Dossier.procedure_id)
            .outerjoin(Unit, Unit.id == Dossier.unit_id)
            .outerjoin(ApologyLetter, ApologyLetter.dossier_id == Dossier.id)
            .where(Dossier.id.in_(chunk))
        )
        for id_, code, name, procedure, unit, status, received, due, has_letter in result:
            level = warning_level(status, due, bool(has_letter), bounds, received)
            rows.append(WorklistRow(
                id=id_, code=code, applicant_name=name, procedure_name=procedure, unit_name=unit or "",
                status=Status(status), received_at=received, due_at=due, has_letter=bool(has_letter),
                level=level,
                remaining=describe_remaining(calendar, bounds.now, due) if due and level is not None else "",
            ))
    rows.sort(key=lambda r: (-(r.level or 0), r.due_at or dt.datetime.max, r.code))
    return rows


def warnings_by_level(session: Session, calendar: WorkCalendar, bounds: WarningBounds,
                      levels: set[WarningLevel] | None = None) -> dict[WarningLevel, list[WorklistRow]]:
    """Open dossiers needing action, grouped by level (all action levels by default)."""
    levels = levels or {level for level in WarningLevel if level >= WarningLevel.DUE_SOON}
    wanted = [dossier_id for dossier_id, level in classify_open(session, bounds).items() if level in levels]
    grouped: dict[WarningLevel, list[WorklistRow]] = {level: [] for level in sorted(levels, reverse=True)}
    for row in rows_for(session, calendar, bounds, wanted):
        grouped[row.level].append(row)
    return grouped


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
        .where(Dossier.status.in_([c for c in OPEN_CODES if c != Status.SUPPLEMENT]),
               Dossier.due_at >= now, Dossier.due_at < bound)
        .order_by(Dossier.due_at)
    )
    if limit:
        query = query.limit(limit)
    return [tuple(row) for row in session.execute(query)]


def _fts_query(folded: str) -> str:
    """An FTS5 phrase whose last word may be unfinished: "dang van du" → "dang van du"*."""
    tokens = [t for t in "".join(c if c.isalnum() else " " for c in folded).split() if t]
    if not tokens:
        return ""
    return '"' + " ".join(tokens) + '"*'


def search_ids(session: Session, text_query: str, limit: int = 50) -> list[int]:
    """Dossiers whose name, code, phone or identity number match, ignoring case, marks and đ/d.

    Newest first. On SQLite the FTS index answers; elsewhere a LIKE on the folded text.
    """
    folded = fold(text_query)
    if not folded:
        return []
    if session.get_bind().dialect.name == "sqlite":
        match = _fts_query(folded)
        if not match:
            return []
        rows = session.execute(
            text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q ORDER BY rowid DESC LIMIT :n"),
            {"q": match, "n": limit},
        )
        return [r[0] for r in rows]
    escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = session.execute(
        select(Dossier.id).where(Dossier.search_text.like(f"%{escaped}%", escape="\\"))
        .order_by(Dossier.id.desc()).limit(limit)
    )
    return [r[0] for r in rows]


@dataclass(frozen=True)
class EventView:
    at: dt.datetime
    user: str
    kind: str
    field: str
    old_value: str
    new_value: str
    note: str


def history(session: Session, dossier_id: int) -> list[EventView]:
    rows = session.execute(
        select(DossierEvent.at, User.full_name, User.username, DossierEvent.kind, DossierEvent.field,
               DossierEvent.old_value, DossierEvent.new_value, DossierEvent.note)
        .outerjoin(User, User.id == DossierEvent.user_id)
        .where(DossierEvent.dossier_id == dossier_id)
        .order_by(DossierEvent.at, DossierEvent.id)
    )
    return [EventView(at, full or user or "", kind, field, old, new, note)
            for at, full, user, kind, field, old, new, note in rows]


"""A dossier's due moment and its apology deadline as stored: one writer for both.

The warning levels are index ranges over two stored moments (``app.warning_levels``): the
due moment and the apology deadline, i.e. the end of the last working day on which an apology
letter is still in time (DOMAIN.md §5). The second is derived from the first, the receipt and
the office calendar, so whoever sets ``due_at`` sets both, here:

* ``set_due(dossier, calendar, due_at)`` for a dossier object (receive, accept, manual change,
  letter, supplement resumed);
* ``deadline_values(calendar, due_at, received_at)`` for rows written in bulk (import, demo);
* ``recompute_deadlines(session, calendar, ids)`` after the calendar changed (a day off added
  or removed, office hours or the cut-off changed), or after a raw write;
* ``ensure_deadlines(session, calendar)`` at opening: the register remembers which calendar its
  stored deadlines were computed with, and recomputes them when that is not the calendar in force
  (the first open after migration 0008 fills them the same way).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import bindparam, exists, func, select, update
from sqlalchemy.orm import Session

from app.deadlines import apology_deadline_moment
from app.lifecycle import OPEN
from app.workcalendar import WorkCalendar
from db.models import ApologyLetter, Dossier, Setting

# A settings row the Settings class does not declare (load_settings ignores it): the calendar
# the stored apology deadlines were computed with.
CALENDAR_MARK = "_deadlines_calendar"
OPEN_CODES = tuple(int(s) for s in OPEN)
BATCH = 5000


def deadline_values(calendar: WorkCalendar, due_at: dt.datetime | None, received_at: dt.datetime | None,
                    has_letter: bool = False) -> dict:
    """The two stored moments, for a row written in bulk: ``{"due_at": …, "apology_deadline_at": …}``."""
    return {"due_at": due_at, "apology_deadline_at": apology_deadline_moment(calendar, due_at, received_at, has_letter)}


def set_due(dossier: Dossier, calendar: WorkCalendar, due_at: dt.datetime | None, *, has_letter: bool = False) -> None:
    """Set a dossier's due moment and, with it, its apology deadline (its received_at must be set)."""
    for key, value in deadline_values(calendar, due_at, dossier.received_at, has_letter).items():
        setattr(dossier, key, value)


def calendar_mark(calendar: WorkCalendar) -> str:
    """What the apology deadlines depend on: office hours, cut-off, the office's days, the national days."""
    try:
        from importlib.metadata import version
        holidays_version = version("holidays")
    except Exception:  # noqa: BLE001 - a frozen build without metadata: the rest still identifies it
        holidays_version = ""
    facts = [repr(calendar.hours), [(o.day.isoformat(), o.working) for o in calendar.overrides], holidays_version,
             getattr(calendar, "data_version", "")]
    return hashlib.sha256(json.dumps(facts, default=str).encode()).hexdigest()[:16]


def recompute_deadlines(session: Session, calendar: WorkCalendar, dossier_ids: Iterable[int] | None = None,
                        progress: Callable[[int, int], None] | None = None) -> int:
    """Recompute the stored apology deadline of open dossiers (all, or ``dossier_ids``) on ``calendar``.

    Call it in the transaction that changed the calendar. Due moments are not moved here (a new
    calendar may change promises made on paper: that is the caller's decision, through ``set_due``).
    Returns how many rows changed.
    """
    has_letter = exists().where(ApologyLetter.dossier_id == Dossier.id)
    query = (select(Dossier.id, Dossier.due_at, Dossier.received_at, Dossier.apology_deadline_at, has_letter)
             .where(Dossier.status.in_(OPEN_CODES)))
    if dossier_ids is not None:
        wanted = list(dossier_ids)
        rows: list[Any] = []
        for start in range(0, len(wanted), 500):
            rows.extend(session.execute(query.where(Dossier.id.in_(wanted[start:start + 500]))).all())
    else:
        rows = list(session.execute(query).all())
    session.flush()  # pending changes first: the update below goes around the ORM
    changes = []
    for dossier_id, due_at, received_at, stored, letter in rows:
        value = apology_deadline_moment(calendar, due_at, received_at, bool(letter))
        if value != stored:
            changes.append({"b_id": dossier_id, "b_at": value})
    table = Dossier.__table__
    statement = update(table).where(table.c.id == bindparam("b_id")).values(apology_deadline_at=bindparam("b_at"))
    for start in range(0, len(changes), BATCH):
        session.execute(statement, changes[start:start + BATCH])
        if progress:
            progress(min(start + BATCH, len(changes)), len(changes))
    if changes:
        changed = {c["b_id"] for c in changes}
        for obj in list(session.identity_map.values()):
            if isinstance(obj, Dossier) and obj.id in changed:
                session.expire(obj, ["apology_deadline_at"])
    if dossier_ids is None:
        _store_mark(session, calendar_mark(calendar))
    return len(changes)


def _store_mark(session: Session, mark: str) -> None:
    row = session.get(Setting, CALENDAR_MARK)
    if row is None:
        session.add(Setting(key=CALENDAR_MARK, value=json.dumps(mark)))
    else:
        row.value = json.dumps(mark)
    session.flush()


def deadlines_current(session: Session, calendar: WorkCalendar) -> bool:
    stored = session.scalar(select(Setting.value).where(Setting.key == CALENDAR_MARK))
    return stored is not None and json.loads(stored) == calendar_mark(calendar)


def ensure_deadlines(session: Session, calendar: WorkCalendar,
                     progress: Callable[[int, int], None] | None = None) -> int | None:
    """Recompute every open dossier's apology deadline unless it was computed on this calendar.

    None when nothing had to be done (one indexed read); else the number of rows changed.
    """
    if deadlines_current(session, calendar):
        return None
    return recompute_deadlines(session, calendar, None, progress)


def ensure_on_open(Session, say: Callable[[str], None] | None = None) -> int | None:
    """At opening (CLI command or window): bring the stored deadlines up to the calendar in force."""
    from app.context import load_calendar

    with Session() as session:
        calendar = load_calendar(session)
        if deadlines_current(session, calendar):
            return None
    with Session.begin() as session:
        calendar = load_calendar(session)
        todo = session.scalar(select(func.count()).select_from(Dossier).where(Dossier.status.in_(OPEN_CODES)))
        if say and todo > 20000:
            say(f"Đang tính hạn gửi phiếu xin lỗi của {todo:,} hồ sơ đang xử lý theo lịch làm việc hiện hành…"
                .replace(",", "."))
        return ensure_deadlines(session, calendar)

"""Hôm nay: what the desk must do on the current working day, and what changed since last time."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import digitization, letter_delivery, ratings
from app.context import Context
from app.deadlines import WarningBounds, WarningLevel
from app.dossier_rows import DossierRow, level_counts, level_ids, level_rows, rows_by_id
from app.workcalendar import undecided_tet_words
from db.models import Dossier

# The lists the Today page offers besides the warning levels.
RECEIVED_TODAY = "received_today"
RETURNED_TODAY = "returned_today"
LETTERS_UNDELIVERED = "letters_undelivered"   # letters issued that have not reached their applicant
UNHAPPY_NEW = "unhappy_new"   # citizens unhappy since yesterday: opens the list for the head of the centre

# Levels an officer must be told about when a dossier newly reaches them.
ALERT_LEVELS = (WarningLevel.OVERDUE, WarningLevel.APOLOGY_MISSED, WarningLevel.APOLOGY_TODAY)

CHANGE_PHRASES = {
    WarningLevel.OVERDUE: "{n} hồ sơ đã chuyển sang quá hạn",
    WarningLevel.APOLOGY_MISSED: "{n} hồ sơ đã lỡ hạn gửi phiếu xin lỗi",
    WarningLevel.APOLOGY_TODAY: "{n} hồ sơ phải gửi phiếu xin lỗi hôm nay",
}


@dataclass(frozen=True)
class TodaySummary:
    now: dt.datetime
    is_working_day: bool
    next_working_day: dt.date
    counts: Counter                      # WarningLevel → open dossiers at that level
    ids: dict[WarningLevel, frozenset[int]]  # for the alert levels only: who is there
    received_today: int
    returned_today: int
    digitization_gaps: int = 0           # dossiers of the month so far short of digitization
    # from 1 November, while the coming Tết break has no decision: (year, first, last provisional day off)
    undecided_tet: tuple[int, dt.date, dt.date] | None = None

    @property
    def calendar_notice(self) -> str:
        """The same in Vietnamese words (the command line, the daily report)."""
        return undecided_tet_words(self.undecided_tet)
    letters_undelivered: int = 0         # apology letters issued but not yet delivered (app.letter_delivery)
    unhappy_new: int = 0                 # "Không hài lòng" ratings recorded since yesterday (app.ratings)


def _day_bounds(now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(now.date(), dt.time())
    return start, start + dt.timedelta(days=1)


def summary(session: Session, ctx: Context) -> TodaySummary:
    now = ctx.now()
    bounds = WarningBounds.at(ctx.calendar, now, ctx.settings.due_soon_days)
    counts = Counter({level: n for level, n in level_counts(session, bounds).items() if n})
    start, end = _day_bounds(now)
    received = session.scalar(select(func.count()).select_from(Dossier)
                              .where(Dossier.received_at >= start, Dossier.received_at < end)) or 0
    returned = session.scalar(select(func.count()).select_from(Dossier)
                              .where(Dossier.returned_at >= start, Dossier.returned_at < end)) or 0
    ids = {level: level_ids(session, bounds, level) for level in ALERT_LEVELS}
    gaps = digitization.gap_counts(session, ctx).dossiers
    return TodaySummary(now, ctx.calendar.is_working_day(now.date()), ctx.calendar.next_working_day(now.date()),
                        counts, ids, received, returned, gaps,
                        undecided_tet=ctx.calendar.undecided_tet(now.date()),
                        letters_undelivered=letter_delivery.undelivered_count(session),
                        unhappy_new=ratings.unhappy_count(session, ratings.new_since(now)))


@dataclass(frozen=True)
class TodayList:
    """The dossiers behind one count: the first ``limit`` (most urgent first) and how many there are,
    read together, so the list's title never disagrees with its rows."""

    rows: list[DossierRow]
    total: int


def rows(session: Session, ctx: Context, which: WarningLevel | str, limit: int = 2000) -> TodayList:
    """The dossiers behind one count of the Today page, most urgent first."""
    now = ctx.now()
    bounds = WarningBounds.at(ctx.calendar, now, ctx.settings.due_soon_days)
    if isinstance(which, WarningLevel):
        shown = level_rows(session, bounds, which, limit)
        total = len(shown) if len(shown) < limit else level_counts(session, bounds, (which,))[which]
        return TodayList(shown, total)
    if which == LETTERS_UNDELIVERED:
        wanted = letter_delivery.undelivered_dossier_ids(session, limit)
        return TodayList(rows_by_id(session, bounds, wanted), letter_delivery.undelivered_count(session))
    start, end = _day_bounds(now)
    column = Dossier.received_at if which == RECEIVED_TODAY else Dossier.returned_at
    wanted = list(session.scalars(select(Dossier.id).where(column >= start, column < end)))
    return TodayList(rows_by_id(session, bounds, wanted[:limit]), len(wanted))


def changes_since(previous: dict[WarningLevel, frozenset[int]],
                  current: dict[WarningLevel, frozenset[int]]) -> list[tuple[WarningLevel, int]]:
    """How many dossiers newly reached each alert level since the last look."""
    found = []
    for level in ALERT_LEVELS:
        new = current.get(level, frozenset()) - previous.get(level, frozenset())
        if new:
            found.append((level, len(new)))
    return found


def describe_changes(changes: list[tuple[WarningLevel, int]]) -> str:
    return "; ".join(CHANGE_PHRASES[level].format(n=n) for level, n in changes)

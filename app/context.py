"""What every domain action needs besides the Session: who, when, and the rules in force."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import OrderedDict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app import holiday_decisions
from app.clock import Clock
from app.errors import ValidationError
from app.settings import Settings, load_settings
from app.workcalendar import DayOverride, WorkCalendar
from db import audit
from db.models import CalendarOverride, Setting

# What the window holds to reach the register: one unit of work per job (ui/desk.py names it from here).
SessionFactory = sessionmaker


@dataclass(frozen=True)
class Context:
    clock: Clock
    calendar: WorkCalendar
    settings: Settings
    user_id: int | None = None

    def now(self) -> dt.datetime:
        return self.clock.now()


# Building a calendar loads the holiday tables and lists every working day of
# the span (~100 ms); the window asks for a context on every query, so the
# same office rules give back the same, already warm, calendar.
_CALENDARS: OrderedDict[tuple, WorkCalendar] = OrderedDict()
_CALENDARS_LOCK = threading.Lock()


def load_calendar(session: Session, settings: Settings | None = None) -> WorkCalendar:
    """The office's calendar: the national base plus the overrides in the register."""
    settings = settings or load_settings(session)
    overrides = tuple(
        DayOverride(day, working, note)
        for day, working, note in session.execute(
            select(CalendarOverride.day, CalendarOverride.working, CalendarOverride.note)
            .order_by(CalendarOverride.day)
        )
    )
    hours = settings.hours()
    loaded = loaded_decisions_text(session)
    key = (repr(hours), overrides, loaded)
    with _CALENDARS_LOCK:
        calendar = _CALENDARS.get(key)
        if calendar is None:
            calendar = _CALENDARS[key] = WorkCalendar(hours=hours, overrides=list(overrides),
                                                      decisions=holiday_decisions.effective(loaded))
            while len(_CALENDARS) > 8:
                _CALENDARS.popitem(last=False)
        else:
            _CALENDARS.move_to_end(key)
    return calendar


def loaded_decisions_text(session: Session) -> str | None:
    """The decisions file the office loaded (``calendar --load``), kept in the register; None: shipped only."""
    value = session.scalar(select(Setting.value).where(Setting.key == holiday_decisions.SETTING_KEY))
    if not value:
        return None
    try:
        text = json.loads(value)
        holiday_decisions.effective(text)  # a damaged value falls back to the shipped decisions
        return text
    except (ValueError, ValidationError):
        return None


def load_context(session: Session, clock: Clock, user_id: int | None = None) -> Context:
    settings = load_settings(session)
    # When, and who if known, for the audit events of this session (db/audit.py).
    audit.set_clock(session, clock)
    if user_id is not None:
        audit.set_actor(session, user_id, clock)
    return Context(clock=clock, calendar=load_calendar(session, settings), settings=settings, user_id=user_id)

"""Time is injected: domain code asks a clock, never the wall directly.

Datetimes in the register are naive local time of the office (Vietnam has a
single zone, UTC+7, and no daylight saving), which keeps "17:00 on the due day"
exactly what the officer reads on the receipt slip.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime: ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now().replace(microsecond=0)


class FixedClock:
    """A clock that stands still (tests, ``--now``, reproducible demos)."""

    def __init__(self, moment: dt.datetime):
        self.moment = moment

    def now(self) -> dt.datetime:
        return self.moment

    def advance(self, **delta) -> None:
        self.moment = self.moment + dt.timedelta(**delta)

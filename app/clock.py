"""Time is injected: domain code asks a clock, never the wall directly.

Datetimes in the register are naive local time of the office (Vietnam has a
single zone, UTC+7, and no daylight saving), which keeps "17:00 on the due day"
exactly what the officer reads on the receipt slip. The system clock gives that
time in Asia/Ho_Chi_Minh whatever zone the PC is set to, so a PC left on
another zone neither misdates a receipt nor disagrees with the other desks of a
shared register (Windows has no zone database: the ``tzdata`` package brings it).
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, Protocol

OFFICE_ZONE = "Asia/Ho_Chi_Minh"
OFFICE_OFFSET = dt.timedelta(hours=7)


class Clock(Protocol):
    def now(self) -> dt.datetime: ...


def office_zone() -> dt.tzinfo:
    """Asia/Ho_Chi_Minh from the zone database; without one (Windows lacking ``tzdata``) its fixed UTC+7,
    which is the same for every date since 1975."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(OFFICE_ZONE)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return dt.timezone(OFFICE_OFFSET, "+07")


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _pc_offset(moment: dt.datetime) -> dt.timedelta | None:
    return moment.astimezone().utcoffset()


class SystemClock:
    """The wall clock, read in the office's zone. ``utc_now`` and ``pc_offset`` are injected by tests."""

    def __init__(self, zone: dt.tzinfo | None = None, utc_now: Callable[[], dt.datetime] = _utc_now,
                 pc_offset: Callable[[dt.datetime], dt.timedelta | None] = _pc_offset):
        self.zone = zone or office_zone()
        self._utc_now = utc_now
        self._pc_offset = pc_offset

    def now(self) -> dt.datetime:
        return self._utc_now().astimezone(self.zone).replace(tzinfo=None, microsecond=0)

    def zone_warning(self) -> str | None:
        """The officer's notice when the PC's own zone is not UTC+7 (its clock shows another hour than the
        app's); None when they agree."""
        moment = self._utc_now()
        offset, office = self._pc_offset(moment), moment.astimezone(self.zone).utcoffset()
        if offset is None or offset == office:
            return None
        return (f"Máy tính đang đặt múi giờ {_utc_text(offset)}, khác giờ Việt Nam ({_utc_text(office)}): "
                f"ứng dụng vẫn dùng giờ Việt Nam ({self.now():%H:%M}). Nên đặt lại múi giờ của máy "
                f"(Windows: Cài đặt › Thời gian và ngôn ngữ › Múi giờ “(UTC+07:00) Bangkok, Hanoi, Jakarta”).")


def _utc_text(offset: dt.timedelta | None) -> str:
    minutes = int((offset or dt.timedelta()).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


class FixedClock:
    """A clock that stands still (tests, ``--now``, reproducible demos)."""

    def __init__(self, moment: dt.datetime):
        self.moment = moment

    def now(self) -> dt.datetime:
        return self.moment

    def advance(self, **delta) -> None:
        self.moment = self.moment + dt.timedelta(**delta)

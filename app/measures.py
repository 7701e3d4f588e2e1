"""The measures every report shares, defined once: the period, the percent, the groupings, the weeks, and
the moment a past day is judged at.

* **Period**: whole days [start, end]; ``start_moment`` is its first moment, ``end_bound`` the first moment
  after it. Figures for a period are judged at ``as_of(now)``: the end of the period, or now if earlier.
* **Percent**: a ``Decimal`` rounded half up to one decimal, as the plans' tables print it (3 of 7 → 42.9;
  6.25 → 6.3, never the banker's 6.2); ``None`` when there is nothing to count. ``percent_text`` writes it
  in Vietnamese number style, decimal comma and a space before the sign: "76,9 %".
* **Groupings**: a register figure is grouped by deciding unit, field or officer (``GROUPINGS``).
* **Weeks**: ISO weeks, named by their Monday; every week the period touches is listed, empty ones too.
* **A past day** is judged as it stood at the close of that day's office hours (``day_close``): the end-of-
  day report and ``warnings --date`` describe the day the desk worked, and a dossier due at the close of
  that day is not yet late at that moment (it is from the next working morning on). Today is judged now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from app.errors import ValidationError
from app.workcalendar import WorkCalendar

# ---------------------------------------------------------------- percent

Percent = Decimal
_ONE_DECIMAL = Decimal("0.1")


def percent(part: int, whole: int) -> Percent | None:
    """part ÷ whole in percent, rounded half up to one decimal; None for 0 ÷ 0."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(_ONE_DECIMAL, rounding=ROUND_HALF_UP)


def percent_text(value: Decimal | float | None, decimals: int = 1) -> str:
    """"76,9 %" (Vietnamese decimal comma, a space before the sign, as TCVN writes it); a target with
    ``decimals=0``: "90 %". "—" when there was nothing to count. The one percent format of every screen,
    workbook text and command."""
    if value is None:
        return "—"
    step = _ONE_DECIMAL if decimals == 1 else Decimal(1).scaleb(-decimals)
    number = Decimal(str(value)).quantize(step, rounding=ROUND_HALF_UP)
    return f"{number} %".replace(".", ",")


# ---------------------------------------------------------------- groupings

GROUPINGS: dict[str, str] = {"unit": "Đơn vị", "field": "Lĩnh vực", "officer": "Cán bộ"}


def check_grouping(by: str) -> str:
    if by not in GROUPINGS:
        known = ", ".join(f"{key} ({label.lower()})" for key, label in GROUPINGS.items())
        raise ValidationError(f"Không có cách nhóm “{by}”; dùng một trong: {known}.")
    return by


# ---------------------------------------------------------------- period

@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive

    def __post_init__(self):
        if self.end < self.start:
            raise ValidationError(f"Ngày cuối kỳ ({self.end:%d/%m/%Y}) không được trước ngày đầu kỳ "
                                  f"({self.start:%d/%m/%Y}).")

    @property
    def start_moment(self) -> dt.datetime:
        return dt.datetime.combine(self.start, dt.time())

    @property
    def end_bound(self) -> dt.datetime:
        """The first moment after the period (midnight after its last day)."""
        return dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time())

    def as_of(self, now: dt.datetime | None) -> dt.datetime:
        """The moment open dossiers are judged at: the end of the period, or now if that is earlier."""
        return min(now, self.end_bound) if now else self.end_bound

    def label(self) -> str:
        return f"Từ ngày {self.start:%d/%m/%Y} đến ngày {self.end:%d/%m/%Y}"

    @classmethod
    def day(cls, day: dt.date) -> "Period":
        return cls(day, day)

    @classmethod
    def month_to_date(cls, day: dt.date) -> "Period":
        return cls(day.replace(day=1), day)

    @classmethod
    def or_default(cls, today: dt.date, start: dt.date | None, end: dt.date | None) -> "Period":
        """From optional bounds: by default the month to date; one bound alone runs to today / from the 1st."""
        end = end or today
        return cls(start or end.replace(day=1), end)


# ---------------------------------------------------------------- weeks

def week_start(day: dt.date | dt.datetime | str) -> dt.date:
    """The Monday of the ISO week of ``day`` (a date, a datetime, or SQL's "YYYY-MM-DD…" text)."""
    if isinstance(day, dt.datetime):
        day = day.date()
    elif not isinstance(day, dt.date):
        day = dt.date.fromisoformat(str(day)[:10])
    return day - dt.timedelta(days=day.weekday())


def mondays(period: Period) -> Iterator[dt.date]:
    """Every week the period touches, by its Monday."""
    monday = week_start(period.start)
    while monday <= period.end:
        yield monday
        monday += dt.timedelta(days=7)


def weekly_totals(period: Period, rows: Iterable[tuple], width: int) -> dict[dt.date, list[int]]:
    """Sum per-day rows ``(day, n1, n2, …)`` into the period's weeks: {monday: [Σn1, Σn2, …]}, every week listed."""
    weeks = {monday: [0] * width for monday in mondays(period)}
    for day, *values in rows:
        totals = weeks.setdefault(week_start(day), [0] * width)
        for index, value in enumerate(values):
            totals[index] += int(value or 0)
    return weeks


# ---------------------------------------------------------------- the moment of a day

def day_close(calendar: WorkCalendar, day: dt.date) -> dt.datetime:
    """A past (or future) day as it stood at the close of office hours."""
    return dt.datetime.combine(day, calendar.hours.closing)


def moment_of(calendar: WorkCalendar, now: dt.datetime, day: dt.date | None) -> dt.datetime:
    """When ``day`` is judged: now for today (or no day), the close of office hours for any other day."""
    if day is None or day == now.date():
        return now
    return day_close(calendar, day)

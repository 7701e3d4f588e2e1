"""The one working-day calendar behind every deadline.

Base: Saturdays and Sundays off, the Vietnamese public holidays of the
``holidays`` package (country VN, Vietnamese names) with its substitute days
and make-up Saturdays; on top of it the official decisions of
``app.holiday_decisions`` (resources/calendar/decisions.json, or a file the
office loaded), which replace the package per occasion and year; then the
office's own overrides win, because swaps are announced late (the 2026 New
Year one six days ahead) and officers must be able to correct the calendar
themselves. Every special day says where it comes from (``DayInfo.source``).

Counting rules (DOMAIN.md §4):
- a dossier received on a working day before the afternoon cut-off is counted
  from that day; one received after the cut-off, or on a non-working day, is
  treated as received on the next working day;
- the day of receipt itself is not counted (Civil Code art. 147): N working
  days after it, the dossier is due at the close of office hours;
- working-hour deadlines run only inside office hours.
"""

from __future__ import annotations

import bisect
import datetime as dt
import threading
from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping

from app.errors import ValidationError
from app.holiday_decisions import DecisionSet, Entry, Occasion, Source, national_year
from app.holiday_decisions import shipped as shipped_decisions

WEEKDAYS_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")

# The years the calendar will reason about; outside them a date is refused
# rather than silently treated as an ordinary week.
FIRST_YEAR = 2000
LAST_YEAR = 2100


def _parse_hhmm(text: str) -> dt.time:
    try:
        hours, minutes = text.strip().split(":")
        return dt.time(int(hours), int(minutes))
    except (ValueError, TypeError):
        raise ValidationError(f"Giờ không hợp lệ: “{text}” (cần dạng HH:MM, ví dụ 07:30).") from None


@dataclass(frozen=True)
class OfficeHours:
    """Office hours as ordered periods, and the afternoon cut-off."""

    periods: tuple[tuple[dt.time, dt.time], ...] = (
        (dt.time(7, 30), dt.time(11, 30)),
        (dt.time(13, 0), dt.time(17, 0)),
    )
    cutoff: dt.time = dt.time(15, 0)

    def __post_init__(self):
        if not self.periods:
            raise ValidationError("Giờ làm việc phải có ít nhất một buổi.")
        previous_end = None
        for start, end in self.periods:
            if end <= start or (previous_end is not None and start < previous_end):
                raise ValidationError(
                    "Giờ làm việc không hợp lệ: các buổi phải theo thứ tự và không chồng lên nhau."
                )
            previous_end = end

    @classmethod
    def parse(cls, periods: str, cutoff: str = "15:00") -> "OfficeHours":
        """From settings text: "07:30-11:30,13:00-17:00" and "15:00"."""
        parsed = []
        for chunk in periods.split(","):
            if "-" not in chunk:
                raise ValidationError(f"Buổi làm việc không hợp lệ: “{chunk.strip()}” (cần dạng 07:30-11:30).")
            start, end = chunk.split("-", 1)
            parsed.append((_parse_hhmm(start), _parse_hhmm(end)))
        return cls(tuple(parsed), _parse_hhmm(cutoff))

    @property
    def opening(self) -> dt.time:
        return self.periods[0][0]

    @property
    def closing(self) -> dt.time:
        return self.periods[-1][1]

    @property
    def minutes_per_day(self) -> int:
        return sum(_minutes(end) - _minutes(start) for start, end in self.periods)

    def minutes_before(self, moment: dt.time) -> int:
        """Working minutes of a day that lie before ``moment``."""
        at = _minutes(moment)
        total = 0
        for start, end in self.periods:
            total += max(0, min(at, _minutes(end)) - _minutes(start))
        return total

    def time_after(self, minutes: int) -> dt.time:
        """The time of day when ``minutes`` working minutes have passed since opening.

        A boundary falls at the end of a period (11:30), not the start of the
        next, so "4 hours from 07:30" is 11:30 the same morning.
        """
        remaining = minutes
        for start, end in self.periods:
            length = _minutes(end) - _minutes(start)
            if remaining <= length:
                return _time(_minutes(start) + remaining)
            remaining -= length
        return self.closing


def _minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def _time(minutes: int) -> dt.time:
    return dt.time(minutes // 60, minutes % 60)


@dataclass(frozen=True)
class DayOverride:
    """An office decision that wins over the base calendar."""

    day: dt.date
    working: bool  # True: a make-up working day; False: a day off
    note: str = ""


HolidaySource = Callable[[int], tuple[Mapping[dt.date, str], Iterable[dt.date]]]


def vietnam_holidays(year: int) -> tuple[dict[dt.date, str], set[dt.date]]:
    """Public holidays (with names in Vietnamese) and make-up Saturdays for a year, as the
    ``holidays`` package says, kept in the cache once worked out (app/holiday_cache.py)."""
    from app.holiday_cache import cached_year

    return cached_year(year, holidays_package_year)


def holidays_package_year(year: int) -> tuple[dict[dt.date, str], set[dt.date]]:
    import holidays  # imported lazily: importing it costs about 0.3 s of CPU

    calendar = holidays.country_holidays("VN", years=year, language="vi")
    days_off = {day: name for day, name in calendar.items() if day.year == year}
    make_up = {day for day in calendar.weekend_workdays if day.year == year}
    return days_off, make_up


@dataclass(frozen=True)
class DayInfo:
    """One special day as the calendar sees it, with where it comes from."""

    day: dt.date
    working: bool
    name: str
    source: Source | None          # None: an ordinary weekday or weekend
    reference: str = ""            # the decision's reference, or the office's note
    occasion: Occasion | None = None

    @property
    def source_label(self) -> str:
        return self.source.label if self.source else ""


@dataclass
class WorkCalendar:
    """Answers every question about working time. Immutable once built."""

    hours: OfficeHours = field(default_factory=OfficeHours)
    overrides: Iterable[DayOverride] = ()
    holiday_source: HolidaySource = vietnam_holidays
    decisions: DecisionSet | None = None  # None: the shipped decisions (resources/calendar)

    def __post_init__(self) -> None:
        self._overrides: dict[dt.date, DayOverride] = {o.day: o for o in self.overrides}
        self.overrides = tuple(sorted(self._overrides.values(), key=lambda o: o.day))
        if self.decisions is None:
            self.decisions = shipped_decisions()
        # The national special days (package + decisions), each with its provenance.
        self._base: dict[dt.date, Entry] = {}
        self._years: set[int] = set()
        # Sorted working days of the loaded span of years, for O(log n) arithmetic.
        self._working: list[dt.date] = []
        self._span: tuple[int, int] | None = None
        self._lock = threading.Lock()

    # -- the base data -------------------------------------------------------

    def _load_span(self, first: int, last: int) -> None:
        if first < FIRST_YEAR or last > LAST_YEAR:
            raise ValidationError(
                f"Ngày nằm ngoài khoảng lịch làm việc hỗ trợ ({FIRST_YEAR}–{LAST_YEAR})."
            )
        if self._span and self._span[0] <= first and last <= self._span[1]:
            return
        with self._lock:  # one calendar is shared by the window's worker threads
            self._extend_span(first, last)

    def __getstate__(self):
        state = dict(self.__dict__)
        del state["_lock"]  # a lock does not travel to a worker process; the worker gets its own
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._lock = threading.Lock()

    def _extend_span(self, first: int, last: int) -> None:
        if self._span and self._span[0] <= first and last <= self._span[1]:
            return
        if self._span:
            first, last = min(first, self._span[0]), max(last, self._span[1])
        assert self.decisions is not None  # set in __post_init__
        for year in range(first, last + 1):
            if year not in self._years:
                days_off, make_up = self.holiday_source(year)
                self._base.update(national_year(year, days_off, make_up, self.decisions))
                self._years.add(year)
        day, end = dt.date(first, 1, 1), dt.date(last, 12, 31)
        working = []
        while day <= end:
            if self._is_working(day):
                working.append(day)
            day += dt.timedelta(days=1)
        self._working = working
        self._span = (first, last)

    def _ensure(self, *days: dt.date) -> None:
        years = [d.year for d in days]
        if min(years) < FIRST_YEAR or max(years) > LAST_YEAR:
            raise ValidationError(
                f"Ngày nằm ngoài khoảng lịch làm việc hỗ trợ ({FIRST_YEAR}–{LAST_YEAR})."
            )
        # One year of margin on both sides so "next working day" near 31/12 works.
        self._load_span(max(FIRST_YEAR, min(years) - 1), min(LAST_YEAR, max(years) + 1))

    def _is_working(self, day: dt.date) -> bool:
        override = self._overrides.get(day)
        if override is not None:
            return override.working
        entry = self._base.get(day)
        if entry is not None:
            return entry.working
        return day.weekday() < 5

    def _national_working(self, day: dt.date) -> bool:
        entry = self._base.get(day)
        return entry.working if entry is not None else day.weekday() < 5

    # -- questions about days ------------------------------------------------

    def is_working_day(self, day: dt.date) -> bool:
        self._ensure(day)
        return self._is_working(day)

    def day_info(self, day: dt.date) -> DayInfo:
        """What a day is and why: the office's override, else the national day, else the week."""
        self._ensure(day)
        entry = self._base.get(day)
        override = self._overrides.get(day)
        if override is not None:
            if override.note:
                name = override.note
            elif override.working:
                # A weekend the office works is a make-up day; a holiday it works is simply a working day.
                name = "Ngày làm bù" if day.weekday() >= 5 else "Đi làm (cơ quan làm việc)"
            else:
                name = "Ngày nghỉ của cơ quan"
            return DayInfo(day, override.working, name, Source.OFFICE, override.note,
                           entry.occasion if entry else None)
        if entry is not None:
            return DayInfo(day, entry.working, entry.name, entry.source, entry.reference, entry.occasion)
        weekday = day.weekday()
        return DayInfo(day, weekday < 5, ("Thứ Bảy", "Chủ Nhật")[weekday - 5] if weekday >= 5 else "", None)

    def day_note(self, day: dt.date) -> str:
        """Why a day is what it is: the holiday's name, the override's note, or ''."""
        return self.day_info(day).name

    def national_day_info(self, day: dt.date) -> DayInfo:
        """The day as the national calendar has it, the office's override aside."""
        self._ensure(day)
        entry = self._base.get(day)
        if entry is not None:
            return DayInfo(day, entry.working, entry.name, entry.source, entry.reference, entry.occasion)
        weekday = day.weekday()
        return DayInfo(day, weekday < 5, ("Thứ Bảy", "Chủ Nhật")[weekday - 5] if weekday >= 5 else "", None)

    def special_days(self, year: int) -> list[DayInfo]:
        """Holidays, make-up days, unconfirmed days and overrides of a year.

        Ordinary weekends are left out; weekend days touching a break are
        listed as part of it, so Tết reads as one block (Sat 14/02 – Sun
        22/02/2026), as the government announces it.
        """
        self._ensure(dt.date(year, 6, 30))
        days = {d for d in self._base if d.year == year}
        days |= {d for d in self._overrides if d.year == year}
        for holiday in [d for d in days if not self._is_working(d) and d.weekday() < 5]:
            for step in (1, -1):
                d = holiday + dt.timedelta(days=step)
                while d.weekday() >= 5 and not self._is_working(d) and d not in days:
                    days.add(d)
                    d += dt.timedelta(days=step)
        result = []
        for d in sorted(days):
            if d.year != year:
                continue
            info = self.day_info(d)
            if info.source is None:  # a plain weekend next to a break: it takes the break's provenance
                near = next((self.day_info(d + dt.timedelta(days=k)) for k in (1, -1, 2, -2)
                             if (d + dt.timedelta(days=k)) in days
                             and self.day_info(d + dt.timedelta(days=k)).source is not None), None)
                info = DayInfo(d, False, "Cuối tuần liền kỳ nghỉ", near.source if near else Source.LAW,
                               near.reference if near else "", near.occasion if near else None)
            result.append(info)
        return result

    def provisional_days_between(self, start: dt.date, end: dt.date) -> list[DayInfo]:
        """Days in [start, end] that the calendar only assumes: provisional or unconfirmed (not overridden)."""
        if end < start:
            start, end = end, start
        self._ensure(start, end)
        return [self.day_info(d) for d in sorted(self._base)
                if start <= d <= end and d not in self._overrides
                and self._base[d].source in (Source.PROVISIONAL, Source.UNCONFIRMED)]

    def tet_decided(self, year: int) -> bool:
        """Whether an official decision fixes the Tết break of ``year``."""
        assert self.decisions is not None  # set in __post_init__
        decision = self.decisions.for_year(year).get(Occasion.TET)
        return decision is not None and decision.official

    def provisional_note(self, start: dt.date, end: dt.date) -> str:
        """One line for a due date counted across assumed days, or '' (the receive form shows it)."""
        days = self.provisional_days_between(start, end)
        parts = []
        for key in sorted({(d.occasion.label if d.occasion else "", d.day.year)
                           for d in days if d.source is Source.PROVISIONAL}):
            parts.append(f"Hạn trả tính theo lịch nghỉ {key[0] or 'lễ'} {key[1]} dự kiến")
        for d in days:
            if d.source is Source.UNCONFIRMED:
                parts.append(f"Ngày {d.day:%d/%m/%Y} ({d.name}) chưa xác nhận: đang tính là "
                             + ("ngày làm việc" if d.working else "ngày nghỉ"))
        return "; ".join(parts)

    def undecided_tet(self, today: dt.date) -> tuple[int, dt.date, dt.date] | None:
        """From 1 November, while the coming Tết break has no official decision: its year and the
        provisional first and last days off; else None."""
        for year in (today.year, today.year + 1):
            if year > today.year and today.month < 11:
                continue
            if year > LAST_YEAR or self.tet_decided(year):
                continue
            self._ensure(dt.date(year, 6, 30))
            tet = sorted(d for d, e in self._base.items()
                         if d.year == year and e.occasion is Occasion.TET and e.source is Source.PROVISIONAL)
            if tet and today <= tet[-1]:
                return year, tet[0], tet[-1]
        return None

    def undecided_tet_notice(self, today: dt.date) -> str:
        """``undecided_tet`` in words (the command line; the window words it in its own language)."""
        return undecided_tet_words(self.undecided_tet(today))

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after ``day``."""
        return self.add_working_days(day, 1)

    def working_day_on_or_after(self, day: dt.date) -> dt.date:
        return day if self.is_working_day(day) else self.next_working_day(day)

    def previous_working_day(self, day: dt.date) -> dt.date:
        """The last working day strictly before ``day``."""
        self._ensure(day - dt.timedelta(days=15))
        index = bisect.bisect_left(self._working, day)
        while index == 0:
            assert self._span is not None  # loaded by _ensure
            self._load_span(self._span[0] - 1, self._span[1])  # refuses to go before FIRST_YEAR
            index = bisect.bisect_left(self._working, day)
        return self._working[index - 1]

    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        """The ``count``-th working day after ``day`` (``day`` itself not counted).

        ``count`` 0 gives ``day`` if it is a working day, else the next one.
        """
        if count < 0:
            raise ValidationError("Số ngày làm việc phải là số không âm.")
        self._ensure(day)
        if count == 0:
            return self.working_day_on_or_after(day)
        index = bisect.bisect_right(self._working, day) + count - 1
        while index >= len(self._working):
            assert self._span is not None  # loaded by _ensure
            self._load_span(self._span[0], self._span[1] + 1)  # refuses to go past LAST_YEAR
            index = bisect.bisect_right(self._working, day) + count - 1
        return self._working[index]

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]; negative when ``end`` is before ``start``."""
        if end < start:
            return -self.working_days_between(end, start)
        self._ensure(start, end)
        return bisect.bisect_right(self._working, end) - bisect.bisect_right(self._working, start)

    # -- questions about moments ---------------------------------------------

    def counting_start_day(self, received_at: dt.datetime) -> dt.date:
        """The day a dossier counts as received, after the cut-off rule."""
        day = received_at.date()
        # "After 15:00" counts from the next working day; 15:00 itself is still today.
        if self.is_working_day(day) and received_at.time() <= self.hours.cutoff:
            return day
        return self.next_working_day(day)

    def counting_start_moment(self, received_at: dt.datetime) -> dt.datetime:
        """The moment working hours start running for a dossier (hour-based deadlines)."""
        day = self.counting_start_day(received_at)
        if day != received_at.date():
            return dt.datetime.combine(day, self.hours.opening)
        # Clamp into office hours: before opening → opening, in the lunch break →
        # the end of the morning (the same point in working time as 13:00).
        minutes = self.hours.minutes_before(received_at.time())
        return dt.datetime.combine(day, self.hours.time_after(minutes))

    def due_after_days(self, received_at: dt.datetime, days: int) -> dt.datetime:
        """Due moment for a processing time of ``days`` working days (0: within the day)."""
        start = self.counting_start_day(received_at)
        due_day = self.add_working_days(start, days) if days else start
        return dt.datetime.combine(due_day, self.hours.closing)

    def due_after_hours(self, received_at: dt.datetime, hours: float) -> dt.datetime:
        """Due moment for a processing time in working hours."""
        return self.add_working_minutes(self.counting_start_moment(received_at), round(hours * 60))

    def add_working_minutes(self, start: dt.datetime, minutes: int) -> dt.datetime:
        if minutes < 0:
            raise ValidationError("Số giờ làm việc phải là số không âm.")
        day = start.date()
        if not self.is_working_day(day):
            day, used = self.next_working_day(day), 0
        else:
            used = self.hours.minutes_before(start.time())
            if used >= self.hours.minutes_per_day and minutes > 0:
                day, used = self.next_working_day(day), 0
        per_day = self.hours.minutes_per_day
        if used + minutes <= per_day:
            if minutes == 0 and day == start.date():
                return start
            return dt.datetime.combine(day, self.hours.time_after(used + minutes))
        left = minutes - (per_day - used)
        full_days, rest = divmod(left, per_day)
        if rest == 0:
            full_days, rest = full_days - 1, per_day
        return dt.datetime.combine(self.add_working_days(day, full_days + 1), self.hours.time_after(rest))

    def working_minutes_between(self, start: dt.datetime, end: dt.datetime) -> int:
        """Working minutes from ``start`` to ``end``; negative when ``end`` is earlier."""
        if end < start:
            return -self.working_minutes_between(end, start)
        per_day = self.hours.minutes_per_day
        first, last = start.date(), end.date()
        if first == last:
            if not self.is_working_day(first):
                return 0
            return self.hours.minutes_before(end.time()) - self.hours.minutes_before(start.time())
        total = 0
        if self.is_working_day(first):
            total += per_day - self.hours.minutes_before(start.time())
        if self.is_working_day(last):
            total += self.hours.minutes_before(end.time())
        whole_days = self.working_days_between(first, last - dt.timedelta(days=1))
        return total + whole_days * per_day


def weekday_vi(day: dt.date) -> str:
    return WEEKDAYS_VI[day.weekday()]


def undecided_tet_words(found: tuple[int, dt.date, dt.date] | None) -> str:
    """``WorkCalendar.undecided_tet`` in Vietnamese words; '' when the coming Tết break is decided."""
    if found is None:
        return ""
    year, first, last = found
    return (f"Lịch nghỉ Tết Nguyên Đán {year} chưa có quyết định chính thức: hạn giải quyết qua Tết "
            f"đang tính theo lịch dự kiến ({first:%d/%m/%Y} – {last:%d/%m/%Y}). Khi có văn bản, "
            f"cập nhật ở Công cụ › Lịch làm việc.")

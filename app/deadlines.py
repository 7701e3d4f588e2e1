"""Deadlines and warnings: pure functions of (dossier facts, calendar, now).

The apology rule (DOMAIN.md §5): a dossier that will be late needs a letter
at the latest on the working day before its due day. Every open dossier
therefore carries an apology deadline, and officers are warned before it.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from functools import cached_property

from app.errors import ValidationError
from app.lifecycle import Status, TimeUnit
from app.workcalendar import WorkCalendar, weekday_vi


@dataclass(frozen=True)
class ProcessingTime:
    value: float
    unit: TimeUnit = TimeUnit.DAY

    def __post_init__(self):
        from app.validation import processing_amount

        processing_amount(self.value, self.unit.value, bounded=False)   # nan, inf would never end counting days

    @property
    def is_days(self) -> bool:
        # Half days ("0,5 ngày") are counted as working hours.
        return self.unit is TimeUnit.DAY and float(self.value).is_integer()

    def describe(self) -> str:
        value = int(self.value) if float(self.value).is_integer() else str(self.value).replace(".", ",")
        if self.unit is TimeUnit.DAY and self.value == 0:
            return "trong ngày"
        return f"{value} {self.unit.label}"


def due_from_receipt(calendar: WorkCalendar, received_at: dt.datetime, time: ProcessingTime) -> dt.datetime:
    """The promised return moment for a dossier received at ``received_at``."""
    if time.is_days:
        return calendar.due_after_days(received_at, int(time.value))
    hours = time.value if time.unit is TimeUnit.HOUR else time.value * calendar.hours.minutes_per_day / 60
    return calendar.due_after_hours(received_at, hours)


def resume_after_supplement(
    calendar: WorkCalendar,
    due_at: dt.datetime,
    paused_at: dt.datetime,
    resumed_at: dt.datetime,
    time: ProcessingTime,
    mode: str = "pause",
    received_at: dt.datetime | None = None,
) -> dt.datetime:
    """The due moment once the complete dossier is back.

    ``pause``: the time left when the office asked for papers is counted again
    from the day they arrive (the request day is spent, the arrival day is like
    a receipt day). A pause before the clock started (received after the
    cut-off) leaves the whole time, never more. ``restart``: the whole
    processing time starts over.
    """
    if resumed_at < paused_at:
        raise ValidationError("Ngày nhận đủ hồ sơ bổ sung không được trước ngày yêu cầu bổ sung.")
    if mode == "restart":
        return due_from_receipt(calendar, resumed_at, time)
    if time.is_days:
        paused_day = paused_at.date()
        if received_at is not None:
            paused_day = max(paused_day, calendar.counting_start_day(received_at))
        left = calendar.working_days_between(paused_day, due_at.date())
        if left <= 0:
            return due_at  # already due when paused: the delay is the office's
        return calendar.due_after_days(resumed_at, left)
    if received_at is not None:
        paused_at = max(paused_at, calendar.counting_start_moment(received_at))
    left = calendar.working_minutes_between(paused_at, due_at)
    if left <= 0:
        return due_at
    return calendar.add_working_minutes(calendar.counting_start_moment(resumed_at), left)


def apology_deadline(calendar: WorkCalendar, due_at: dt.datetime, received_at: dt.datetime | None = None
                     ) -> dt.date:
    """The last working day on which an apology letter is still in time.

    The working day before the due day; but never before the day the dossier
    started counting, so a within-the-day procedure must apologise on its day
    rather than be "missed" from the moment it is received.
    """
    deadline = calendar.previous_working_day(due_at.date())
    if received_at is not None:
        deadline = max(deadline, calendar.counting_start_day(received_at))
    return deadline


def apology_deadline_moment(calendar: WorkCalendar, due_at: dt.datetime | None, received_at: dt.datetime | None,
                            has_letter: bool = False) -> dt.datetime | None:
    """Closing time on the apology deadline day: what a dossier stores; None without a due date or after a letter."""
    if due_at is None or has_letter:
        return None
    return dt.datetime.combine(apology_deadline(calendar, due_at, received_at), calendar.hours.closing)


class WarningLevel(enum.IntEnum):
    """Ordered by urgency, so max() of a set is the one to show."""

    ON_TRACK = 0
    WAITING = 1  # supplement requested: the clock is stopped
    DUE_SOON = 2
    APOLOGY_TOMORROW = 3
    APOLOGY_TODAY = 4
    APOLOGY_MISSED = 5
    OVERDUE = 6

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self][0]

    @property
    def marker(self) -> str:
        """A short text mark so the level never depends on colour alone."""
        return LEVEL_LABELS[self][1]


LETTER_LEVELS = frozenset({WarningLevel.APOLOGY_TOMORROW, WarningLevel.APOLOGY_TODAY, WarningLevel.APOLOGY_MISSED})

LEVEL_LABELS = {
    WarningLevel.ON_TRACK: ("Trong hạn", ""),
    WarningLevel.WAITING: ("Chờ bổ sung", "‖"),
    WarningLevel.DUE_SOON: ("Sắp đến hạn", "!"),
    WarningLevel.APOLOGY_TOMORROW: ("Hạn gửi phiếu xin lỗi: ngày mai", "!!"),
    WarningLevel.APOLOGY_TODAY: ("Phải gửi phiếu xin lỗi hôm nay", "!!!"),
    WarningLevel.APOLOGY_MISSED: ("Đã lỡ hạn gửi phiếu xin lỗi", "✗"),
    WarningLevel.OVERDUE: ("Quá hạn", "✗✗"),
}


@dataclass(frozen=True)
class WarningBounds:
    """The moments one warning sweep compares against, computed once: a sweep is just comparisons.

    Each level is a range over two stored moments of a dossier, its due moment D and its apology
    deadline A (closing time of the last working day a letter is in time, None after a letter):
    overdue ⇔ D < now; otherwise letter missed ⇔ A < today; letter today ⇔ A falls today; letter
    "tomorrow" ⇔ A falls after today up to the next working day; due soon ⇔ D before the end of the
    N-th working day. ``level_of`` reads them in Python, ``app.warning_levels`` as SQL ranges.
    """

    now: dt.datetime
    calendar: WorkCalendar
    today_is_working: bool
    # first working day on or after today; next working day after today; the one after
    current_working_day: dt.date
    next_working_day: dt.date
    day_after_next: dt.date
    soon_limit: dt.date

    @classmethod
    def at(cls, calendar: WorkCalendar, now: dt.datetime, due_soon_days: int = 3) -> "WarningBounds":
        today = now.date()
        following = calendar.next_working_day(today)
        return cls(
            now=now,
            calendar=calendar,
            today_is_working=calendar.is_working_day(today),
            current_working_day=calendar.working_day_on_or_after(today),
            next_working_day=following,
            day_after_next=calendar.next_working_day(following),
            soon_limit=calendar.add_working_days(today, due_soon_days),
        )

    @cached_property   # read for every row of a sweep: worked out once
    def today_start(self) -> dt.datetime:
        return _midnight(self.now.date())

    @cached_property
    def tomorrow_start(self) -> dt.datetime:
        return _midnight(self.now.date() + dt.timedelta(days=1))

    @cached_property
    def letter_tomorrow_end(self) -> dt.datetime:
        """End of the next working day: a letter deadline before it is "tomorrow" (or sooner)."""
        return _midnight(self.next_working_day + dt.timedelta(days=1))

    @cached_property
    def soon_end(self) -> dt.datetime:
        return _midnight(self.soon_limit + dt.timedelta(days=1))

    @property
    def next_day_is_tomorrow(self) -> bool:
        return self.next_working_day == self.now.date() + dt.timedelta(days=1)


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())


def level_of(status: int, due_at: dt.datetime | None, apology_deadline_at: dt.datetime | None,
             bounds: WarningBounds) -> WarningLevel | None:
    """The warning level from the stored moments (see ``WarningBounds``); None once finished."""
    if status in _FINISHED_CODES:
        return None
    if status == Status.SUPPLEMENT:
        return WarningLevel.WAITING
    if due_at is None:
        return WarningLevel.ON_TRACK
    if due_at < bounds.now:
        return WarningLevel.OVERDUE
    if apology_deadline_at is not None:
        if apology_deadline_at < bounds.today_start:
            return WarningLevel.APOLOGY_MISSED
        if apology_deadline_at < bounds.tomorrow_start:
            return WarningLevel.APOLOGY_TODAY
        if apology_deadline_at < bounds.letter_tomorrow_end:
            return WarningLevel.APOLOGY_TOMORROW
    if due_at < bounds.soon_end:
        return WarningLevel.DUE_SOON
    return WarningLevel.ON_TRACK


def warning_level(status: int, due_at: dt.datetime | None, has_letter: bool, bounds: WarningBounds,
                  received_at: dt.datetime | None = None) -> WarningLevel | None:
    """The warning level of a dossier from its facts (the apology deadline computed, not read)."""
    deadline = apology_deadline_moment(bounds.calendar, due_at, received_at, has_letter)
    return level_of(status, due_at, deadline, bounds)


_FINISHED_CODES = frozenset(int(s) for s in Status if s.is_finished)


class Timing(enum.Enum):
    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"

    @property
    def label(self) -> str:
        return {"early": "Trước hạn", "on_time": "Đúng hạn", "late": "Quá hạn"}[self.value]


def finish_timing(finished_at: dt.datetime, due_at: dt.datetime | None) -> Timing:
    """Before the due day: early; on it: on time; after it: late (DOMAIN.md §3). No due date (a dossier
    with no time limit): on time. app.rates.finish_timing_sql is the same rule in SQL."""
    if due_at is None:
        return Timing.ON_TIME
    if finished_at.date() < due_at.date():
        return Timing.EARLY
    if finished_at.date() == due_at.date():
        return Timing.ON_TIME
    return Timing.LATE


def _span_words(minutes: int, per_day: int) -> str:
    """"2 ngày 3 giờ", "1 giờ 45 phút", "45 phút" for a number of working minutes."""
    days, rest = divmod(abs(minutes), per_day)
    hours, mins = divmod(rest, 60)
    parts = []
    if days:
        parts.append(f"{days} ngày")
    if hours:
        parts.append(f"{hours} giờ")
    if not days and mins:
        parts.append(f"{mins} phút")  # within the last day the minutes matter
    return " ".join(parts)


def describe_remaining(calendar: WorkCalendar, now: dt.datetime, due_at: dt.datetime) -> str:
    """Working time left or overdue: "Còn 2 ngày 3 giờ", "Quá hạn 1 ngày", "Còn 1 giờ 45 phút".

    Past due with no working time between (after closing time, over a weekend) the clock time
    says how late it is ("Quá hạn 2 giờ" at 19:00 for 17:00): never "0 phút".
    """
    minutes = calendar.working_minutes_between(now, due_at)
    if now > due_at:
        words = _span_words(minutes, calendar.hours.minutes_per_day)
        if not words:
            elapsed = int((now - due_at).total_seconds() // 60)
            if elapsed >= 24 * 60:
                return f"Quá hạn từ {due_at:%H:%M} {_day_words(due_at.date())}"
            words = f"{elapsed // 60} giờ" if elapsed >= 60 else f"{max(elapsed, 1)} phút"
        return "Quá hạn " + words
    return "Còn " + (_span_words(minutes, calendar.hours.minutes_per_day) or "0 phút")


def _day_words(day: dt.date) -> str:
    """"thứ Năm 03/09", "chủ Nhật 06/09"."""
    name = weekday_vi(day)
    return f"{name[0].lower()}{name[1:]} {day:%d/%m}"


def next_working_day_words(bounds: WarningBounds) -> str:
    """"ngày mai" when the next working day is tomorrow, else its real date:
    "thứ Năm 03/09 (ngày làm việc kế tiếp)"."""
    if bounds.next_day_is_tomorrow:
        return "ngày mai"
    return f"{_day_words(bounds.next_working_day)} (ngày làm việc kế tiếp)"


def level_label(level: WarningLevel, bounds: WarningBounds | None = None) -> str:
    """The level's words for this moment: "Hạn gửi phiếu xin lỗi: thứ Năm 03/09 (ngày làm việc kế tiếp)"
    on the Friday before a long break, "… ngày mai" on an ordinary day."""
    if level is WarningLevel.APOLOGY_TOMORROW and bounds is not None:
        return f"Hạn gửi phiếu xin lỗi: {next_working_day_words(bounds)}"
    return level.label


def describe_letter_deadline(bounds: WarningBounds, deadline_at: dt.datetime) -> str:
    """Time left to send the apology letter: "Hạn xin lỗi: hôm nay, còn 3 giờ làm việc"."""
    calendar = bounds.calendar
    day = deadline_at.date()
    if deadline_at < bounds.today_start:
        return f"Đã lỡ hạn xin lỗi ({_day_words(day)})"
    if day == bounds.now.date():
        when = "hôm nay"
    elif day == bounds.next_working_day:
        when = next_working_day_words(bounds)
    else:
        when = _day_words(day)
    left = _span_words(calendar.working_minutes_between(bounds.now, deadline_at), calendar.hours.minutes_per_day)
    # After closing time on the deadline day a letter dated today is still in time.
    return f"Hạn xin lỗi: {when}, còn {left} làm việc" if left else f"Hạn xin lỗi: {when} (đã hết giờ làm việc)"


def time_left(bounds: WarningBounds, level: WarningLevel | None, due_at: dt.datetime | None,
              apology_deadline_at: dt.datetime | None) -> str:
    """The one "time left" of a dossier, wherever it is shown (register, Today lists, dossier page).

    Finished or without a due date: nothing. Waiting for papers: nothing, the clock is stopped.
    While a letter is due (letter today, tomorrow, missed): the time to the letter deadline.
    Otherwise the working time to the due moment, or how late it is.
    """
    if level is None or level is WarningLevel.WAITING or due_at is None:
        return ""
    if level in LETTER_LEVELS and apology_deadline_at is not None:
        return describe_letter_deadline(bounds, apology_deadline_at)
    return describe_remaining(bounds.calendar, bounds.now, due_at)

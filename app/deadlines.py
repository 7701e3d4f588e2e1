"""Deadlines and warnings: pure functions of (dossier facts, calendar, now).

The apology rule (DOMAIN.md §5): a dossier that will be late needs a letter
at the latest on the working day before its due day. Every open dossier
therefore carries an apology deadline, and officers are warned before it.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from app.errors import ValidationError
from app.lifecycle import Status, TimeUnit
from app.workcalendar import WorkCalendar


@dataclass(frozen=True)
class ProcessingTime:
    value: float
    unit: TimeUnit = TimeUnit.DAY

    def __post_init__(self):
        if self.value < 0:
            raise ValidationError("Thời hạn giải quyết không được âm.")

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
    """Day boundaries for one moment, computed once so a sweep is just comparisons."""

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


def warning_level(status: int, due_at: dt.datetime | None, has_letter: bool, bounds: WarningBounds,
                  received_at: dt.datetime | None = None) -> WarningLevel | None:
    """The warning level of a dossier, or None once it is finished.

    With the apology deadline A = the working day before the due day D (or the
    receipt day, if later): missed ⇔ A < today; today ⇔ A = today; tomorrow ⇔
    A = the next working day. After a letter the new date is the deadline and no
    second letter is possible, so only due-soon/overdue remain.
    """
    if status in _FINISHED_CODES:
        return None
    if status == Status.SUPPLEMENT:
        return WarningLevel.WAITING
    if due_at is None:
        return WarningLevel.ON_TRACK
    if bounds.now > due_at:
        return WarningLevel.OVERDUE
    due_day = due_at.date()
    if not has_letter and due_day <= bounds.day_after_next:
        rank = _rank_of_day_before(due_day, bounds)
        if received_at is not None:
            # Only near-term dossiers reach here, so the calendar is asked rarely.
            rank = max(rank, _rank(bounds.calendar.counting_start_day(received_at), bounds))
        if rank < 0:
            return WarningLevel.APOLOGY_MISSED
        if rank == 0:
            return WarningLevel.APOLOGY_TODAY
        if rank == 1:
            return WarningLevel.APOLOGY_TOMORROW
    if due_day <= bounds.soon_limit:
        return WarningLevel.DUE_SOON
    return WarningLevel.ON_TRACK


def _rank_of_day_before(due_day: dt.date, bounds: WarningBounds) -> int:
    """Where the working day before ``due_day`` falls: -1 past, 0 today, 1 next working day, 2 later."""
    if due_day <= bounds.current_working_day:
        return -1
    if bounds.today_is_working and due_day <= bounds.next_working_day:
        return 0
    if due_day <= bounds.day_after_next:
        return 1
    return 2


def _rank(day: dt.date, bounds: WarningBounds) -> int:
    """The same scale for a working day itself."""
    today = bounds.now.date()
    if day < today:
        return -1
    if day == today:
        return 0
    if day <= bounds.next_working_day:
        return 1
    return 2


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


def describe_remaining(calendar: WorkCalendar, now: dt.datetime, due_at: dt.datetime) -> str:
    """Working time left or overdue: "Còn 2 ngày 3 giờ", "Quá 1 ngày", "Còn 1 giờ 45 phút"."""
    minutes = calendar.working_minutes_between(now, due_at)
    late = minutes < 0 or (minutes == 0 and now > due_at)
    minutes = abs(minutes)
    per_day = calendar.hours.minutes_per_day
    days, rest = divmod(minutes, per_day)
    hours, mins = divmod(rest, 60)
    parts = []
    if days:
        parts.append(f"{days} ngày")
    if hours:
        parts.append(f"{hours} giờ")
    if not days and mins:
        parts.append(f"{mins} phút")  # within the last day the minutes matter
    if not parts:
        parts.append("0 phút")
    return ("Quá " if late else "Còn ") + " ".join(parts)

"""Tests for app.deadlines against DOMAIN.md §3 (timing), §4 (time) and §5 (apology rule).

Expected values are worked out by hand from DOMAIN.md and the table of days
off; the date helpers check the weekday of every hand-written date.
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.deadlines import (
    ProcessingTime,
    Timing,
    WarningBounds,
    WarningLevel,
    apology_deadline,
    describe_remaining,
    due_from_receipt,
    finish_timing,
    resume_after_supplement,
    warning_level,
)
from app.errors import ValidationError
from app.lifecycle import Status, TimeUnit
from app.workcalendar import DayOverride, OfficeHours, WorkCalendar

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def D(text: str) -> dt.date:
    """ "Fri 13/02/2026" -> date, checking the weekday."""
    weekday, day = text.split()
    value = dt.datetime.strptime(day, "%d/%m/%Y").date()
    assert _WEEKDAYS[value.weekday()] == weekday, f"{text}: it is a {_WEEKDAYS[value.weekday()]}"
    return value


def T(text: str) -> dt.datetime:
    """ "Thu 12/02/2026 10:00" -> datetime, checking the weekday."""
    weekday, day, clock = text.split()
    value = dt.datetime.strptime(f"{day} {clock}", "%d/%m/%Y %H:%M")
    assert _WEEKDAYS[value.weekday()] == weekday, f"{text}: it is a {_WEEKDAYS[value.weekday()]}"
    return value


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar()


# ---------------------------------------------------------------------------
# Due dates from a receipt and a ProcessingTime
# ---------------------------------------------------------------------------

DUE_FROM_RECEIPT = [
    ("Thu 12/02/2026 10:00", ProcessingTime(3), "Tue 24/02/2026 17:00", "3 days across Tet 2026"),
    ("Fri 25/04/2025 10:00", ProcessingTime(2), "Mon 28/04/2025 17:00", "make-up Sat 26/04/2025 counts"),
    ("Fri 26/04/2024 10:00", ProcessingTime(3), "Sat 04/05/2024 17:00", "due on make-up Sat 04/05/2024"),
    ("Fri 06/03/2026 14:59", ProcessingTime(1), "Mon 09/03/2026 17:00", "Fri before cut-off"),
    ("Fri 06/03/2026 16:00", ProcessingTime(1), "Tue 10/03/2026 17:00", "Fri after cut-off"),
    ("Sat 07/03/2026 09:00", ProcessingTime(2), "Wed 11/03/2026 17:00", "received Saturday"),
    ("Tue 10/03/2026 10:00", ProcessingTime(0), "Tue 10/03/2026 17:00", "within the day"),
    ("Tue 10/03/2026 16:00", ProcessingTime(0), "Wed 11/03/2026 17:00", "within the day, after cut-off"),
    ("Tue 10/03/2026 10:00", ProcessingTime(4, TimeUnit.HOUR), "Tue 10/03/2026 15:30", "4 h across lunch"),
    ("Tue 10/03/2026 14:30", ProcessingTime(4, TimeUnit.HOUR), "Wed 11/03/2026 09:00", "4 h across the night"),
    ("Fri 13/02/2026 14:00", ProcessingTime(8, TimeUnit.HOUR), "Mon 23/02/2026 14:00", "8 h across Tet 2026"),
    ("Tue 10/03/2026 10:00", ProcessingTime(0.5), "Tue 10/03/2026 15:30", "half a day = 4 working hours"),
    ("Tue 10/03/2026 10:00", ProcessingTime(1.5), "Wed 11/03/2026 15:30", "1.5 days = 12 working hours"),
]


@pytest.mark.parametrize(
    "received, time, due", [c[:3] for c in DUE_FROM_RECEIPT], ids=[c[3] for c in DUE_FROM_RECEIPT]
)
def test_due_from_receipt(cal, received, time, due):
    assert due_from_receipt(cal, T(received), time) == T(due)


def test_due_from_receipt_follows_the_cutoff_setting():
    late = WorkCalendar(hours=OfficeHours(cutoff=dt.time(16, 0)))
    assert due_from_receipt(late, T("Fri 06/03/2026 15:30"), ProcessingTime(1)) == T("Mon 09/03/2026 17:00")
    assert due_from_receipt(late, T("Fri 06/03/2026 16:05"), ProcessingTime(1)) == T("Tue 10/03/2026 17:00")


def test_negative_processing_time_is_refused():
    with pytest.raises(ValidationError):
        ProcessingTime(-1)
    with pytest.raises(ValidationError):
        ProcessingTime(-0.5, TimeUnit.HOUR)


# ---------------------------------------------------------------------------
# The apology deadline: the working day before the due day (DOMAIN.md §5)
# ---------------------------------------------------------------------------

APOLOGY = [
    ("Mon 23/02/2026 17:00", "Fri 13/02/2026"),  # Tết 2026 in between
    ("Tue 24/02/2026 17:00", "Mon 23/02/2026"),
    ("Wed 11/03/2026 17:00", "Tue 10/03/2026"),
    ("Mon 09/03/2026 17:00", "Fri 06/03/2026"),
    ("Mon 05/01/2026 17:00", "Wed 31/12/2025"),  # 1/1-4/1/2026 in between (12729/VPCP-KGVX)
    ("Thu 02/01/2025 17:00", "Tue 31/12/2024"),
    ("Mon 28/04/2025 17:00", "Sat 26/04/2025"),  # the make-up Saturday is a working day
    ("Mon 05/05/2025 17:00", "Tue 29/04/2025"),
    ("Mon 06/05/2024 17:00", "Sat 04/05/2024"),
    ("Thu 03/09/2026 17:00", "Fri 28/08/2026"),
    ("Tue 10/03/2026 15:30", "Mon 09/03/2026"),  # hour-based deadline
]


@pytest.mark.parametrize("due, expected", APOLOGY)
def test_apology_deadline_is_the_previous_working_day(cal, due, expected):
    assert apology_deadline(cal, T(due)) == D(expected)


def test_apology_deadline_respects_office_overrides():
    cal = WorkCalendar(overrides=[DayOverride(D("Fri 13/02/2026"), working=False)])
    assert apology_deadline(cal, T("Mon 23/02/2026 17:00")) == D("Thu 12/02/2026")


# ---------------------------------------------------------------------------
# Warning levels
# ---------------------------------------------------------------------------

L = WarningLevel

WARNINGS = [
    # (now, due, has_letter, expected, why)
    # -- an ordinary Tuesday ------------------------------------------------
    ("Tue 10/03/2026 09:00", "Mon 09/03/2026 17:00", False, L.OVERDUE, "due yesterday"),
    ("Tue 10/03/2026 17:30", "Tue 10/03/2026 17:00", False, L.OVERDUE, "due today, past 17:00"),
    ("Tue 10/03/2026 09:00", "Tue 10/03/2026 17:00", False, L.APOLOGY_MISSED, "due today, no letter"),
    ("Tue 10/03/2026 16:59", "Tue 10/03/2026 17:00", False, L.APOLOGY_MISSED, "due today, last minute"),
    ("Tue 10/03/2026 09:00", "Wed 11/03/2026 17:00", False, L.APOLOGY_TODAY, "due tomorrow: letter today"),
    ("Tue 10/03/2026 09:00", "Thu 12/03/2026 17:00", False, L.APOLOGY_TOMORROW, "due in 2 days"),
    ("Tue 10/03/2026 09:00", "Fri 13/03/2026 17:00", False, L.DUE_SOON, "due in 3 days"),
    ("Tue 10/03/2026 09:00", "Mon 16/03/2026 17:00", False, L.ON_TRACK, "due in 4 days"),
    # -- after a letter no apology level appears -----------------------------
    ("Tue 10/03/2026 09:00", "Mon 09/03/2026 17:00", True, L.OVERDUE, "letter, overdue"),
    ("Tue 10/03/2026 09:00", "Tue 10/03/2026 17:00", True, L.DUE_SOON, "letter, due today"),
    ("Tue 10/03/2026 09:00", "Wed 11/03/2026 17:00", True, L.DUE_SOON, "letter, due tomorrow"),
    ("Tue 10/03/2026 09:00", "Thu 12/03/2026 17:00", True, L.DUE_SOON, "letter, due in 2 days"),
    ("Tue 10/03/2026 09:00", "Mon 16/03/2026 17:00", True, L.ON_TRACK, "letter, due in 4 days"),
    # -- across a weekend ----------------------------------------------------
    ("Thu 12/03/2026 10:00", "Mon 16/03/2026 17:00", False, L.APOLOGY_TOMORROW, "Thu: letter due Fri"),
    ("Fri 13/03/2026 10:00", "Mon 16/03/2026 17:00", False, L.APOLOGY_TODAY, "Fri: letter due today"),
    ("Fri 13/03/2026 10:00", "Tue 17/03/2026 17:00", False, L.APOLOGY_TOMORROW, "Fri: letter due Mon"),
    # -- "today" is a Saturday -------------------------------------------------
    ("Sat 14/03/2026 10:00", "Mon 16/03/2026 17:00", False, L.APOLOGY_MISSED, "Sat: letter was due Fri"),
    ("Sat 14/03/2026 10:00", "Tue 17/03/2026 17:00", False, L.APOLOGY_TOMORROW, "Sat: letter due Mon"),
    ("Sat 14/03/2026 10:00", "Wed 18/03/2026 17:00", False, L.DUE_SOON, "Sat: due in 3 working days"),
    ("Sat 14/03/2026 10:00", "Thu 19/03/2026 17:00", False, L.ON_TRACK, "Sat: due in 4 working days"),
    ("Sat 14/03/2026 10:00", "Mon 16/03/2026 17:00", True, L.DUE_SOON, "Sat: letter sent, due Mon"),
    ("Sun 15/03/2026 10:00", "Tue 17/03/2026 17:00", False, L.APOLOGY_TOMORROW, "Sun: letter due Mon"),
    # -- around Tết 2026 -------------------------------------------------------
    ("Thu 12/02/2026 09:00", "Mon 23/02/2026 17:00", False, L.APOLOGY_TOMORROW, "Tet: letter due Fri 13"),
    ("Fri 13/02/2026 09:00", "Mon 23/02/2026 17:00", False, L.APOLOGY_TODAY, "Tet: letter due today"),
    ("Sat 14/02/2026 10:00", "Mon 23/02/2026 17:00", False, L.APOLOGY_MISSED, "Tet: letter was due Fri 13"),
    ("Wed 18/02/2026 10:00", "Tue 24/02/2026 17:00", False, L.APOLOGY_TOMORROW, "Tet holiday: letter due Mon 23"),
    # -- a make-up Saturday is a working day -----------------------------------
    ("Sat 26/04/2025 10:00", "Mon 28/04/2025 17:00", False, L.APOLOGY_TODAY, "make-up Sat: letter today"),
    ("Sat 26/04/2025 10:00", "Tue 29/04/2025 17:00", False, L.APOLOGY_TOMORROW, "make-up Sat: letter Mon"),
    ("Sat 26/04/2025 10:00", "Mon 05/05/2025 17:00", False, L.DUE_SOON, "make-up Sat: due after 30/4"),
    # -- year end ----------------------------------------------------------------
    ("Wed 31/12/2025 10:00", "Mon 05/01/2026 17:00", False, L.APOLOGY_TODAY, "31/12: letter today"),
    ("Tue 30/12/2025 10:00", "Mon 05/01/2026 17:00", False, L.APOLOGY_TOMORROW, "30/12: letter on 31/12"),
]


@pytest.mark.parametrize(
    "now, due, has_letter, expected", [c[:4] for c in WARNINGS], ids=[c[4] for c in WARNINGS]
)
def test_warning_level(cal, now, due, has_letter, expected):
    bounds = WarningBounds.at(cal, T(now), due_soon_days=3)
    assert warning_level(Status.PROCESSING, T(due), has_letter, bounds) == expected


def test_due_soon_window_is_a_setting(cal):
    now, due = T("Tue 10/03/2026 09:00"), T("Tue 17/03/2026 17:00")
    # Tue 17 is the 5th working day after Tue 10 (Wed, Thu, Fri, Mon, Tue).
    assert warning_level(Status.PROCESSING, due, False, WarningBounds.at(cal, now, 5)) == L.DUE_SOON
    assert warning_level(Status.PROCESSING, due, False, WarningBounds.at(cal, now, 3)) == L.ON_TRACK


@pytest.mark.parametrize("status", [Status.ACCEPTED, Status.PROCESSING, Status.FINANCIAL])
def test_open_statuses_get_warnings(cal, status):
    bounds = WarningBounds.at(cal, T("Tue 10/03/2026 09:00"))
    assert warning_level(status, T("Tue 10/03/2026 17:00"), False, bounds) == L.APOLOGY_MISSED


@pytest.mark.parametrize("due", ["Wed 11/03/2026 17:00", "Mon 09/03/2026 17:00"])
def test_supplement_status_is_waiting(cal, due):
    bounds = WarningBounds.at(cal, T("Tue 10/03/2026 09:00"))
    assert warning_level(Status.SUPPLEMENT, T(due), False, bounds) == L.WAITING
    assert warning_level(5, T(due), False, bounds) == L.WAITING  # the portal's code 5


@pytest.mark.parametrize(
    "status", [Status.REFUSED, Status.WITHDRAWN, Status.STOPPED, Status.RESULT_READY, Status.RETURNED]
)
def test_finished_statuses_have_no_warning(cal, status):
    bounds = WarningBounds.at(cal, T("Tue 10/03/2026 09:00"))
    assert warning_level(status, T("Mon 09/03/2026 17:00"), False, bounds) is None
    assert warning_level(int(status), T("Tue 10/03/2026 17:00"), True, bounds) is None


def test_warning_levels_are_ordered_by_urgency():
    assert (L.ON_TRACK < L.WAITING < L.DUE_SOON < L.APOLOGY_TOMORROW
            < L.APOLOGY_TODAY < L.APOLOGY_MISSED < L.OVERDUE)


# ---------------------------------------------------------------------------
# Finish timing: early / on time / late (DOMAIN.md §3)
# ---------------------------------------------------------------------------

DUE = "Tue 24/02/2026 17:00"

TIMING = [
    ("Fri 13/02/2026 10:00", Timing.EARLY),
    ("Mon 23/02/2026 16:59", Timing.EARLY),
    ("Tue 24/02/2026 07:30", Timing.ON_TIME),
    ("Tue 24/02/2026 17:00", Timing.ON_TIME),
    ("Tue 24/02/2026 17:30", Timing.ON_TIME),  # still the due day
    ("Wed 25/02/2026 08:00", Timing.LATE),
    ("Mon 02/03/2026 09:00", Timing.LATE),
]


@pytest.mark.parametrize("finished, expected", TIMING)
def test_finish_timing(finished, expected):
    assert finish_timing(T(finished), T(DUE)) is expected


def test_timing_labels():
    assert Timing.EARLY.label == "Trước hạn"
    assert Timing.ON_TIME.label == "Đúng hạn"
    assert Timing.LATE.label == "Quá hạn"


# ---------------------------------------------------------------------------
# Remaining working time, in words
# ---------------------------------------------------------------------------

REMAINING = [
    # 14:00–17:00 Tue (3 h) + Wed + Thu (2 × 8 h)
    ("Tue 10/03/2026 14:00", "Thu 12/03/2026 17:00", "Còn 2 ngày 3 giờ"),
    ("Tue 10/03/2026 07:30", "Wed 11/03/2026 17:00", "Còn 2 ngày"),
    ("Tue 10/03/2026 16:15", "Tue 10/03/2026 17:00", "Còn 45 phút"),
    ("Tue 10/03/2026 15:15", "Tue 10/03/2026 17:00", "Còn 1 giờ 45 phút"),
    # 11:00–11:30 (30 min) + 13:00–14:15 (1 h 15 min)
    ("Tue 10/03/2026 11:00", "Tue 10/03/2026 14:15", "Còn 1 giờ 45 phút"),
    # 15:00–17:00 Fri 13/02 (2 h) + Mon 23/02 (8 h)
    ("Fri 13/02/2026 15:00", "Mon 23/02/2026 17:00", "Còn 1 ngày 2 giờ"),
    # 13:00–17:00 Wed 31/12 (4 h) + 07:30–11:30 Fri 02/01 (4 h)
    ("Wed 31/12/2025 13:00", "Mon 05/01/2026 11:30", "Còn 1 ngày"),
    ("Wed 11/03/2026 17:00", "Tue 10/03/2026 17:00", "Quá hạn 1 ngày"),
    ("Wed 11/03/2026 09:30", "Tue 10/03/2026 17:00", "Quá hạn 2 giờ"),
    # Wed (8 h) + 07:30–10:30 Thu (3 h)
    ("Thu 12/03/2026 10:30", "Tue 10/03/2026 17:00", "Quá hạn 1 ngày 3 giờ"),
]


@pytest.mark.parametrize("now, due, expected", REMAINING)
def test_describe_remaining(cal, now, due, expected):
    assert describe_remaining(cal, T(now), T(due)) == expected


# ---------------------------------------------------------------------------
# Supplementation: pause (default) and restart (DOMAIN.md §4)
# ---------------------------------------------------------------------------


def test_pause_counts_the_time_left_again_from_the_arrival_day(cal):
    time = ProcessingTime(5)
    due = due_from_receipt(cal, T("Mon 09/03/2026 09:00"), time)
    assert due == T("Mon 16/03/2026 17:00")  # Tue 10 … Mon 16
    # Paused Wed 11: Tue 10 and Wed 11 are spent, 3 days left (Thu, Fri, Mon).
    # Papers arrive Mon 23/03: Tue 24, Wed 25, Thu 26.
    resumed = resume_after_supplement(cal, due, T("Wed 11/03/2026 10:00"), T("Mon 23/03/2026 09:00"), time, "pause")
    assert resumed == T("Thu 26/03/2026 17:00")


def test_pause_is_the_default_mode(cal):
    time = ProcessingTime(5)
    due = T("Mon 16/03/2026 17:00")
    resumed = resume_after_supplement(cal, due, T("Wed 11/03/2026 10:00"), T("Mon 23/03/2026 09:00"), time)
    assert resumed == T("Thu 26/03/2026 17:00")


def test_pause_with_papers_arriving_after_the_cutoff(cal):
    # 3 days left, papers arrive Mon 23/03 16:00 → counted from Tue 24: Wed, Thu, Fri.
    resumed = resume_after_supplement(
        cal, T("Mon 16/03/2026 17:00"), T("Wed 11/03/2026 10:00"), T("Mon 23/03/2026 16:00"), ProcessingTime(5)
    )
    assert resumed == T("Fri 27/03/2026 17:00")


def test_pause_across_tet(cal):
    time = ProcessingTime(5)
    due = due_from_receipt(cal, T("Mon 09/02/2026 09:00"), time)
    assert due == T("Mon 23/02/2026 17:00")  # Tue 10, Wed 11, Thu 12, Fri 13, Mon 23
    # Paused Thu 12/02: 2 days left (Fri 13, Mon 23). Back Wed 25/02: Thu 26, Fri 27.
    resumed = resume_after_supplement(cal, due, T("Thu 12/02/2026 10:00"), T("Wed 25/02/2026 10:00"), time)
    assert resumed == T("Fri 27/02/2026 17:00")


def test_pause_on_the_receipt_day_keeps_the_whole_time(cal):
    time = ProcessingTime(5)
    due = T("Mon 16/03/2026 17:00")
    # Nothing was spent: the full 5 days from Mon 23/03 → Mon 30/03.
    resumed = resume_after_supplement(cal, due, T("Mon 09/03/2026 14:00"), T("Mon 23/03/2026 09:00"), time)
    assert resumed == T("Mon 30/03/2026 17:00")


def test_pause_before_the_clock_started_keeps_the_whole_time_not_more(cal):
    # Received Fri 06/03 16:00 (after the cut-off): counted from Mon 09, due Mon 16.
    time = ProcessingTime(5)
    due = due_from_receipt(cal, T("Fri 06/03/2026 16:00"), time)
    assert due == T("Mon 16/03/2026 17:00")
    # Papers requested the same evening, before any working day was counted:
    # all 5 days are left, so from Mon 23/03 → Mon 30/03 (never more than a restart).
    resumed = resume_after_supplement(cal, due, T("Fri 06/03/2026 16:30"), T("Mon 23/03/2026 09:00"), time,
                                      received_at=T("Fri 06/03/2026 16:00"))
    assert resumed == T("Mon 30/03/2026 17:00")
    assert resumed <= resume_after_supplement(
        cal, due, T("Fri 06/03/2026 16:30"), T("Mon 23/03/2026 09:00"), time, "restart"
    )


def test_pause_in_working_hours(cal):
    time = ProcessingTime(8, TimeUnit.HOUR)
    due = due_from_receipt(cal, T("Tue 10/03/2026 08:00"), time)
    # 08:00–11:30 (3.5 h) + 13:00–17:00 (4 h) + 07:30–08:00 Wed (0.5 h)
    assert due == T("Wed 11/03/2026 08:00")
    # Paused 10:00 after 2 h: 6 h left. Back Thu 14:00: 3 h Thu, 3 h Fri → 10:30.
    resumed = resume_after_supplement(cal, due, T("Tue 10/03/2026 10:00"), T("Thu 12/03/2026 14:00"), time)
    assert resumed == T("Fri 13/03/2026 10:30")


def test_pause_in_working_hours_before_the_clock_started(cal):
    time = ProcessingTime(8, TimeUnit.HOUR)
    due = due_from_receipt(cal, T("Fri 06/03/2026 16:00"), time)
    assert due == T("Mon 09/03/2026 17:00")  # the clock starts Mon 07:30
    # Paused Fri 16:30, nothing spent: 8 h from Tue 10/03 09:00 → 6.5 h Tue + 1.5 h Wed.
    resumed = resume_after_supplement(cal, due, T("Fri 06/03/2026 16:30"), T("Tue 10/03/2026 09:00"), time,
                                      received_at=T("Fri 06/03/2026 16:00"))
    assert resumed == T("Wed 11/03/2026 09:00")


def test_restart_counts_the_whole_time_from_the_arrival_day(cal):
    time = ProcessingTime(5)
    resumed = resume_after_supplement(
        cal, T("Mon 16/03/2026 17:00"), T("Wed 11/03/2026 10:00"), T("Mon 23/03/2026 09:00"), time, "restart"
    )
    assert resumed == T("Mon 30/03/2026 17:00")  # Tue 24 … Mon 30


def test_restart_with_papers_arriving_after_the_cutoff(cal):
    resumed = resume_after_supplement(
        cal, T("Mon 16/03/2026 17:00"), T("Wed 11/03/2026 10:00"), T("Mon 23/03/2026 16:00"),
        ProcessingTime(5), "restart",
    )
    assert resumed == T("Tue 31/03/2026 17:00")  # counted from Tue 24: Wed … Tue 31


def test_restart_across_tet(cal):
    resumed = resume_after_supplement(
        cal, T("Thu 05/02/2026 17:00"), T("Tue 03/02/2026 10:00"), T("Thu 12/02/2026 10:00"),
        ProcessingTime(3), "restart",
    )
    assert resumed == T("Tue 24/02/2026 17:00")  # Fri 13, Mon 23, Tue 24


def test_resuming_before_the_pause_is_refused(cal):
    with pytest.raises(ValidationError):
        resume_after_supplement(
            cal, T("Mon 16/03/2026 17:00"), T("Wed 11/03/2026 10:00"), T("Tue 10/03/2026 09:00"), ProcessingTime(5)
        )


# ---------------------------------------------------------------------------
# Warning words with real dates (issue 15)
# ---------------------------------------------------------------------------

def test_the_friday_before_the_national_day_break_names_the_real_letter_day(cal):
    """Fri 28/08/2026: 29/08–02/09 off, so a dossier due Fri 04/09 needs its letter on Thu 03/09, not "tomorrow"."""
    from app.deadlines import level_label, time_left

    now = T("Fri 28/08/2026 10:00")
    bounds = WarningBounds.at(cal, now)
    assert bounds.next_working_day == dt.date(2026, 9, 3)
    due = T("Fri 04/09/2026 17:00")
    level = warning_level(Status.PROCESSING, due, False, bounds)
    assert level is L.APOLOGY_TOMORROW
    assert level_label(level, bounds) == "Hạn gửi phiếu xin lỗi: thứ Năm 03/09 (ngày làm việc kế tiếp)"
    deadline = dt.datetime(2026, 9, 3, 17, 0)
    # 10:00–17:00 today (5 h 30 working) + all of Thu 03/09 (8 h)
    assert time_left(bounds, level, due, deadline) == ("Hạn xin lỗi: thứ Năm 03/09 (ngày làm việc kế tiếp), "
                                                       "còn 1 ngày 5 giờ làm việc")
    # An ordinary Tuesday: the next working day is tomorrow, and it says so.
    tuesday = WarningBounds.at(cal, T("Tue 10/03/2026 09:00"))
    assert level_label(L.APOLOGY_TOMORROW, tuesday) == "Hạn gửi phiếu xin lỗi: ngày mai"


@pytest.mark.parametrize("now, due, expected", [
    ("Tue 10/03/2026 19:00", "Tue 10/03/2026 17:00", "Quá hạn 2 giờ"),      # after closing time
    ("Tue 10/03/2026 17:20", "Tue 10/03/2026 17:00", "Quá hạn 20 phút"),
    ("Tue 10/03/2026 19:00", "Tue 10/03/2026 15:00", "Quá hạn 2 giờ"),      # 15:00–17:00 in working time
    ("Mon 16/03/2026 07:00", "Fri 13/03/2026 17:00", "Quá hạn từ 17:00 thứ Sáu 13/03"),  # over a weekend
])
def test_overdue_after_closing_time_never_reads_zero_minutes(cal, now, due, expected):
    assert describe_remaining(cal, T(now), T(due)) == expected


def test_apology_lists_count_to_the_letter_deadline_and_the_waiting_clock_is_stopped(cal):
    from app.deadlines import time_left

    bounds = WarningBounds.at(cal, T("Tue 10/03/2026 14:00"))
    due, deadline = T("Wed 11/03/2026 17:00"), T("Tue 10/03/2026 17:00")
    assert time_left(bounds, L.APOLOGY_TODAY, due, deadline) == "Hạn xin lỗi: hôm nay, còn 3 giờ làm việc"
    assert time_left(bounds, L.APOLOGY_MISSED, due, T("Mon 09/03/2026 17:00")) == "Đã lỡ hạn xin lỗi (thứ Hai 09/03)"
    late = WarningBounds.at(cal, T("Tue 10/03/2026 18:00"))  # the deadline day, after closing: still in time by date
    assert time_left(late, L.APOLOGY_TODAY, due, deadline) == "Hạn xin lỗi: hôm nay (đã hết giờ làm việc)"
    assert time_left(bounds, L.WAITING, due, deadline) == ""  # waiting for papers: no running clock
    assert time_left(bounds, L.DUE_SOON, due, None) == "Còn 1 ngày 3 giờ"

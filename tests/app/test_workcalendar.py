"""Tests for app.workcalendar against DOMAIN.md §4 (working days, days off, cut-off).

Every expected value below was worked out by hand from the Labour Code rules
and the table of announced days off in DOMAIN.md §4, never copied from the
code's output. Dates are written the Vietnamese way (dd/mm/yyyy) with an
English weekday prefix; the helpers check that the weekday is right, so a
typo in a hand-worked date fails loudly instead of testing the wrong day.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from app.errors import ValidationError
from app.holiday_decisions import Source
from app.workcalendar import DayOverride, OfficeHours, WorkCalendar

ROOT = Path(__file__).resolve().parents[2]
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def D(text: str) -> dt.date:
    """ "Thu 08/02/2024" -> date, checking the weekday."""
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
# 1. The announced days off of 2024-2026 (DOMAIN.md §4 table) and Art. 112
# ---------------------------------------------------------------------------

DAYS_OFF = [
    # 2024 — New Year (Art. 112: 1/1)
    "Mon 01/01/2024",
    # 2024 Tết: Thu 08/02 – Wed 14/02
    "Thu 08/02/2024", "Fri 09/02/2024", "Sat 10/02/2024", "Sun 11/02/2024",
    "Mon 12/02/2024", "Tue 13/02/2024", "Wed 14/02/2024",
    # 2024 Hùng Kings
    "Thu 18/04/2024",
    # 2024 30/4–1/5: Sat 27/04 – Wed 01/05 (Mon 29/04 swapped off)
    "Sat 27/04/2024", "Sun 28/04/2024", "Mon 29/04/2024", "Tue 30/04/2024", "Wed 01/05/2024",
    # 2024 National Day: Sat 31/08 – Tue 03/09
    "Sat 31/08/2024", "Sun 01/09/2024", "Mon 02/09/2024", "Tue 03/09/2024",
    # 2025 — New Year (Art. 112: 1/1)
    "Wed 01/01/2025",
    # 2025 Tết: Sat 25/01 – Sun 02/02
    "Sat 25/01/2025", "Sun 26/01/2025", "Mon 27/01/2025", "Tue 28/01/2025", "Wed 29/01/2025",
    "Thu 30/01/2025", "Fri 31/01/2025", "Sat 01/02/2025", "Sun 02/02/2025",
    # 2025 Hùng Kings
    "Mon 07/04/2025",
    # 2025 30/4–1/5: Wed 30/04 – Sun 04/05 (Fri 02/05 swapped off)
    "Wed 30/04/2025", "Thu 01/05/2025", "Fri 02/05/2025", "Sat 03/05/2025", "Sun 04/05/2025",
    # 2025 National Day: Sat 30/08 – Tue 02/09
    "Sat 30/08/2025", "Sun 31/08/2025", "Mon 01/09/2025", "Tue 02/09/2025",
    # 2026 New Year: Thu 01/01 – Sun 04/01 (Fri 02/01 swapped with Sat 10/01, letter 12729/VPCP-KGVX)
    "Thu 01/01/2026", "Fri 02/01/2026", "Sat 03/01/2026", "Sun 04/01/2026",
    # 2026 Tết: Sat 14/02 – Sun 22/02
    "Sat 14/02/2026", "Sun 15/02/2026", "Mon 16/02/2026", "Tue 17/02/2026", "Wed 18/02/2026",
    "Thu 19/02/2026", "Fri 20/02/2026", "Sat 21/02/2026", "Sun 22/02/2026",
    # 2026 Hùng Kings: Sun 26/04, substitute Mon 27/04
    "Sun 26/04/2026", "Mon 27/04/2026",
    # 2026 30/4–1/5: Thu 30/04 – Sun 03/05
    "Thu 30/04/2026", "Fri 01/05/2026", "Sat 02/05/2026", "Sun 03/05/2026",
    # 2026 National Day: Sat 29/08 – Wed 02/09 (Mon 31/08 swapped off)
    "Sat 29/08/2026", "Sun 30/08/2026", "Mon 31/08/2026", "Tue 01/09/2026", "Wed 02/09/2026",
    # ordinary weekend
    "Sat 07/03/2026", "Sun 08/03/2026",
]

MAKE_UP_SATURDAYS = ["Sat 04/05/2024", "Sat 26/04/2025", "Sat 10/01/2026", "Sat 22/08/2026"]

WORKING_DAYS_AROUND_BREAKS = [
    # 2024
    "Tue 02/01/2024",
    "Wed 07/02/2024", "Thu 15/02/2024",
    "Wed 17/04/2024", "Fri 19/04/2024",
    "Fri 26/04/2024", "Thu 02/05/2024", "Fri 03/05/2024",
    "Fri 30/08/2024", "Wed 04/09/2024",
    "Tue 31/12/2024",
    # 2025
    "Thu 02/01/2025",
    "Fri 24/01/2025", "Mon 03/02/2025",
    "Fri 04/04/2025", "Tue 08/04/2025",
    "Tue 29/04/2025", "Mon 05/05/2025",
    "Fri 29/08/2025", "Wed 03/09/2025",
    "Wed 31/12/2025",
    # 2026
    "Mon 05/01/2026", "Fri 09/01/2026",
    "Fri 13/02/2026", "Mon 23/02/2026",
    "Fri 24/04/2026", "Tue 28/04/2026", "Wed 29/04/2026", "Mon 04/05/2026",
    "Fri 28/08/2026", "Thu 03/09/2026",
    # an ordinary weekday
    "Tue 10/03/2026",
]


@pytest.mark.parametrize("day", DAYS_OFF)
def test_announced_day_off_is_not_a_working_day(cal, day):
    assert cal.is_working_day(D(day)) is False


@pytest.mark.parametrize("day", MAKE_UP_SATURDAYS)
def test_make_up_saturday_is_a_working_day(cal, day):
    assert cal.is_working_day(D(day)) is True


@pytest.mark.parametrize("day", WORKING_DAYS_AROUND_BREAKS)
def test_day_just_outside_a_break_is_a_working_day(cal, day):
    assert cal.is_working_day(D(day)) is True


def test_unconfirmed_culture_day_2026_is_a_working_day_until_confirmed(cal):
    # DOMAIN.md §4: the holidays package lists 24/11/2026 "Ngày Văn hóa Việt Nam", but Article 112
    # is not amended yet: unconfirmed, it stays a working day (no promise later than the law allows).
    assert cal.is_working_day(D("Tue 24/11/2026")) is True
    info = cal.day_info(D("Tue 24/11/2026"))
    assert info.source is Source.UNCONFIRMED and info.name == "Ngày Văn hóa Việt Nam"


# ---------------------------------------------------------------------------
# 2. Office overrides win over the base calendar
# ---------------------------------------------------------------------------


def test_override_makes_a_weekday_a_day_off():
    cal = WorkCalendar(overrides=[DayOverride(D("Tue 10/03/2026"), working=False, note="Nghỉ đột xuất")])
    assert cal.is_working_day(D("Tue 10/03/2026")) is False
    assert cal.is_working_day(D("Wed 11/03/2026")) is True
    # Received Mon 09/03 10:00 with 1 working day: Tue is now off, so Wed.
    assert cal.due_after_days(T("Mon 09/03/2026 10:00"), 1) == T("Wed 11/03/2026 17:00")
    assert cal.next_working_day(D("Mon 09/03/2026")) == D("Wed 11/03/2026")
    assert cal.previous_working_day(D("Wed 11/03/2026")) == D("Mon 09/03/2026")


def test_override_makes_a_saturday_a_working_day():
    cal = WorkCalendar(overrides=[DayOverride(D("Sat 07/03/2026"), working=True, note="Làm bù")])
    assert cal.is_working_day(D("Sat 07/03/2026")) is True
    assert cal.is_working_day(D("Sun 08/03/2026")) is False
    # Received Fri 06/03 10:00 with 1 working day: the Saturday now counts.
    assert cal.due_after_days(T("Fri 06/03/2026 10:00"), 1) == T("Sat 07/03/2026 17:00")


def test_confirming_the_culture_day_off_skips_it():
    cal = WorkCalendar(overrides=[DayOverride(D("Tue 24/11/2026"), working=False, note="Đã sửa Điều 112")])
    assert cal.is_working_day(D("Tue 24/11/2026")) is False
    # Received Mon 23/11 10:00 with 1 working day: Tue 24/11 off → Wed 25/11.
    assert cal.due_after_days(T("Mon 23/11/2026 10:00"), 1) == T("Wed 25/11/2026 17:00")
    info = cal.day_info(D("Tue 24/11/2026"))
    assert info.source is Source.OFFICE and info.reference == "Đã sửa Điều 112"


def test_without_confirmation_the_culture_day_counts(cal):
    # Same receipt, base calendar: Tue 24/11 is (still) a working day.
    assert cal.due_after_days(T("Mon 23/11/2026 10:00"), 1) == T("Tue 24/11/2026 17:00")
    assert "chưa xác nhận" in cal.provisional_note(D("Mon 23/11/2026"), D("Tue 24/11/2026"))


def test_override_makes_a_public_holiday_a_working_day():
    cal = WorkCalendar(overrides=[DayOverride(D("Thu 01/01/2026"), working=True)])
    assert cal.is_working_day(D("Thu 01/01/2026")) is True
    assert cal.next_working_day(D("Wed 31/12/2025")) == D("Thu 01/01/2026")


def test_override_cancels_a_make_up_saturday():
    cal = WorkCalendar(overrides=[DayOverride(D("Sat 22/08/2026"), working=False)])
    assert cal.is_working_day(D("Sat 22/08/2026")) is False
    assert cal.next_working_day(D("Fri 21/08/2026")) == D("Mon 24/08/2026")


def test_override_adds_a_future_swap_in_a_later_year():
    # Next year's swaps are announced late: an officer adds a make-up Saturday
    # and the weekday it replaces.
    cal = WorkCalendar(overrides=[
        DayOverride(D("Sat 09/01/2027"), working=True),
        DayOverride(D("Fri 08/01/2027"), working=False),
    ])
    assert cal.is_working_day(D("Sat 09/01/2027")) is True
    assert cal.is_working_day(D("Fri 08/01/2027")) is False
    assert cal.next_working_day(D("Thu 07/01/2027")) == D("Sat 09/01/2027")


# ---------------------------------------------------------------------------
# 3. Due dates in working days: receipt day not counted, 17:00, 15:00 cut-off
# ---------------------------------------------------------------------------

DUE_AFTER_DAYS = [
    # (received, working days, due, why)
    ("Thu 12/02/2026 10:00", 3, "Tue 24/02/2026 17:00", "tet2026: Fri 13, Mon 23, Tue 24"),
    ("Thu 12/02/2026 10:00", 1, "Fri 13/02/2026 17:00", "tet2026: day before the break"),
    ("Thu 12/02/2026 10:00", 2, "Mon 23/02/2026 17:00", "tet2026: jumps the whole break"),
    ("Fri 13/02/2026 14:59", 1, "Mon 23/02/2026 17:00", "tet2026: before cut-off"),
    ("Fri 13/02/2026 16:00", 1, "Tue 24/02/2026 17:00", "tet2026: after cut-off counts from Mon 23"),
    ("Tue 17/02/2026 09:00", 1, "Tue 24/02/2026 17:00", "tet2026: received on a holiday"),
    ("Mon 02/02/2026 09:00", 15, "Mon 02/03/2026 17:00", "tet2026: 15 days, 9 before + 6 after"),
    ("Fri 25/04/2025 10:00", 1, "Sat 26/04/2025 17:00", "2025: make-up Saturday counts"),
    ("Fri 25/04/2025 10:00", 3, "Tue 29/04/2025 17:00", "2025: Sat 26, Mon 28, Tue 29"),
    ("Tue 29/04/2025 09:00", 2, "Tue 06/05/2025 17:00", "2025: 30/4-4/5 off, Mon 5, Tue 6"),
    ("Sat 26/04/2025 10:00", 1, "Mon 28/04/2025 17:00", "2025: received on the make-up Saturday"),
    ("Sat 26/04/2025 16:00", 1, "Tue 29/04/2025 17:00", "2025: make-up Saturday after cut-off"),
    ("Fri 26/04/2024 10:00", 3, "Sat 04/05/2024 17:00", "2024: Thu 2, Fri 3, Sat 4 (make-up)"),
    ("Fri 26/04/2024 10:00", 4, "Mon 06/05/2024 17:00", "2024: then Mon 6"),
    ("Fri 26/04/2024 16:00", 2, "Sat 04/05/2024 17:00", "2024: after cut-off counts from Thu 2"),
    ("Fri 21/08/2026 10:00", 1, "Sat 22/08/2026 17:00", "2026: make-up Saturday before National Day"),
    ("Fri 28/08/2026 10:00", 1, "Thu 03/09/2026 17:00", "2026: National Day break"),
    ("Fri 06/03/2026 14:59", 1, "Mon 09/03/2026 17:00", "weekend: Fri before cut-off"),
    ("Fri 06/03/2026 15:01", 1, "Tue 10/03/2026 17:00", "weekend: Fri just after cut-off"),
    ("Fri 06/03/2026 16:00", 1, "Tue 10/03/2026 17:00", "weekend: Fri 16:00"),
    ("Sat 07/03/2026 09:00", 1, "Tue 10/03/2026 17:00", "received Saturday = received Mon"),
    ("Sun 08/03/2026 09:00", 5, "Mon 16/03/2026 17:00", "received Sunday, 5 days"),
    ("Tue 10/03/2026 06:45", 1, "Wed 11/03/2026 17:00", "before opening counts that day"),
    ("Tue 10/03/2026 10:00", 0, "Tue 10/03/2026 17:00", "within the day, before cut-off"),
    ("Tue 10/03/2026 16:00", 0, "Wed 11/03/2026 17:00", "within the day, after cut-off"),
    ("Fri 13/02/2026 16:00", 0, "Mon 23/02/2026 17:00", "within the day, after cut-off before Tet"),
    ("Sat 07/03/2026 09:00", 0, "Mon 09/03/2026 17:00", "within the day, received Saturday"),
    ("Wed 31/12/2025 10:00", 1, "Mon 05/01/2026 17:00", "year end: 1/1-4/1/2026 off (12729/VPCP-KGVX)"),
    ("Wed 31/12/2025 15:30", 1, "Tue 06/01/2026 17:00", "year end after cut-off: counts from Mon 5/1"),
    ("Fri 09/01/2026 10:00", 1, "Sat 10/01/2026 17:00", "2026: make-up Saturday 10/01 counts"),
    ("Fri 09/01/2026 16:00", 1, "Mon 12/01/2026 17:00", "2026: after cut-off counts from Sat 10/01"),
    ("Tue 31/12/2024 10:00", 2, "Fri 03/01/2025 17:00", "year end 2024: Thu 2, Fri 3"),
]


@pytest.mark.parametrize(
    "received, days, due", [c[:3] for c in DUE_AFTER_DAYS], ids=[c[3] for c in DUE_AFTER_DAYS]
)
def test_due_after_days(cal, received, days, due):
    assert cal.due_after_days(T(received), days) == T(due)


DUE_AFTER_HOURS = [
    # (received, working hours, due, why)
    ("Tue 10/03/2026 10:00", 1.5, "Tue 10/03/2026 11:30", "ends exactly at lunch"),
    ("Tue 10/03/2026 10:00", 2, "Tue 10/03/2026 13:30", "crosses lunch"),
    ("Tue 10/03/2026 10:00", 4, "Tue 10/03/2026 15:30", "crosses lunch, 1.5 + 2.5"),
    ("Tue 10/03/2026 07:30", 4, "Tue 10/03/2026 11:30", "a full morning"),
    ("Tue 10/03/2026 10:00", 8, "Wed 11/03/2026 10:00", "crosses the end of day"),
    ("Tue 10/03/2026 14:30", 4, "Wed 11/03/2026 09:00", "2.5 today, 1.5 tomorrow"),
    ("Tue 10/03/2026 12:00", 1, "Tue 10/03/2026 14:00", "received at lunch: clock starts 13:00"),
    ("Tue 10/03/2026 06:00", 2, "Tue 10/03/2026 09:30", "received before opening"),
    ("Tue 10/03/2026 16:00", 2, "Wed 11/03/2026 09:30", "after cut-off: next working day"),
    ("Sat 07/03/2026 10:00", 2, "Mon 09/03/2026 09:30", "received Saturday"),
    ("Fri 06/03/2026 14:00", 4, "Mon 09/03/2026 08:30", "across a weekend"),
    ("Fri 13/02/2026 14:00", 8, "Mon 23/02/2026 14:00", "across Tet 2026: 3 h Fri, 5 h Mon"),
    ("Wed 31/12/2025 14:00", 4, "Mon 05/01/2026 08:30", "across New Year 2026 (1/1-4/1)"),
    ("Tue 10/03/2026 07:30", 16, "Wed 11/03/2026 17:00", "two full days"),
]


@pytest.mark.parametrize(
    "received, hours, due", [c[:3] for c in DUE_AFTER_HOURS], ids=[c[3] for c in DUE_AFTER_HOURS]
)
def test_due_after_hours(cal, received, hours, due):
    assert cal.due_after_hours(T(received), hours) == T(due)


# -- the cut-off and the office hours are settings ----------------------------


def test_later_cutoff_setting_counts_a_15_30_receipt_that_day():
    late = WorkCalendar(hours=OfficeHours(cutoff=dt.time(16, 0)))
    assert late.due_after_days(T("Fri 06/03/2026 15:30"), 1) == T("Mon 09/03/2026 17:00")
    assert late.due_after_days(T("Fri 06/03/2026 16:30"), 1) == T("Tue 10/03/2026 17:00")
    assert late.due_after_days(T("Tue 10/03/2026 15:45"), 0) == T("Tue 10/03/2026 17:00")


def test_default_cutoff_moves_the_same_15_30_receipt(cal):
    assert cal.due_after_days(T("Fri 06/03/2026 15:30"), 1) == T("Tue 10/03/2026 17:00")


def test_parsed_cutoff_setting():
    hours = OfficeHours.parse("07:30-11:30,13:00-17:00", "16:00")
    assert hours == OfficeHours(cutoff=dt.time(16, 0))
    cal = WorkCalendar(hours=hours)
    assert cal.due_after_days(T("Fri 06/03/2026 15:30"), 1) == T("Mon 09/03/2026 17:00")


def test_earlier_cutoff_setting():
    cal = WorkCalendar(hours=OfficeHours.parse("07:30-11:30,13:00-17:00", "14:00"))
    assert cal.due_after_days(T("Tue 10/03/2026 14:30"), 1) == T("Thu 12/03/2026 17:00")
    assert cal.due_after_days(T("Tue 10/03/2026 13:30"), 1) == T("Wed 11/03/2026 17:00")


def test_other_office_hours_close_later():
    cal = WorkCalendar(hours=OfficeHours.parse(" 08:00-12:00 , 13:30-17:30 ", "15:00"))
    assert cal.hours.minutes_per_day == 8 * 60
    assert cal.due_after_days(T("Tue 10/03/2026 10:00"), 1) == T("Wed 11/03/2026 17:30")
    # 11:00 + 2 h: 1 h to 12:00, 1 h from 13:30.
    assert cal.due_after_hours(T("Tue 10/03/2026 11:00"), 2) == T("Tue 10/03/2026 14:30")


# ---------------------------------------------------------------------------
# 4. Day arithmetic around holidays and year ends
# ---------------------------------------------------------------------------

BETWEEN = [
    # working days in (start, end]
    ("Fri 13/02/2026", "Mon 23/02/2026", 1, "tet2026"),
    ("Fri 13/02/2026", "Fri 27/02/2026", 5, "tet2026 + a week"),
    ("Thu 12/02/2026", "Tue 24/02/2026", 3, "tet2026 due-date example"),
    ("Wed 07/02/2024", "Thu 15/02/2024", 1, "tet2024"),
    ("Fri 26/04/2024", "Mon 06/05/2024", 4, "30/4 2024 with make-up Sat 4/5"),
    ("Fri 25/04/2025", "Mon 05/05/2025", 4, "30/4 2025 with make-up Sat 26/4"),
    ("Wed 31/12/2025", "Fri 02/01/2026", 0, "year end 2025: 1/1-4/1 off"),
    ("Wed 31/12/2025", "Mon 05/01/2026", 1, "year end 2025 + the break"),
    ("Fri 09/01/2026", "Mon 12/01/2026", 2, "make-up Sat 10/01/2026 counts"),
    ("Tue 31/12/2024", "Fri 03/01/2025", 2, "year end 2024"),
    ("Tue 10/03/2026", "Tue 10/03/2026", 0, "same day"),
    ("Sat 07/03/2026", "Sun 08/03/2026", 0, "weekend only"),
    ("Mon 23/02/2026", "Fri 13/02/2026", -1, "reversed is negative"),
    ("Mon 05/01/2026", "Wed 31/12/2025", -1, "reversed across year end"),
]


@pytest.mark.parametrize(
    "start, end, expected", [c[:3] for c in BETWEEN], ids=[c[3] for c in BETWEEN]
)
def test_working_days_between(cal, start, end, expected):
    assert cal.working_days_between(D(start), D(end)) == expected


ADD = [
    ("Wed 31/12/2025", 1, "Mon 05/01/2026", "over the 1/1-4/1/2026 break"),
    ("Wed 31/12/2025", 2, "Tue 06/01/2026", "over the break, then Tue"),
    ("Fri 09/01/2026", 1, "Sat 10/01/2026", "onto make-up Sat 10/01/2026"),
    ("Tue 31/12/2024", 1, "Thu 02/01/2025", "over 1/1/2025"),
    ("Fri 13/02/2026", 1, "Mon 23/02/2026", "over Tet 2026"),
    ("Fri 13/02/2026", 5, "Fri 27/02/2026", "over Tet 2026, a week"),
    ("Fri 24/01/2025", 1, "Mon 03/02/2025", "over Tet 2025"),
    ("Fri 25/04/2025", 1, "Sat 26/04/2025", "onto make-up Sat 2025"),
    ("Tue 29/04/2025", 1, "Mon 05/05/2025", "over 30/4-4/5 2025"),
    ("Fri 03/05/2024", 1, "Sat 04/05/2024", "onto make-up Sat 2024"),
    ("Fri 21/08/2026", 1, "Sat 22/08/2026", "onto make-up Sat 2026"),
    ("Fri 28/08/2026", 1, "Thu 03/09/2026", "over National Day 2026"),
    ("Fri 24/04/2026", 1, "Tue 28/04/2026", "over Hung Kings 2026 substitute"),
    ("Wed 29/04/2026", 1, "Mon 04/05/2026", "over 30/4-3/5 2026"),
    ("Sat 14/02/2026", 0, "Mon 23/02/2026", "0 from a holiday: next working day"),
    ("Tue 10/03/2026", 0, "Tue 10/03/2026", "0 from a working day: itself"),
    ("Fri 11/12/2026", 20, "Mon 11/01/2027", "across year end into 2027"),
]


@pytest.mark.parametrize("start, count, expected", [c[:3] for c in ADD], ids=[c[3] for c in ADD])
def test_add_working_days(cal, start, count, expected):
    assert cal.add_working_days(D(start), count) == D(expected)


NEXT = [
    ("Wed 31/12/2025", "Mon 05/01/2026"),
    ("Tue 31/12/2024", "Thu 02/01/2025"),
    ("Thu 01/01/2026", "Mon 05/01/2026"),
    ("Fri 13/02/2026", "Mon 23/02/2026"),
    ("Sat 14/02/2026", "Mon 23/02/2026"),
    ("Fri 03/05/2024", "Sat 04/05/2024"),
    ("Sat 04/05/2024", "Mon 06/05/2024"),
    ("Fri 06/03/2026", "Mon 09/03/2026"),
]


@pytest.mark.parametrize("day, expected", NEXT)
def test_next_working_day(cal, day, expected):
    assert cal.next_working_day(D(day)) == D(expected)


PREVIOUS = [
    ("Mon 23/02/2026", "Fri 13/02/2026"),
    ("Mon 05/01/2026", "Wed 31/12/2025"),
    ("Thu 02/01/2025", "Tue 31/12/2024"),
    ("Mon 12/01/2026", "Sat 10/01/2026"),
    ("Mon 03/02/2025", "Fri 24/01/2025"),
    ("Mon 28/04/2025", "Sat 26/04/2025"),
    ("Mon 05/05/2025", "Tue 29/04/2025"),
    ("Mon 06/05/2024", "Sat 04/05/2024"),
    ("Thu 02/05/2024", "Fri 26/04/2024"),
    ("Thu 03/09/2026", "Fri 28/08/2026"),
    ("Sun 22/02/2026", "Fri 13/02/2026"),
    ("Mon 09/03/2026", "Fri 06/03/2026"),
    ("Mon 04/01/2027", "Thu 31/12/2026"),
]


@pytest.mark.parametrize("day, expected", PREVIOUS)
def test_previous_working_day(cal, day, expected):
    assert cal.previous_working_day(D(day)) == D(expected)


MINUTES = [
    ("Tue 10/03/2026 11:00", "Tue 10/03/2026 13:30", 60, "lunch not counted"),
    ("Tue 10/03/2026 07:30", "Tue 10/03/2026 17:00", 480, "a full day"),
    ("Tue 10/03/2026 06:00", "Tue 10/03/2026 18:00", 480, "outside hours not counted"),
    ("Tue 10/03/2026 07:30", "Thu 12/03/2026 17:00", 3 * 480, "three full days"),
    ("Fri 06/03/2026 17:00", "Mon 09/03/2026 07:30", 0, "weekend"),
    ("Fri 06/03/2026 16:00", "Mon 09/03/2026 08:30", 120, "1 h Fri + 1 h Mon"),
    ("Fri 13/02/2026 16:00", "Mon 23/02/2026 08:30", 120, "across Tet 2026"),
    ("Wed 31/12/2025 16:00", "Mon 05/01/2026 09:30", 180, "across 1/1-4/1/2026"),
    ("Tue 31/12/2024 15:00", "Thu 02/01/2025 10:00", 270, "across 1/1/2025: 2 h + 2.5 h"),
    ("Thu 01/01/2026 08:00", "Thu 01/01/2026 12:00", 0, "on a holiday"),
    ("Sat 26/04/2025 07:30", "Sat 26/04/2025 17:00", 480, "make-up Saturday"),
    ("Tue 10/03/2026 13:30", "Tue 10/03/2026 11:00", -60, "reversed is negative"),
]


@pytest.mark.parametrize(
    "start, end, expected", [c[:3] for c in MINUTES], ids=[c[3] for c in MINUTES]
)
def test_working_minutes_between(cal, start, end, expected):
    assert cal.working_minutes_between(T(start), T(end)) == expected


# ---------------------------------------------------------------------------
# 6. Bad input raises ValidationError
# ---------------------------------------------------------------------------


def test_negative_working_days_are_refused(cal):
    with pytest.raises(ValidationError):
        cal.add_working_days(D("Tue 10/03/2026"), -1)
    with pytest.raises(ValidationError):
        cal.due_after_days(T("Tue 10/03/2026 10:00"), -1)


def test_negative_working_minutes_are_refused(cal):
    with pytest.raises(ValidationError):
        cal.add_working_minutes(T("Tue 10/03/2026 10:00"), -30)


@pytest.mark.parametrize(
    "periods, cutoff",
    [
        ("07:30-11:30;13:00-17:00", "15:00"),  # wrong separator
        ("0730-1130", "15:00"),  # no colon
        ("07:30", "15:00"),  # no dash
        ("", "15:00"),  # empty
        ("aa:bb-cc:dd", "15:00"),  # not numbers
        ("25:00-26:00", "15:00"),  # not a time of day
        ("11:30-07:30", "15:00"),  # ends before it starts
        ("07:30-12:00,11:00-17:00", "15:00"),  # overlapping periods
        ("13:00-17:00,07:30-11:30", "15:00"),  # out of order
        ("07:30-11:30,13:00-17:00", "3pm"),  # malformed cut-off
        ("07:30-11:30,13:00-17:00", "15:60"),  # impossible cut-off
    ],
)
def test_malformed_office_hours_are_refused(periods, cutoff):
    with pytest.raises(ValidationError):
        OfficeHours.parse(periods, cutoff)


def test_dates_inside_the_supported_range_are_accepted():
    cal = WorkCalendar()
    assert cal.is_working_day(D("Tue 04/01/2000")) is True
    assert cal.is_working_day(D("Tue 01/06/2100")) is True


# Run in a child process with a time limit, so a call that never returns
# fails this test instead of hanging the whole suite.
OUT_OF_RANGE = [
    ("cal.is_working_day(dt.date(1999, 12, 31))", "a date in 1999"),
    ("cal.is_working_day(dt.date(2101, 1, 3))", "a date in 2101"),
    ("cal.is_working_day(dt.date(1950, 6, 1))", "a date in 1950"),
    ("cal.add_working_days(dt.date(1999, 12, 30), 1)", "adding from 1999"),
    ("cal.due_after_days(dt.datetime(2101, 1, 3, 9, 0), 1)", "a receipt in 2101"),
    ("cal.next_working_day(dt.date(2100, 12, 31))", "answer would be in 2101"),
    ("cal.previous_working_day(dt.date(2000, 1, 3))", "answer would be in 1999"),
]


@pytest.mark.slow
@pytest.mark.parametrize("call", [c[0] for c in OUT_OF_RANGE], ids=[c[1] for c in OUT_OF_RANGE])
def test_dates_outside_2000_2100_are_refused(call):
    code = (
        "import datetime as dt\n"
        "from app.errors import ValidationError\n"
        "from app.workcalendar import WorkCalendar\n"
        "cal = WorkCalendar()\n"
        "try:\n"
        f"    result = {call}\n"
        "except ValidationError:\n"
        "    print('ValidationError')\n"
        "else:\n"
        "    print('returned', repr(result))\n"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, encoding="utf-8", errors="replace", timeout=15
        )
    except subprocess.TimeoutExpired:
        done = None
    if done is None:
        pytest.fail(f"{call} did not return within 15 s (expected ValidationError)")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ValidationError"

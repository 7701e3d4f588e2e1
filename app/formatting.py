"""How dates and times are written for officers and in official documents."""

from __future__ import annotations

import datetime as dt

from app.workcalendar import weekday_vi


def date_vi(day: dt.date | dt.datetime | None) -> str:
    """dd/mm/yyyy, as every Vietnamese form writes it."""
    return day.strftime("%d/%m/%Y") if day else ""


def datetime_vi(moment: dt.datetime | None) -> str:
    return moment.strftime("%H:%M %d/%m/%Y") if moment else ""


def moment_with_weekday(moment: dt.datetime) -> str:
    """"17:00 Thứ Ba, 24/02/2026"."""
    return f"{moment:%H:%M} {weekday_vi(moment.date())}, {moment:%d/%m/%Y}"


def date_words(day: dt.date | dt.datetime) -> str:
    """"ngày 05 tháng 02 năm 2026", "ngày 02 tháng 8 năm 2025" (Decree 30/2020).

    Days below 10 and the months 1 and 2 take a leading zero; other months do not.
    """
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def time_words(moment: dt.datetime | dt.time) -> str:
    """"09 giờ 30 phút", as the one-stop forms write a time of day."""
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút"


def official_date(place: str, day: dt.date) -> str:
    """The place-and-date line of Decree 30/2020: "Trần Biên, ngày 05 tháng 02 năm 2026"."""
    text = date_words(day)
    return f"{place}, {text}" if place else text.capitalize()


def thousands(number: int) -> str:
    """Vietnamese digit grouping: 1.000.000."""
    return f"{number:,}".replace(",", ".")

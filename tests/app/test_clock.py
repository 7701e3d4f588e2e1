"""The system clock reads Vietnam's time whatever zone the PC is set to (issue 19, point 12)."""

import datetime as dt
import time
from zoneinfo import ZoneInfo

import pytest

from app.clock import SystemClock, office_zone

UTC = dt.timezone.utc


@pytest.fixture
def pc_in_new_york(monkeypatch):
    """The PC's own zone set to another one (as an officer's laptop bought abroad, or a reset BIOS)."""
    if not hasattr(time, "tzset"):
        pytest.skip("the process zone cannot be changed on this platform (time.tzset)")
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_clock_is_vietnam_time_on_a_pc_set_to_another_zone(pc_in_new_york):
    vietnam = dt.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).replace(tzinfo=None)
    assert dt.datetime.now() < vietnam - dt.timedelta(hours=10)   # the PC's local time is New York's
    assert abs(SystemClock().now() - vietnam) < dt.timedelta(seconds=5)


def test_an_injected_instant_is_read_in_the_office_zone():
    clock = SystemClock(utc_now=lambda: dt.datetime(2026, 11, 24, 23, 30, 15, 123, tzinfo=UTC))
    assert clock.now() == dt.datetime(2026, 11, 25, 6, 30, 15)   # already the next day at the desk


def test_the_zone_has_no_daylight_saving_and_is_plus_seven():
    zone = office_zone()
    for month in (1, 4, 7, 10):
        assert dt.datetime(2026, month, 15, 12, tzinfo=zone).utcoffset() == dt.timedelta(hours=7)


def test_without_a_zone_database_the_fixed_offset_is_used(monkeypatch):
    import zoneinfo

    def missing(key):
        raise zoneinfo.ZoneInfoNotFoundError(key)

    monkeypatch.setattr(zoneinfo, "ZoneInfo", missing)   # Windows without the tzdata package
    clock = SystemClock(utc_now=lambda: dt.datetime(2026, 2, 16, 17, 0, tzinfo=UTC))
    assert clock.now() == dt.datetime(2026, 2, 17, 0, 0)


def test_a_pc_on_another_zone_is_warned_and_one_on_utc7_is_not():
    at = lambda: dt.datetime(2026, 11, 25, 2, 0, tzinfo=UTC)  # noqa: E731
    other = SystemClock(utc_now=at, pc_offset=lambda moment: dt.timedelta(hours=-5))
    warning = other.zone_warning()
    assert warning is not None and "UTC-05:00" in warning and "UTC+07:00" in warning and "09:00" in warning
    same = SystemClock(utc_now=at, pc_offset=lambda moment: dt.timedelta(hours=7))
    assert same.zone_warning() is None


def test_windows_gets_the_zone_database_from_requirements():
    from pathlib import Path

    requirements = (Path(__file__).resolve().parents[2] / "requirements.txt").read_text(encoding="utf-8")
    assert any(line.startswith("tzdata==") and 'sys_platform == "win32"' in line for line in requirements.splitlines())

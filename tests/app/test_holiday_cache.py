"""The national holidays are worked out by the ``holidays`` package once, then read back."""

import datetime as dt

from app import holiday_cache
from app.workcalendar import holidays_package_year, vietnam_holidays


def counting(calls):
    def compute(year):
        calls.append(year)
        return holidays_package_year(year)
    return compute


def test_the_cached_year_is_the_packages_answer_and_is_worked_out_once(tmp_path):
    calls = []
    for year in (2026, 2027, 2031):
        first = holiday_cache.cached_year(year, counting(calls), tmp_path)
        again = holiday_cache.cached_year(year, counting(calls), tmp_path)
        assert first == again == holidays_package_year(year)
    assert calls == [2026, 2027, 2031]
    days_off, make_up = holiday_cache.cached_year(2026, counting(calls), tmp_path)
    assert days_off[dt.date(2026, 2, 17)] == "Tết Nguyên Đán"
    assert dt.date(2026, 9, 2) in days_off


def test_a_new_version_of_the_package_works_the_years_out_again(tmp_path, monkeypatch):
    calls = []
    holiday_cache.cached_year(2026, counting(calls), tmp_path)
    monkeypatch.setattr(holiday_cache, "package_key", lambda: "a-newer-holidays")
    holiday_cache.cached_year(2026, counting(calls), tmp_path)
    assert calls == [2026, 2026]


def test_a_damaged_or_unwritable_cache_only_costs_time(tmp_path):
    calls = []
    (tmp_path / "ngay-le-quoc-gia.json").write_text('{"key": ', encoding="utf-8")
    assert holiday_cache.cached_year(2026, counting(calls), tmp_path) == holidays_package_year(2026)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    assert holiday_cache.cached_year(2026, counting(calls), blocked) == holidays_package_year(2026)
    assert calls == [2026, 2026]


def test_the_calendar_reads_the_cache_in_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("MOTCUA_DATA_DIR", str(tmp_path))
    assert vietnam_holidays(2028) == holidays_package_year(2028)
    assert (tmp_path / "cache" / "ngay-le-quoc-gia.json").exists()

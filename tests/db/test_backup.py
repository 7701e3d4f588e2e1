"""Backups: written with SQLite's backup API, verified, thinned; a damaged register is found and restored."""

import datetime as dt
import os
import sqlite3

import pytest

from db import backup, migrate
from db.database import RegisterDamaged, open_register
from db.engine import make_engine

NOW = dt.datetime(2026, 11, 25, 9, 0)


def damage(path):
    """Overwrite bytes in the middle of several pages (what a failing disk or a killed copy does)."""
    size = os.path.getsize(path)
    with open(path, "r+b") as f:
        for offset in range(4096 * 2, size, 4096 * 3):
            f.seek(offset + 64)
            f.write(b"\xde\xad\xbe\xef" * 200)


@pytest.fixture
def register(tmp_path, catalog, engine):
    engine.dispose()
    return tmp_path / "register.sqlite3"


def test_a_backup_is_a_verified_copy_in_the_backup_folder(register):
    info = backup.make_backup(register, NOW)
    assert info.path.parent == register.parent / "sao-luu"
    assert info.path.name == "register.20261125-090000.thu-cong.sqlite3"
    assert backup.integrity_problem(info.path) is None
    with sqlite3.connect(info.path) as connection:
        assert connection.execute("SELECT head_title FROM office").fetchone() == ("Giám đốc",)


def test_the_daily_backup_is_made_once_a_day(register):
    assert backup.daily_backup_if_due(register, NOW) is not None
    assert backup.daily_backup_if_due(register, NOW + dt.timedelta(hours=5)) is None
    assert backup.daily_backup_if_due(register, NOW + dt.timedelta(days=1)) is not None
    assert len(backup.list_backups(register)) == 2


def test_thinning_keeps_14_days_and_8_weeks(register):
    first = backup.make_backup(register, NOW)
    for day in range(1, 120):   # four months of backups, two a day
        for hour in (8, 16):
            source = backup.backup_folder(register) / f"register.{NOW - dt.timedelta(days=day):%Y%m%d}-{hour:02d}0000.hang-ngay.sqlite3"
            source.write_bytes(first.path.read_bytes())
    backup.thin(register)
    kept = backup.list_backups(register)
    days = sorted({b.taken_at.date() for b in kept}, reverse=True)
    assert len(kept) == 14 + 8
    assert days[:14] == [NOW.date() - dt.timedelta(days=d) for d in range(14)]
    assert all(b.taken_at.hour in (9, 16) for b in kept)   # the newest of each day
    weeks = {d.isocalendar()[:2] for d in days[14:]}
    assert len(weeks) == 8


def test_a_damaged_register_is_detected_on_open_and_the_newest_good_backup_named(register):
    good = backup.make_backup(register, NOW)
    bad = backup.make_backup(register, NOW + dt.timedelta(hours=1))
    damage(bad.path)
    damage(register)
    with pytest.raises(RegisterDamaged) as raised:
        open_register(f"sqlite:///{register}")
    assert raised.value.good_backup.path == good.path
    assert "bị hỏng" in str(raised.value) and "restore" in str(raised.value)


def test_restore_keeps_the_damaged_file_and_gives_a_working_register(register):
    good = backup.make_backup(register, NOW)
    damage(register)
    assert backup.integrity_problem(register)
    backup.restore(register, good.path, NOW + dt.timedelta(hours=2))
    assert backup.integrity_problem(register) is None
    assert list(backup.backup_folder(register).glob("*.hong.sqlite3.bad"))
    Session = open_register(f"sqlite:///{register}")
    with Session() as session:
        from app.catalog import get_office

        assert get_office(session).head_name == "Nguyễn Thị Thu Hương"


def test_restore_of_a_sound_register_backs_it_up_first_and_refuses_a_bad_file(register, tmp_path):
    good = backup.make_backup(register, NOW)
    before = backup.restore(register, good.path, NOW + dt.timedelta(hours=1))
    assert before.kind == backup.BEFORE_RESTORE and backup.integrity_problem(before.path) is None
    junk = tmp_path / "khong-phai-so.sqlite3"
    junk.write_bytes(b"day khong phai SQLite" * 100)
    with pytest.raises(backup.BackupError, match="không phải bản sao lưu dùng được"):
        backup.restore(register, junk, NOW)
    assert backup.integrity_problem(register) is None


def test_the_copy_before_a_migration_is_a_verified_backup(tmp_path):
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE ghi_chu (noi_dung TEXT)")
    engine = make_engine(f"sqlite:///{path}")
    copy = migrate.upgrade(engine, NOW)
    engine.dispose()
    info = backup.list_backups(path)[0]
    assert str(info.path) == copy and info.kind == "truoc-nang-cap-goc"

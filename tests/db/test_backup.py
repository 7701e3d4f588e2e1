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


# ── issue 20: a killed backup, restore onto itself, files that are not registers, an emptied register ──

def _files(folder):
    return sorted(path.name for path in folder.iterdir() if not path.name.startswith(".sao-luu"))


def test_a_backup_stopped_before_its_check_is_never_counted_and_is_removed_next_time(register, monkeypatch):
    """As a kill between the copy and its check: the copy has no backup's name, so nothing counts it."""
    def killed(path, quick=False):
        raise KeyboardInterrupt("killed")

    monkeypatch.setattr(backup, "integrity_problem", killed)
    with pytest.raises(KeyboardInterrupt):
        backup.make_backup(register, NOW, backup.DAILY)
    monkeypatch.undo()
    assert backup.list_backups(register) == []
    assert any(name.endswith(backup.PARTIAL) for name in _files(backup.backup_folder(register)))
    info = backup.daily_backup_if_due(register, NOW)   # the day's backup is still due, and it is made
    assert info is not None and backup.verified_problem(info.path) is None
    assert _files(backup.backup_folder(register)) == [info.path.name]   # the leftover is gone


def test_a_half_written_backup_left_by_an_older_version_costs_no_good_backup(register):
    """An older version wrote under the final name: a kill left the file and its hot journal. It was counted
    as the day's backup, so thinning deleted the good one and the daily backup skipped the day."""
    folder = backup.backup_folder(register)
    good = backup.make_backup(register, NOW - dt.timedelta(days=1, hours=-1), backup.DAILY)
    half = folder / f"register.{NOW:%Y%m%d}-080000.hang-ngay.sqlite3"
    half.write_bytes(good.path.read_bytes()[:8192])
    (folder / f"{half.name}-journal").write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\0" * 4088)
    stray = folder / "register.20261120-080000.hang-ngay.sqlite3-wal"   # a side file of no backup
    stray.write_bytes(b"\0" * 32)
    other = folder / "register.cu.20261120-080000.hang-ngay.sqlite3"   # another register's, being written
    other.write_bytes(b"x")
    (folder / f"{other.name}-journal").write_bytes(b"x")
    assert [b.path for b in backup.list_backups(register)] == [good.path]
    assert backup.thin(register) == [] and good.path.exists()
    made = backup.daily_backup_if_due(register, NOW)
    assert made is not None                               # today's backup was still due
    assert _files(folder) == sorted([good.path.name, made.path.name, other.name, f"{other.name}-journal"])
    # this register's half-written file, its journal and the stray side file are gone; the other's stay
    assert backup.newest_good_backup(register) == made


def test_backups_are_left_without_wal_files_when_read(register):
    info = backup.make_backup(register, NOW)
    assert backup.verified_problem(info.path) is None
    with sqlite3.connect(info.path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        connection.execute("SELECT count(*) FROM dossiers").fetchone()
    connection.close()
    assert _files(info.path.parent) == [info.path.name]


def _count(path):
    with sqlite3.connect(path) as connection:
        found = connection.execute("SELECT count(*) FROM procedures").fetchone()[0]
    connection.close()
    return found


def test_restore_refuses_the_register_itself_under_any_spelling(register, tmp_path):
    backup.make_backup(register, NOW)
    size = register.stat().st_size
    link = tmp_path / "lien-ket.sqlite3"
    link.symlink_to(register)
    (tmp_path / "khac").mkdir()
    for spelling in (register, tmp_path / "." / register.name, tmp_path / "khac" / ".." / register.name, link):
        with pytest.raises(backup.BackupError, match="chính là sổ hồ sơ đang dùng"):
            backup.restore(register, spelling, NOW + dt.timedelta(hours=1))
    assert register.stat().st_size == size and _count(register) > 0
    assert len(backup.list_backups(register)) == 1   # nothing was even backed up


def _not_a_register(tmp_path, register):
    empty = tmp_path / "rong.sqlite3"
    empty.write_bytes(b"")
    other = tmp_path / "so-khac.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE ghi_chu (noi_dung TEXT)")
    connection.close()
    future = tmp_path / "ban-moi-hon.sqlite3"
    backup.copy_database(register, future)
    with sqlite3.connect(future) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_tuong_lai'")
    connection.close()
    return [(empty, "rỗng, 0 byte"), (other, "không phải sổ hồ sơ MotCua"), (future, "0099_tuong_lai")]


def test_restore_refuses_what_is_not_a_register_of_a_known_schema_and_says_why(register, tmp_path):
    procedures = _count(register)
    for path, reason in _not_a_register(tmp_path, register):
        with pytest.raises(backup.BackupError, match="không phải bản sao lưu dùng được") as raised:
            backup.restore(register, path, NOW)
        assert reason in str(raised.value)
        assert _count(register) == procedures


def test_a_backup_of_a_file_that_is_not_a_register_is_refused(tmp_path, register):
    for path, reason in _not_a_register(tmp_path, register)[1:]:
        with pytest.raises(backup.BackupError, match=reason):
            backup.make_backup(path, NOW)
        assert backup.list_backups(path) == []


def test_restore_stopped_before_the_rename_leaves_the_register_as_it_was(register, monkeypatch):
    good = backup.make_backup(register, NOW)
    with sqlite3.connect(register) as connection:
        connection.execute("DELETE FROM procedures WHERE code = (SELECT max(code) FROM procedures)")
    connection.close()
    procedures = _count(register)

    def killed(src, dst):
        raise KeyboardInterrupt("killed")

    monkeypatch.setattr(backup.os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        backup.restore(register, good.path, NOW + dt.timedelta(hours=1))
    monkeypatch.undo()
    assert backup.verified_problem(register) is None and _count(register) == procedures
    backup.restore(register, good.path, NOW + dt.timedelta(hours=2))
    assert _count(register) == procedures + 1
    assert not list(register.parent.glob(f"*{backup.PARTIAL}*"))   # the stopped restore's copy is gone


@pytest.mark.parametrize("how", ["empty", "missing"])
def test_an_emptied_or_deleted_register_with_backups_is_damage_not_a_new_register(register, how):
    older = backup.make_backup(register, NOW - dt.timedelta(days=1))
    newest = backup.make_backup(register, NOW)
    assert older != newest
    if how == "empty":
        register.write_bytes(b"")
    else:
        register.unlink()
    with pytest.raises(RegisterDamaged) as raised:
        open_register(f"sqlite:///{register}")
    assert raised.value.good_backup.path == newest.path
    assert "bị hỏng" in str(raised.value) and str(newest.path) in str(raised.value)
    assert ("0 byte" if how == "empty" else "không còn") in str(raised.value)
    assert (register.stat().st_size == 0) if how == "empty" else not register.exists()   # nothing created
    backup.restore(register, raised.value.good_backup.path, NOW + dt.timedelta(hours=1))
    assert _count(register) > 0
    Session = open_register(f"sqlite:///{register}")
    Session.kw["bind"].dispose()


def test_a_missing_register_without_backups_is_a_new_register(tmp_path):
    path = tmp_path / "moi" / "register.sqlite3"
    path.parent.mkdir()
    Session = open_register(f"sqlite:///{path}")
    Session.kw["bind"].dispose()
    assert path.exists() and backup.register_problem(path) is None

"""A daily backup is one file: no -wal/-shm beside it (issue 18.8), even taken while the desk has the
register open in WAL mode and checked read-only afterwards."""

import datetime as dt

from sqlalchemy import text

from db import backup

NOW = dt.datetime(2026, 11, 25, 9, 0)


def test_a_daily_backup_leaves_nothing_beside_it(tmp_path, catalog, engine):
    register = tmp_path / "register.sqlite3"
    with engine.connect() as live:   # the desk is working: the register is open, in WAL mode
        assert live.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        info = backup.daily_backup_if_due(register, NOW)
        assert info is not None
        assert backup.newest_good_backup(register).path == info.path   # opened read-only to check it
        backup.list_backups(register)
    # nothing but the backup (and the hidden lock file that keeps two backups from running at once)
    assert sorted(p.name for p in info.path.parent.iterdir() if p.name != backup.LOCK) == [info.path.name]
    assert info.path.read_bytes()[18:20] == b"\x01\x01"   # a rollback-journal file, not WAL
    assert backup.integrity_problem(info.path) is None

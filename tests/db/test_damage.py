"""A damaged register is met with the damaged-register message and the newest good backup, never a
traceback: on opening when the damage is where opening reads, and later when a query reads it.

Opening itself costs the same at any size (no full check): the damage here is one table page whose
b-tree header is overwritten (the file header is intact), as a failing disk sector would leave it.
"""

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db import backup
from db.damage import corruption
from db.database import RegisterDamaged, open_register

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-11-25 09:00"


def damage_table(path: Path, table: str) -> None:
    """Overwrite the b-tree header of ``table``'s root page (not the file header, not the schema)."""
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?",
                                  (table,)).fetchone()[0]
    connection.close()
    assert root > 1
    with open(path, "r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(b"\xde\xad\xbe\xef" * 8)


@pytest.fixture
def cli(tmp_path):
    register = tmp_path / "r.sqlite3"
    env = {**os.environ, "MOTCUA_DATA_DIR": str(tmp_path / "data"), "MOTCUA_DB": f"sqlite:///{register}"}

    def run(*args):
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "--now", NOW, *args], cwd=tmp_path, env=env,
                              capture_output=True, encoding="utf-8", errors="replace", timeout=300)
    run.register = register
    return run


def assert_damaged_message(result, good_backup: str, problem: str = "database disk image is malformed"):
    assert result.returncode == 5, result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Lỗi: Sổ hồ sơ") and "bị hỏng" in lines[0]
    assert problem in lines[0]
    assert good_backup in lines[0] and "restore" in lines[0]


def test_the_command_line_meets_damage_on_opening_and_later_by_a_query(cli):
    assert cli("demo", "--count", "40").returncode == 0
    with sqlite3.connect(cli.register) as connection:
        code = connection.execute("SELECT code FROM dossiers ORDER BY id LIMIT 1").fetchone()[0]
    connection.close()
    made = json.loads(cli("backup", "--json").stdout)
    assert cli("check").returncode == 0

    damage_table(cli.register, "dossiers")
    # Opening reads the header, the schema and the schema version: it cannot see this page, and a
    # command that does not read dossiers works as before (nothing per command grows with the register).
    due = cli("due", "--received", "2026-02-12 10:00", "--days", "3")
    assert due.returncode == 0, due.stderr
    # The first query that reads the page meets the damage: the same message, naming the good backup.
    assert_damaged_message(cli("show", code), made["file"])
    # The full check finds it without being asked about a dossier.
    assert_damaged_message(cli("check"), made["file"], problem="btreeInitPage")

    damage_table(cli.register, "alembic_version")   # where every opening reads
    assert_damaged_message(cli("due", "--received", "2026-02-12 10:00", "--days", "3"), made["file"])

    restored = cli("restore", made["file"])
    assert restored.returncode == 0, restored.stderr
    assert code in cli("show", code).stdout
    assert "nguyên vẹn" in cli("check").stdout


def test_opening_names_the_good_backup_when_the_damage_is_where_it_reads(tmp_path, catalog, engine):
    path = tmp_path / "register.sqlite3"
    engine.dispose()
    good = backup.make_backup(path, dt.datetime(2026, 11, 25, 8, 0))
    damage_table(path, "alembic_version")
    with pytest.raises(RegisterDamaged) as raised:
        open_register(f"sqlite:///{path}")
    assert raised.value.good_backup.path == good.path
    assert raised.value.path == path and "malformed" in raised.value.problem


def test_a_query_meeting_damage_raises_the_report_not_a_database_error(tmp_path, catalog, engine, Session):
    path = tmp_path / "register.sqlite3"
    good = backup.make_backup(path, dt.datetime(2026, 11, 25, 8, 0))
    engine.dispose()
    damage_table(path, "office")
    from app.catalog import get_office

    with pytest.raises(RegisterDamaged) as raised, Session() as session:
        get_office(session)
    assert raised.value.good_backup.path == good.path
    assert f"Sổ hồ sơ “{path}” bị hỏng" in str(raised.value)


def test_only_sqlite_saying_the_file_is_damaged_counts_as_damage():
    assert corruption(sqlite3.DatabaseError("database disk image is malformed")) is not None
    assert corruption(sqlite3.OperationalError("database is locked")) is None
    assert corruption(sqlite3.IntegrityError("UNIQUE constraint failed: dossiers.code")) is None
    wrapped = RuntimeError("outer")
    wrapped.__cause__ = sqlite3.DatabaseError("file is not a database")
    assert corruption(wrapped) is not None


def test_restore_onto_itself_and_an_emptied_register_from_the_command_line(cli, tmp_path):
    """Issue 20: ``restore`` of the register itself hung and left 0 bytes; an emptied register then opened
    as a new empty one, exit 0; a 0-byte file or another SQLite file was "restored" with success."""
    assert cli("demo", "--count", "40").returncode == 0
    made = json.loads(cli("backup", "--json").stdout)
    itself = cli("restore", str(cli.register))
    assert itself.returncode != 0 and "chính là sổ hồ sơ đang dùng" in itself.stderr, itself.stderr
    other = tmp_path / "khac.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE ghi_chu (noi_dung TEXT)")
    connection.close()
    refused = cli("restore", str(other))
    assert refused.returncode != 0 and "không phải sổ hồ sơ MotCua" in refused.stderr, refused.stderr
    with sqlite3.connect(cli.register) as connection:
        assert connection.execute("SELECT count(*) FROM dossiers").fetchone() == (40,)
    connection.close()

    for suffix in ("", "-wal", "-shm"):
        Path(f"{cli.register}{suffix}").unlink(missing_ok=True)
    cli.register.write_bytes(b"")
    assert_damaged_message(cli("search", "nguyen"), made["file"], problem="0 byte")
    assert cli.register.stat().st_size == 0   # nothing was created over it
    restored = cli("restore", made["file"])
    assert restored.returncode == 0, restored.stderr
    with sqlite3.connect(cli.register) as connection:
        assert connection.execute("SELECT count(*) FROM dossiers").fetchone() == (40,)
    connection.close()


def test_check_puts_the_reports_per_day_counts_back_in_step(cli):
    """Counts edited outside the application (or written while someone had dropped the triggers) are found by
    the full check and counted again from the dossiers; the year's report then says what the dossiers say."""
    assert cli("demo", "--count", "300").returncode == 0
    year = ["report", "--from", "2026-01-01", "--to", "2026-12-31", "--json"]
    before = json.loads(cli(*year).stdout)
    first = cli("check", "--json")
    assert first.returncode == 0 and json.loads(first.stdout)["report_days_repaired"] == 0
    with sqlite3.connect(cli.register) as connection:
        connection.execute("UPDATE report_days SET n = n + 7 WHERE kind = 1")
        connection.execute("DELETE FROM report_days WHERE kind = 2 AND rowid IN "
                           "(SELECT rowid FROM report_days WHERE kind = 2 LIMIT 3)")
        wrong_rows = connection.execute("SELECT count(*) FROM report_days WHERE kind = 1").fetchone()[0] + 3
    connection.close()
    assert json.loads(cli(*year).stdout)["total"] != before["total"]     # the report reads the days
    repaired = cli("check")
    assert repaired.returncode == 0, repaired.stderr
    assert f"lệch so với hồ sơ ({wrong_rows:,} dòng): đã tính lại từ hồ sơ".replace(",", ".") in repaired.stdout
    assert json.loads(cli(*year).stdout)["total"] == before["total"]
    assert json.loads(cli("check", "--json").stdout)["report_days_repaired"] == 0


def test_check_names_dossiers_finished_before_they_were_received(cli):
    """The forms and the import refuse such dates, but an older register may hold them, and the reports over a
    period count on there being none: the full check names them (and changes nothing)."""
    assert cli("demo", "--count", "120").returncode == 0
    with sqlite3.connect(cli.register) as connection:
        codes = [code for (code,) in connection.execute(
            "SELECT code FROM dossiers WHERE finished_at IS NOT NULL ORDER BY id LIMIT 2")]
        connection.execute("UPDATE dossiers SET received_at = datetime(finished_at, '+2 days') WHERE code IN (?, ?)",
                           codes)
    connection.close()
    told = cli("check")
    assert told.returncode == 0, told.stderr
    assert (f"Lưu ý: 2 hồ sơ có ngày có kết quả trước ngày tiếp nhận ({codes[0]}, {codes[1]}): báo cáo theo kỳ "
            "có thể đếm lệch những hồ sơ này; hãy kiểm tra và sửa lại ngày.") in told.stdout
    data = json.loads(cli("check", "--json").stdout)
    assert data["finished_before_received"] == 2 and data["finished_before_received_codes"] == codes
    with sqlite3.connect(cli.register) as connection:
        connection.execute("UPDATE dossiers SET received_at = datetime(finished_at, '-1 days') WHERE code IN (?, ?)",
                           codes)
    connection.close()
    assert "Lưu ý" not in cli("check").stdout

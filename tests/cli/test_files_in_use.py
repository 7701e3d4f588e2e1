"""Files another program holds open (issue 19, point 6): Windows refuses to replace or delete them.

Simulated here as on Windows: the target is held by a second handle, and ``os.replace`` onto it (``unlink`` for
the register and old backups) raises PermissionError, as Windows does while Acrobat, Excel or another desk has it.
"""

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.files import FileInUse, check_writable_folder
from app.reports.xlsx import write_atomically
from tests.cli.conftest import ROOT
from tests.cli.test_letter_cli import register, state  # noqa: F401 - the demo register fixture

NOW = dt.datetime(2026, 11, 25, 9, 0)


def held_replace(monkeypatch, *held: Path):
    """``os.replace`` refusing any target in ``held``, as Windows does for a file another program has open."""
    real = os.replace
    refused = []

    def replace(source, target, *args, **kwargs):
        if Path(target) in held:
            refused.append(Path(target))
            raise PermissionError(13, "Access is denied", str(target))
        return real(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    return refused


def test_a_workbook_open_in_excel_is_named_and_kept(tmp_path, monkeypatch):
    target = tmp_path / "Báo cáo cuối ngày.xlsx"
    target.write_bytes(b"the workbook of yesterday")
    with open(target, "rb"):   # Excel has it open
        refused = held_replace(monkeypatch, target)
        with pytest.raises(FileInUse) as error:
            write_atomically(target, b"the new workbook")
    assert refused and "Báo cáo cuối ngày.xlsx" in str(error.value) and "Excel" in str(error.value)
    assert "đóng tệp" in str(error.value) and "Access is denied" not in str(error.value)
    assert target.read_bytes() == b"the workbook of yesterday"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]   # no temporary file left beside it


def test_a_letter_issued_while_its_old_pdf_is_open_is_written_beside_it(cli, register, tmp_path):  # noqa: F811
    out = tmp_path / "phieu.pdf"
    out.write_bytes(b"%PDF-1.4 the letter the officer is reading in Acrobat")
    before = state(register["db"])
    script = (
        "import os, runpy, sys\n"
        "real = os.replace\n"
        "def replace(source, target, *a, **k):\n"
        f"    if os.path.abspath(target) == {str(out)!r}:\n"
        "        raise PermissionError(13, 'Access is denied', str(target))\n"
        "    return real(source, target, *a, **k)\n"
        "os.replace = replace\n"
        f"sys.argv = ['main.py', '--now', '2026-11-25 09:00', 'letter', {register['tomorrow']['code']!r},\n"
        "            '--reason', 'Cần xác minh thực địa', '--new-date', '2026-12-09', '--out', "
        f"{str(out)!r}, '--json']\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        f"runpy.run_path({str(ROOT / 'main.py')!r}, run_name='__main__')\n")
    env = {**os.environ, "MOTCUA_DATA_DIR": str(tmp_path / "data"), "MOTCUA_DB": f"sqlite:///{register['db']}"}
    with open(out, "rb"):   # Acrobat holds the old PDF
        done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True,
                              encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr   # the letter is issued: not reported as a failure
    issued = json.loads(done.stdout)
    beside = tmp_path / "phieu (2).pdf"
    assert issued["file"] == str(beside) and beside.read_bytes().startswith(b"%PDF")
    assert out.read_bytes().endswith(b"reading in Acrobat")   # the open file untouched
    assert "phieu.pdf" in done.stderr and "trình xem PDF" in done.stderr and "phieu (2).pdf" in done.stderr
    assert state(register["db"])[0][0] == before[0][0] + 1   # exactly one letter, recorded once
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_folder_that_refuses_a_new_file_is_found_by_writing_one(tmp_path, monkeypatch):
    """``os.access`` says yes where Windows' folder rules or Controlled Folder Access refuse: a file is tried."""
    import app.files

    monkeypatch.setattr(os, "access", lambda *a, **k: True)

    def refused(*args, **kwargs):
        raise PermissionError(13, "Access is denied")

    monkeypatch.setattr(app.files.os, "open", refused)
    with pytest.raises(Exception, match="Không ghi được vào thư mục") as error:
        check_writable_folder(tmp_path / "Tài liệu")
    assert "Controlled folder access" in str(error.value)


def test_restore_onto_a_register_held_open_says_what_to_close(tmp_path, monkeypatch, catalog, engine, clock):
    from app import upkeep
    from db import backup

    engine.dispose()
    path = tmp_path / "register.sqlite3"
    good = backup.make_backup(path, NOW)
    real_replace = os.replace

    def replace(source, target):
        if Path(target) == path:   # another desk window has the register open (Windows refuses the rename)
            raise PermissionError(13, "Access is denied", str(target))
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    report = good
    from db.damage import RegisterDamaged

    with pytest.raises(upkeep.BackupFailed) as error:
        upkeep.restore_damaged(RegisterDamaged("hỏng", path, "malformed", report), clock.now())
    assert str(path) in str(error.value) and "đang được một chương trình khác mở" in str(error.value)
    assert backup.integrity_problem(path) is None   # the register is still there, whole
    assert not path.with_name(path.name + backup.RESTORING).exists()   # nothing half-done left beside it


def test_thinning_skips_an_old_backup_held_open(tmp_path, monkeypatch, catalog, engine):
    from db import backup

    engine.dispose()
    path = tmp_path / "register.sqlite3"
    first = backup.make_backup(path, NOW)
    for day in range(1, 120):
        old = backup.backup_folder(path) / f"register.{NOW - dt.timedelta(days=day):%Y%m%d}-080000.hang-ngay.sqlite3"
        old.write_bytes(first.path.read_bytes())
    held = backup.backup_folder(path) / f"register.{NOW - dt.timedelta(days=119):%Y%m%d}-080000.hang-ngay.sqlite3"
    real_unlink = Path.unlink

    def unlink(self, missing_ok=False):
        if self == held:
            raise PermissionError(13, "Access is denied", str(self))
        return real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    with open(held, "rb"):
        deleted = backup.thin(path)
    assert held not in deleted and held.exists() and deleted
    assert all(not p.exists() for p in deleted)

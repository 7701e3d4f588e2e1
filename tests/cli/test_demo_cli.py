"""The demo from the command line: removing it, and a demo killed at any moment (issues 13 and 20)."""

import datetime as dt
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-11-25 09:00"
TRIGGERS = {"dossiers_fts_insert", "dossiers_fts_delete", "dossiers_fts_update"}


@pytest.fixture
def register(tmp_path):
    return tmp_path / "r.sqlite3"


@pytest.fixture
def env(tmp_path, register):
    return {**os.environ, "MOTCUA_DATA_DIR": str(tmp_path / "data"), "MOTCUA_DB": f"sqlite:///{register}"}


@pytest.fixture
def cli(tmp_path, env):
    def run(*args, input=None):
        command = [sys.executable, str(ROOT / "main.py"), "--now", NOW, *args]
        return subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, encoding="utf-8", errors="replace", timeout=300,
                              input=input)
    return run


def _query(register, sql):
    with sqlite3.connect(register) as connection:
        return connection.execute(sql).fetchall()


def test_demo_remove_from_the_command_line(cli, register):
    assert cli("demo", "--count", "300").returncode == 0
    assert cli("user", "add", "quantri", "--role", "admin", "--password-stdin", input="mat-khau-dai\n").returncode == 0
    assert cli("--user", "quantri", "user", "add", "canbo", "--role", "officer", "--password-stdin", input="mat-khau-dai\n").returncode == 0
    refused = cli("--user", "canbo", "demo", "--remove")
    assert refused.returncode != 0 and "không có quyền" in refused.stderr
    assert _query(register, "SELECT count(*) FROM dossiers") == [(300,)]

    removed = cli("--user", "quantri", "demo", "--remove")
    assert removed.returncode == 0, removed.stderr
    assert "Đã xóa 300 hồ sơ mẫu" in removed.stdout
    assert _query(register, "SELECT count(*) FROM dossiers") == [(0,)]
    assert _query(register, "SELECT count(*) FROM dossier_fts_docsize") == [(0,)]
    verify = cli("audit", "verify")
    assert verify.returncode == 0 and "Nguyên vẹn" in verify.stdout
    log = cli("audit", "log", "--limit", "1")
    assert "Xóa dữ liệu mẫu" in log.stdout and "hồ sơ mẫu: -300" in log.stdout
    again = cli("--user", "quantri", "demo", "--remove")
    assert again.returncode == 0 and again.stdout.strip() == "Sổ không có dữ liệu mẫu."


def test_a_missing_search_trigger_is_put_back_and_said_at_open(cli, register):
    """What a killed demo of an older version left: no insert trigger, and dossiers search cannot see."""
    assert cli("demo", "--count", "50").returncode == 0
    with sqlite3.connect(register) as connection:
        connection.execute("DROP TRIGGER dossiers_fts_insert")
        row = connection.execute("SELECT * FROM dossiers ORDER BY id DESC LIMIT 1").fetchone()
        columns = [c[1] for c in connection.execute("PRAGMA table_info(dossiers)")]
        values = dict(zip(columns, row, strict=True))
        values.update(id=values["id"] + 1, code="MA-SAU-KHI-HONG", applicant_name="Lường Thị Xuân",
                      applicant_name_folded="luong thi xuan", search_text="luong thi xuan ma-sau-khi-hong")
        connection.execute(f"INSERT INTO dossiers ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                           list(values.values()))
    found = cli("search", "luong thi xuan")
    assert found.returncode == 0, found.stderr
    assert "MA-SAU-KHI-HONG" in found.stdout
    assert "Lưu ý: Chỉ mục tìm kiếm thiếu trigger dossiers_fts_insert" in found.stderr
    assert "thiếu 1 hồ sơ mới nhất" in found.stderr
    assert {name for (name,) in _query(register, "SELECT name FROM sqlite_master WHERE type='trigger'")} == TRIGGERS
    quiet = cli("search", "luong thi xuan")
    assert quiet.stderr == "" and "MA-SAU-KHI-HONG" in quiet.stdout


@pytest.mark.slow
def test_a_killed_demo_leaves_nothing_and_search_still_works(cli, register, env, tmp_path):
    """Kill ``demo --count 20000`` at random moments: each time all or nothing, the trigger in place."""
    assert cli("demo", "--count", "200").returncode == 0   # the catalog exists: the drop is the first write
    rng = random.Random(20)
    counts = []
    kills = 0
    while kills < 10:
        before = _query(register, "SELECT count(*) FROM dossiers")[0][0]
        process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--now", NOW, "demo", "--count", "20000"],
                                   cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + rng.uniform(0.5, 9.0)
        while time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        if process.poll() is None:
            process.kill()   # SIGKILL; TerminateProcess on Windows
            kills += 1
        process.wait()
        after = _query(register, "SELECT count(*) FROM dossiers")[0][0]
        assert after in (before, before + 20000), f"partial demo: {before} → {after}"
        triggers = {name for (name,) in _query(register, "SELECT name FROM sqlite_master WHERE type='trigger'")}
        assert triggers == TRIGGERS, triggers
        counts.append(after - before)
    assert kills >= 10 and 0 in counts   # some kills really cut a demo short

    # A dossier received after all that is found by search.
    from app import dossiers
    from app.catalog import ensure_procedure, ensure_user
    from app.clock import FixedClock
    from app.context import load_context
    from app.dossiers import NewDossier
    from db.database import open_register

    Session = open_register(f"sqlite:///{register}")
    with Session.begin() as session:
        officer = ensure_user(session, "tiep.nhan", "Cán bộ tiếp nhận")
        ensure_procedure(session, "KT1", "Thủ tục kiểm thử", "Thử", 3, "day")
        ctx = load_context(session, FixedClock(dt.datetime(2026, 11, 25, 9, 0)), officer)
        code = dossiers.receive(session, ctx, NewDossier(procedure_code="KT1", applicant_name="Khổng Minh Quý")).code
    Session.kw["bind"].dispose()
    found = cli("search", "khong minh quy")
    assert found.returncode == 0 and code in found.stdout, found.stdout + found.stderr
    assert cli("audit", "verify").returncode == 0


def test_the_demo_window_runs_on_a_temporary_register_and_removes_it(tmp_path, env):
    """``--demo`` never touches the register MOTCUA_DB names, and its temporary folder goes when it ends."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    real = tmp_path / "that.sqlite3"
    shot = tmp_path / "demo.png"
    demo_env = {**env, "TMPDIR": str(temp), "MOTCUA_DB": f"sqlite:///{real}", "QT_QPA_PLATFORM": "offscreen",
                "MOTCUA_SMOKE_SCREENSHOT": str(shot)}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--now", NOW, "--demo"], cwd=tmp_path,
                            env=demo_env, capture_output=True, encoding="utf-8", errors="replace", timeout=300)
    assert result.returncode == 0, result.stderr
    assert shot.exists()                      # the window really ran (on 2,000 demo dossiers)
    assert not real.exists()                  # the office's register was never opened
    assert list(temp.glob("motcua-demo-*")) == []

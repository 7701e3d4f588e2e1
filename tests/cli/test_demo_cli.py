"""The demo from the command line: removing it, the search index repaired at open (issues 13 and 20).

A demo killed at any moment: tests/cli/test_kill_safety.py."""

import os
import sqlite3
import subprocess
import sys
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
    assert "Xóa dữ liệu mẫu" in log.stdout and "Hồ sơ mẫu: 300" in log.stdout
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
    assert {name for (name,) in _query(register, "SELECT name FROM sqlite_master WHERE type='trigger' "
                                                 "AND name LIKE 'dossiers_fts_%'")} == TRIGGERS
    quiet = cli("search", "luong thi xuan")
    assert quiet.stderr == "" and "MA-SAU-KHI-HONG" in quiet.stdout


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

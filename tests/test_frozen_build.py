"""The desktop build: PyInstaller makes the one-folder app, and the frozen app starts (CLI and window)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_the_frozen_app_builds_and_starts(tmp_path):
    pytest.importorskip("PyInstaller")
    build = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
                            "--distpath", str(tmp_path / "dist"), "--workpath", str(tmp_path / "build"),
                            str(ROOT / "pyinstaller.spec")], cwd=ROOT, capture_output=True, encoding="utf-8", errors="replace", timeout=900)
    assert build.returncode == 0, build.stderr[-3000:]
    folder = tmp_path / "dist" / "MotCuaDesk"
    for inside in ("resources/translations/motcua_en.qm", "resources/icons/motcua.svg",
                   "db/migrations/versions/0003_accounts_audit.py"):
        assert (folder / "_internal" / inside).exists(), inside
    env = {**os.environ, "MOTCUA_DATA_DIR": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen",
           "MOTCUA_DB": f"sqlite:///{tmp_path / 'r.sqlite3'}"}
    suffix = ".exe" if os.name == "nt" else ""
    cli = str(folder / f"motcua-cli{suffix}")
    version = subprocess.run([cli, "--version"], env=env, capture_output=True, encoding="utf-8", errors="replace", timeout=120)
    assert version.stdout.strip().startswith("MotCua Desk ")
    due = subprocess.run([cli, "--now", "2026-11-25 09:00", "due", "--received", "2026-02-12 10:00", "--days", "3"],
                         env=env, capture_output=True, encoding="utf-8", errors="replace", timeout=120)
    assert "Hẹn trả kết quả:  17:00 Thứ Ba, 24/02/2026" in due.stdout, due.stderr   # holidays data is inside
    calendar = subprocess.run([cli, "calendar", "--year", "2026"], env=env, capture_output=True, encoding="utf-8", errors="replace",
                              timeout=120)
    assert "Tết Nguyên Đán" in calendar.stdout    # the Vietnamese names come from holidays' .mo files
    shot = tmp_path / "window.png"
    window = subprocess.run([str(folder / f"MotCuaDesk{suffix}"), "--db", f"sqlite:///{tmp_path / 'w.sqlite3'}", "--demo"],
                            env={**env, "MOTCUA_SMOKE_SCREENSHOT": str(shot)}, capture_output=True, encoding="utf-8", errors="replace",
                            timeout=180)
    assert window.returncode == 0, window.stderr[-2000:]
    assert shot.exists() and shot.stat().st_size > 5000
    shutil.rmtree(tmp_path / "build", ignore_errors=True)

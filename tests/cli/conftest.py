"""The CLI fixture shared by the command-line tests: a real process on a throwaway register."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-11-25 09:00"


@pytest.fixture
def cli(tmp_path):
    env = {**os.environ, "MOTCUA_DATA_DIR": str(tmp_path / "data"), "MOTCUA_DB": f"sqlite:///{tmp_path / 'r.sqlite3'}"}

    def run(*args, now=NOW, input=None):
        command = [sys.executable, str(ROOT / "main.py"), "--now", now, *args]
        return subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, encoding="utf-8", errors="replace", timeout=120,
                              input=input)
    return run

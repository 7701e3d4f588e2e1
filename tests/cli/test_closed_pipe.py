"""`show … | head`: the reader closing the pipe early is not an error (issue 18.8)."""

import os
import subprocess
import sys

from tests.cli.conftest import NOW, ROOT


def test_a_closed_pipe_ends_quietly(tmp_path):
    env = {**os.environ, "MOTCUA_DATA_DIR": str(tmp_path / "data"), "MOTCUA_DB": f"sqlite:///{tmp_path / 'r.sqlite3'}"}
    reading, writing = os.pipe()
    os.close(reading)   # as `head` does once it has its lines
    try:
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--now", NOW, "calendar"], cwd=tmp_path,
                              env=env, stdout=writing, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(writing)
    assert "Lỗi" not in done.stderr and "Exception" not in done.stderr, done.stderr
    assert done.returncode == 0

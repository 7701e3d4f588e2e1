"""move-register: a desk's SQLite register into an empty PostgreSQL database, real processes (issue 9)."""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-11-25 09:00"


@pytest.fixture
def cli(tmp_path):
    env = {**os.environ, "MOTCUA_DATA_DIR": str(tmp_path / "data")}
    env.pop("MOTCUA_DB", None)

    def run(db, *args, input=None):
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", db, "--now", NOW, *args],
                              cwd=tmp_path, env=env, capture_output=True, encoding="utf-8", errors="replace", timeout=300, input=input)
    return run


@pytest.fixture
def target(pg_server):
    name = "move_" + os.urandom(5).hex()
    pg_server.create_database(name)
    yield pg_server.url(name)
    pg_server.drop_database(name)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_desk_register_moves_whole_and_verified_and_the_source_stays_as_it_was(cli, tmp_path, target):
    source_file = tmp_path / "ban.sqlite3"
    source = f"sqlite:///{source_file}"
    assert cli(source, "user", "add", "quantri", "--role", "admin", "--password-stdin",
               input="mat-khau-dai\n").returncode == 0
    made = cli(source, "demo", "--count", "400", "--seed", "3")
    assert made.returncode == 0, made.stderr
    before = json.loads(cli(source, "search", "Nguyễn", "--json").stdout)
    same_on_both = [("warnings", "--json"), ("report", "--from", "2026-11-01", "--to", "2026-11-25", "--json"),
                    ("digitization", "--json")]
    answers = [cli(source, *command).stdout for command in same_on_both]
    digest = _digest(source_file)

    moved = cli(source, "move-register", "--to", target, "--json")
    assert moved.returncode == 0, moved.stderr
    report = json.loads(moved.stdout)
    assert report["counts"]["dossiers"] == 400 and report["audit_intact"]
    assert report["audit_events"] == report["counts"]["audit_events"] > 0
    assert _digest(source_file) == digest  # only read

    verify = cli(target, "audit", "verify")
    assert verify.returncode == 0 and verify.stdout.startswith("Nguyên vẹn"), verify.stdout + verify.stderr
    assert json.loads(cli(target, "search", "Nguyễn", "--json").stdout) == before
    for command, answer in zip(same_on_both, answers):  # warnings, II.06a and rates: the same on the server
        assert json.loads(cli(target, *command).stdout) == json.loads(answer), command
    # the shared register goes on: new ids after the copied ones, the chain still whole
    assert cli(target, "--user", "quantri", "calendar", "--add-off", "2026-12-24", "--note", "Nghỉ bù").returncode == 0
    assert cli(target, "audit", "verify").returncode == 0

    again = cli(source, "move-register", "--to", target)
    assert again.returncode != 0 and "không trống" in again.stderr

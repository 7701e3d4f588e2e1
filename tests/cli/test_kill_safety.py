"""Killed at any moment, ``demo``, ``backup`` and ``restore`` leave no partial state (issue 20).

Each command runs as its own process and is killed (SIGKILL: no clean-up code runs) at random
moments within the time an unkilled run takes, at least 20 times each. After every kill the
register is whole (all of a demo or none of it, the old state or the restored one), the search
index and its triggers are in step, and every file with a backup's name is a verified backup;
no good backup is lost. The search finds a dossier received after all that.
"""

import datetime as dt
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db import backup

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-11-25 09:00"
KILLS = 20
TRIGGERS = {"dossiers_fts_insert", "dossiers_fts_delete", "dossiers_fts_update"}


@pytest.fixture
def register(tmp_path):
    return tmp_path / "data" / "register.sqlite3"


@pytest.fixture
def env(tmp_path):
    return {**os.environ, "MOTCUA_DATA_DIR": str(tmp_path / "data"), "MOTCUA_DB": ""}


def _command(*args):
    return [sys.executable, str(ROOT / "main.py"), "--now", NOW, *args]


def _run(env, cwd, *args):
    result = subprocess.run(_command(*args), cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result


def _timed(env, cwd, *args) -> float:
    started = time.monotonic()
    _run(env, cwd, *args)
    return time.monotonic() - started


def _killed(env, cwd, delay: float, *args) -> float | None:
    """Run the command, SIGKILL it after ``delay`` seconds; None if it was killed before it finished,
    else the seconds it took to finish on its own."""
    process = subprocess.Popen(_command(*args), cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    started = time.monotonic()
    deadline = started + delay
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.01)
    finished = process.poll() is not None
    took = time.monotonic() - started
    if not finished:
        process.send_signal(signal.SIGKILL)
    process.wait()
    return took if finished else None


def _query(path, sql):
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def _count(path) -> int:
    return _query(path, "SELECT count(*) FROM dossiers")[0][0]


def _assert_search_index_in_step(path):
    triggers = {name for (name,) in _query(path, "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {name for name in triggers if name.startswith("dossiers_fts_")} == TRIGGERS, triggers
    assert _query(path, "SELECT count(*), max(id) FROM dossier_fts_docsize") == \
        _query(path, "SELECT count(*), max(id) FROM dossiers")
    # the reports' per-day counts too (app/report_days.py): all three triggers or none, and in step
    days = {name for name in triggers if name.startswith("report_days_")}
    assert len(days) in (0, 3), days
    if days:
        assert _query(path, "SELECT coalesce(sum(n), 0) FROM report_days WHERE kind = 1") == \
            _query(path, "SELECT count(*) FROM dossiers")
        assert _query(path, "SELECT coalesce(sum(n), 0) FROM report_days WHERE kind = 2") == \
            _query(path, "SELECT count(*) FROM dossiers WHERE finished_at IS NOT NULL")


def _assert_new_dossiers_are_found(env, cwd, path):
    """A dossier received now (through the app, with the ordinary insert trigger) is found by ``search``."""
    from app import dossiers
    from app.catalog import ensure_procedure, ensure_user
    from app.clock import FixedClock
    from app.context import load_context
    from app.dossiers import NewDossier
    from db.database import open_register

    Session = open_register(f"sqlite:///{path}")
    with Session.begin() as session:
        officer = ensure_user(session, "tiep.nhan", "Cán bộ tiếp nhận")
        ensure_procedure(session, "KT1", "Thủ tục kiểm thử", "Thử", 3, "day")
        ctx = load_context(session, FixedClock(dt.datetime(2026, 11, 25, 9, 0)), officer)
        code = dossiers.receive(session, ctx, NewDossier(procedure_code="KT1", applicant_name="Khổng Minh Quý")).code
    Session.kw["bind"].dispose()
    found = _run(env, cwd, "search", "khong minh quy")
    assert code in found.stdout and found.stderr == "", found.stdout + found.stderr
    verify = _run(env, cwd, "audit", "verify")
    assert "Nguyên vẹn" in verify.stdout


def _kill_repeatedly(run_once, check, window: tuple[float, float], seed: int, kills: int = KILLS) -> int:
    """Kill a run at random moments within ``window`` (from about when an unkilled run starts its work to
    when it ends) until ``kills`` runs were really cut short (a run that finished first is checked too);
    returns the number of runs.

    One timed run is a noisy measure of how long the command takes (a loaded machine, a cold cache):
    a run that finishes before its kill narrows the window to below the time it took, so the kills keep
    landing inside the work however the machine's speed changes during the test."""
    rng = random.Random(seed)
    low, high = window
    done = runs = 0
    while done < kills:
        runs += 1
        assert runs < 4 * kills, f"only {done} of {runs} runs were cut short (window {low:.2f}–{high:.2f} s)"
        state = check(None)
        took = run_once(rng.uniform(low, high), runs)
        if took is None:
            done += 1
        else:
            high = min(high, 0.9 * took)
            low = min(low, 0.7 * high)
        check(state)
    return runs


def _window(env, cwd, baseline: tuple[str, ...], *args) -> tuple[float, float]:
    """From a little before the work of ``args`` starts (``baseline`` opens the register and does nothing
    else) to a little before an unkilled run ends: most kills land in the work, not in the start-up."""
    start = _timed(env, cwd, *baseline)
    end = _timed(env, cwd, *args)
    return 0.8 * min(start, end), max(0.95 * end, start + 0.2)


def test_a_killed_demo_leaves_all_or_nothing_and_search_works(env, tmp_path, register):
    # First starts killed while the register is being created (and migrated): the next start works.
    for index in range(5):
        fresh = {**env, "MOTCUA_DATA_DIR": str(tmp_path / f"moi-{index}")}
        _killed(fresh, tmp_path, 0.6 + 0.25 * index, "demo", "--count", "300")
        path = tmp_path / f"moi-{index}" / "register.sqlite3"
        again = subprocess.run(_command("search", "nguyen"), cwd=tmp_path, env=fresh, capture_output=True,
                               text=True, timeout=300)
        assert again.returncode == 0, again.stderr
        assert _count(path) in (0, 300)
        _assert_search_index_in_step(path)

    _run(env, tmp_path, "demo", "--count", "200")   # the catalog exists: the trigger change is the first write
    window = _window(env, tmp_path, ("search", "khong co ai"), "demo", "--count", "3000")
    seen = set()

    def check(before):
        now = _count(register)
        _assert_search_index_in_step(register)
        if before is not None:
            assert now in (before, before + 3000), f"partial demo: {before} → {now}"
            seen.add(now - before)
        return now

    _kill_repeatedly(lambda delay, _: _killed(env, tmp_path, delay, "demo", "--count", "3000"), check, window, 20)
    assert 0 in seen   # kills really cut demos short
    _assert_new_dossiers_are_found(env, tmp_path, register)


def _backup_files(folder):
    return {path.name for path in folder.iterdir() if path.name != backup.LOCK}


def test_a_killed_backup_never_costs_a_good_backup_and_leaves_nothing_behind(env, tmp_path, register):
    _run(env, tmp_path, "demo", "--count", "3000")
    # Good backups of five earlier days, which thinning keeps (14 days): none may go.
    earlier = [backup.make_backup(register, dt.datetime(2026, 11, 20 + day, 16, 0), backup.DAILY) for day in range(5)]
    folder = backup.backup_folder(register)
    window = _window(env, tmp_path, ("backup", "--list"), "backup")

    def check(_before):
        listed = backup.list_backups(register)
        assert {info.path for info in earlier} <= {info.path for info in listed}
        for info in listed:   # whatever has a backup's name is a verified backup
            assert backup.verified_problem(info.path) is None, info.path
        assert backup.newest_good_backup(register) == listed[0]

    _kill_repeatedly(lambda delay, _: _killed(env, tmp_path, delay, "backup"), check, window, 21)
    made = _run(env, tmp_path, "backup")   # the next run removes what the killed ones left
    assert "Đã sao lưu và kiểm tra toàn vẹn" in made.stdout
    names = _backup_files(folder)
    assert names == {info.path.name for info in backup.list_backups(register)}, names
    assert not [name for name in names if name.endswith(backup.SIDE_FILES) or backup.PARTIAL in name]
    _assert_new_dossiers_are_found(env, tmp_path, register)


def test_a_killed_restore_leaves_the_old_register_or_the_restored_one(env, tmp_path, register):
    _run(env, tmp_path, "demo", "--count", "3000")
    small = backup.make_backup(register, dt.datetime(2026, 11, 24, 16, 0))
    _run(env, tmp_path, "demo", "--count", "1000")
    big = backup.make_backup(register, dt.datetime(2026, 11, 24, 17, 0))
    counts = {_count(small.path), _count(big.path)}
    assert len(counts) == 2
    window = _window(env, tmp_path, ("backup", "--list"), "restore", str(small.path))

    def check(_before):
        assert backup.verified_problem(register) is None
        assert _count(register) in counts
        assert not Path(f"{register}-journal").exists()
        _assert_search_index_in_step(register)
        assert backup.verified_problem(small.path) is None and backup.verified_problem(big.path) is None

    def restore_once(delay, run):
        return _killed(env, tmp_path, delay, "restore", str((big if run % 2 else small).path))

    _kill_repeatedly(restore_once, check, window, 22)
    _run(env, tmp_path, "restore", str(big.path))
    assert _count(register) == _count(big.path)
    assert not list(register.parent.glob(f"*{backup.PARTIAL}*"))
    for info in backup.list_backups(register):   # the states kept before each restore are good backups
        assert backup.verified_problem(info.path) is None
    _assert_new_dossiers_are_found(env, tmp_path, register)

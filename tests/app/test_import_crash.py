"""All or nothing, even when the process dies half way through the write (SIGKILL: no cleanup runs)."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import text

from app.importing import service
from tests.app.test_import_dossiers import snapshot
from tests.support.import_files import dossier_rows, write_csv

ROOT = Path(__file__).resolve().parents[2]

# Killed without any cleanup: SIGKILL, or SIGTERM where there is none (Windows: TerminateProcess, as abrupt).
KILL = getattr(signal, "SIGKILL", signal.SIGTERM)

CHILD = textwrap.dedent("""
    import datetime as dt, os, signal, sys
    sys.path.insert(0, {root!r})
    from app.clock import FixedClock
    from app.context import load_context
    from app.importing import service
    from db.engine import make_engine, make_sessionmaker

    Session = make_sessionmaker(make_engine({url!r}))
    when = {when!r}

    def progress(done, total, text):
        if text.startswith(when) and done >= 10_000:
            print("killing at", done, flush=True)
            os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))

    with Session.begin() as session:
        ctx = load_context(session, FixedClock(dt.datetime(2026, 11, 25, 9, 0)), {user})
        service.import_dossiers(session, ctx, {path!r}, progress=progress)
    print("finished without being killed")
""")


@pytest.mark.slow
@pytest.mark.parametrize("when", ["Đang ghi hồ sơ mới", "Đang cập nhật hồ sơ đã có"])
def test_a_killed_import_leaves_the_register_exactly_as_it_was(Session, make_ctx, catalog, db_url, tmp_path, when):
    rows = dossier_rows(30_000, seed=11)
    first = write_csv(tmp_path / "dau.csv", rows[:15_000] if when.startswith("Đang cập") else rows[:50])
    with Session.begin() as session:
        service.import_dossiers(session, make_ctx(), first)
    if when.startswith("Đang cập"):
        for row in rows[:15_000]:
            row["phone"] = "0987654321"
    path = write_csv(tmp_path / "lon.csv", rows)
    before = snapshot(Session)
    Session.kw["bind"].dispose()  # the child must be the only writer
    child = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT), url=db_url, when=when, path=str(path),
                                                               user=catalog["user_id"])],
                           capture_output=True, encoding="utf-8", errors="replace", timeout=300,
                           env={**os.environ, "MOTCUA_DATA_DIR": str(tmp_path / "data")})
    assert child.returncode in (-KILL, KILL), child.stdout + child.stderr   # Windows: the exit code is the signal
    assert "killing at" in child.stdout
    after = snapshot(Session)
    assert after == before
    with Session() as session:
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        # the FTS index agrees with its table, and its insert trigger (dropped during the load) is back
        session.execute(text("INSERT INTO dossier_fts(dossier_fts, rank) VALUES ('integrity-check', 1)"))
        assert session.execute(text(
            "SELECT count(*) FROM sqlite_master WHERE name = 'dossiers_fts_insert'")).scalar() == 1

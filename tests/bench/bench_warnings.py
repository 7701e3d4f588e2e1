"""The warnings at the engine's speed: in-process query times beside SQLite's own command line.

    .venv/bin/python tests/bench/bench_warnings.py --db sqlite:////tmp/r.sqlite3 --reuse [--now "2026-12-01 10:00"]

Prints (median of 5 warm runs, ms):
* ``warnings`` as the command asks it (each action level: count and first 20 rows);
* the register's first page for each warning-level filter and for a broad search ("tran");
* the same question as the ``warnings`` command answered by ``sqlite3`` (open dossiers due by
  the apology horizon, most urgent first), as a whole process, when the ``sqlite3`` program exists.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app import register_query as rq  # noqa: E402
from app import worklists
from app.clock import FixedClock  # noqa: E402
from app.context import load_context  # noqa: E402
from app.deadlines import WarningBounds, WarningLevel  # noqa: E402
from app.dossier_rows import RUNNING_CODES  # noqa: E402
from app.due_dates import ensure_on_open  # noqa: E402
from db.engine import make_engine, make_sessionmaker  # noqa: E402


def timed(function, repeat: int = 5):
    """Median wall ms over ``repeat`` warm runs; the CPU ms beside it tell the truth on a loaded machine."""
    result = function()
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = function()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return Ms(statistics.median(walls), statistics.median(cpus)), result


class Ms:
    def __init__(self, wall: float, cpu: float):
        self.wall, self.cpu = wall, cpu

    def __format__(self, spec: str) -> str:
        return f"{format(self.wall, spec)} ms (cpu {self.cpu:.0f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--now", default="2026-12-01 10:00")
    args = parser.parse_args()
    now = dt.datetime.fromisoformat(args.now)
    engine = make_engine(args.db)
    Session = make_sessionmaker(engine)
    ensure_on_open(Session, print)
    with Session() as session:
        ctx = load_context(session, FixedClock(now))
        bounds = WarningBounds.at(ctx.calendar, now, ctx.settings.due_soon_days)
        ms, found = timed(lambda: worklists.warnings(session, bounds, limit=20))
        print(f"warnings (counts + first 20 per level): {ms:7.1f}   "
              + ", ".join(f"{f.level.name.lower()} {f.count}" for f in found))
        ms, found = timed(lambda: worklists.warnings(session, bounds, limit=None))
        print(f"warnings (every row, as --json):        {ms:7.1f}   {sum(len(f.rows) for f in found)} rows")
        sort = rq.RegisterSort()
        for level in WarningLevel:
            flt = rq.RegisterFilter(level=level)
            ms, rows = timed(lambda flt=flt: rq.page(session, ctx.calendar, bounds, flt, sort, 0, 200))
            cms, n = timed(lambda flt=flt: rq.count(session, flt, bounds))
            print(f"register, level {level.name.lower():<17} first page {ms:7.1f} ({len(rows)} rows); "
                  f"count {cms:7.1f} ({n})")
        for text in ("tran", "nguyen van", "0912"):
            flt = rq.RegisterFilter(text=text)
            ms, rows = timed(lambda flt=flt: rq.page(session, ctx.calendar, bounds, flt, sort, 0, 200))
            cms, n = timed(lambda flt=flt: rq.count(session, flt, bounds))
            print(f"register, search {text!r:<12} first page {ms:7.1f} ({len(rows)} rows); count {cms:7.1f} ({n})")
    sqlite3 = shutil.which("sqlite3")
    if sqlite3 and engine.dialect.name == "sqlite":
        horizon = bounds.soon_end.isoformat(sep=" ")
        codes = ",".join(str(c) for c in RUNNING_CODES)
        sql = (f"SELECT d.code, d.applicant_name, d.due_at FROM dossiers d WHERE d.status IN ({codes}) "
               f"AND (d.due_at < '{horizon}' OR d.apology_deadline_at < '{bounds.letter_tomorrow_end.isoformat(sep=' ')}')"
               " ORDER BY d.due_at;")
        times = []
        for _ in range(5):
            start = time.perf_counter()
            out = subprocess.run([sqlite3, engine.url.database, sql], capture_output=True, text=True, check=True)
            times.append(time.perf_counter() - start)
        print(f"sqlite3 CLI, same question (whole process): {statistics.median(times) * 1000:7.1f} ms   "
              f"{out.stdout.count(chr(10))} rows")


if __name__ == "__main__":
    main()

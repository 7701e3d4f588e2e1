"""Benchmark of the register core on a big register. Prints its figures; asserts nothing.

    .venv/bin/python tests/bench/bench_register.py                 # 1,000,000 dossiers in a temp file
    .venv/bin/python tests/bench/bench_register.py --count 100000
    .venv/bin/python tests/bench/bench_register.py --db sqlite:////tmp/r.sqlite3 --reuse

Targets (issue 2, 2-core machine): demo --count 1000000 ≤ 90 s; classify every
open dossier ≤ 200 ms; open dossiers due within 3 working days, by due date
≤ 20 ms; folded name search, first 50 ≤ 20 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import func, select  # noqa: E402

from app import worklists  # noqa: E402
from app.clock import FixedClock  # noqa: E402
from app.context import load_context  # noqa: E402
from app.deadlines import WarningBounds  # noqa: E402
from app.demo import generate  # noqa: E402
from app.lifecycle import OPEN  # noqa: E402
from db import migrate  # noqa: E402
from db.engine import make_engine, make_sessionmaker  # noqa: E402
from db.models import Dossier  # noqa: E402

NOW = dt.datetime(2026, 11, 25, 9, 0)


def timed(function, repeat: int = 7) -> tuple[float, object]:
    """Median wall time in ms over ``repeat`` warm runs (after one warm-up)."""
    result = function()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--db", help="SQLAlchemy URL (default: a temporary SQLite file)")
    parser.add_argument("--reuse", action="store_true", help="do not fill the register, measure what is there")
    args = parser.parse_args()

    url = args.db or f"sqlite:///{Path(tempfile.mkdtemp(prefix='motcua-bench-')) / 'bench.sqlite3'}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    Session = make_sessionmaker(engine)
    clock = FixedClock(NOW)
    print(f"register: {engine.url.render_as_string(hide_password=True)}")

    if not args.reuse:
        with Session.begin() as session:
            ctx = load_context(session, clock)
            start = time.perf_counter()
            result = generate(session, ctx.calendar, NOW, args.count, seed=1)
        seconds = time.perf_counter() - start
        print(f"demo fill: {result.dossiers:,} dossiers, {result.events:,} events, {result.letters:,} letters "
              f"in {seconds:.1f} s ({result.dossiers / seconds:,.0f} dossiers/s)   [target ≤ 90 s for 1M]")

    with Session() as session:
        ctx = load_context(session, clock)
        total = session.scalar(select(func.count()).select_from(Dossier))
        open_count = session.scalar(select(func.count()).select_from(Dossier)
                                    .where(Dossier.status.in_([int(s) for s in OPEN])))
        print(f"register holds {total:,} dossiers, {open_count:,} open ({open_count / total:.1%})")

        bounds = WarningBounds.at(ctx.calendar, NOW, ctx.settings.due_soon_days)
        ms, levels = timed(lambda: worklists.classify_open(session, bounds))
        print(f"classify every open dossier into its warning level: {ms:.1f} ms ({len(levels):,} dossiers)"
              f"   [target ≤ 200 ms]")

        ms, rows = timed(lambda: worklists.due_within(session, ctx.calendar, NOW, 3))
        print(f"open dossiers due within 3 working days, by due date: {ms:.1f} ms ({len(rows):,} rows)"
              f"   [target ≤ 20 ms]")

        for query in ("dang van duc", "nguyen thi lan", "tran"):
            ms, ids = timed(lambda: worklists.search_ids(session, query, 50))
            print(f"folded search “{query}”, first 50: {ms:.1f} ms ({len(ids)} found)   [target ≤ 20 ms]")

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()

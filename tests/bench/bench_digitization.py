"""Benchmark of the digitization figures on a big demo register. Prints its figures; asserts nothing.

    .venv/bin/python tests/bench/bench_digitization.py                  # 1,000,000 dossiers in a temp file
    .venv/bin/python tests/bench/bench_digitization.py --count 100000
    .venv/bin/python tests/bench/bench_digitization.py --db sqlite:////tmp/r.sqlite3 --reuse

Every figure is one or two SQL aggregates (no Python loop over the register):
the per-unit rates for a month and for the whole year, the weekly trend of
the year, the gap counts by cause (what the Today page shows: month to date),
and the first 500 dossiers with gaps (the page's list).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import func, select  # noqa: E402

from app import digitization  # noqa: E402
from app.clock import FixedClock  # noqa: E402
from app.context import load_context  # noqa: E402
from app.demo import generate  # noqa: E402
from app.digitization import Period, percent_vi  # noqa: E402
from db import migrate  # noqa: E402
from db.engine import make_engine, make_sessionmaker  # noqa: E402
from db.models import Dossier  # noqa: E402

NOW = dt.datetime(2026, 11, 25, 9, 0)


def timed(function, repeat: int = 5) -> tuple[float, object]:
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
    if not args.reuse:
        with Session.begin() as session:
            ctx = load_context(session, clock)
            start = time.perf_counter()
            generate(session, ctx.calendar, NOW, args.count, seed=1)
        print(f"demo fill: {args.count:,} dossiers in {time.perf_counter() - start:.1f} s")

    with Session() as session:
        ctx = load_context(session, clock)
        total = session.scalar(select(func.count()).select_from(Dossier))
        print(f"register holds {total:,} dossiers")
        month = digitization.period_or_default(ctx, None, None)
        year = Period(NOW.date() - dt.timedelta(days=365), NOW.date())
        for name, period in (("month to date", month), ("last 365 days", year)):
            for by in ("unit", "field", "officer"):
                ms, report = timed(lambda: digitization.rates(session, ctx, period, by))
                print(f"rates per {by:<7} {name}: {ms:7.1f} ms  ({len(report.rows)} rows; office "
                      f"{percent_vi(report.total.digitization_rate)} of {report.total.handled:,} handled, "
                      f"{report.total.received:,} received)")
        ms, weeks = timed(lambda: digitization.weekly_trend(session, year))
        print(f"weekly trend, last 365 days:     {ms:7.1f} ms  ({len(weeks)} weeks)")
        ms, counts = timed(lambda: digitization.gap_counts(session, ctx))
        print(f"gap counts month to date:        {ms:7.1f} ms  ({counts.dossiers:,} dossiers: {counts.by_rule})")
        ms, counts = timed(lambda: digitization.gap_counts(session, ctx, year.start, year.end))
        print(f"gap counts last 365 days:        {ms:7.1f} ms  ({counts.dossiers:,} dossiers)")
        ms, gaps = timed(lambda: digitization.gap_list(session, ctx, limit=500))
        print(f"gap list month to date, 500:     {ms:7.1f} ms  ({gaps.total:,} in all)")
        ms, gaps = timed(lambda: digitization.gap_list(session, ctx, year.start, year.end, cause="result", limit=500))
        print(f"gap list 365 days, one cause:    {ms:7.1f} ms  ({gaps.total:,} in all)")


if __name__ == "__main__":
    main()

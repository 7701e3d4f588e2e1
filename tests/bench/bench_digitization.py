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

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import func, select  # noqa: E402

from app import digitization  # noqa: E402
from app.clock import FixedClock  # noqa: E402
from app.context import load_context  # noqa: E402
from app.measures import Period, percent_text  # noqa: E402
from db.models import Dossier  # noqa: E402
from tests.bench.common import bench_register, register_arguments, timed  # noqa: E402

NOW = dt.datetime(2026, 11, 25, 9, 0)


def main() -> None:
    args = register_arguments(__doc__)
    _url, Session = bench_register(args, NOW)
    clock = FixedClock(NOW)

    with Session() as session:
        ctx = load_context(session, clock)
        total = session.scalar(select(func.count()).select_from(Dossier))
        print(f"register holds {total:,} dossiers")
        month = digitization.period_or_default(ctx, None, None)
        year = Period(NOW.date() - dt.timedelta(days=365), NOW.date())
        for name, period in (("month to date", month), ("last 365 days", year)):
            for by in ("unit", "field", "officer"):
                ms, report = timed(lambda period=period, by=by: digitization.rates(session, ctx, period, by))
                print(f"rates per {by:<7} {name}: {ms:7.1f} ms  ({len(report.rows)} rows; office "
                      f"{percent_text(report.total.digitization_rate)} of {report.total.handled:,} handled, "
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

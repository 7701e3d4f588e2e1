"""Benchmark of the register core on a big register. Prints its figures; asserts nothing.

    .venv/bin/python tests/bench/bench_register.py                 # 1,000,000 dossiers in a temp file
    .venv/bin/python tests/bench/bench_register.py --count 100000
    .venv/bin/python tests/bench/bench_register.py --db sqlite:////tmp/r.sqlite3 --reuse

Targets (issue 2, 2-core machine): demo --count 1000000 ≤ 90 s; classify every
open dossier ≤ 200 ms; open dossiers due within 3 working days, by due date
≤ 20 ms; folded name search, first 50 ≤ 20 ms.
"""

from __future__ import annotations

import datetime as dt
import resource
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import func, select  # noqa: E402

from app import worklists  # noqa: E402
from app.clock import FixedClock  # noqa: E402
from app.context import load_context  # noqa: E402
from app.deadlines import WarningBounds  # noqa: E402
from app.lifecycle import OPEN  # noqa: E402
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
            ms, ids = timed(lambda query=query: worklists.search_ids(session, query, 50))
            print(f"folded search “{query}”, first 50: {ms:.1f} ms ({len(ids)} found)   [target ≤ 20 ms]")

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()

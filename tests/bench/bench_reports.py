"""Benchmark of the reports on a big register. Prints its figures; asserts nothing.

    .venv/bin/python tests/bench/bench_reports.py                               # fills 1,000,000 dossiers first
    .venv/bin/python tests/bench/bench_reports.py --db sqlite:////tmp/r.sqlite3 --reuse

Targets (issue 6): the end-of-day workbook ≤ 2 s; a one-year period summary (Biểu II.06a) ≤ 3 s.
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import func, select  # noqa: E402

from app.clock import FixedClock  # noqa: E402
from app.context import load_context  # noqa: E402
from app.measures import Period  # noqa: E402
from app.rates import rates, summary, weekly  # noqa: E402
from app.reports.daily import daily_report  # noqa: E402
from app.reports.period import logbook, period_report  # noqa: E402
from db.models import Dossier  # noqa: E402
from tests.bench.common import bench_register, register_arguments  # noqa: E402

NOW = dt.datetime(2026, 11, 25, 16, 0)


CPU: list[float] = []


def timed(function, repeat: int = 3) -> tuple[float, float, object]:
    """(cold ms, median warm ms, result): the first run, then the median of ``repeat`` more.

    The CPU time of the warm runs is kept too: on a shared machine the wall time includes
    waiting for a core, the CPU time does not.
    """
    start = time.perf_counter()
    result = function()
    cold = (time.perf_counter() - start) * 1000
    times, cpu = [], []
    for _ in range(repeat):
        start, cpu_start = time.perf_counter(), time.process_time()
        result = function()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - cpu_start) * 1000)
    CPU[:] = [statistics.median(cpu)]
    return cold, statistics.median(times), result


def main() -> None:
    args = register_arguments(__doc__)
    url, Session = bench_register(args, NOW.replace(hour=9))
    clock = FixedClock(NOW)
    with Session() as session:
        ctx = load_context(session, clock)
        total = session.scalar(select(func.count(Dossier.id)))
        print(f"register: {total:,} dossiers ({url})")
        year = Period(dt.date(2025, 11, 26), dt.date(2026, 11, 25))
        month = Period.month_to_date(NOW.date())

        def show(label, cold, warm, target=None, extra=""):
            aim = f"   target ≤ {target} ms" if target else ""
            print(f"{label:<44} cold {cold:7.0f} ms  warm {warm:7.0f} ms  cpu {CPU[0]:7.0f} ms{aim}{extra}")

        cold, warm, report = timed(lambda: daily_report(session, ctx))
        c = report.counts
        show("end-of-day workbook (10 sheets)", cold, warm, 2000,
             f"\n{'':<48} {len(report.workbook.content) / 1024:.0f} KiB; received {c.received}, returned {c.returned},"
             f" due soon {c.due_soon}, apology {c.apology}, late {c.late}, letters {c.letters}, "
             f"gaps {c.digitization_gaps}")
        cold, warm, result = timed(lambda: summary(session, year, NOW))
        show("one-year II.06a summary by unit", cold, warm, 3000, f"  ({result.total.received:,} on hand)")
        cold, warm, _ = timed(lambda: summary(session, year, NOW, "field"))
        show("one-year II.06a summary by field", cold, warm)
        cold, warm, _ = timed(lambda: summary(session, year, NOW, "officer"))
        show("one-year II.06a summary by officer", cold, warm)
        cold, warm, _ = timed(lambda: rates(session, year, ctx.settings, NOW))
        show("one-year plan rates", cold, warm)
        cold, warm, _ = timed(lambda: period_report(session, ctx, year))
        show("one-year period workbook (II.06a + rates)", cold, warm)
        cold, warm, _ = timed(lambda: weekly(session, Period(dt.date(2026, 9, 28), NOW.date())))
        show("week-by-week series, 9 weeks", cold, warm)
        cold, warm, _ = timed(lambda: summary(session, month, NOW))
        show("month-to-date II.06a summary", cold, warm)
        cold, warm, book = timed(lambda: logbook(session, ctx, month), repeat=1)
        show("logbook workbook, month to date", cold, warm, extra=f"  ({len(book.content) / 1024:.0f} KiB)")
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
          f"({os.cpu_count()} cores; other work on the machine inflates the wall times)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main()

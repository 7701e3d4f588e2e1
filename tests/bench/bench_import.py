"""Benchmark of the dossier import. Prints its figures; asserts nothing.

    .venv/bin/python tests/bench/bench_import.py                 # 100,000 rows
    .venv/bin/python tests/bench/bench_import.py --count 20000

Targets (issue 7): a 100,000-row .xlsx export into an empty register ≤ 15 s;
the same file re-imported unchanged ≤ 15 s. Also shown: a file in which every
dossier changed (phone, and status for most), written as updates plus events. The .xlsx is written once with
openpyxl's write-only mode and cached in the temp folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import func, select  # noqa: E402

from app.catalog import ensure_procedure, ensure_user  # noqa: E402
from app.clock import FixedClock  # noqa: E402
from app.context import load_context  # noqa: E402
from app.importing import service  # noqa: E402
from db import migrate  # noqa: E402
from db.engine import make_engine, make_sessionmaker  # noqa: E402
from db.models import Dossier, DossierEvent  # noqa: E402
from tests.support.import_files import PROCEDURES, dossier_rows, write_xlsx  # noqa: E402

NOW = dt.datetime(2026, 11, 25, 9, 0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--no-due", action="store_true", help="a file without due dates (computed on the calendar)")
    args = parser.parse_args()
    cache = Path(tempfile.gettempdir()) / f"motcua-bench-import-{args.count}{'-nodue' if args.no_due else ''}.xlsx"
    if not cache.exists():
        started = time.perf_counter()
        write_xlsx(cache, dossier_rows(args.count, with_due=not args.no_due))
        print(f"wrote {cache} ({cache.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")
    folder = Path(tempfile.mkdtemp(prefix="motcua-bench-import-"))
    os.environ["MOTCUA_DATA_DIR"] = str(folder)
    engine = make_engine(f"sqlite:///{folder / 'register.sqlite3'}")
    migrate.upgrade(engine)
    Session = make_sessionmaker(engine)
    clock = FixedClock(NOW)
    with Session.begin() as session:
        for code, name in PROCEDURES:
            ensure_procedure(session, code, name, "Hộ tịch", 3, "day", "partial")
        user = ensure_user(session, "bench")

    changed = cache.with_name(cache.stem + "-changed.xlsx")
    if not changed.exists():
        rows = dossier_rows(args.count, with_due=not args.no_due)
        for row in rows:
            row["phone"] = "0987654321"
            row["status"] = "Đang xử lý"
        write_xlsx(changed, rows)

    def run(label: str, path: Path = cache) -> None:
        started = time.perf_counter()
        with Session.begin() as session:
            ctx = load_context(session, clock, user)
            plan, result = service.import_dossiers(session, ctx, path)
        elapsed = time.perf_counter() - started
        print(f"{label:<32} {elapsed:6.2f} s   added {result.added:>7,}  updated {result.updated:>6,}  "
              f"unchanged {result.unchanged:>7,}  rejected {result.rejected}")

    started = time.perf_counter()
    with Session() as session:
        ctx = load_context(session, clock, user)
        plan = service.preview_dossiers(session, ctx, cache)
    print(f"{'preview (read + plan), empty':<32} {time.perf_counter() - started:6.2f} s   "
          f"{plan.added:,} to add")
    run(f"import {args.count:,} rows, empty")
    run("re-import unchanged")
    run("re-import, every row changed", changed)
    with Session() as session:
        dossiers = session.scalar(select(func.count()).select_from(Dossier))
        events = session.scalar(select(func.count()).select_from(DossierEvent))
        fts = session.connection().exec_driver_sql(
            "SELECT count(*) FROM dossier_fts WHERE dossier_fts MATCH 'duc'").scalar()
    print(f"register: {dossiers:,} dossiers, {events:,} events; FTS 'duc' matches {fts:,}")
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()

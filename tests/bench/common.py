"""What the register benchmarks share: the command line, a filled register, a median timer."""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy.orm import sessionmaker

from app.clock import FixedClock
from app.context import load_context
from app.demo import generate
from db import migrate
from db.engine import make_engine, make_sessionmaker


def register_arguments(description: str, extra=None) -> argparse.Namespace:
    """--count, --db, --reuse; ``extra(parser)`` adds a benchmark's own options."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--db", help="SQLAlchemy URL (default: a temporary SQLite file)")
    parser.add_argument("--reuse", action="store_true", help="do not fill the register, measure what is there")
    if extra is not None:
        extra(parser)
    return parser.parse_args()


def bench_register(args: argparse.Namespace, fill_at: dt.datetime) -> tuple[str, sessionmaker]:
    """Open (and migrate) the register; unless --reuse, fill it with demo dossiers received up to ``fill_at``."""
    url = args.db or f"sqlite:///{Path(tempfile.mkdtemp(prefix='motcua-bench-')) / 'bench.sqlite3'}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    Session = make_sessionmaker(engine)
    print(f"register: {engine.url.render_as_string(hide_password=True)}")
    if not args.reuse:
        with Session.begin() as session:
            ctx = load_context(session, FixedClock(fill_at))
            start = time.perf_counter()
            result = generate(session, ctx.calendar, fill_at, args.count, seed=1)
        seconds = time.perf_counter() - start
        print(f"demo fill: {result.dossiers:,} dossiers, {result.events:,} events, {result.letters:,} letters "
              f"in {seconds:.1f} s ({result.dossiers / seconds:,.0f} dossiers/s)   [target ≤ 90 s for 1M]")
    return url, Session


def timed(function, repeat: int = 5) -> tuple[float, object]:
    """Median wall time in ms over ``repeat`` warm runs (after one warm-up)."""
    result = function()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result

"""How fast letters print: ms per letter in a batch, and 500 letters in one PDF.

Targets (issue 4): ≤ 15 ms per letter in a batch; 500 letters into one PDF ≤ 10 s.
Prints figures; asserts nothing (timings belong to the machine, not the test suite).

    .venv/bin/python tests/bench/bench_letters.py [--letters 500] [--paper A5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("MOTCUA_DATA_DIR", tempfile.mkdtemp(prefix="motcua-bench-"))

from sqlalchemy import select  # noqa: E402

from app import letters  # noqa: E402
from app.clock import FixedClock  # noqa: E402
from app.context import load_context  # noqa: E402
from app.demo import generate  # noqa: E402
from app.printing import fonts  # noqa: E402
from app.printing.letter import render  # noqa: E402
from db import migrate  # noqa: E402
from db.engine import make_engine, make_sessionmaker  # noqa: E402
from db.models import ApologyLetter  # noqa: E402

NOW = dt.datetime(2026, 11, 25, 9, 0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=500)
    parser.add_argument("--paper", default="A5", choices=["A5", "A4"])
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="motcua-bench-letters-"))
    engine = make_engine(f"sqlite:///{folder / 'r.sqlite3'}")
    migrate.upgrade(engine)
    Session = make_sessionmaker(engine)
    clock = FixedClock(NOW)
    started = time.perf_counter()
    count = 2000
    while True:  # a demo register with at least the wanted number of issued letters
        with Session.begin() as session:
            ctx = load_context(session, clock)
            generate(session, ctx.calendar, NOW, count, seed=count)
            have = session.query(ApologyLetter).count()
        if have >= args.letters:
            break
        count = max(2000, int((args.letters - have) * 1.3 / max(have, 1) * count))
    print(f"register: {have} letters issued in the demo data ({time.perf_counter() - started:.1f} s to make)")

    family = fonts.discover()
    print(f"font: {family.family} ({family.files['regular']})")
    with Session() as session:
        ctx = load_context(session, clock)
        ids = list(session.scalars(select(ApologyLetter.id).order_by(ApologyLetter.id).limit(args.letters)))
        render([], args.paper)  # warm: fonts registered, template parsed, styles built

        started = time.perf_counter()
        data = [letters.issued_data(session, ctx, session.get(ApologyLetter, i)) for i in ids]
        gather = time.perf_counter() - started

        singles = []
        for item in data[:50]:
            t = time.perf_counter()
            render([item], args.paper)
            singles.append((time.perf_counter() - t) * 1000)

        started = time.perf_counter()
        pdf = render(data, args.paper)
        batch = time.perf_counter() - started

        started = time.perf_counter()
        end_to_end = letters.render_issued(session, ctx, ids, args.paper)
        whole = time.perf_counter() - started

    out = folder / f"letters-{len(ids)}.pdf"
    out.write_bytes(pdf)
    per_letter = batch * 1000 / len(ids)
    print(f"one letter alone ({args.paper}): median {statistics.median(singles):.1f} ms, "
          f"max {max(singles):.1f} ms over {len(singles)}")
    print(f"batch of {len(ids)} letters in one PDF: {batch:.2f} s = {per_letter:.1f} ms per letter "
          f"(target ≤ 15 ms) — {'OK' if per_letter <= 15 else 'OVER'}")
    print(f"  + reading them from the register: {gather * 1000 / len(ids):.1f} ms per letter")
    print(f"{len(ids)} letters from the register to one PDF (render_issued): {whole:.2f} s (target ≤ 10 s) — "
          f"{'OK' if whole <= 10 else 'OVER'}; {len(end_to_end) / 1e6:.1f} MB")
    print(f"PDF kept at {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

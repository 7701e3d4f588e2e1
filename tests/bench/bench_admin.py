"""Benchmark of accounts, the audit trail and backups on a big register. Prints figures; asserts nothing.

    .venv/bin/python tests/bench/bench_admin.py                  # 1,000,000 dossiers, 100,000 audit events
    .venv/bin/python tests/bench/bench_admin.py --count 100000 --events 20000

Figures: the demo fill with the audit listener installed (one summary event);
the cost the audit adds to one dossier action; verifying the hash chain;
the check on opening (header and schema: the same at any size) and SQLite's full check; writing and
verifying a backup; restoring it; one password hash.
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

from sqlalchemy import event, func, select  # noqa: E402

from app import accounts, dossiers  # noqa: E402
from app import audit as audit_view
from app.clock import FixedClock  # noqa: E402
from app.context import load_context  # noqa: E402
from app.demo import generate  # noqa: E402
from app.dossiers import NewDossier  # noqa: E402
from db import audit, backup, migrate  # noqa: E402
from db.engine import make_engine, make_sessionmaker  # noqa: E402
from db.models import AuditEvent  # noqa: E402

NOW = dt.datetime(2026, 11, 25, 9, 0)


def seconds(function) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--events", type=int, default=100_000, help="audit events to chain before verifying")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="motcua-bench-admin-"))
    path = folder / "bench.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    Session = make_sessionmaker(engine)
    clock = FixedClock(NOW)

    with Session.begin() as session:
        ctx = load_context(session, clock)
        took, _ = seconds(lambda: generate(session, ctx.calendar, NOW, args.count))
    print(f"demo fill, {args.count:,} dossiers, audit listener on: {took:.1f} s")

    took, password_hash = seconds(lambda: accounts.hash_password("Mật-khẩu-dài-1"))
    took_check, _ = seconds(lambda: accounts.check_password("Mật-khẩu-dài-1", password_hash))
    print(f"scrypt (n=2^14, r=8, p=1): hash {took * 1000:.0f} ms, check {took_check * 1000:.0f} ms")

    with Session.begin() as session:
        admin = accounts.create_first_admin(session, clock, "quantri", "Quản trị", "Mật-khẩu-dài-1").id

    def receive_many(n: int) -> list[float]:
        times = []
        for i in range(n):
            start = time.perf_counter()
            with Session.begin() as session:
                action_ctx = load_context(session, clock, admin)
                dossiers.receive(session, action_ctx, NewDossier("1.000894", f"Nguyễn Văn Thử {i}", received_at=NOW))
            times.append((time.perf_counter() - start) * 1000)
        return times

    with_audit = statistics.median(receive_many(200))
    event.remove(Session, "before_commit", audit._before_commit)
    without = statistics.median(receive_many(200))
    event.listen(Session, "before_commit", audit._before_commit)
    print(f"receive one dossier (own transaction, FULL sync): {with_audit:.1f} ms with audit, "
          f"{without:.1f} ms without → {with_audit - without:+.1f} ms")

    with Session.begin() as session:   # pad the chain to --events, in batches like many actions would
        have = session.scalar(select(func.count()).select_from(AuditEvent))
        rows = [("dossiers", str(i), "update", i, {"notes": ["", f"ghi chú {i}"]}) for i in range(args.events - have)]
        for start in range(0, len(rows), 5000):
            audit._append(session, rows[start:start + 5000])
    with Session() as session:
        took, report = seconds(lambda: audit_view.verify_chain(session))
        took_history, found = seconds(lambda: audit_view.history(session, dossier_id=12345))
    print(f"audit verify, {report.events:,} events: {took:.2f} s ({report.message[:40]}…)")
    print(f"history of one dossier among them: {took_history * 1000:.1f} ms ({len(found)} events)")
    engine.dispose()

    size = path.stat().st_size / 1_048_576
    took, problem = seconds(lambda: backup.structure_problem(path))
    print(f"check on opening (header, schema) of the {size:.0f} MB register: {took * 1000:.1f} ms ({problem or 'ok'})")
    took, problem = seconds(lambda: backup.integrity_problem(path))
    print(f"full integrity_check (backups, daily in the window, `check`): {took:.2f} s ({problem or 'ok'})")
    took, info = seconds(lambda: backup.make_backup(path, NOW))
    print(f"backup written with the online API and verified by integrity_check: {took:.2f} s")
    took, _ = seconds(lambda: backup.integrity_problem(info.path))
    print(f"  of which integrity_check alone: {took:.2f} s")
    took, _ = seconds(lambda: backup.restore(path, info.path, NOW + dt.timedelta(hours=1)))
    print(f"restore (backup of the current state first, then copy and check): {took:.2f} s")
    print(f"files in {folder}")


if __name__ == "__main__":
    main()

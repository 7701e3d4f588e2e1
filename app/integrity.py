"""SQLite's full check of the register, for the ``check`` command and the window (Công cụ › Kiểm tra sổ,
and once a day in the background).

It reads every page (seconds on a register of a million dossiers), so it is
never on the way to opening the register: opening checks only what costs the
same for any size (db/database.py), and damage a query meets later is turned
into the same report by the engine (db/engine.py). Found damage is raised as
``RegisterDamaged``, whose message names the newest backup that passes the
same check; the command line prints it and the window offers that restore.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app import report_days
from app.formatting import thousands
from db import backup
from db.damage import RegisterDamaged, RegisterUnavailable, damaged
from db.engine import sqlite_file
from db.models import Dossier

__all__ = ["CheckResult", "RegisterDamaged", "RegisterUnavailable", "full_check", "register_file"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CheckResult:
    path: Path | None      # the file checked; None for a shared server, which checks its own storage
    size: int              # bytes
    seconds: float
    days_repaired: int = 0  # per-day report counts found out of step with the dossiers, and rebuilt
    finished_before_received: int = 0          # dossiers whose result is dated before their receipt
    finished_before_received_codes: tuple[str, ...] = ()   # the first few of them

    def inverted_dates_sentence(self) -> str | None:
        """What the officer should know about dossiers finished before they were received, or None."""
        if not self.finished_before_received:
            return None
        more = ", …" if self.finished_before_received > len(self.finished_before_received_codes) else ""
        return (f"{thousands(self.finished_before_received)} hồ sơ có ngày có kết quả trước ngày tiếp nhận "
                f"({', '.join(self.finished_before_received_codes)}{more}): báo cáo theo kỳ có thể đếm lệch "
                "những hồ sơ này; hãy kiểm tra và sửa lại ngày.")


def register_file(Session: sessionmaker) -> Path | None:
    """The SQLite file behind the session factory (from the URL's database part), or None (a server)."""
    return sqlite_file(Session.kw["bind"])


def full_check(Session: sessionmaker) -> CheckResult:
    """SQLite's ``integrity_check`` over the whole register; raises ``RegisterDamaged`` when it finds damage."""
    path = register_file(Session)
    if path is None:
        return CheckResult(None, 0, 0.0)
    started = time.perf_counter()
    problem = backup.integrity_problem(path)
    if problem is not None:
        raise damaged(path, problem)
    # The pages are sound; are the reports' per-day counts what the dossiers say? (a second read of the
    # register, ~20 s at a million; rebuilt in one transaction when not)
    with Session.begin() as session:
        repaired = report_days.repair(session.connection())
        inverted, codes = _finished_before_received(session)
    if repaired:
        log.warning("Per-day report counts were out of step (%d rows); rebuilt from the dossiers", repaired)
    if inverted:
        log.warning("%d dossiers have a result dated before their receipt (%s)", inverted, ", ".join(codes))
    return CheckResult(path, path.stat().st_size, time.perf_counter() - started, repaired, inverted, codes)


def _finished_before_received(session: Session, examples: int = 5) -> tuple[int, tuple[str, ...]]:
    """Dossiers whose result predates their receipt. The forms and the import refuse them, but a register
    written by an older version or edited by hand may hold some, and the reports over a period count on
    there being none (app/rates.py, app/digitization.py: what a period did adds up to what is open at its
    end). One pass over the register, as the rest of the check."""
    inverted = Dossier.finished_at < Dossier.received_at
    count = int(session.scalar(select(func.count()).select_from(Dossier).where(inverted)) or 0)
    if not count:
        return 0, ()
    codes = session.scalars(select(Dossier.code).where(inverted).order_by(Dossier.id).limit(examples))
    return count, tuple(codes)

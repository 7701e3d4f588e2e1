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

from sqlalchemy.orm import sessionmaker

from app import report_days
from db import backup
from db.damage import RegisterDamaged, RegisterUnavailable, damaged
from db.engine import sqlite_file

__all__ = ["CheckResult", "RegisterDamaged", "RegisterUnavailable", "full_check", "register_file"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CheckResult:
    path: Path | None      # the file checked; None for a shared server, which checks its own storage
    size: int              # bytes
    seconds: float
    days_repaired: int = 0  # per-day report counts found out of step with the dossiers, and rebuilt


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
    if repaired:
        log.warning("Per-day report counts were out of step (%d rows); rebuilt from the dossiers", repaired)
    return CheckResult(path, path.stat().st_size, time.perf_counter() - started, repaired)

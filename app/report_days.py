"""Dossiers counted per day (table ``report_days``), kept up to date by triggers on ``dossiers``.

A report over a year of a million dossiers used to read ~900,000 rows and evaluate the II.06a
classes on each (2–4 s however the query was written: the engine's own floor). The facts that never
change once a day is over are counted per day instead, and app.rates adds up a year of days:

* kind 1, RECEIVED, on the receipt day: online? paid online? → ``code = online + 2 × paid``;
* kind 2, FINISHED, on the finishing day: the timing (early / on time / late: the one rule,
  app.rates.finish_timing_sql) and the result (none / a result / a result with components and result
  digitized) → ``code = timing × 3 + result``.

Each per unit, officer and procedure. What depends on "now" (which open dossiers are late) is still
read from the open dossiers themselves, which are few.

The triggers' SQL is compiled from the same SQLAlchemy expressions the reports use, so the counts
follow the rules; their names carry a digest of that SQL. ``ensure`` (at opening) finds the triggers in
place, or (first opening after migration 0012, a changed rule, triggers dropped by a table rebuild)
replaces them and rebuilds the table from the dossiers, in one transaction. ``ready`` tells a report
whether it may read the days; without them it counts the dossiers, as before.

SQLite only. On a shared PostgreSQL register every desk's save would lock the day row it adds to until it
commits: a review found a deadlock between an import (which holds the audit chain's lock while it goes on
writing dossiers) and a desk saving a dossier of the same day, unit, officer and procedure. PostgreSQL
counts the dossiers for every report, with its own parallel scan and hash aggregation; its
``report_days`` table stays empty.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from typing import Any, Callable

from sqlalchemy import Connection, Integer, case, func, literal_column, select, text
from sqlalchemy.dialects import sqlite
from sqlalchemy.sql.elements import ColumnElement

from db.bulk import begin_explicitly
from db.models import Dossier, ReportDay

RECEIVED, FINISHED = 1, 2
PREFIX = "report_days_"
TABLE = ReportDay.__tablename__
KEY = ("kind", "day", "unit_id", "officer_id", "procedure_id", "code")
# the columns the counts depend on: an UPDATE touching none of them leaves the days alone
WATCHED = ("received_at", "finished_at", "due_at", "status", "channel", "unit_id", "officer_id", "procedure_id",
           "paid_online", "digitized_components", "digitized_result")
_SQLITE = sqlite.dialect()


def split_received(code: int) -> tuple[bool, bool]:
    """(online, paid online) of a RECEIVED code."""
    return bool(code & 1), bool(code & 2)


def split_finished(code: int) -> tuple[int, int]:
    """(timing 1–3, result 0–2) of a FINISHED code."""
    return divmod(code, 3)


@dataclass(frozen=True)
class _Facts:
    """The key and code of one dossier's two counts, as SQL expressions over some row."""

    received_day: Any
    finished_day: Any
    unit_id: Any
    officer_id: Any
    procedure_id: Any
    received_code: Any
    finished_code: Any
    finished: Any          # condition: the dossier is finished (it has a FINISHED count)


def _facts(column: Callable[[str], Any]) -> _Facts:
    from app.rates import _day, finish_timing_sql, result_sql

    online = case((column("channel") == "online", 1), else_=0)
    paid = case((column("paid_online").is_(True), 2), else_=0)
    return _Facts(
        received_day=_day(column("received_at"), "sqlite"), finished_day=_day(column("finished_at"), "sqlite"),
        unit_id=func.coalesce(column("unit_id"), 0), officer_id=func.coalesce(column("officer_id"), 0),
        procedure_id=column("procedure_id"), received_code=online + paid,
        finished_code=finish_timing_sql("sqlite", column("finished_at"), column("due_at")) * 3 + result_sql(column),
        finished=column("finished_at").isnot(None))


def _sql(expression: ColumnElement) -> str:
    return str(expression.compile(dialect=_SQLITE, compile_kwargs={"literal_binds": True}))


def _row_facts(alias: str) -> _Facts:
    """The facts over a trigger's NEW or OLD row (typed as the columns, so booleans compile as SQLite's)."""
    return _facts(lambda name: literal_column(f"{alias}.{name}", Dossier.__table__.c[name].type))


def _values(facts: _Facts, kind: int) -> list[str]:
    day, code = ((facts.received_day, facts.received_code) if kind == RECEIVED
                 else (facts.finished_day, facts.finished_code))
    return [str(kind), *(_sql(e) for e in (day, facts.unit_id, facts.officer_id, facts.procedure_id, code))]


def _only_finished(facts: _Facts, kind: int) -> str:
    return "" if kind == RECEIVED else f" AND {_sql(facts.finished)}"


def _add(facts: _Facts, kind: int) -> str:
    kind_, day, unit, officer, procedure, code = _values(facts, kind)
    # "WHERE true": SQLite reads an ON after a bare SELECT as a join's
    return (f"INSERT INTO {TABLE} ({', '.join(KEY)}, n) SELECT {kind_}, {day}, {unit}, {officer}, {procedure}, "
            f"{code}, 1 WHERE true{_only_finished(facts, kind)} ON CONFLICT ({', '.join(KEY)}) DO UPDATE SET n = n + 1")


def _remove(facts: _Facts, kind: int) -> str:
    where = " AND ".join(f"{name} = {value}" for name, value in zip(KEY, _values(facts, kind)))
    return f"UPDATE {TABLE} SET n = n - 1 WHERE {where}{_only_finished(facts, kind)}"


@functools.cache
def _triggers() -> dict[str, str]:
    """The triggers of this version, name → CREATE statement; the name carries a digest of the SQL. Compiled
    once (~10 ms): every report asks whether the days are ready."""
    new, old = _row_facts("new"), _row_facts("old")
    add_new = [_add(new, RECEIVED), _add(new, FINISHED)]
    remove_old = [_remove(old, RECEIVED), _remove(old, FINISHED)]
    body = {"insert": add_new, "delete": remove_old, "update": remove_old + add_new}
    digest = hashlib.sha1(repr(body).encode()).hexdigest()[:10]
    events = {"insert": "INSERT", "delete": "DELETE", "update": f"UPDATE OF {', '.join(WATCHED)}"}
    return {f"{PREFIX}{digest}_{event}": f"CREATE TRIGGER {PREFIX}{digest}_{event} AFTER {events[event]} ON "
            f"dossiers BEGIN\n  " + ";\n  ".join(statements) + ";\nEND" for event, statements in body.items()}


def _present(connection: Connection) -> set[str]:
    return set(connection.execute(text(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'dossiers' "
        "AND substr(name, 1, :n) = :prefix"), {"n": len(PREFIX), "prefix": PREFIX}).scalars())


def kept_here(connection: Connection) -> bool:
    """Does this kind of database keep per-day counts? SQLite only (see the module's docstring)."""
    return connection.dialect.name == "sqlite"


def ready(connection: Connection) -> bool:
    """Are the days kept by the triggers of this version (so a report may read them)? One catalog read."""
    return kept_here(connection) and _present(connection) == set(_triggers())


def rebuild(connection: Connection) -> None:
    """Count every dossier again (in the caller's transaction)."""
    connection.execute(ReportDay.__table__.delete())
    for counted in _counted(connection):
        connection.execute(ReportDay.__table__.insert().from_select([*KEY, "n"], counted))


def _counted(connection: Connection, *conditions):
    """The two grouped selects (arrivals, finishings) that count the dossiers matching ``conditions``."""
    facts = _facts(lambda name: getattr(Dossier, name))
    for kind, day, code, where in ((RECEIVED, facts.received_day, facts.received_code, []),
                                   (FINISHED, facts.finished_day, facts.finished_code, [facts.finished])):
        yield (select(literal_column(str(kind), Integer).label("kind"), day.label("day"),
                      facts.unit_id.label("unit_id"), facts.officer_id.label("officer_id"),
                      facts.procedure_id.label("procedure_id"), code.label("code"), func.count().label("n"))
               .where(*conditions, *where).group_by(day, facts.unit_id, facts.officer_id, facts.procedure_id, code))


def pause_for_bulk_insert(connection: Connection) -> str | None:
    """SQLite bulk loads (demo, import): drop the insert trigger for the load, and count the new rows at
    the end with ``resume_after_bulk_insert`` in one grouped statement (a trigger per row cost a demo of
    100,000 dossiers 24 → 35 s). Only inserts may happen in between: the update and delete triggers stay,
    and an update of a row not yet counted would be counted twice. Returns the statement that puts the
    trigger back (None: nothing paused, PostgreSQL or no triggers). In the caller's transaction."""
    if not ready(connection):
        return None
    name, statement = next((name, statement) for name, statement in _triggers().items() if name.endswith("_insert"))
    connection.execute(text(f'DROP TRIGGER IF EXISTS "{name}"'))
    return statement


def resume_after_bulk_insert(connection: Connection, paused: str | None, first_id: int) -> None:
    """Count the dossiers inserted from ``first_id`` on, and put the insert trigger back."""
    if paused is None:
        return
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    for counted in _counted(connection, Dossier.id >= first_id):
        added = sqlite_insert(ReportDay).from_select([*KEY, "n"], counted)
        connection.execute(added.on_conflict_do_update(index_elements=list(KEY),
                                                       set_={"n": ReportDay.n + added.excluded.n}))
    connection.execute(text(paused))


def ensure(connection: Connection) -> bool:
    """Put the triggers of this version in place and rebuild the days if they were not; True if it did.

    In the caller's transaction, which it begins for real first on SQLite: the old triggers, the new ones
    and the counts commit together or not at all.
    """
    if not kept_here(connection) or ready(connection):
        return False
    driver = connection.connection.driver_connection
    assert driver is not None  # a live connection always has its DBAPI connection
    if not driver.in_transaction:
        # The write lock first, then look again: a desk opening while another builds the days waits for it
        # (up to the busy timeout) and finds them done, instead of failing to upgrade a read to a write.
        driver.execute("BEGIN IMMEDIATE")
        if ready(connection):
            return False
    drop(connection)
    for statement in _triggers().values():
        connection.execute(text(statement))
    rebuild(connection)
    return True


def drop(connection: Connection) -> None:
    """Remove the triggers (of any version); the counts stay until the next ``ensure`` rebuilds them."""
    if not kept_here(connection):
        return
    for name in _present(connection):
        connection.execute(text(f'DROP TRIGGER IF EXISTS "{name}"'))


def out_of_step(connection: Connection) -> int:
    """How many day rows (kind, day, unit, officer, procedure, code) differ from a count of the dossiers now
    (0: in step). Reads the whole register."""
    from sqlalchemy import union_all

    # each side a plain SELECT from a subquery: SQLite takes no parentheses around the parts of an EXCEPT
    stored = select(*(ReportDay.__table__.c[name] for name in (*KEY, "n"))).where(ReportDay.n != 0).subquery()
    counted = union_all(*_counted(connection)).subquery()
    wrong: set[tuple] = set()   # the keys whose count differs (a changed row shows on both sides)
    for one, other in ((counted, stored), (stored, counted)):
        # as text: the stored day comes back as a date, the counted one (substr on SQLite) as a string
        differing = connection.execute(select(*one.c).except_(select(*other.c)))
        wrong.update(tuple(map(str, row[:len(KEY)])) for row in differing)
    return len(wrong)


def repair(connection: Connection) -> int:
    """For the full check of the register: the days put back in step if they are not (triggers dropped by
    hand, a row edited outside the application). Returns the day rows that were wrong (0: none)."""
    if not kept_here(connection):
        return 0
    if ensure(connection):
        return max(1, int(connection.scalar(select(func.count()).select_from(ReportDay)) or 0))
    wrong = out_of_step(connection)
    if wrong:
        begin_explicitly(connection)
        rebuild(connection)
    return wrong


def ensure_on_open(Session, say: Callable[[str], None] | None = None) -> bool:
    """At opening (CLI command or window): the per-day counts in place, built once after migration 0012."""
    with Session() as session:
        connection = session.connection()
        if not kept_here(connection) or ready(connection):
            return False
    with Session.begin() as session:
        connection = session.connection()
        if say is not None:
            total = session.scalar(select(func.count()).select_from(Dossier)) or 0
            if total > 100_000:
                say(f"Đang lập số liệu theo ngày cho báo cáo từ {total:,} hồ sơ (chỉ một lần)…".replace(",", "."))
        return ensure(connection)

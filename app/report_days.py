"""Dossiers counted per day (tables ``report_days`` and ``digitization_days``), kept up to date by
triggers on ``dossiers``.

A report over a year of a million dossiers used to read ~900,000 rows and evaluate the II.06a
classes on each (2–4 s however the query was written: the engine's own floor). The facts that never
change once a day is over are counted per day instead, and app.rates adds up a year of days:

* kind 1, RECEIVED, on the receipt day: online? paid online? → ``code = online + 2 × paid``;
* kind 2, FINISHED, on the finishing day: the timing (early / on time / late: the one rule,
  app.rates.finish_timing_sql) and the result (none / a result / a result with components and result
  digitized) → ``code = timing × 3 + result``.

``digitization_days`` has the same two kinds without a code: how many dossiers (``n``) and, column by
column, how many of them count towards each digitization figure (app.digitization_rules.tallies_sql);
app.digitization adds those up.

Each per unit, officer and procedure. What depends on "now" (which open dossiers are late) is still
read from the open dossiers themselves, which are few.

The triggers' SQL is compiled from the same SQLAlchemy expressions the reports use, so the counts
follow the rules; their names carry a digest of that SQL, and an UPDATE fires them only when it touches
a column they read. ``ensure`` (at opening) finds the triggers in
place, or (first opening after migration 0012, a changed rule, triggers dropped by a table rebuild)
replaces them and rebuilds both tables from the dossiers, in one transaction. ``ready`` tells a report
whether it may read the days; without them it counts the dossiers, as before.

SQLite only. On a shared PostgreSQL register every desk's save would lock the day row it adds to until it
commits: a review found a deadlock between an import (which holds the audit chain's lock while it goes on
writing dossiers) and a desk saving a dossier of the same day, unit, officer and procedure. PostgreSQL
counts the dossiers for every report, with its own parallel scan and hash aggregation; both tables
stay empty.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from sqlalchemy import Connection, Integer, Table, case, func, literal_column, or_, select, text, union_all
from sqlalchemy.dialects import sqlite
from sqlalchemy.sql.elements import ColumnElement

from app.measures import Period
from db.bulk import begin_explicitly
from db.models import PER_DAY_TABLES, DigitizationDay, Dossier, ReportDay

RECEIVED, FINISHED = 1, 2
PREFIX = "report_days_"
TABLES: tuple[Table, ...] = PER_DAY_TABLES
_SQLITE = sqlite.dialect()


def split_received(code: int) -> tuple[bool, bool]:
    """(online, paid online) of a RECEIVED code."""
    return bool(code & 1), bool(code & 2)


def split_finished(code: int) -> tuple[int, int]:
    """(timing 1–3, result 0–2) of a FINISHED code."""
    return divmod(code, 3)


@dataclass(frozen=True)
class _Count:
    """One kind of count in one table, as SQL expressions over some dossier row: the row it adds to (kind,
    day, unit, officer, procedure, and in report_days the code) and what it adds (1 to ``n``, and to each
    figure of digitization_days what the dossier counts for)."""

    table: Table
    kind: int
    key: tuple[tuple[str, Any], ...]     # column → value, the table's primary key in order
    figures: tuple[tuple[str, Any], ...]  # column → what one dossier adds (n: 1)
    only_if: Any | None                  # condition for being counted at all (FINISHED: has finished)


def _counts(column: Callable[[str], Any]) -> tuple[_Count, ...]:
    from app.digitization_rules import tallies_sql
    from app.rates import _day, finish_timing_sql, result_sql

    online = case((column("channel") == "online", 1), else_=0)
    paid = case((column("paid_online").is_(True), 2), else_=0)
    finished = column("finished_at").isnot(None)
    days = {RECEIVED: _day(column("received_at"), "sqlite"), FINISHED: _day(column("finished_at"), "sqlite")}
    codes = {RECEIVED: online + paid,
             FINISHED: finish_timing_sql("sqlite", column("finished_at"), column("due_at")) * 3 + result_sql(column)}
    group = (("unit_id", func.coalesce(column("unit_id"), 0)), ("officer_id", func.coalesce(column("officer_id"), 0)),
             ("procedure_id", column("procedure_id")))
    tallies = tuple(tallies_sql(column, procedure=False).items())
    counts = []
    for kind in (RECEIVED, FINISHED):
        head = (("kind", literal_column(str(kind), Integer)), ("day", days[kind]), *group)
        only_if = finished if kind == FINISHED else None
        counts.append(_Count(ReportDay.__table__, kind, (*head, ("code", codes[kind])),
                             (("n", literal_column("1", Integer)),), only_if))
        counts.append(_Count(DigitizationDay.__table__, kind, head,
                             (("n", literal_column("1", Integer)), *tallies), only_if))
    return tuple(counts)


def _sql(expression: ColumnElement) -> str:
    return str(expression.compile(dialect=_SQLITE, compile_kwargs={"literal_binds": True}))


def _row_counts(alias: str, read: set[str]) -> tuple[_Count, ...]:
    """The counts over a trigger's NEW or OLD row (typed as the columns, so booleans compile as SQLite's);
    the names of the columns they read are added to ``read``."""
    def column(name: str):
        read.add(name)
        return literal_column(f"{alias}.{name}", Dossier.__table__.c[name].type)
    return _counts(column)


def _only_if(count: _Count) -> str:
    return "" if count.only_if is None else f" AND {_sql(count.only_if)}"


def _add(count: _Count) -> str:
    keys = [name for name, _ in count.key]
    names = ", ".join([*keys, *(name for name, _ in count.figures)])
    values = ", ".join(_sql(value) for _, value in (*count.key, *count.figures))
    adds = ", ".join(f"{name} = {name} + excluded.{name}" for name, _ in count.figures)
    # "WHERE true": SQLite reads an ON after a bare SELECT as a join's
    return (f"INSERT INTO {count.table.name} ({names}) SELECT {values} WHERE true{_only_if(count)} "
            f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {adds}")


def _remove(count: _Count) -> str:
    takes = ", ".join(f"{name} = {name} - {_sql(value)}" for name, value in count.figures)
    where = " AND ".join(f"{name} = {_sql(value)}" for name, value in count.key)
    return f"UPDATE {count.table.name} SET {takes} WHERE {where}{_only_if(count)}"


@functools.cache
def _compiled() -> tuple[dict[str, str], tuple[str, ...]]:
    """The triggers of this version, name → CREATE statement (the name carries a digest of the SQL), and
    the dossier columns they read. Compiled once (~10 ms): every report asks whether the days are ready."""
    read: set[str] = set()
    new, old = _row_counts("new", read), _row_counts("old", read)
    add_new = [_add(count) for count in new]
    remove_old = [_remove(count) for count in old]
    body = {"insert": add_new, "delete": remove_old, "update": remove_old + add_new}
    digest = hashlib.sha1(repr(body).encode()).hexdigest()[:10]
    # an UPDATE touching none of the columns read leaves the days alone
    watched = tuple(name for name in Dossier.__table__.c.keys() if name in read)
    events = {"insert": "INSERT", "delete": "DELETE", "update": f"UPDATE OF {', '.join(watched)}"}
    return ({f"{PREFIX}{digest}_{event}": f"CREATE TRIGGER {PREFIX}{digest}_{event} AFTER {events[event]} ON "
             f"dossiers BEGIN\n  " + ";\n  ".join(statements) + ";\nEND" for event, statements in body.items()},
            watched)


def _triggers() -> dict[str, str]:
    return _compiled()[0]


def watched() -> tuple[str, ...]:
    """The dossier columns the counts depend on."""
    return _compiled()[1]


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


DAYS_FROM = 6   # days after the first: a period of a week or more reads the per-day counts


def worth_reading(connection: Connection, period: Period, as_of: dt.datetime, wide: bool) -> bool:
    """Should figures over ``period``, judged at ``as_of``, be read from the days (app.rates, app.digitization)?

    A week or more (or much of the register, ``wide``) that runs to now, with the days kept (measured at
    1M: a month 0.42 → 0.32 s of CPU, a week 0.32 → 0.25, a year 2.7 → 0.4); a single day is quicker from
    its index slices, and a past period would leave too many of its dossiers to count one by one.
    """
    return ((wide or period.end - period.start >= dt.timedelta(days=DAYS_FROM)) and as_of < period.end_bound
            and ready(connection))


def rebuild(connection: Connection) -> None:
    """Count every dossier again (in the caller's transaction)."""
    for table in TABLES:
        connection.execute(table.delete())
    for count, counted in _counted():
        connection.execute(count.table.insert().from_select(_columns(count), counted))


def _columns(count: _Count) -> list[str]:
    return [name for name, _ in (*count.key, *count.figures)]


def _counted(*conditions) -> Iterator[tuple[_Count, Any]]:
    """Each count with the grouped select that counts the dossiers matching ``conditions`` into it."""
    for count in _counts(lambda name: getattr(Dossier, name)):
        keys = [value.label(name) for name, value in count.key]
        figures = [(func.count() if name == "n" else func.sum(value)).label(name) for name, value in count.figures]
        only_if = [] if count.only_if is None else [count.only_if]
        yield count, select(*keys, *figures).where(*conditions, *only_if).group_by(*(v for _, v in count.key))


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

    for count, counted in _counted(Dossier.id >= first_id):
        added = sqlite_insert(count.table).from_select(_columns(count), counted)
        connection.execute(added.on_conflict_do_update(
            index_elements=[name for name, _ in count.key],
            set_={name: count.table.c[name] + added.excluded[name] for name, _ in count.figures}))
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
    """How many day rows (of either table) differ from a count of the dossiers now (0: in step). Reads the
    whole register once per count: each count and the stored rows (subtracted) are added up per key, and
    the keys left with a figure other than 0 are the wrong ones."""
    wrong = 0
    for count, counting in _counted():
        table = count.table
        keys = [name for name, _ in count.key]
        figures = [name for name, _ in count.figures]
        counted = counting.subquery()
        stored = table.select().where(table.c.kind == count.kind).subquery()
        both = union_all(select(*(counted.c[name] for name in keys + figures)),
                         select(*(stored.c[name] for name in keys), *(-stored.c[name] for name in figures))
                         ).subquery()
        differing = (select(*(both.c[name] for name in keys)).group_by(*(both.c[name] for name in keys))
                     .having(or_(*(func.sum(both.c[name]) != 0 for name in figures))))
        wrong += int(connection.scalar(select(func.count()).select_from(differing.subquery())) or 0)
    return wrong


def repair(connection: Connection) -> int:
    """For the full check of the register: the days put back in step if they are not (triggers dropped by
    hand, a row edited outside the application). Returns the day rows that were wrong (0: none)."""
    if not kept_here(connection):
        return 0
    if ensure(connection):
        return max(1, sum(int(connection.scalar(select(func.count()).select_from(table)) or 0) for table in TABLES))
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

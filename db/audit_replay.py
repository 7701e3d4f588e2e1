"""``audit verify --deep``: the audited tables rebuilt from the trail's old → new values, compared with
their rows as they are now.

The chain proves the trail was not rewritten; it says nothing of the tables themselves, which a file
writer can change without touching the trail. Every change the app makes to an audited table is an
event with the row's values (db/audit.py), so replaying the events row by row gives what each row must
hold now; a row that differs, a row the trail says exists but is gone, and a row the trail never saw
are what was changed behind the app's back.

What the trail does not hold row by row, and how it is treated:
- the demo generator's rows (one ``bulk-insert`` summary per run, with the id range of its dossiers):
  those dossiers, their letters and supplement periods are counted, not compared;
- ``demo-remove`` (one summary): a demo row of the trail that is gone is not a finding;
- columns derived from others (the search text, the folded names, the version counter, ``updated_at``,
  the stored apology deadline recomputed from the calendar) are not compared;
- ``bulk-update``/``bulk-delete`` events of older versions (only the SQL was kept): the table's
  findings are said to be possibly theirs.

Memory: the dossiers (the one big table) are read in id order in batches with their events (by the
``(dossier_id, id)`` index), so only one batch is held at a time; the other tables are small.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from typing import Any, Iterator, Sequence

from sqlalchemy import Table, and_, select
from sqlalchemy.orm import Session

from db.audit import AUDITED_TABLES, SECRET_MARK, SKIPPED_COLUMNS, _value
from db.models import AuditEvent, Base

# Derived or bookkeeping columns: recomputed by the app without an event of their own.
DERIVED_COLUMNS = SKIPPED_COLUMNS | {"updated_at", "apology_deadline_at"}
BATCH = 5000
GONE = None   # a row's replayed state after its delete event


@dataclass(frozen=True)
class Finding:
    table: str
    key: str
    kind: str                     # "changed" | "deleted" | "inserted"
    fields: tuple[tuple[str, Any, Any], ...] = ()   # (column, per the trail, in the table) for "changed"
    values: tuple[tuple[str, Any], ...] = ()        # a few values naming the row (code, name…)


@dataclass
class DeepCheck:
    rows: int = 0                 # rows compared
    bulk_rows: int = 0            # demo rows whose values the trail does not hold (counted only)
    older_rows: int = 0           # rows created before the trail's first event (counted only)
    findings: list[Finding] = field(default_factory=list)
    found: int = 0                # all findings (the list keeps the first ``limit``)
    bulk_sql: dict[str, int] = field(default_factory=dict)   # table → first SQL-only bulk event

    def add(self, finding: Finding, limit: int) -> None:
        self.found += 1
        if len(self.findings) < limit:
            self.findings.append(finding)


@dataclass
class _Bulk:
    trail_began: Any = None                                        # the first event's moment
    ranges: list[tuple[int, int]] = field(default_factory=list)   # dossier ids [first, end) of demo runs
    removed: bool = False                                          # a demo removal happened
    removed_names: dict[str, set[str]] = field(default_factory=dict)

    def covers(self, dossier_id: Any) -> bool:
        return isinstance(dossier_id, int) and any(a <= dossier_id < b for a, b in self.ranges)


NAMING = {"dossiers": ("code", "applicant_name"), "users": ("username", "full_name"), "units": ("code", "name"),
          "procedures": ("code", "name"), "apology_letters": ("number_text", "dossier_id"),
          "calendar_overrides": ("day", "note"), "settings": ("key",), "supplement_periods": ("dossier_id",),
          "office": ("name",)}


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


@functools.cache
def _compared(table: Table) -> tuple[str, ...]:
    return tuple(c.key for c in table.columns if c.key not in DERIVED_COLUMNS)


def _key_of(table: Table, row) -> str:
    return ",".join(str(getattr(row, c.key)) for c in table.primary_key.columns)


def _apply(state: dict | None, action: str, changes: str) -> dict | None:
    values = json.loads(changes or "{}")
    if action == "delete":
        return GONE
    if action == "insert" or state is None:
        state = {}
    for column, pair in values.items():
        if isinstance(pair, list) and len(pair) == 2:
            state[column] = pair[1]
    return state


def _current(table: Table, row) -> dict:
    return {key: _value(key, getattr(row, key)) for key in _compared(table)}


def _differences(state: dict, current: dict) -> tuple[tuple[str, Any, Any], ...]:
    return tuple((column, expected, current[column]) for column, expected in sorted(state.items())
                 if column in current and expected != current[column])


def _naming(table: str, values: dict) -> tuple[tuple[str, Any], ...]:
    return tuple((name, values.get(name)) for name in NAMING.get(table, ()) if values.get(name) not in (None, ""))


def _summaries(session: Session, result: DeepCheck) -> _Bulk:
    bulk = _Bulk(trail_began=session.connection().scalar(select(AuditEvent.at).order_by(AuditEvent.id).limit(1)))
    rows = session.connection().execute(select(AuditEvent.id, AuditEvent.table_name, AuditEvent.action,
                                               AuditEvent.changes)
                           .where(AuditEvent.action.in_(("bulk-insert", "demo-remove", "bulk-update",
                                                         "bulk-delete"))).order_by(AuditEvent.id))
    for event_id, table, action, changes in rows:
        values = {k: (v[1] if isinstance(v, list) and len(v) == 2 else v)
                  for k, v in json.loads(changes or "{}").items()}
        if action == "bulk-insert" and isinstance(values.get("first_id"), int):
            count = values.get("demo_dossiers") or 0
            bulk.ranges.append((values["first_id"], values["first_id"] + int(count)))
        elif action == "demo-remove":
            bulk.removed = True
            for name in ("units", "procedures", "users"):
                listed = {part.strip() for part in str(values.get(name) or "").split(",") if part.strip()}
                bulk.removed_names.setdefault(name, set()).update(listed)
        else:
            result.bulk_sql.setdefault(table, event_id)
    return bulk


def _excused_gone(table: str, state: dict, bulk: _Bulk) -> bool:
    """A row the trail has that is gone, explained by a demo removal (which deletes without an event per row)."""
    if not bulk.removed:
        return False
    if state.get("demo") is True:
        return True
    if table in ("dossiers",):
        return False
    if table in ("apology_letters", "supplement_periods"):
        return bulk.covers(state.get("dossier_id"))
    name = state.get("username") if table == "users" else state.get("code")
    return name in bulk.removed_names.get(table, set())


def _compare(result: DeepCheck, table: Table, key: str, state: dict | None, row, bulk: _Bulk, limit: int,
             demo_dossier: bool = False) -> None:
    name = table.name
    if row is None:
        if state is GONE or state is None or _excused_gone(name, state, bulk) \
                or (demo_dossier and bulk.removed) or set(state.values()) == {SECRET_MARK}:
            return   # (a secret "setting" kept in the keyring, e.g. the SMTP password, has no row)
        result.add(Finding(name, key, "deleted", values=_naming(name, state)), limit)
        return
    current = _current(table, row)
    if state is None or state is GONE:
        if demo_dossier or (name in ("apology_letters", "supplement_periods", "ratings")
                            and bulk.covers(current.get("dossier_id"))):
            result.bulk_rows += 1
            return
        created = getattr(row, "created_at", None)
        if state is None and created is not None and bulk.trail_began is not None and created < bulk.trail_began:
            result.older_rows += 1   # written before this register had an audit trail (migration 0003)
            return
        result.rows += 1
        result.add(Finding(name, key, "inserted", values=_naming(name, current)), limit)
        return
    result.rows += 1
    differences = _differences(state, current)
    if differences:
        result.add(Finding(name, key, "changed", differences, _naming(name, {**state, **current})), limit)


def _small_tables(session: Session, result: DeepCheck, names: list[str], bulk: _Bulk, limit: int) -> None:
    """The tables other than dossiers: their events in one pass over the trail, their rows in memory."""
    states: dict[str, dict[str, dict | None]] = {name: {} for name in names}
    events = session.connection().execute(
        select(AuditEvent.table_name, AuditEvent.row_key, AuditEvent.action, AuditEvent.changes)
        .where(AuditEvent.table_name.in_(names), AuditEvent.action.in_(("insert", "update", "delete")))
        .order_by(AuditEvent.id))
    for name, key, action, changes in events:
        table_states = states[name]
        table_states[key] = _apply(table_states.get(key), action, changes)
    for name in names:
        table = _table(name)
        rows = {}
        for row in session.connection().execute(select(table)):
            key = _key_of(table, row)
            if name == "settings" and key.startswith("_"):
                continue   # the register's own bookkeeping, never audited
            rows[key] = row
        for key in sorted(set(states[name]) | set(rows)):
            _compare(result, table, key, states[name].get(key), rows.get(key), bulk, limit)


def _dossier_batches(session: Session) -> Iterator[tuple[int, int, Sequence[Any]]]:
    """(after, upto, rows): the dossiers with after < id <= upto, in id order, a batch at a time; the last
    batch reaches every id (events of dossiers deleted after the newest row)."""
    table = _table("dossiers")
    after = 0
    while True:
        rows = session.connection().execute(select(table).where(table.c.id > after).order_by(table.c.id)
                                            .limit(BATCH)).all()
        if not rows:
            yield after, 2**31 - 1, []   # the largest INTEGER of PostgreSQL
            return
        upto = rows[-1].id
        yield after, upto, rows
        after = upto


def _dossiers(session: Session, result: DeepCheck, bulk: _Bulk, limit: int) -> None:
    table = _table("dossiers")
    for after, upto, rows in _dossier_batches(session):
        states: dict[int, dict | None] = {}
        events = session.connection().execute(
            select(AuditEvent.dossier_id, AuditEvent.action, AuditEvent.changes)
            .where(and_(AuditEvent.dossier_id > after, AuditEvent.dossier_id <= upto),
                   AuditEvent.table_name == "dossiers", AuditEvent.action.in_(("insert", "update", "delete")))
            .order_by(AuditEvent.dossier_id, AuditEvent.id))
        for dossier_id, action, changes in events:
            if dossier_id is not None:
                states[dossier_id] = _apply(states.get(dossier_id), action, changes)
        by_id = {row.id: row for row in rows}
        for dossier_id in sorted(set(states) | set(by_id)):
            row = by_id.get(dossier_id)
            demo = bulk.covers(dossier_id)
            _compare(result, table, str(dossier_id), states.get(dossier_id), row, bulk, limit, demo_dossier=demo)


def deep_check(session: Session, limit: int = 200) -> DeepCheck:
    """Every audited table against the trail (read-only); the first ``limit`` findings listed, all counted."""
    result = DeepCheck()
    bulk = _summaries(session, result)
    _dossiers(session, result, bulk, limit)
    _small_tables(session, result, sorted(AUDITED_TABLES - {"dossiers"}), bulk, limit)
    return result


__all__ = ["deep_check", "DeepCheck", "Finding"]

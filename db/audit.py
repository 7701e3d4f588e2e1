"""The audit trail: every change to the audited tables, chained by SHA-256.

Why a Session listener rather than calls in each feature: features are being
written in parallel (letters, imports, settings pages...). An ``after_flush``
listener on the session factory sees every ORM insert, update and delete of the
audited models, with old and new values, whoever wrote the feature; an
``do_orm_execute`` listener notes ORM bulk UPDATE/DELETE statements. Only raw
driver inserts (db/bulk.py, used by the demo generator and big imports) go
around it: those callers add one summary event with ``record``.

Each event's hash covers its own content and the previous event's hash, so
editing or deleting an event (or inserting one) behind the app's back breaks
the chain at that point, and ``verify`` names the first broken event. Removing
the newest events leaves a shorter valid chain: compare the event count with a
backup to see that.

Events are collected at each flush and written just before the transaction
commits, stamped with the acting user and time in ``session.info`` (set by
``app.context.load_context`` and by ``app.permissions.acting_user``, which
every dossier action and permission check calls); a rolled-back transaction
leaves no event. This layer never reads the wall clock unless nobody said
what time it is.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import hashlib
import json
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from db import locks
from db.models import AuditEvent

GENESIS = "0" * 64
AUDITED_TABLES = frozenset({"dossiers", "apology_letters", "supplement_periods", "settings", "calendar_overrides",
                            "users", "office", "units", "procedures", "ratings"})
# Derived or bookkeeping columns: recording them adds noise, not information.
SKIPPED_COLUMNS = frozenset({"search_text", "applicant_name_folded", "name_folded", "version"})
# Never write these in clear, not even hashed again: only the fact that they changed.
SECRET_COLUMNS = frozenset({"password_hash"})
SECRET_MARK = "***"
USER_KEY = "audit_user_id"
CLOCK_KEY = "audit_clock"
PENDING_KEY = "audit_pending"


def _plain(value):
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return _plain(value.value)
    if isinstance(value, decimal.Decimal):
        return str(value)
    return str(value)


def _value(column: str, value):
    if column in SECRET_COLUMNS:
        return SECRET_MARK if value else ""
    return _plain(value)


def event_hash(event_id: int, at: dt.datetime, user_id: int | None, table_name: str, row_key: str, action: str,
               dossier_id: int | None, changes: str, prev_hash: str) -> str:
    payload = json.dumps([event_id, at.isoformat(), user_id, table_name, row_key, action, dossier_id, changes,
                          prev_hash], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _now(session: Session) -> dt.datetime:
    clock = session.info.get(CLOCK_KEY)
    return clock.now() if clock is not None else dt.datetime.now()


def _append(session: Session, rows: list[tuple[str, str, str, int | None, dict]]) -> None:
    """rows: (table, row_key, action, dossier_id, changes). Written on the session's own connection,
    inside its transaction: the events commit or roll back with the change they describe."""
    if not rows:
        return
    connection = session.connection()
    locks.serialize(connection, locks.AUDIT_CHAIN)  # desks sharing a server: one link at a time
    last = connection.execute(select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).first()
    next_id, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    at = _now(session).replace(microsecond=0)
    user_id = session.info.get(USER_KEY)
    values = []
    for table, key, action, dossier_id, changes in rows:
        text = json.dumps(changes, ensure_ascii=False, sort_keys=True)
        digest = event_hash(next_id, at, user_id, table, key, action, dossier_id, text, prev)
        values.append({"id": next_id, "at": at, "user_id": user_id, "table_name": table, "row_key": key,
                       "action": action, "dossier_id": dossier_id, "changes": text, "prev_hash": prev,
                       "hash": digest})
        next_id, prev = next_id + 1, digest
    connection.execute(AuditEvent.__table__.insert(), values)


def _row(obj) -> tuple[str, str, int | None] | None:
    table = getattr(obj, "__tablename__", None)
    if table not in AUDITED_TABLES:
        return None
    if table == "settings" and str(getattr(obj, "key", "")).startswith("_"):
        return None  # the register's own bookkeeping ("_deadlines_calendar"), derived and recomputable
    state = inspect(obj)
    # After the flush the primary key is known even for new rows (state.identity is set only later).
    key = ",".join(str(part) for part in state.mapper.primary_key_from_instance(obj))
    if table == "dossiers":
        dossier_id = getattr(obj, "id", None)
    else:
        dossier_id = getattr(obj, "dossier_id", None)
    return table, key, dossier_id


def _columns(obj):
    return [attr for attr in inspect(obj).mapper.column_attrs if attr.key not in SKIPPED_COLUMNS]


def _after_flush(session: Session, _flush_context) -> None:
    rows = []
    for obj in session.new:
        where = _row(obj)
        if where:
            changes = {a.key: [None, _value(a.key, getattr(obj, a.key))] for a in _columns(obj)}
            rows.append((where[0], where[1], "insert", where[2], changes))
    for obj in session.dirty:
        where = _row(obj)
        if not where:
            continue
        state = inspect(obj)
        changes = {}
        for attr in _columns(obj):
            history = state.attrs[attr.key].history
            if history.added or history.deleted:
                old = history.deleted[0] if history.deleted else None
                new = history.added[0] if history.added else None
                if old != new:
                    changes[attr.key] = [_value(attr.key, old), _value(attr.key, new)]
        if changes:
            rows.append((where[0], where[1], "update", where[2], changes))
    for obj in session.deleted:
        where = _row(obj)
        if where:
            changes = {a.key: [_value(a.key, getattr(obj, a.key)), None] for a in _columns(obj)}
            rows.append((where[0], where[1], "delete", where[2], changes))
    _pending(session, rows)


def _pending(session: Session, rows: list) -> None:
    """Keep rows until commit, tagged with the (possibly nested) transaction that made them."""
    transaction = session.get_nested_transaction() or session.get_transaction()
    session.info.setdefault(PENDING_KEY, []).extend((transaction, row) for row in rows)


def _before_commit(session: Session) -> None:
    session.flush()   # what commit would flush next must be in the events too
    rows = session.info.pop(PENDING_KEY, None)
    if rows:
        _append(session, [row for _, row in rows])


def _inside(transaction, ancestor) -> bool:
    while transaction is not None:
        if transaction is ancestor:
            return True
        transaction = transaction.parent
    return False


def _after_rollback(session: Session, previous_transaction) -> None:
    """A rolled-back transaction or savepoint leaves no event for what it undid."""
    rows = session.info.get(PENDING_KEY)
    if rows:
        session.info[PENDING_KEY] = [(t, row) for t, row in rows if not _inside(t, previous_transaction)]


def _on_orm_execute(state) -> None:
    if not (state.is_update or state.is_delete):
        return
    mapper = state.bind_mapper
    table = mapper.local_table.name if mapper is not None else ""
    if table not in AUDITED_TABLES:
        return
    try:
        sql = str(state.statement.compile(compile_kwargs={"literal_binds": True}))
    except Exception:  # noqa: BLE001 - some values cannot be rendered literally; the shape still helps
        sql = str(state.statement)
    _pending(state.session, [(table, "", "bulk-update" if state.is_update else "bulk-delete", None,
                              {"sql": [None, sql]})])


def install(factory: sessionmaker) -> None:
    """Audit every session this factory makes."""
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "do_orm_execute", _on_orm_execute)
    event.listen(factory, "before_commit", _before_commit)
    event.listen(factory, "after_soft_rollback", _after_rollback)


def set_actor(session: Session, user_id: int | None, clock=None) -> None:
    session.info[USER_KEY] = user_id
    if clock is not None:
        session.info[CLOCK_KEY] = clock


def set_clock(session: Session, clock) -> None:
    session.info[CLOCK_KEY] = clock


def record(session: Session, table: str, action: str, changes: dict, row_key: str = "",
           dossier_id: int | None = None) -> None:
    """One event for work done around the ORM (bulk inserts of a demo or an import)."""
    _pending(session, [(table, row_key, action, dossier_id, {k: [None, _plain(v)] for k, v in changes.items()})])


@dataclass(frozen=True)
class ChainCheck:
    intact: bool
    events: int
    broken_id: int | None = None
    problem: str = ""   # "hash" | "link" | "gap"


def verify(session: Session, batch: int = 5000) -> ChainCheck:
    """Walk the chain in id order; the first event whose content, link or number is wrong breaks it."""
    prev, expected_id, count = GENESIS, None, 0
    last_id = 0
    while True:
        rows = session.execute(
            select(AuditEvent.id, AuditEvent.at, AuditEvent.user_id, AuditEvent.table_name, AuditEvent.row_key,
                   AuditEvent.action, AuditEvent.dossier_id, AuditEvent.changes, AuditEvent.prev_hash,
                   AuditEvent.hash).where(AuditEvent.id > last_id).order_by(AuditEvent.id).limit(batch)).all()
        if not rows:
            return ChainCheck(True, count)
        for row in rows:
            if expected_id is not None and row.id != expected_id:
                return ChainCheck(False, count, row.id, "gap")
            if row.prev_hash != prev:
                return ChainCheck(False, count, row.id, "link")
            digest = event_hash(row.id, row.at, row.user_id, row.table_name, row.row_key, row.action,
                                row.dossier_id, row.changes, row.prev_hash)
            if digest != row.hash:
                return ChainCheck(False, count, row.id, "hash")
            prev, expected_id, count, last_id = row.hash, row.id + 1, count + 1, row.id


def iter_changes(text: str) -> Iterable[tuple[str, object, object]]:
    for field, value in sorted(json.loads(text or "{}").items()):
        old, new = value if isinstance(value, list) and len(value) == 2 else (None, value)
        yield field, old, new

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
the chain at that point, and ``verify`` names the first broken event. The hash
is an HMAC keyed by the office secret of the system keyring (db/audit_seal.py),
so whoever writes the file cannot recompute it; without a keyring it is plain
SHA-256, and ``verify`` says so. Removing the newest events leaves a shorter
chain that still links: the head written after each commit to a checkpoint
file, into every backup and into the end-of-day workbook finds that.

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
import hmac
import json
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from db import audit_seal, locks
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
HEAD_KEY = "audit_head"


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
               dossier_id: int | None, changes: str, prev_hash: str, seal: str | None = None,
               secret: bytes | None = None) -> str:
    """SHA-256 of the event (``seal`` None: the registers before migration 0010), or the HMAC of it and of
    the key's id by ``secret``.

    A sealed event's fields are length-prefixed rather than JSON-encoded: unambiguous all the same, and
    the ``changes`` text (JSON full of quotes) is not escaped a second time, which was most of the cost
    of verifying a long chain."""
    if seal is None:
        fields = [event_id, at.isoformat(), user_id, table_name, row_key, action, dossier_id, changes, prev_hash]
        payload = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()
    if secret is None:
        raise ValueError("a sealed event needs its key")
    parts = (str(event_id), at.isoformat(), "~" if user_id is None else str(user_id), table_name, row_key, action,
             "~" if dossier_id is None else str(dossier_id), changes, prev_hash, seal)
    payload = "".join(f"{len(part)}:{part};" for part in parts)
    return hmac.digest(secret, payload.encode("utf-8"), "sha256").hex()


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
    key = audit_seal.sealing_key()    # the office secret (created on the first write), or None: SHA-256
    seal, secret = key if key else (None, None)
    values = []
    for table, row_key, action, dossier_id, changes in rows:
        text = json.dumps(changes, ensure_ascii=False, sort_keys=True)
        digest = event_hash(next_id, at, user_id, table, row_key, action, dossier_id, text, prev, seal, secret)
        values.append({"id": next_id, "at": at, "user_id": user_id, "table_name": table, "row_key": row_key,
                       "action": action, "dossier_id": dossier_id, "changes": text, "prev_hash": prev,
                       "hash": digest, "seal": seal})
        next_id, prev = next_id + 1, digest
    connection.execute(AuditEvent.__table__.insert(), values)
    session.info[HEAD_KEY] = (next_id - 1, prev, seal)


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
    if HEAD_KEY in session.info:   # the head as committed (a savepoint may have undone events appended in it)
        last = session.connection().execute(select(AuditEvent.id, AuditEvent.hash, AuditEvent.seal)
                                            .order_by(AuditEvent.id.desc()).limit(1)).first()
        session.info[HEAD_KEY] = tuple(last) if last else None


def _after_commit(session: Session) -> None:
    """The head just committed goes to the register's checkpoint file (db/audit_seal.py)."""
    head = session.info.pop(HEAD_KEY, None)
    if head is not None:
        audit_seal.write_checkpoint(session.get_bind().engine.url, audit_seal.signed_head(*head))


def _inside(transaction, ancestor) -> bool:
    while transaction is not None:
        if transaction is ancestor:
            return True
        transaction = transaction.parent
    return False


def _after_rollback(session: Session, previous_transaction) -> None:
    """A rolled-back transaction or savepoint leaves no event for what it undid."""
    if previous_transaction.parent is None:
        session.info.pop(HEAD_KEY, None)   # the events of this head were rolled back
    rows = session.info.get(PENDING_KEY)
    if rows:
        session.info[PENDING_KEY] = [(t, row) for t, row in rows if not _inside(t, previous_transaction)]


def _on_orm_execute(state):
    """An ORM bulk UPDATE or DELETE of an audited table (``update(Dossier).where(…)``, a unit merge): one
    event per row it touched, with the old and new values, as for a change made through the objects, so
    ``audit verify --deep`` can replay it. Read before and after the statement, in its transaction."""
    if not (state.is_update or state.is_delete):
        return None
    mapper = state.bind_mapper
    table = mapper.local_table if mapper is not None else None
    if table is None or table.name not in AUDITED_TABLES:
        return None
    where = state.statement.whereclause
    if isinstance(state.parameters, list) or len(table.primary_key.columns) != 1:
        _pending(state.session, [(table.name, "", "bulk-update" if state.is_update else "bulk-delete", None,
                                  {"sql": [None, _sql(state.statement)]})])
        return None
    pk = next(iter(table.primary_key.columns))
    columns = [c for c in table.columns if c.key not in SKIPPED_COLUMNS]
    query = select(*columns)
    if where is not None:
        query = query.where(where)
    session = state.session
    before = {getattr(row, pk.key): row for row in session.execute(query)}
    result = state.invoke_statement()
    rows = []
    if state.is_delete:
        for key, row in before.items():
            rows.append(_bulk_row(table.name, key, row, "delete",
                                  {c.key: [_value(c.key, getattr(row, c.key)), None] for c in columns}))
    else:
        keys = list(before)
        for start in range(0, len(keys), 500):
            for row in session.execute(select(*columns).where(pk.in_(keys[start:start + 500]))):
                old = before[getattr(row, pk.key)]
                changes = {c.key: [_value(c.key, getattr(old, c.key)), _value(c.key, getattr(row, c.key))]
                           for c in columns if getattr(old, c.key) != getattr(row, c.key)}
                if changes:
                    rows.append(_bulk_row(table.name, getattr(row, pk.key), row, "update", changes))
    _pending(session, [row for row in rows if row])
    return result


def _bulk_row(table: str, key, row, action: str, changes: dict) -> tuple:
    if table == "settings" and str(key).startswith("_"):
        return ()
    dossier_id = getattr(row, "id", None) if table == "dossiers" else getattr(row, "dossier_id", None)
    return (table, str(key), action, dossier_id, changes)


def _sql(statement) -> str:
    try:
        return str(statement.compile(compile_kwargs={"literal_binds": True}))
    except Exception:  # noqa: BLE001 - some values cannot be rendered literally; the shape still helps
        return str(statement)


def install(factory: sessionmaker) -> None:
    """Audit every session this factory makes."""
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "do_orm_execute", _on_orm_execute)
    event.listen(factory, "before_commit", _before_commit)
    event.listen(factory, "after_commit", _after_commit)
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


def record_rows(session: Session, table: str, action: str, rows: Iterable[tuple[str, int | None, dict]]) -> None:
    """Events for rows written around the ORM row by row (an import's Core inserts and updates): each
    ``(row_key, dossier_id, {column: (old, new)})``, recorded as the listener records an ORM change, so
    ``audit verify --deep`` can replay them. Appended at once, in the caller's transaction (a big import
    never holds its events in memory until the commit)."""
    batch = []
    simple = (str, int, float, type(None))   # stored as they are (the common case: no conversion call)
    for key, dossier_id, changes in rows:
        batch.append((table, key, action, dossier_id, {
            column: [old if type(old) in simple and column not in SECRET_COLUMNS else _value(column, old),
                     new if type(new) in simple and column not in SECRET_COLUMNS else _value(column, new)]
            for column, (old, new) in changes.items() if column not in SKIPPED_COLUMNS}))
        if len(batch) >= 5000:
            _append(session, batch)
            batch = []
    _append(session, batch)


@dataclass(frozen=True)
class ChainCheck:
    intact: bool
    events: int
    broken_id: int | None = None
    problem: str = ""   # "hash" | "link" | "gap" | "unsealed"
    sealed: int = 0     # events whose HMAC was checked with the office key
    unchecked: int = 0  # sealed events whose key this machine does not keep: only their links were checked
    missing_key: str | None = None   # the id of that key
    head: audit_seal.Head | None = None   # the newest event that checked


def verify(session: Session, batch: int = 5000) -> ChainCheck:
    """Walk the chain in id order; the first event whose content, link or number is wrong breaks it.

    A sealed event is checked with the key of its ``seal`` (the content of an event sealed by a key this
    machine does not keep cannot be checked: counted in ``unchecked``). An unsealed (SHA-256) event after
    a sealed one is what a forger without the key would write: it breaks the chain ("unsealed").
    Streams the events in batches: memory stays flat whatever the length of the chain."""
    prev, expected_id, count = GENESIS, None, 0
    last_id = 0
    sealed = unchecked = 0
    missing: str | None = None
    secrets: dict[str, bytes | None] = {}
    seen_seal = False
    head: audit_seal.Head | None = None
    connection = session.connection()   # Core rows: the ORM's loading costs more than the hashing
    while True:
        rows = connection.execute(
            select(AuditEvent.id, AuditEvent.at, AuditEvent.user_id, AuditEvent.table_name, AuditEvent.row_key,
                   AuditEvent.action, AuditEvent.dossier_id, AuditEvent.changes, AuditEvent.prev_hash,
                   AuditEvent.hash, AuditEvent.seal).where(AuditEvent.id > last_id).order_by(AuditEvent.id)
            .limit(batch)).all()
        if not rows:
            return ChainCheck(True, count, sealed=sealed, unchecked=unchecked, missing_key=missing, head=head)

        for row in rows:
            problem = _problem(row, prev, expected_id, seen_seal)
            if row.seal is not None:
                seen_seal = True
                if row.seal not in secrets:
                    secrets[row.seal] = audit_seal.secret_for(row.seal)
                secret = secrets[row.seal]
                if secret is None:
                    unchecked, missing = unchecked + 1, row.seal
                elif not problem:
                    sealed += 1
                    problem = _wrong_hash(row, row.seal, secret)
            elif not problem:
                problem = _wrong_hash(row, None, None)
            if problem:
                return ChainCheck(False, count, row.id, problem, sealed, unchecked, missing, head)
            prev, expected_id, count, last_id = row.hash, row.id + 1, count + 1, row.id
            head = audit_seal.Head(row.id, row.hash, row.seal)


def _problem(row, prev: str, expected_id: int | None, seen_seal: bool) -> str:
    if expected_id is not None and row.id != expected_id:
        return "gap"
    if row.prev_hash != prev:
        return "link"
    if row.seal is None and seen_seal:
        return "unsealed"
    return ""


def _wrong_hash(row, seal: str | None, secret: bytes | None) -> str:
    digest = event_hash(row.id, row.at, row.user_id, row.table_name, row.row_key, row.action, row.dossier_id,
                        row.changes, row.prev_hash, seal, secret)
    return "" if hmac.compare_digest(digest, row.hash) else "hash"


@dataclass(frozen=True)
class HeadCheck:
    """The chain against a head kept elsewhere: "ok", "missing" (the chain stops before the head: newest
    events deleted), "differs" (the event at that number is another one: rewritten), or "mac" (the
    head itself was altered)."""

    outcome: str
    head: audit_seal.Head
    current_last: int


def check_head(session: Session, head: audit_seal.Head) -> HeadCheck:
    last = session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1)) or 0
    if audit_seal.head_mac_problem(head) == "mac":
        return HeadCheck("mac", head, last)
    stored = session.scalar(select(AuditEvent.hash).where(AuditEvent.id == head.event))
    if stored is None:
        return HeadCheck("missing" if head.event > last else "differs", head, last)
    return HeadCheck("ok" if hmac.compare_digest(stored, head.hash) else "differs", head, last)


def chain_head(session: Session) -> audit_seal.Head | None:
    """The newest event's head, signed with its key when this machine keeps it."""
    row = session.execute(select(AuditEvent.id, AuditEvent.hash, AuditEvent.seal)
                          .order_by(AuditEvent.id.desc()).limit(1)).first()
    return audit_seal.signed_head(row.id, row.hash, row.seal) if row else None


def iter_changes(text: str) -> Iterable[tuple[str, object, object]]:
    for field, value in sorted(json.loads(text or "{}").items()):
        old, new = value if isinstance(value, list) and len(value) == 2 else (None, value)
        yield field, old, new

"""Moving a desk's register into an empty shared database (``move-register``).

Every table of the models is copied row for row, in foreign-key order, with
its ids, inside one transaction on the target: the audit chain keeps its ids
and hashes, so ``audit verify`` on the target checks the very same chain. The
source is only read. Afterwards the counts of every table and the chain are
checked on the target; PostgreSQL's id sequences are moved past the copied ids.
The per-day report counts are derived data: not copied, rebuilt from the dossiers
when the application first opens the target (app.report_days).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from sqlalchemy import Engine, func, select, text

from db import audit, migrate
from db.engine import make_sessionmaker
from db.models import PER_DAY_TABLES, Base

BATCH = 5000
DERIVED = {table.name for table in PER_DAY_TABLES}   # counted again from the dossiers on the target, never copied


def _tables():
    return [table for table in Base.metadata.sorted_tables if table.name not in DERIVED]


class MoveRefused(Exception):
    """The target is not an empty register, or the copy did not check out (message in Vietnamese)."""


@dataclass(frozen=True)
class MoveResult:
    counts: dict[str, int]
    audit_events: int
    audit_intact: bool


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                for table in _tables()}


def move(source: Engine, target: Engine, progress: Callable[[str, int], None] | None = None) -> MoveResult:
    if migrate.current_revision(source) != migrate.head_revision():
        raise MoveRefused("Sổ nguồn chưa ở phiên bản cấu trúc mới nhất; hãy mở nó bằng ứng dụng một lần trước.")
    migrate.upgrade(target)
    busy = {name: n for name, n in _counts(target).items() if n}
    if busy:
        raise MoveRefused("Cơ sở dữ liệu đích không trống (" + ", ".join(f"{k}: {v}" for k, v in busy.items())
                          + "); chỉ chuyển sổ vào một cơ sở dữ liệu mới.")
    expected = _counts(source)
    with source.connect() as reading, target.begin() as writing:
        for table in _tables():
            order = list(table.primary_key.columns)
            result = reading.execution_options(yield_per=BATCH).execute(select(table).order_by(*order))
            copied = 0
            for rows in result.partitions():
                writing.execute(table.insert(), [dict(row._mapping) for row in rows])
                copied += len(rows)
                if progress:
                    progress(table.name, copied)
        if writing.dialect.name == "postgresql":
            _advance_sequences(writing)
    got = _counts(target)
    if got != expected:
        different = {k: (expected[k], got.get(k)) for k in expected if expected[k] != got.get(k)}
        raise MoveRefused(f"Số bản ghi sau khi chép không khớp: {different}.")
    with make_sessionmaker(target)() as session:
        check = audit.verify(session)
    if not check.intact or check.events != expected.get("audit_events", 0):
        raise MoveRefused(f"Nhật ký thay đổi trên máy chủ không nguyên vẹn (sự kiện {check.broken_id}, "
                          f"{check.problem}); sổ nguồn không bị thay đổi.")
    return MoveResult(got, check.events, check.intact)


def _advance_sequences(connection) -> None:
    """Rows were copied with their ids: the next id a desk takes must come after them."""
    for table in Base.metadata.sorted_tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not pk[0].autoincrement or pk[0].type.python_type is not int:
            continue
        sequence = connection.scalar(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                     {"t": table.name, "c": pk[0].name})
        if sequence:
            connection.execute(text("SELECT setval(:s, COALESCE((SELECT max(" + pk[0].name + ") FROM "
                                    + table.name + "), 0) + 1, false)"), {"s": sequence})



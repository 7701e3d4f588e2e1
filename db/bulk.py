"""Fast bulk inserts for big loads (demo registers, imports).

On SQLite the rows go straight to the driver's ``executemany`` as tuples,
after the dialect's own bind processors, so what is stored is exactly what the
ORM would store; SQLAlchemy's per-parameter bookkeeping would otherwise cost
more than SQLite itself. Other databases take the ordinary Core insert.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, Date, DateTime, Table, insert


def _fast(column_type):
    """C-speed formatting that yields SQLAlchemy's SQLite storage format byte for byte
    ("2026-11-25 09:00:00.000000", "2026-11-25"); tests/db/test_bulk.py holds it to that."""
    if isinstance(column_type, DateTime) and not column_type.timezone:
        return lambda value: value.isoformat(" ", "microseconds")
    if isinstance(column_type, Date):
        return dt.date.isoformat
    return None


def insert_rows(connection: Connection, table: Table, rows: list[dict]) -> None:
    if not rows:
        return
    if connection.dialect.name != "sqlite":
        connection.execute(insert(table), rows)
        return
    columns = list(rows[0])
    # dialect_impl: SQLite's own DATETIME/DATE/BOOLEAN, which format exactly as the ORM does.
    dialect = connection.dialect
    processors = [_fast(table.c[name].type) or table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
                  for name in columns]
    # Column by column: one comprehension per column and a C-level zip, not a generator per value.
    data = []
    for name, process in zip(columns, processors):
        column = [row[name] for row in rows]
        if process is not None:
            column = [None if value is None else process(value) for value in column]
        data.append(column)
    values = list(zip(*data))
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    driver = connection.connection.driver_connection
    assert driver is not None  # a live connection always has its DBAPI connection
    cursor = driver.cursor()
    try:
        cursor.executemany(sql, values)
    finally:
        cursor.close()


def begin_explicitly(connection: Connection) -> None:
    """Make sure the database transaction has really begun before what follows.

    pysqlite (in its default, legacy mode) sends BEGIN only before the first
    INSERT/UPDATE/DELETE and commits DDL on its own when no transaction is open:
    a ``DROP TRIGGER`` issued first would survive a crash that rolls back
    everything after it (PITFALLS.md). Bulk writers that change triggers call
    this first, so the trigger change commits or rolls back with their rows.
    PostgreSQL's DDL is transactional and SQLAlchemy has already begun there.
    """
    if connection.dialect.name != "sqlite":
        return
    driver = connection.connection.driver_connection
    assert driver is not None  # a live connection always has its DBAPI connection
    if not driver.in_transaction:
        driver.execute("BEGIN")


def advance_id_sequence(connection: Connection, table: Table) -> None:
    """After rows were inserted with explicit ids: PostgreSQL's id sequence must move past them,
    or the next ordinary insert takes an id already used. SQLite takes max(id)+1 by itself."""
    if connection.dialect.name != "postgresql":
        return
    from sqlalchemy import text

    pk = list(table.primary_key.columns)[0].name
    sequence = connection.scalar(text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": pk})
    if sequence:
        connection.execute(text(f"SELECT setval(:s, COALESCE((SELECT max({pk}) FROM {table.name}), 0) + 1, false)"),
                           {"s": sequence})

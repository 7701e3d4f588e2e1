"""Serialising the few things that must be counted one desk at a time.

On PostgreSQL several desks write at once; the audit chain (each event links to
the previous one) and the yearly letter numbers (gap-free) are read-then-write,
so two transactions must not read the same "last" value. A transaction-scoped
advisory lock does that: it is held until commit or rollback and costs one
round trip. SQLite already lets only one writer in at a time: nothing to do.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

AUDIT_CHAIN = 0x4D43_0001          # "MC" + 1
DOSSIER_CODES = 0x4D43_0002
LETTER_NUMBERS = 0x4D43_1000_0000  # + the year


def serialize(connection: Connection, key: int) -> None:
    """Wait until no other transaction holds ``key``; keep it until this transaction ends."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})

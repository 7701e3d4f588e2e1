"""Bring a register to the current schema, copying it first.

A fresh database migrates itself to head on start. An existing SQLite file
behind head is copied (SQLite's online backup API) before it is touched, so a
failed upgrade never costs the register.

A register already at head (every start but the first after an update) costs
one small query: its revision is read from ``alembic_version`` and compared
with the head found by reading the revision files' ``revision``/``down_revision``
lines, so Alembic itself is imported only when there is something to migrate.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path
from typing import Callable

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from db import backup
from db.engine import sqlite_file
from db.revisions import MIGRATIONS, head_revision

log = logging.getLogger(__name__)


def alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def current_revision(engine: Engine) -> str | None:
    """The register's revision (None for a database without the table): one indexed read, no Alembic."""
    with engine.connect() as connection:
        try:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except DBAPIError as error:
            if _missing_table(error):
                return None
            raise


def _missing_table(error: DBAPIError) -> bool:
    message = str(error.orig).lower()
    return "no such table" in message or "does not exist" in message or "undefinedtable" in message


def backup_sqlite(source: Path, target: Path) -> Path:
    """A consistent copy of a live SQLite file (kept for callers; db/backup.py is the one mechanism)."""
    return backup.copy_database(source, target)


def upgrade(engine: Engine, now: dt.datetime | None = None) -> str | None:
    """Migrate to head. Returns the path of the pre-migration copy, if one was made."""
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return None
    copy = None
    path = sqlite_file(engine)
    has_tables = bool(inspect(engine).get_table_names())
    if path is not None and path.exists() and has_tables:
        # The same verified backup as the daily one, kept in the backup folder (db/backup.py).
        copy = backup.make_backup(path, now or dt.datetime.now(), f"{backup.BEFORE_MIGRATION}-{current or 'goc'}",
                                  check_register=current is not None).path
        log.info("Copied the register to %s before migrating %s → %s", copy, current, head)
    from alembic import command

    config = alembic_config()
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            _upgrade_sqlite(connection, lambda: command.upgrade(config, "head"), config)
        else:   # PostgreSQL: transactional DDL, foreign keys checked as each statement runs
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
    return str(copy) if copy else None


class ForeignKeysBroken(RuntimeError):
    """A migration left rows pointing at nothing; it was rolled back."""


def _upgrade_sqlite(connection: Connection, run: Callable[[], None], config) -> None:
    """Every step in ONE transaction, with foreign keys off while tables are rebuilt, then checked.

    Two traps of SQLite, both met by a real register (a million dossiers) and neither by an empty one:
    - Batch mode rebuilds a table (copy, DROP, rename). With foreign keys on, SQLite runs an implicit
      DELETE for the DROP, scans every child row (minutes), and refuses as soon as a dossier refers to an
      officer or a unit: "FOREIGN KEY constraint failed". SQLite's own ALTER TABLE procedure switches
      them off for the rebuild and runs ``foreign_key_check`` before committing; so do we.
    - Python's sqlite3 begins a transaction only before INSERT/UPDATE/DELETE, so every CREATE TABLE
      before the first of them was committed on its own and a failed upgrade left ``_alembic_tmp_*``
      tables behind. Here the driver is told to leave transactions alone and BEGIN IMMEDIATE is said
      first: a failed upgrade leaves the register exactly as it was.
    """
    raw = connection.connection.driver_connection
    assert raw is not None
    previous = raw.isolation_level
    raw.isolation_level = None
    raw.execute("PRAGMA foreign_keys=OFF")   # a no-op inside a transaction: said before BEGIN
    try:
        with connection.begin():
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            _drop_leftover_batch_tables(connection)
            config.attributes["connection"] = connection
            before = _broken_references(connection)   # an old register's own, not the upgrade's doing
            run()
            added = _broken_references(connection) - before
            if added:
                raise ForeignKeysBroken(f"Nâng cấp sổ hồ sơ để lại {len(added)} dòng tham chiếu hỏng "
                                        f"(bảng {sorted(added)[0][0]}); đã hoàn tác, sổ giữ nguyên.")
    finally:
        try:
            raw.execute("PRAGMA foreign_keys=ON")
            raw.isolation_level = previous
        except sqlite3.Error:
            pass   # the connection was discarded (a kill, an interrupt): the next one sets its own pragmas


def _broken_references(connection: Connection) -> set[tuple]:
    return {tuple(row) for row in connection.exec_driver_sql("PRAGMA foreign_key_check")}


def _drop_leftover_batch_tables(connection: Connection) -> None:
    """Copies left by an older version's failed upgrade (the original table is still there)."""
    names = {row[0] for row in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for name in sorted(names):
        if name.startswith("_alembic_tmp_") and name.removeprefix("_alembic_tmp_") in names:
            log.warning("Dropping %s, left by an interrupted upgrade", name)
            connection.exec_driver_sql(f'DROP TABLE "{name}"')

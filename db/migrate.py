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
from pathlib import Path

from sqlalchemy import Engine, inspect, text
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

    from db.bulk import begin_explicitly

    config = alembic_config()
    with engine.begin() as connection:
        # One transaction for every step, DDL included (pysqlite would commit each CREATE on its own):
        # a first start killed half way leaves an empty file, not half a schema no later start can finish.
        begin_explicitly(connection)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return str(copy) if copy else None

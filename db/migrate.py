"""Bring a register to the current schema, copying it first.

A fresh database migrates itself to head on start. An existing SQLite file
behind head is copied (SQLite's online backup API) before it is touched, so a
failed upgrade never costs the register.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from db import backup
from db.engine import sqlite_file

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


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
        copy = backup.make_backup(path, now or dt.datetime.now(), f"{backup.BEFORE_MIGRATION}-{current or 'goc'}").path
        log.info("Copied the register to %s before migrating %s → %s", copy, current, head)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return str(copy) if copy else None

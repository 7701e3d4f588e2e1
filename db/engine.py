"""Engine and session factory; where the default register lives.

SQLite is the default (one desk); any SQLAlchemy URL works, so a centre can
point every desk at one PostgreSQL server with ``--db`` or ``MOTCUA_DB``.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import sessionmaker

from db import audit
from db.paths import data_dir

ENV_URL = "MOTCUA_DB"


def default_sqlite_path() -> Path:
    return data_dir() / "register.sqlite3"


def resolve_url(explicit: str | None = None) -> str:
    """The register URL: the ``--db`` argument, else ``MOTCUA_DB``, else the default file."""
    url = explicit or os.environ.get(ENV_URL)
    if url:
        return url
    path = default_sqlite_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # Foreign keys are off unless asked on every connection; WAL lets the window
    # read while a worker writes; FULL sync because a lost dossier costs more
    # than a slower commit.
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _damage_reported(context) -> None:
    """SQLite saying the file is damaged, met by any query at any time, becomes the officer's report
    naming the newest good backup (db/damage.py), in the command line and in the window alike."""
    from db.damage import as_damaged

    report = as_damaged(context.original_exception, sqlite_file(context.engine)) if context.engine else None
    if report is not None:
        raise report from context.original_exception


def make_engine(url: str, **kwargs) -> Engine:
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "handle_error", _damage_reported)
    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker:
    # expire_on_commit=False: values read in a transaction stay readable after it,
    # so domain functions can turn them into plain dataclasses.
    factory = sessionmaker(engine, expire_on_commit=False)
    audit.install(factory)  # every change to the audited tables joins the hash chain (db/audit.py)
    return factory


def sqlite_file(engine: Engine) -> Path | None:
    """The file behind a SQLite engine, or None (memory, other databases)."""
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:":
        return None
    return Path(database)

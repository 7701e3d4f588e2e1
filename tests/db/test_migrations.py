"""The migrated schema is the models' schema; SQLite is opened the safe way."""

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from db import migrate
from db.engine import make_engine
from db.models import Base
from db.search_index import FTS_TABLE, PG_TRGM_INDEX, is_index_object

# On PostgreSQL these tests start from an empty database, not the migrated template.
pytestmark = pytest.mark.empty_register


def test_empty_database_migrates_to_head_and_matches_models(engine):
    assert migrate.current_revision(engine) == migrate.head_revision()
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True,
            "include_object": lambda obj, name, type_, reflected, compare_to:
                not (type_ in ("table", "index") and is_index_object(name)),
        })
        differences = compare_metadata(context, Base.metadata)
    assert differences == []
    tables = set(inspect(engine).get_table_names())
    assert {"dossiers", "dossier_events", "apology_letters", "calendar_overrides", "supplement_periods",
            "procedures", "units", "users", "office", "settings"} <= tables
    if engine.dialect.name == "sqlite":
        assert FTS_TABLE in tables
    else:  # the folded search is answered by a trigram index
        assert PG_TRGM_INDEX in {index["name"] for index in inspect(engine).get_indexes("dossiers")}


@pytest.mark.sqlite_only
def test_sqlite_connections_use_wal_full_sync_foreign_keys_and_busy_timeout(engine):
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_foreign_keys_are_enforced(engine):
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError):
        with engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO dossier_events (dossier_id, at, kind, field, old_value, new_value, note) "
                "VALUES (999, '2026-01-01 00:00:00', 'edit', '', '', '', '')"))


def test_migrating_again_is_a_no_op_and_makes_no_copy(engine, tmp_path):
    assert migrate.upgrade(engine) is None
    assert not list(tmp_path.rglob("*truoc-nang-cap*"))


def test_an_existing_register_is_copied_before_it_is_migrated(tmp_path):
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE ghi_chu (noi_dung TEXT)")
        connection.execute("INSERT INTO ghi_chu VALUES ('Sổ cũ của Bộ phận Một cửa')")
    engine = make_engine(f"sqlite:///{path}")
    copy = migrate.upgrade(engine)
    engine.dispose()
    assert copy is not None
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT noi_dung FROM ghi_chu").fetchone() == ("Sổ cũ của Bộ phận Một cửa",)
        assert connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'dossiers'").fetchone() == (0,)


@pytest.mark.sqlite_only
def test_a_first_migration_cut_short_leaves_no_half_schema(tmp_path):
    """Issue 20: a first start killed during the migration left some tables and no revision, and every later
    start failed with "table office already exists". The whole migration is one transaction now."""
    from sqlalchemy import event

    path = tmp_path / "new.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    created = []

    def cut_short(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("CREATE TABLE"):
            created.append(statement)
            if len(created) == 4:
                raise KeyboardInterrupt("killed")   # as a kill: nothing after this point runs

    event.listen(engine, "before_cursor_execute", cut_short)
    with pytest.raises(KeyboardInterrupt):
        migrate.upgrade(engine)
    event.remove(engine, "before_cursor_execute", cut_short)
    engine.dispose()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT name FROM sqlite_master").fetchall() == []
    again = make_engine(f"sqlite:///{path}")
    migrate.upgrade(again)
    assert migrate.current_revision(again) == migrate.head_revision()
    again.dispose()

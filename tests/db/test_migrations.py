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


def _register_at(path, revision):
    """A register left at an older revision by an earlier version of the app."""
    from alembic import command

    engine = make_engine(f"sqlite:///{path}")
    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    return engine


def _insert(connection, table, **values):
    """One row, every other required column given a plain value of its type (the 0006 schema)."""
    for _, name, kind, notnull, default, _pk in connection.exec_driver_sql(f"PRAGMA table_info({table})").all():
        if notnull and default is None and name not in values and name != "id":
            kind = kind.upper()
            values[name] = ("2026-11-25 09:00:00" if "DATETIME" in kind else "2026-11-25" if "DATE" in kind
                            else 0 if ("INT" in kind or "BOOL" in kind or "NUMERIC" in kind) else "")
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    connection.exec_driver_sql(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(values.values()))


def _fill_0006(engine):
    """What a working register holds: officers and units that dossiers and events refer to."""
    with engine.begin() as connection:
        _insert(connection, "units", id=1, code="TP", name="Phòng Tư pháp", active=1)
        _insert(connection, "users", id=1, username="lan", full_name="Trần Thị Lan", role="officer", active=1)
        _insert(connection, "procedures", id=1, code="1.000894", name="Đăng ký khai sinh", unit_id=1, active=1,
                processing_unit="day", online_level="full")
        _insert(connection, "dossiers", id=1, code="H01.01-261125-0001", procedure_id=1,
                applicant_name="Nguyễn Văn Đức", officer_id=1, status=1, channel="in_person",
                applicant_kind="person", version=1)


@pytest.mark.sqlite_only
def test_a_register_with_officers_and_units_in_use_upgrades_to_head(tmp_path):
    """Rebuilding the users table (0007) failed with "FOREIGN KEY constraint failed" on any real
    register (a dossier refers to its officer) after minutes of scanning; an empty one passed."""
    path = tmp_path / "register.sqlite3"
    engine = _register_at(path, "0006")
    _fill_0006(engine)
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT full_name, unit_id FROM users").all() == [("Trần Thị Lan", None)]
        assert connection.exec_driver_sql("SELECT applicant_name FROM dossiers").all() == [("Nguyễn Văn Đức",)]
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1   # switched back on
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        assert not connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE name LIKE '_alembic_tmp%'").all()
    engine.dispose()


@pytest.mark.sqlite_only
def test_a_failed_upgrade_leaves_the_register_exactly_as_it_was(tmp_path, monkeypatch):
    """Python's sqlite3 committed each CREATE TABLE on its own, so a failed upgrade left half-built
    tables behind; now the whole upgrade is one transaction."""
    from alembic import command

    path = tmp_path / "register.sqlite3"
    engine = _register_at(path, "0006")
    _fill_0006(engine)
    real_upgrade = command.upgrade

    def upgrade_then_fail(config, revision):
        real_upgrade(config, revision)
        raise OSError("mất điện giữa chừng")

    monkeypatch.setattr(command, "upgrade", upgrade_then_fail)
    with pytest.raises(OSError):
        migrate.upgrade(engine)
    assert migrate.current_revision(engine) == "0006"
    with engine.connect() as connection:
        columns = {row[1] for row in connection.exec_driver_sql("PRAGMA table_info(users)")}
        assert "unit_id" not in columns
        assert not connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE name LIKE '_alembic_tmp%'").all()
        assert connection.exec_driver_sql("SELECT count(*) FROM dossiers").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()
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

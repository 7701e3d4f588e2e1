"""Shared fixtures: a fresh migrated SQLite register per test, a clock that stands still."""

import os
import sys

# Before anything can create a QApplication: without a display Qt aborts the process.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt  # noqa: E402

import pytest  # noqa: E402

from app import report_days  # noqa: E402
from app.catalog import ensure_procedure, ensure_unit, ensure_user, save_office  # noqa: E402
from app.clock import FixedClock  # noqa: E402
from app.context import load_context  # noqa: E402
from db import migrate  # noqa: E402
from db.engine import make_engine, make_sessionmaker  # noqa: E402
from db.models import CalendarOverride  # noqa: E402

CULTURE_DAY_NOTE = "Ngày Văn hóa Việt Nam (cơ quan đã xác nhận nghỉ)"

# Wednesday 25/11/2026, 09:00 — the day after Ngày Văn hóa Việt Nam (confirmed off by the test office below).
DEFAULT_NOW = dt.datetime(2026, 11, 25, 9, 0)


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    """Never touch the officer's real data folder or register from a test."""
    monkeypatch.setenv("MOTCUA_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("MOTCUA_DB", raising=False)


@pytest.fixture(autouse=True)
def memory_keyring():
    """Every test gets an empty in-memory keyring; a test that wants "no keyring" sets the fail backend."""
    import keyring

    from tests.support.memory_keyring import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def _audit_seal(memory_keyring, _private_data_dir):
    """As main.py does: the audit trail is sealed by the office secret of the (in-memory) keyring, and its
    head is kept in the test's own data folder (db/audit_seal.py)."""
    from app import audit_keys
    from db import audit_seal

    audit_keys.install()
    yield
    audit_seal.configure(None, None)


@pytest.fixture(autouse=True)
def _private_qsettings(tmp_path_factory):
    """Window geometry and column layouts of one test must not leak into the next, nor into $HOME."""
    try:
        from PySide6.QtCore import QSettings
    except ImportError:
        yield
        return
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path_factory.mktemp("qsettings")))
    yield


@pytest.fixture(autouse=True)
def _garbage_collected_on_the_ui_thread(request):
    """As in the app (ui/collector.py): once a test has a QApplication, cyclic garbage is collected
    only on the UI thread, never by the automatic collector on the database lane."""
    if {"qtbot", "qapp"} & set(request.fixturenames):
        from ui import collector

        collector.install(request.getfixturevalue("qapp"))
    yield
    if "ui.collector" in sys.modules:
        from PySide6.QtCore import QCoreApplication

        from ui.collector import UiThreadCollector

        app = QCoreApplication.instance()
        found = app.findChild(UiThreadCollector) if app is not None else None
        if found is not None:
            found.check()   # this test's cycles, on this (the UI) thread


# Modules whose register tests run on PostgreSQL as well as on SQLite (issue 9). A test of one of them
# that is about SQLite itself (its file, its FTS index) carries @pytest.mark.sqlite_only.
PG_MODULES = {
    "tests/db/test_audit.py", "tests/db/test_bulk.py", "tests/db/test_migrations.py",
    "tests/app/test_dossiers.py", "tests/app/test_worklists.py", "tests/app/test_today.py",
    "tests/app/test_rates.py", "tests/app/test_reports.py", "tests/app/test_digitization.py", "tests/app/test_measures.py",
    "tests/app/test_letters.py", "tests/app/test_import_dossiers.py", "tests/app/test_import_catalog.py",
    "tests/app/test_demo.py", "tests/app/test_register_query.py", "tests/app/test_register_count.py", "tests/app/test_accounts.py", "tests/app/test_settings.py",
    "tests/app/test_issuer.py", "tests/app/test_administration.py",
    "tests/db/test_concurrency_pg.py", "tests/ui/test_desk_workflow.py", "tests/ui/test_letters_ui.py",
    "tests/ui/test_remote_changes.py", "tests/app/test_calendar_decisions.py",
}
PG_MODULES |= {"tests/app/test_letter_delivery.py", "tests/ui/test_delivery_ui.py"}
PG_MODULES |= {"tests/db/test_audit_seal.py"}
PG_MODULES |= {"tests/app/test_ratings.py", "tests/app/test_import_ratings.py"}


def pytest_generate_tests(metafunc):
    if "db_url" not in metafunc.fixturenames:
        return
    module = metafunc.definition.nodeid.split("::")[0]
    if module not in PG_MODULES:
        return
    if metafunc.definition.get_closest_marker("sqlite_only"):
        backends = ["sqlite"]
    elif metafunc.definition.get_closest_marker("pg"):
        backends = ["postgresql"]
    else:
        backends = ["sqlite", "postgresql"]
    metafunc.parametrize("backend", backends, indirect=True)


@pytest.fixture
def backend(request):
    """"sqlite" (the default everywhere) or "postgresql" (modules of PG_MODULES run on both)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_server():
    """One throwaway PostgreSQL server for the whole run, or a skip with the reason it could not start."""
    from tests.support import pg_server as support

    try:
        server = support.start()
    except support.Unavailable as exc:
        pytest.skip(f"PostgreSQL: {exc}")
    try:
        # A migrated template: a test that only wants a ready register copies it (fast), one that
        # tests the migrations gets an empty database.
        server.create_database("motcua_head", template="template0")
        head = make_engine(server.url("motcua_head"))
        migrate.upgrade(head)
        with head.begin() as connection:
            report_days.ensure(connection)
        head.dispose()
        yield server
    finally:
        server.stop()


@pytest.fixture
def db_url(backend, tmp_path, request):
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'register.sqlite3'}"
        return
    server = request.getfixturevalue("pg_server")
    name = "t_" + os.urandom(6).hex()
    wants_head = "engine" in request.fixturenames and not request.node.get_closest_marker("empty_register")
    template = "motcua_head" if wants_head else "template0"
    server.create_database(name, template=template)
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture
def engine(db_url):
    engine = make_engine(db_url)
    migrate.upgrade(engine)
    with engine.begin() as connection:   # as main.py does at every opening: the reports' per-day counts
        report_days.ensure(connection)
    yield engine
    engine.dispose()


@pytest.fixture
def Session(engine):
    return make_sessionmaker(engine)


@pytest.fixture
def clock():
    return FixedClock(DEFAULT_NOW)


@pytest.fixture
def catalog(Session):
    """A small office: two units, an officer, procedures of 3 days, 0 days (within the day) and 4 hours."""
    with Session.begin() as session:
        save_office(session, name="Bộ phận Một cửa phường Trần Biên", parent_agency="UBND phường Trần Biên",
                    place_name="Trần Biên", agency_code="000.00.16.H19", head_name="Nguyễn Thị Thu Hương",
                    head_title="Giám đốc")
        tp = ensure_unit(session, "TP", "Phòng Tư pháp - Hộ tịch")
        dd = ensure_unit(session, "DD", "Bộ phận Địa chính - Đất đai")
        ensure_procedure(session, "P3", "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch", 3, "day", "full",
                         unit_id=tp)
        ensure_procedure(session, "P0", "Chứng thực bản sao từ bản chính", "Chứng thực", 0, "day", "partial",
                         fee_bearing=True, unit_id=tp)
        ensure_procedure(session, "H4", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", 4, "hour", "full", unit_id=tp)
        ensure_procedure(session, "D10", "Đăng ký biến động đất đai", "Đất đai", 10, "day", "partial",
                         fee_bearing=True, unit_id=dd)
        user = ensure_user(session, "lan.nt", "Nguyễn Thị Lan")
        # This office has confirmed Ngày Văn hóa Việt Nam (24/11/2026) as a day off; several cases lean on it.
        # (Unconfirmed, the calendar counts it as a working day: tests/app/test_workcalendar.py.)
        session.add(CalendarOverride(day=dt.date(2026, 11, 24), working=False, note=CULTURE_DAY_NOTE,
                                     created_at=DEFAULT_NOW))
    return {"user_id": user, "units": {"TP": tp, "DD": dd}}


@pytest.fixture
def make_ctx(Session, clock, catalog):
    def build(user_id=None):
        with Session() as session:
            ctx = load_context(session, clock, user_id or catalog["user_id"])
        return ctx
    return build


# PySide 6.12 has been seen to crash in interpreter finalization ("none_dealloc", "bool_dealloc"),
# after every test had passed and been reported. The run's verdict is pytest's, so leave with it
# before finalization can turn a green run red (or a red one green).
_EXIT_STATUS: list[int] = []


def pytest_sessionfinish(session, exitstatus):
    _EXIT_STATUS.append(int(exitstatus))


def pytest_unconfigure(config):
    if _EXIT_STATUS and os.environ.get("MOTCUA_TEST_HARD_EXIT", "1") == "1":
        import sys

        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT_STATUS[-1])

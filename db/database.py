"""Open a register: resolve the URL, connect, migrate, hand back a session factory.

Opening costs the same for ten dossiers as for a million: the file's header
and schema are read, the schema revision compared with head, and WAL set on
the connection. SQLite's full check reads every page (seconds on a big
register), so it runs where it belongs: on every backup (db/backup.py),
daily in the window's background, and on demand (``check``, Công cụ › Kiểm
tra sổ). Damage that the opening cannot see is met by the first query that
reads the broken page: the engine turns SQLite's "database disk image is
malformed" into the same ``RegisterDamaged`` report (db/engine.py).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.orm import sessionmaker

from db import backup, migrate, search_index
from db.damage import RegisterDamaged, RegisterUnavailable, as_damaged, corruption, damaged
from db.engine import make_engine, make_sessionmaker, resolve_url

__all__ = ["RegisterDamaged", "RegisterUnavailable", "damaged", "open_register", "sqlite_path",
           "check_sqlite_file", "is_network_path", "refuse_network_file"]


def sqlite_path(url: str) -> Path | None:
    """The existing, non-empty SQLite file of ``url`` (from the URL's database part, never its rendering)."""
    database = _sqlite_database(url)
    if database is None:
        return None
    path = Path(database)
    return path if path.exists() and path.stat().st_size else None


def _sqlite_database(url: str) -> str | None:
    """The file named by a SQLite URL (its database part, never the percent-encoded rendering), or None."""
    if not url.startswith("sqlite:"):
        return None
    try:
        database = make_url(url).database
    except ArgumentError:
        return None
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return database


def _drive_is_remote(path: str) -> bool:
    """A Windows drive letter mapped to a share (``Z:`` → ``\\\\server\\share``)."""
    import sys

    if sys.platform != "win32":
        return False
    import ctypes
    from pathlib import PureWindowsPath

    drive = PureWindowsPath(path).drive
    if len(drive) != 2 or drive[1] != ":":
        return False
    DRIVE_REMOTE = 4
    kernel32 = getattr(ctypes, "windll").kernel32  # noqa: B009 - Windows only; mypy checks on Linux too
    return kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE


def is_network_path(path: str) -> bool:
    """A path on a shared folder of another machine: ``\\\\server\\share\\…`` (UNC, also written with
    forward slashes on Windows), or a drive letter mapped to one."""
    import sys
    from pathlib import PureWindowsPath

    text = str(path)
    if text.startswith("\\\\") or (sys.platform == "win32" and text.startswith("//")):
        drive = PureWindowsPath(text).drive
        return not drive.startswith(("\\\\?\\", "\\\\.\\", "//?/", "//./")) or "UNC" in drive.upper()
    return _drive_is_remote(text)


def refuse_network_file(url: str) -> None:
    """SQLite's WAL needs memory shared between the processes on one machine: two desks writing one file on
    a network share can corrupt it. A centre shares a PostgreSQL register instead."""
    database = _sqlite_database(url)
    if database is not None and is_network_path(database):
        raise RegisterUnavailable(
            f"Sổ hồ sơ “{database}” nằm trên thư mục mạng dùng chung: tệp SQLite trên ổ mạng có thể bị hỏng khi "
            f"hai máy cùng ghi. Hãy đặt tệp sổ trên ổ đĩa của máy này, hoặc để nhiều quầy dùng chung một sổ "
            f"trên máy chủ PostgreSQL (--db postgresql+psycopg://…, xem mục “A shared register for a centre” "
            f"trong README).")


def check_sqlite_file(url: str) -> None:
    """Before anything touches it, the O(1) part of a check: a file that is not a readable SQLite
    database (header, schema) is reported with the backup that can replace it."""
    path = sqlite_path(url)
    if path is None:
        return
    problem = backup.structure_problem(path)
    if problem is not None:
        raise damaged(path, problem)


log = logging.getLogger(__name__)


def open_register(url: str | None = None, on_repair: Callable[[str], None] | None = None) -> sessionmaker:
    """Check (O(1)), connect, migrate; repair the search index if it is out of step (each repair is
    logged and handed to ``on_repair``, which the command line prints and the window shows)."""
    resolved = resolve_url(url)
    refuse_network_file(resolved)
    check_sqlite_file(resolved)
    try:
        engine = make_engine(resolved)
    except (ArgumentError, ValueError) as error:
        raise RegisterUnavailable(f"Địa chỉ CSDL “{url}” không hợp lệ.") from error
    except ModuleNotFoundError as error:
        raise RegisterUnavailable(f"Thiếu thư viện kết nối CSDL ({error.name}) cho “{url}”.") from error
    try:
        migrate.upgrade(engine)
    except (OperationalError, DatabaseError) as error:
        report = as_damaged(error, sqlite_path(resolved))
        if report is not None:
            raise report from error
        # The file as the officer knows it: a rendered URL percent-encodes "C:\\Users\\Nguyễn…".
        where = _sqlite_database(resolved) or engine.url.render_as_string(hide_password=True)
        raise RegisterUnavailable(f"Không mở được sổ hồ sơ tại “{where}”: {error.orig}") from error
    try:
        with engine.begin() as connection:
            repairs = search_index.repair(connection)
    except (RegisterDamaged, DatabaseError) as error:
        if not isinstance(error, RegisterDamaged) and corruption(error) is None:
            raise
        # A damaged page under the search index: opening stays O(1) and does not judge it; the query
        # that needs the page reports it, and the full check finds it (``check``, with every backup).
        log.warning("Search index not checked at opening: %s", error)
        repairs = []
    for message in repairs:
        log.warning("Register repaired: %s", message)
        if on_repair is not None:
            on_repair(message)
    return make_sessionmaker(engine)

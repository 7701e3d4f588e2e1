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
import sqlite3
import stat
from pathlib import Path
from typing import Callable

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.orm import sessionmaker

from db import backup, migrate, search_index
from db.damage import RegisterDamaged, RegisterUnavailable, as_damaged, corruption, damaged
from db.engine import make_engine, make_sessionmaker, resolve_url
from db.masking import mask_url

__all__ = ["RegisterDamaged", "RegisterUnavailable", "damaged", "open_register", "sqlite_path",
           "check_sqlite_file", "is_network_path", "refuse_network_file"]


def sqlite_path(url: str) -> Path | None:
    """The existing, non-empty SQLite file of ``url`` (from the URL's database part, never its rendering)."""
    path = _sqlite_file_of(url)
    return path if path is not None and path.exists() and path.stat().st_size else None


def _sqlite_file_of(url: str) -> Path | None:
    """The file a SQLite URL names, existing or not (None for memory, URI filenames, other databases)."""
    if not url.startswith("sqlite:"):
        return None
    try:
        database = make_url(url).database
    except ArgumentError:
        return None
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def check_not_foreign(url: str) -> None:
    """Refuse what is not a register before SQLite or a migration touches it: a device (``/dev/zero``), a
    FIFO, a folder, or the SQLite database of another program (which the migration would fill with tables)."""
    path = _sqlite_file_of(url)
    if path is None:
        return
    try:
        info = path.stat()
    except OSError:
        return   # a new register, or a path SQLite will report on
    if stat.S_ISDIR(info.st_mode):
        raise RegisterUnavailable(f"“{path}” là một thư mục, không phải tệp sổ hồ sơ; hãy chỉ --db tới tệp "
                                  "register.sqlite3.")
    if not stat.S_ISREG(info.st_mode):
        kind = "ống dẫn (FIFO)" if stat.S_ISFIFO(info.st_mode) else "thiết bị" \
            if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else "tệp đặc biệt"
        raise RegisterUnavailable(f"“{path}” là {kind}, không phải tệp sổ hồ sơ; hãy chỉ --db tới tệp "
                                  "register.sqlite3.")
    if not info.st_size or backup.structure_problem(path) is not None:
        return   # empty: a new register; not SQLite: reported as damage with its backups
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return
    if tables and not tables & {"alembic_version", "dossiers"}:
        shown = ", ".join(sorted(tables)[:5])
        raise RegisterUnavailable(
            f"“{path}” là cơ sở dữ liệu SQLite của chương trình khác (có bảng {shown}), không phải sổ hồ sơ "
            "MotCua; không mở để khỏi ghi vào đó. Hãy chỉ --db tới tệp register.sqlite3.")


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
    path = _sqlite_file_of(url)
    database = str(path) if path is not None else None
    if database is not None and is_network_path(database):
        raise RegisterUnavailable(
            f"Sổ hồ sơ “{database}” nằm trên thư mục mạng dùng chung: tệp SQLite trên ổ mạng có thể bị hỏng khi "
            f"hai máy cùng ghi. Hãy đặt tệp sổ trên ổ đĩa của máy này, hoặc để nhiều quầy dùng chung một sổ "
            f"trên máy chủ PostgreSQL (--db postgresql+psycopg://…, xem mục “A shared register for a centre” "
            f"trong README).")


def check_sqlite_file(url: str) -> None:
    """Before anything touches it, the O(1) part of a check: a file that is not a readable SQLite
    database (header, schema) is reported with the backup that can replace it. A register file that
    is gone or empty (0 byte) while good backups of it lie beside it is the same report, not a new
    empty register; with no backup it is a new register, as on the first start."""
    path = _sqlite_file_of(url)
    if path is None:
        return
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        size = None
    except OSError as error:
        raise damaged(path, f"không đọc được tệp: {error.strerror or error}") from error
    if not size:
        if backup.list_backups(path) and backup.newest_good_backup(path) is not None:
            raise damaged(path, "tệp sổ hồ sơ không còn ở đây, đã bị xóa hoặc chuyển đi" if size is None else "tệp sổ hồ sơ rỗng, 0 byte")
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
    check_not_foreign(resolved)
    check_sqlite_file(resolved)
    try:
        engine = make_engine(resolved)
    except (ArgumentError, ValueError) as error:
        raise RegisterUnavailable(f"Địa chỉ CSDL “{mask_url(resolved)}” không hợp lệ.") from error
    except ModuleNotFoundError as error:
        raise RegisterUnavailable(f"Thiếu thư viện kết nối CSDL ({error.name}) cho “{mask_url(resolved)}”.") from error
    try:
        migrate.upgrade(engine)
    except (OperationalError, DatabaseError) as error:
        report = as_damaged(error, sqlite_path(resolved))
        if report is not None:
            raise report from error
        # The file as the officer knows it: a rendered URL percent-encodes "C:\\Users\\Nguyễn…".
        file = _sqlite_file_of(resolved)
        where = str(file) if file is not None else mask_url(engine.url.render_as_string(hide_password=False))
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

"""A damaged SQLite register, whenever it is found: on opening, by a query, by the full check.

Light on purpose (the standard library and db.backup only): the command line
and the window's error path import it without loading SQLAlchemy.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from db import backup
from db.paths import command_name

# SQLite's primary result codes for a broken file (an extended code keeps them in its low byte).
SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26
_WORDS = ("database disk image is malformed", "file is not a database", "malformed database schema")


class RegisterUnavailable(Exception):
    """The register cannot be opened; the message is for the officer."""


class RegisterDamaged(RegisterUnavailable):
    """The SQLite file is damaged; ``good_backup`` is the newest backup that passes SQLite's full check."""

    def __init__(self, message: str, path: Path, problem: str, good_backup: backup.BackupInfo | None):
        super().__init__(message)
        self.path, self.problem, self.good_backup = path, problem, good_backup


def damaged(path: Path, problem: str) -> RegisterDamaged:
    """The officer's message: what is wrong, and the newest backup that can replace the file."""
    good = backup.newest_good_backup(path)
    advice = (f" Bản sao lưu tốt gần nhất: {good.path} ({good.taken_at:%H:%M %d/%m/%Y}); khôi phục bằng "
              f"“{command_name()} restore \"{good.path}\"” hoặc mở cửa sổ ứng dụng." if good else
              " Không tìm thấy bản sao lưu tốt nào trong thư mục sao lưu.")
    return RegisterDamaged(f"Sổ hồ sơ “{path}” bị hỏng ({problem}).{advice}", path, problem, good)


def corruption(error: BaseException | None) -> sqlite3.DatabaseError | None:
    """The SQLite error saying the file is damaged, found in ``error`` or what it wraps; else None.

    SQLAlchemy wraps the driver's error in ``.orig``; Python chains it in
    ``__cause__``/``__context__``. An ordinary failure (a locked file, a
    constraint, a syntax error) is not damage.
    """
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, RegisterDamaged):
            return None
        if isinstance(error, sqlite3.DatabaseError):
            code = getattr(error, "sqlite_errorcode", None)
            if (code is not None and code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB)) or \
                    any(word in str(error).lower() for word in _WORDS):
                return error
        error = getattr(error, "orig", None) or error.__cause__ or error.__context__
    return None


_MISSING_TABLE = re.compile(r'no such table: (?:main\.)?(\w+)|relation "(\w+)" does not exist')


def missing_table(error: BaseException | None) -> str | None:
    """The register's table a command found missing (dropped behind the app's back), or None.

    Not part of ``as_damaged``: the migration itself asks for tables that a new register lacks."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        found = _MISSING_TABLE.search(str(error))
        if found:
            return found.group(1) or found.group(2)
        error = getattr(error, "orig", None) or error.__cause__ or error.__context__
    return None


def missing_table_report(error: BaseException, path: Path | None) -> RegisterUnavailable | None:
    """A command's "no such table" as the damaged-register report (exit 5), naming the table."""
    table = missing_table(error)
    if table is None:
        return None
    problem = f"thiếu bảng “{table}” của sổ hồ sơ, có thể đã bị xóa ngoài ứng dụng"
    if path is not None:
        return damaged(path, problem)
    return RegisterUnavailable(f"Sổ hồ sơ trên máy chủ dùng chung bị hỏng ({problem}); người quản trị máy chủ "
                               "hãy khôi phục từ bản sao lưu của máy chủ.")


def as_damaged(error: BaseException, path: Path | None) -> RegisterDamaged | None:
    """``error`` turned into the damaged-register report when it is SQLite saying the file is damaged."""
    if path is None:
        return None
    found = corruption(error)
    return damaged(path, str(found)) if found is not None else None

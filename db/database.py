"""Open a register: resolve the URL, connect, migrate, hand back a session factory."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.orm import sessionmaker

from db import backup, migrate, search_index
from db.engine import make_engine, make_sessionmaker, resolve_url


class RegisterUnavailable(Exception):
    """The register cannot be opened; the message is for the officer."""


class RegisterDamaged(RegisterUnavailable):
    """The SQLite file fails SQLite's own check; ``good_backup`` is the newest backup that passes."""

    def __init__(self, message: str, path: Path, problem: str, good_backup: backup.BackupInfo | None):
        super().__init__(message)
        self.path, self.problem, self.good_backup = path, problem, good_backup


def sqlite_path(url: str) -> Path | None:
    if not url.startswith("sqlite:///"):
        return None
    path = Path(url.removeprefix("sqlite:///"))
    return path if path.exists() and path.stat().st_size else None


def check_sqlite_file(url: str, thorough: bool = True) -> None:
    """Before anything touches it: a damaged file is reported with the backup that can replace it.

    Thorough is SQLite's quick_check, which reads every page (about 1.5 s for a
    million dossiers). The window opens with the light check (the file is a
    database and its schema reads) and runs the thorough one in the background.
    """
    path = sqlite_path(url)
    if path is None:
        return
    problem = backup.integrity_problem(path, quick=True) if thorough else backup.structure_problem(path)
    if problem is not None:
        raise damaged(path, problem)


def damaged(path: Path, problem: str) -> "RegisterDamaged":
    good = backup.newest_good_backup(path)
    advice = (f" Bản sao lưu tốt gần nhất: {good.path} ({good.taken_at:%H:%M %d/%m/%Y}); khôi phục bằng "
              f"“python main.py restore \"{good.path}\"” hoặc mở cửa sổ ứng dụng." if good else
              " Không tìm thấy bản sao lưu tốt nào trong thư mục sao lưu.")
    return RegisterDamaged(f"Sổ hồ sơ “{path}” bị hỏng ({problem}).{advice}", path, problem, good)


log = logging.getLogger(__name__)


def open_register(url: str | None = None, thorough_check: bool = True,
                  on_repair: Callable[[str], None] | None = None) -> sessionmaker:
    """Check, connect, migrate; repair the search index if it is out of step (each repair is logged
    and handed to ``on_repair``, which the command line prints and the window shows)."""
    resolved = resolve_url(url)
    check_sqlite_file(resolved, thorough_check)
    try:
        engine = make_engine(resolved)
    except (ArgumentError, ValueError) as error:
        raise RegisterUnavailable(f"Địa chỉ CSDL “{url}” không hợp lệ.") from error
    except ModuleNotFoundError as error:
        raise RegisterUnavailable(f"Thiếu thư viện kết nối CSDL ({error.name}) cho “{url}”.") from error
    try:
        migrate.upgrade(engine)
    except (OperationalError, DatabaseError) as error:
        raise RegisterUnavailable(
            f"Không mở được sổ hồ sơ tại “{engine.url.render_as_string(hide_password=True)}”: {error.orig}"
        ) from error
    with engine.begin() as connection:
        repairs = search_index.repair(connection)
    for message in repairs:
        log.warning("Register repaired: %s", message)
        if on_repair is not None:
            on_repair(message)
    return make_sessionmaker(engine)

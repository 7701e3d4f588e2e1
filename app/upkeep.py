"""Keeping the register: is it new, where is it, back it up, check it, restore it.

The window's menus and start-up checks call these (the window imports neither ``db`` nor
SQLAlchemy); the permission checks are here, not in the window: backing up needs a logged-in,
active account, restoring needs the administrator's ``RESTORE_BACKUP``. Two paths restore
without an account, on purpose: the command line's ``restore`` (the machine owner's tool, run
before the register is opened) and the start-up offer for a register SQLite reports damaged,
which cannot be read to check anyone's role (``restore_damaged``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.catalog import get_office
from app.clock import Clock
from app.context import Context, load_context
from app.errors import AppError, ValidationError
from app.integrity import register_file
from app.permissions import Permission, acting_user, require
from db import backup, migrate
from db.backup import BackupInfo
from db.database import RegisterDamaged
from db.engine import sqlite_file
from db.masking import mask_url
from db.models import Dossier


class BackupFailed(AppError):
    """A backup or a restore could not be made; the message says why, nothing was changed."""

    exit_code = 5


def needs_setup(session: Session) -> bool:
    """A new register: no office name and no dossier (the first-run dialog is offered)."""
    return not get_office(session).name and not session.scalar(select(func.count()).select_from(Dossier))


def is_shared(Session: sessionmaker) -> bool:
    """A register on a database server (several desks), not a file of this desk."""
    engine = Session.kw.get("bind")
    return engine is not None and engine.dialect.name != "sqlite"


def register_url(Session: sessionmaker) -> str:
    """The register's URL without its password (a stable key for what the window remembers per register)."""
    engine = Session.kw.get("bind")
    return mask_url(engine.url.render_as_string(hide_password=False)) if engine is not None else "register"


def register_label(Session: sessionmaker) -> str:
    """Where the register is, as shown in About: the file, or the server's URL without its password."""
    path = register_file(Session)
    return str(path) if path is not None else register_url(Session)


def backup_folder(path: Path) -> Path:
    return backup.backup_folder(path)


def _sqlite_only(path: Path | None) -> Path:
    if path is None:
        raise ValidationError("Sao lưu và khôi phục chỉ áp dụng cho sổ hồ sơ là tệp SQLite; với PostgreSQL "
                              "hãy dùng công cụ sao lưu của máy chủ (pg_dump).")
    return path


def backup_now(session: Session, ctx: Context, path: Path | None) -> BackupInfo:
    """A verified backup on demand (any active account), then thinning of the old ones."""
    acting_user(session, ctx)
    path = _sqlite_only(path)
    try:
        info = backup.make_backup(path, ctx.now(), backup.MANUAL)
        backup.thin(path)
    except backup.BackupError as error:
        raise BackupFailed(str(error)) from None
    return info


def daily_backup_if_due(path: Path, now: dt.datetime) -> BackupInfo | None:
    """The automatic daily backup while the window is open (no account acts: it is the desk's own)."""
    try:
        return backup.daily_backup_if_due(path, now)
    except backup.BackupError as error:
        raise BackupFailed(str(error)) from None


def may_restore(session: Session, ctx: Context) -> None:
    """Raise PermissionDenied unless the acting account may restore (asked before choosing a file)."""
    require(session, ctx, Permission.RESTORE_BACKUP)


def restore_backup(Session: sessionmaker, clock: Clock, user_id: int | None, chosen: Path) -> BackupInfo | None:
    """Put the backup ``chosen`` in place of the window's register (administrator).

    Checks the permission at the moment of the restore, closes every pooled connection, keeps
    the current state as a backup, restores, migrates the restored file. The caller must have
    stopped its own background queries. Returns the backup of the state before.
    """
    with Session() as session:
        may_restore(session, load_context(session, clock, user_id))
    engine = Session.kw["bind"]
    path = _sqlite_only(sqlite_file(engine))
    engine.dispose()
    try:
        before = backup.restore(path, Path(chosen), clock.now())
    except backup.BackupError as error:
        raise BackupFailed(str(error)) from None
    except PermissionError as error:
        raise BackupFailed(held_open_message(path, error)) from None
    migrate.upgrade(engine, clock.now())
    return before


def restore_damaged(report: RegisterDamaged, now: dt.datetime) -> BackupInfo | None:
    """At start, before anyone logs in: the damaged register replaced by its newest good backup."""
    if report.good_backup is None:
        raise BackupFailed("Không có bản sao lưu tốt nào để khôi phục.")
    try:
        return backup.restore(report.path, report.good_backup.path, now)
    except backup.BackupError as error:
        raise BackupFailed(str(error)) from None
    except PermissionError as error:
        raise BackupFailed(held_open_message(report.path, error)) from None


def held_open_message(register: Path, error: PermissionError) -> str:
    """Windows refuses to replace a file another process holds open: say which, and what to close."""
    held = Path(error.filename) if error.filename else register
    return (f"Không thay được tệp “{held}”: tệp đang được một chương trình khác mở (một cửa sổ MotCua Desk "
            f"hoặc lệnh khác trên sổ này, phần mềm sao lưu hay diệt virus). Hãy đóng chúng rồi khôi phục lại.")



"""Backups of a SQLite register: written with the online backup API, verified, thinned, restored.

One mechanism for every copy: the daily backup while the app is used, the copy
before a migration (db/migrate.py), the one before a restore, and the
officer's own. Each is checked with ``PRAGMA integrity_check`` once written; a
copy that fails the check is deleted and the failure reported.

Backups live in ``<register folder>/sao-luu/`` named
``<register>.<YYYYmmdd-HHMMSS>.<kind>.sqlite3``; thinning keeps the newest
backup of each of the last 14 days that have one, then the newest of each of
8 ISO weeks before that.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

FOLDER = "sao-luu"
KEEP_DAILY = 14
KEEP_WEEKLY = 8
DAILY, MANUAL, BEFORE_MIGRATION, BEFORE_RESTORE = "hang-ngay", "thu-cong", "truoc-nang-cap", "truoc-khoi-phuc"
_NAME = re.compile(r"^(?P<stem>.+)\.(?P<stamp>\d{8}-\d{6})\.(?P<kind>[a-z0-9-]+)\.sqlite3$")


class BackupError(Exception):
    """A backup could not be written, verified or restored; the message is for the officer."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime
    kind: str
    size: int


def backup_folder(register: Path) -> Path:
    return register.parent / FOLDER


def integrity_problem(path: Path, quick: bool = False) -> str | None:
    """SQLite's full check (it reads every page: seconds on a big register): None when the file is sound,
    else what SQLite says is wrong. Run on every backup, by the ``check`` command and in the window's
    background, never on the way to opening the register (that is ``structure_problem``)."""
    if not path.exists():
        return "tệp không tồn tại"
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = connection.execute("PRAGMA quick_check(3)" if quick else "PRAGMA integrity_check(3)").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        return str(error)
    messages = [row[0] for row in rows]
    if messages == ["ok"]:
        return None
    text = " ".join(" ".join(messages).replace("*** in database main ***", "").split())
    return text if len(text) <= 160 else text[:157] + "…"


HEADER = b"SQLite format 3\x00"


def structure_problem(path: Path) -> str | None:
    """The O(1) part of a check, on every opening: the header is SQLite's and the schema reads
    (page 1 and the few pages of ``sqlite_master``, whatever the number of dossiers). None when so."""
    try:
        with open(path, "rb") as file:
            header = file.read(100)
    except OSError as error:
        return f"không đọc được tệp: {error.strerror or error}"
    if len(header) < 100 or not header.startswith(HEADER):
        return "phần đầu tệp không phải của cơ sở dữ liệu SQLite"
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master WHERE sql IS NOT NULL").fetchone()
            connection.execute("PRAGMA schema_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        return str(error)
    return None


def copy_database(source: Path, target: Path) -> Path:
    """A consistent copy of a live SQLite file (readers and WAL included), through the backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        with dst:
            src.backup(dst)
    finally:
        src.close()
        dst.close()
    return target


def make_backup(register: Path, now: dt.datetime, kind: str = MANUAL, folder: Path | None = None) -> BackupInfo:
    """Copy the register, verify the copy, and return it (the copy is deleted if it fails the check)."""
    if not register.exists():
        raise BackupError(f"Không có tệp sổ hồ sơ “{register}” để sao lưu.")
    folder = folder or backup_folder(register)
    target = folder / f"{register.stem}.{now:%Y%m%d-%H%M%S}.{kind}.sqlite3"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{register.stem}.{now:%Y%m%d-%H%M%S}.{kind}-{counter}.sqlite3"
    try:
        copy_database(register, target)
        stamp_audit_head(target)
    except sqlite3.DatabaseError as error:
        target.unlink(missing_ok=True)
        raise BackupError(f"Không sao lưu được sổ hồ sơ: {error}.") from error
    except OSError as error:
        target.unlink(missing_ok=True)
        raise BackupError(f"Không ghi được bản sao lưu vào “{folder}”: {error.strerror or error}.") from error
    problem = integrity_problem(target)
    if problem:
        target.unlink(missing_ok=True)
        if integrity_problem(register) is not None:   # the copy is faithful: the register itself is damaged
            from db.damage import damaged

            raise damaged(register, problem)
        raise BackupError(f"Bản sao lưu vừa ghi không qua kiểm tra toàn vẹn ({problem}); đã xóa bản hỏng.")
    log.info("Backup written and verified: %s", target)
    return BackupInfo(target, now.replace(microsecond=0), kind, target.stat().st_size)


def list_backups(register: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The backups of this register, newest first."""
    folder = folder or backup_folder(register)
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = _NAME.match(path.name)
            if not match or match["stem"] != register.stem:
                continue
            taken = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
            found.append(BackupInfo(path, taken, match["kind"], path.stat().st_size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def newest_good_backup(register: Path) -> BackupInfo | None:
    for info in list_backups(register):
        if integrity_problem(info.path) is None:
            return info
    return None


def thin(register: Path, keep_daily: int = KEEP_DAILY, keep_weekly: int = KEEP_WEEKLY) -> list[Path]:
    """Delete what the policy does not keep; returns the deleted files."""
    backups = list_backups(register)
    keep: set[Path] = set(b.path for b in backups[:1])
    days: list[dt.date] = []
    weeks: list[tuple[int, int]] = []
    for info in backups:   # newest first: the first seen of a day or week is its newest
        day = info.taken_at.date()
        if day not in days and len(days) < keep_daily:
            days.append(day)
            keep.add(info.path)
            continue
        if day in days:
            continue
        week = day.isocalendar()[:2]
        if week not in weeks and len(weeks) < keep_weekly:
            weeks.append(week)
            keep.add(info.path)
    deleted = []
    for info in backups:
        if info.path not in keep:
            info.path.unlink(missing_ok=True)
            deleted.append(info.path)
    return deleted


def daily_backup_if_due(register: Path, now: dt.datetime) -> BackupInfo | None:
    """The once-a-day backup: made when no backup of today exists yet; then old ones are thinned."""
    if any(b.taken_at.date() == now.date() for b in list_backups(register)):
        return None
    info = make_backup(register, now, DAILY)
    thin(register)
    return info


def restore(register: Path, source: Path, now: dt.datetime) -> BackupInfo | None:
    """Put ``source`` in place of the register, after checking it and keeping a copy of the current state.

    The caller must have closed every connection to the register (engine.dispose()).
    Returns the copy made of the state before restoring (None if the register file was missing).
    """
    source = Path(source)
    if not source.exists():
        raise BackupError(f"Không có tệp sao lưu “{source}”.")
    problem = integrity_problem(source)
    if problem:
        raise BackupError(f"Tệp “{source.name}” không phải bản sao lưu dùng được ({problem}).")
    before = None
    if register.exists():
        if integrity_problem(register) is None:
            before = make_backup(register, now, BEFORE_RESTORE)
        else:   # a damaged register is kept as it is, byte for byte, for whoever investigates
            target = backup_folder(register) / f"{register.stem}.{now:%Y%m%d-%H%M%S}.hong.sqlite3.bad"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(register, target)
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{register}{suffix}").unlink(missing_ok=True)
    copy_database(source, register)
    problem = integrity_problem(register)   # the full check: a restore is rare and must be sound
    if problem:
        raise BackupError(f"Sổ hồ sơ sau khi khôi phục không qua kiểm tra toàn vẹn ({problem}).")
    log.info("Register %s restored from %s", register, source)
    forget_audit_checkpoint(register)
    return before


AUDIT_HEAD_KEY = "_audit_head"


def stamp_audit_head(copy: Path) -> None:
    """Write the audit chain's head (newest event's number and hash, with its key's MAC) into a backup just
    copied, as the ``_audit_head`` bookkeeping setting: ``audit verify --against`` this backup then finds
    the newest events deleted from the register since (db/audit_seal.py). A register without an audit
    trail (older schema) is left as copied."""
    from db import audit_seal

    connection = sqlite3.connect(copy)
    try:
        with connection:
            try:
                row = connection.execute("SELECT id, hash, seal FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()
            except sqlite3.OperationalError:
                return   # no audit trail (or no seal column yet) in this register's schema
            if row is None:
                return
            head = audit_seal.signed_head(row[0], row[1], row[2])
            connection.execute("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)",
                               (AUDIT_HEAD_KEY, json.dumps(head.as_dict())))
    finally:
        connection.close()


def audit_head_of(path: Path):
    """The audit head written into a backup (or, for a backup older than the stamp, its newest event);
    None when the file holds no audit trail."""
    from db import audit_seal

    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        try:
            stamp = connection.execute("SELECT value FROM settings WHERE key = ?", (AUDIT_HEAD_KEY,)).fetchone()
        except sqlite3.OperationalError:
            stamp = None
        if stamp is not None:
            return audit_seal.Head.from_dict(json.loads(stamp[0]))
        try:
            row = connection.execute("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()
        except sqlite3.OperationalError:
            return None
        return audit_seal.Head(row[0], row[1]) if row else None
    finally:
        connection.close()


def forget_audit_checkpoint(register: Path) -> None:
    """After a restore the register's audit chain is the restored one: the checkpoint of the chain it
    replaced no longer applies (the next commit writes the new one)."""
    from sqlalchemy.engine import make_url

    from db import audit_seal

    audit_seal.forget_checkpoint(make_url(f"sqlite:///{register}"))

"""Backups of a SQLite register: written with the online backup API, verified, thinned, restored.

One mechanism for every copy: the daily backup while the app is used, the copy
before a migration (db/migrate.py), the one before a restore, and the
officer's own. Each is written under a temporary name (``….sqlite3.dang-ghi``), checked
(``PRAGMA integrity_check`` and "a MotCua register of a known schema"), and only then renamed
to its real name: a file with a backup's name is always a verified backup, and a killed backup
leaves only its temporary file, which the next backup removes (a lock file in the folder lets
one backup run at a time, so whatever temporary file the next one finds is a leftover).

Backups live in ``<register folder>/sao-luu/`` named
``<register>.<YYYYmmdd-HHMMSS>.<kind>.sqlite3``; thinning keeps the newest
backup of each of the last 14 days that have one, then the newest of each of
8 ISO weeks before that.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import shutil
import sqlite3
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

log = logging.getLogger(__name__)

FOLDER = "sao-luu"
KEEP_DAILY = 14
KEEP_WEEKLY = 8
DAILY, MANUAL, BEFORE_MIGRATION, BEFORE_RESTORE = "hang-ngay", "thu-cong", "truoc-nang-cap", "truoc-khoi-phuc"
_NAME = re.compile(r"^(?P<stem>.+)\.(?P<stamp>\d{8}-\d{6})\.(?P<kind>[a-z0-9-]+)\.sqlite3$")
PARTIAL = ".dang-ghi"          # a copy being written or checked: never listed, never counted
SIDE_FILES = ("-journal", "-wal", "-shm")
LOCK = ".sao-luu.khoa"


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


def register_problem(path: Path) -> str | None:
    """Is ``path`` a MotCua register of a schema this version knows? None when so, else why not, in
    the officer's words. Reads the schema and one row (O(1)); ``integrity_problem`` reads the pages."""
    try:
        if path.stat().st_size == 0:
            return "tệp rỗng, 0 byte"
    except OSError as error:
        return f"không đọc được tệp: {error.strerror or error}"
    problem = structure_problem(path)
    if problem is not None:
        return problem
    from db.revisions import head_revision, known_revisions

    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"alembic_version", "dossiers", "office"} <= tables:
                return "tệp SQLite này không phải sổ hồ sơ MotCua (không có bảng hồ sơ và phiên bản lược đồ)"
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        return str(error)
    revision = row[0] if row else None
    if revision not in known_revisions():
        return (f"sổ hồ sơ có phiên bản lược đồ “{revision or 'trống'}” mà bản ứng dụng này không biết "
                f"(bản này đến “{head_revision()}”; có thể sổ của một bản ứng dụng mới hơn)")
    return None


def verified_problem(path: Path, register: bool = True) -> str | None:
    """The full check of a backup: SQLite's integrity check, then (``register``) a MotCua register."""
    return integrity_problem(path) or (register_problem(path) if register else None)


def copy_database(source: Path, target: Path) -> Path:
    """A consistent copy of a live SQLite file (readers and WAL included), through the backup API.

    The copy is switched to a rollback journal: a backup is never written again, so reading
    it later leaves no ``-wal``/``-shm`` beside it (the engine puts a restored register back in WAL)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        with dst:
            src.backup(dst)
        # The copy carries the register's WAL mark: opened read-only later (the integrity check, the
        # list of good backups) it would grow -wal/-shm files that a read-only connection cannot remove.
        # A copy is a standalone file: rollback journal, nothing beside it.
        dst.execute("PRAGMA journal_mode=DELETE").fetchone()
    finally:
        src.close()
        dst.close()
    return target


def _remove_with_side_files(path: Path) -> None:
    for suffix in ("", *SIDE_FILES):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@contextmanager
def _one_at_a_time(folder: Path) -> Iterator[None]:
    """An exclusive lock on a file in the backup folder, held while a backup is written or old ones
    thinned; the system releases it when its holder dies, so a killed backup never blocks the next."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK, "a+b") as handle:
        if sys.platform == "win32":
            import msvcrt

            while True:
                try:
                    handle.seek(0)
                    msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
                    break
                except OSError:   # LK_LOCK gives up after 10 s: another backup is still running, wait on
                    continue
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def remove_leftovers(register: Path, folder: Path | None = None) -> list[Path]:
    """What killed backups of this register left in the folder, removed (the caller holds the lock):
    temporary copies, a backup an older version was still writing (its ``-journal`` beside it: never
    complete), ``-journal``/``-wal``/``-shm`` files of no backup. A verified backup's ``-wal`` (older
    versions kept backups in WAL) is folded back into it first. Returns the removed files."""
    folder = folder or backup_folder(register)
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    prefix = f"{register.stem}."
    names = {path.name: path for path in folder.iterdir() if path.name.startswith(prefix)}
    for name, path in sorted(names.items()):
        if not path.exists():
            continue
        base = next((name[:-len(suffix)] for suffix in SIDE_FILES if name.endswith(suffix)), name)
        match = _NAME.match(base.removesuffix(PARTIAL))
        if match is None or match["stem"] != register.stem:
            continue   # not this register's (another register's backups may share the folder)
        if base.endswith(PARTIAL):
            path.unlink(missing_ok=True)
            removed.append(path)
        elif base == name:   # a backup: half written by an older version when its hot journal is beside it
            if Path(f"{path}-journal").exists():
                log.warning("Removing a backup that was never finished: %s", path)
                _remove_with_side_files(path)
                removed.append(path)
            elif Path(f"{path}-wal").exists() or Path(f"{path}-shm").exists():
                try:
                    connection = sqlite3.connect(path)
                    try:
                        connection.execute("PRAGMA journal_mode=DELETE")
                    finally:
                        connection.close()
                except sqlite3.DatabaseError as error:
                    log.warning("Could not fold the WAL of backup %s back into it: %s", path, error)
        elif not (folder / base).exists():   # a side file of no file
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def make_backup(register: Path, now: dt.datetime, kind: str = MANUAL, folder: Path | None = None,
                check_register: bool = True) -> BackupInfo:
    """Copy the register under a temporary name, verify the copy, then give it its name (atomically).

    A copy that fails the check is deleted and the failure reported; nothing is ever listed that was
    not verified. ``check_register=False`` only for the copy of whatever file a migration is about to
    touch (an older file that may not be a register of a known schema yet)."""
    if not register.exists():
        raise BackupError(f"Không có tệp sổ hồ sơ “{register}” để sao lưu.")
    folder = folder or backup_folder(register)
    with _one_at_a_time(folder):
        for path in remove_leftovers(register, folder):
            log.info("Removed what a stopped backup left: %s", path)
        target = folder / f"{register.stem}.{now:%Y%m%d-%H%M%S}.{kind}.sqlite3"
        counter = 1
        while target.exists():
            counter += 1
            target = folder / f"{register.stem}.{now:%Y%m%d-%H%M%S}.{kind}-{counter}.sqlite3"
        partial = target.with_name(target.name + PARTIAL)
        try:
            copy_database(register, partial)
            stamp_audit_head(partial)   # audit verify --against this backup finds events deleted since
        except sqlite3.DatabaseError as error:
            _remove_with_side_files(partial)
            raise BackupError(f"Không sao lưu được sổ hồ sơ: {error}.") from error
        except OSError as error:
            _remove_with_side_files(partial)
            raise BackupError(f"Không ghi được bản sao lưu vào “{folder}”: {error.strerror or error}.") from error
        problem = integrity_problem(partial)
        if problem:
            _remove_with_side_files(partial)
            if integrity_problem(register) is not None:   # the copy is faithful: the register itself is damaged
                from db.damage import damaged

                raise damaged(register, problem)
            raise BackupError(f"Bản sao lưu vừa ghi không qua kiểm tra toàn vẹn ({problem}); đã xóa bản hỏng.")
        problem = register_problem(partial) if check_register else None
        if problem:
            _remove_with_side_files(partial)
            raise BackupError(f"Không sao lưu: tệp “{register}” không phải sổ hồ sơ dùng được ({problem}).")
        os.replace(partial, target)
    log.info("Backup written and verified: %s", target)
    return BackupInfo(target, now.replace(microsecond=0), kind, target.stat().st_size)


def list_backups(register: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The backups of this register, newest first."""
    folder = folder or backup_folder(register)
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = _NAME.match(path.name)
            if not match or match["stem"] != register.stem or Path(f"{path}-journal").exists():
                continue   # not a backup of this register, or one an older version never finished
            taken = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
            found.append(BackupInfo(path, taken, match["kind"], path.stat().st_size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def newest_good_backup(register: Path) -> BackupInfo | None:
    """The newest backup that passes the full check and is a register this version can open."""
    for info in list_backups(register):
        if verified_problem(info.path) is None:
            return info
    return None


def thin(register: Path, keep_daily: int = KEEP_DAILY, keep_weekly: int = KEEP_WEEKLY) -> list[Path]:
    """Delete what the policy does not keep; returns the deleted files. Only verified backups are
    listed (temporary and unfinished copies never count), and no backup is being written meanwhile."""
    with _one_at_a_time(backup_folder(register)):
        return _thin(register, keep_daily, keep_weekly)


def _thin(register: Path, keep_daily: int, keep_weekly: int) -> list[Path]:
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
            try:
                info.path.unlink(missing_ok=True)
            except PermissionError:   # Windows: open in another program (a viewer, a copy running): next time
                log.warning("Old backup kept for now, it is open elsewhere: %s", info.path)
                continue
            deleted.append(info.path)
    return deleted


def daily_backup_if_due(register: Path, now: dt.datetime) -> BackupInfo | None:
    """The once-a-day backup: made when no verified backup of today exists yet; then old ones are thinned.
    What a killed backup left is removed either way."""
    with _one_at_a_time(backup_folder(register)):
        remove_leftovers(register)
        if any(b.taken_at.date() == now.date() for b in list_backups(register)):
            return None
    info = make_backup(register, now, DAILY)
    thin(register)
    return info


RESTORING = ".khoi-phuc" + PARTIAL   # the restored copy beside the register, before it takes its place


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def restore(register: Path, source: Path, now: dt.datetime) -> BackupInfo | None:
    """Put ``source`` in place of the register, after checking it and keeping a copy of the current state.

    ``source`` must be another file than the register, pass SQLite's full check and be a MotCua register
    of a schema this version knows. The copy is made and checked beside the register, then renamed
    onto it: a restore stopped at any moment leaves the register as it was or as restored.
    The caller must have closed every connection to the register (engine.dispose()).
    Returns the copy made of the state before restoring (None if there was no register to keep).
    """
    source = Path(source)
    if not source.exists():
        raise BackupError(f"Không có tệp sao lưu “{source}”.")
    if same_file(source, register):
        raise BackupError(f"Tệp “{source}” chính là sổ hồ sơ đang dùng, không thể khôi phục sổ từ chính nó; "
                          f"hãy chọn một bản sao lưu (trong thư mục “{backup_folder(register)}”).")
    problem = verified_problem(source)
    if problem:
        raise BackupError(f"Tệp “{source.name}” không phải bản sao lưu dùng được ({problem}).")
    staged = register.with_name(register.name + RESTORING)
    _remove_with_side_files(staged)   # what a stopped restore left
    before = None
    present = register.exists() and register.stat().st_size > 0
    sound = present and integrity_problem(register) is None
    if present:
        if sound and register_problem(register) is None:
            before = make_backup(register, now, BEFORE_RESTORE)
        else:   # a damaged register is kept as it is, byte for byte, for whoever investigates
            target = backup_folder(register) / f"{register.stem}.{now:%Y%m%d-%H%M%S}.hong.sqlite3.bad"
            target.parent.mkdir(parents=True, exist_ok=True)
            for suffix in ("", "-wal"):
                if Path(f"{register}{suffix}").exists():
                    shutil.copy2(f"{register}{suffix}", f"{target}{suffix}")
    try:
        copy_database(source, staged)
        problem = verified_problem(staged)   # the full check: a restore is rare and must be sound
    except (sqlite3.DatabaseError, OSError) as error:
        problem = str(error)
    if problem:
        _remove_with_side_files(staged)
        raise BackupError(f"Bản khôi phục vừa ghi không qua kiểm tra ({problem}); sổ hồ sơ chưa bị thay đổi.")
    if sound:
        _leave_wal(register)
    for suffix in SIDE_FILES:
        Path(f"{register}{suffix}").unlink(missing_ok=True)
    try:
        os.replace(staged, register)
    except OSError:   # Windows: another program holds the register open; it stays as it was
        _remove_with_side_files(staged)
        raise
    log.info("Register %s restored from %s", register, source)
    forget_audit_checkpoint(register)
    return before


def _leave_wal(register: Path) -> None:
    """Fold the register's ``-wal`` into it and switch it to a rollback journal, so that removing its side
    files loses nothing; refused while another program has the register open. Only for a sound file
    (a damaged one was kept above with its ``-wal``)."""
    if not Path(f"{register}-wal").exists():
        return
    try:
        connection = sqlite3.connect(register, timeout=2)
        try:
            mode = connection.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        mode = str(error)
    if mode != "delete":
        raise BackupError(f"Sổ hồ sơ “{register}” đang được mở ở chương trình hoặc cửa sổ khác; hãy đóng "
                          "chúng rồi khôi phục lại. Sổ hồ sơ chưa bị thay đổi.")


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

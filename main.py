"""MotCua Desk: composition root.

Parse the arguments, set up logging and paths, build the engine and session
factory, migrate, then run a CLI command or open the window. Nothing else
lives here.
"""

from __future__ import annotations

import os
import sys


def _masked(error: BaseException) -> str:
    """An error's text for the terminal: a database URL in it never shows its password (db/masking.py)."""
    from db.masking import mask_url

    return mask_url(str(error))


def _utf8_streams() -> None:
    """Every stream speaks UTF-8. Windows encodes a redirected stdout (``> file``, a pipe, ``--json`` read by a
    script) as cp1252/cp1258, which has no "ỗ", "ẹ" or "✓": the first Vietnamese line would end the command
    with an escaped message. A stream that does not exist (the windowed build has none) is left alone."""
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if stream is None or encoding == "utf8" or not hasattr(stream, "reconfigure"):
            continue
        try:
            stream.reconfigure(encoding="utf-8", errors=stream.errors)
        except (OSError, ValueError):   # a stream already read from, or detached: keep it as it is
            pass


def _tell(message: str, window: bool) -> None:
    """A message that ends the program: on stderr, in the log, and in a box when the window was asked for and
    there is no console to print to (the windowed build: ``sys.stderr`` is None, a print goes nowhere)."""
    import logging

    if logging.getLogger().handlers:   # the log file once configured (else logging's last resort prints it twice)
        logging.getLogger("motcua").error("%s", message)
    if sys.stderr is not None:
        print(message, file=sys.stderr)
    elif window:
        try:
            from ui.errors import show_startup_error

            show_startup_error(message)
        except Exception:  # noqa: BLE001 - no Qt at all: the log above is all there is
            logging.getLogger("motcua").exception("Could not show the start-up error")


def _log_handler(path):
    """A rotating log that another process may hold open: on Windows the rename fails while a second desk or
    a command writes to the same file. It keeps writing to the current file and tries again a minute later,
    instead of losing every record in a "Logging error". (Defined here: ``--version`` never needs it.)"""
    import logging.handlers
    import time

    class SharedRotatingFileHandler(logging.handlers.RotatingFileHandler):
        retry_after = 60.0
        not_before = 0.0

        def shouldRollover(self, record):
            return time.monotonic() >= self.not_before and super().shouldRollover(record)

        def doRollover(self):
            try:
                super().doRollover()
            except OSError:   # PermissionError on Windows: the file is open elsewhere
                self.not_before = time.monotonic() + self.retry_after
                if self.stream is None:
                    self.stream = self._open()

    return SharedRotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")


def _configure_logging(kind: str = "window"):
    """The window and the command line log to files of their own (``motcua.log``, ``motcua-cli.log``): one file
    shared by both could not rotate on Windows while both are open."""
    import logging

    from db.masking import mask_url

    class _MaskingFormatter(logging.Formatter):
        """Every log line, traceback included, with database URLs' passwords hidden."""

        def format(self, record: logging.LogRecord) -> str:
            return mask_url(super().format(record))

    from db.paths import log_dir

    root = logging.getLogger()
    root.setLevel(logging.INFO)
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / ("motcua-cli.log" if kind == "cli" else "motcua.log")
        handler = _log_handler(path)
        handler.setFormatter(_MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        return path
    except OSError:
        return None  # a read-only profile must not stop the desk


def main(argv: list[str] | None = None) -> int:
    # Only what parsing needs (`--version` and `--help` stop there): a command imports its own
    # modules and libraries when it runs.
    from app.cli.parser import build_parser
    from app.errors import AppError

    _utf8_streams()
    log_path = None
    window = True   # until the arguments say otherwise: a wrong argument of the window is shown too
    try:
        args = build_parser().parse_args(argv)
        window = not args.command
        log_path = _configure_logging("window" if window else "cli")
        code = _run(args)
        sys.stdout.flush()   # a closed pipe is met here, inside the handlers below, not at exit
        return code
    except AppError as error:
        _tell(f"Lỗi: {_masked(error)}", window)
        return error.exit_code
    except KeyboardInterrupt:
        _tell("Đã dừng theo yêu cầu.", window)
        return 130
    except BrokenPipeError:   # the reader stopped early (`show … | head`): a closed pipe is not an error
        _quiet_stdout()
        return 0
    except Exception as error:  # noqa: BLE001 - the officer gets one line, the log gets the traceback
        from db.damage import RegisterUnavailable

        if isinstance(error, RegisterUnavailable):   # cannot open, or damaged: the message says what to do
            _tell(f"Lỗi: {_masked(error)}", window)
            return 5
        import logging

        logging.getLogger("motcua").exception("Unexpected error")
        where = f" Chi tiết đã ghi vào {log_path}." if log_path else ""
        _tell(f"Lỗi không mong đợi, thao tác chưa hoàn tất.{where}", window)
        return 1


def _quiet_stdout() -> None:
    """Point stdout at nothing, so that the interpreter's last flush into the closed pipe raises no more."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):   # no real stdout (the windowed app)
        pass


def _run(args) -> int:
    from app.clock import FixedClock, SystemClock

    clock = FixedClock(args.now) if args.now else SystemClock()
    url = args.db or os.environ.get("MOTCUA_DB")
    if args.command == "db-password":  # before opening: the server may refuse us without it
        from app.cli.move_commands import store_password_before_open

        return store_password_before_open(url, sys.stdin)
    from app.register_url import with_stored_password

    url = with_stored_password(url)  # a shared server's password comes from the keyring
    demo_folder = None
    if args.demo and not args.db:   # a throw-away file, never the register MOTCUA_DB names
        import tempfile
        from pathlib import Path

        demo_folder = Path(tempfile.mkdtemp(prefix="motcua-demo-"))
        url = f"sqlite:///{demo_folder / 'demo.sqlite3'}"
    else:   # the office's registers are sealed by its secret (a throw-away demo one is not)
        from app.audit_keys import install

        install()
    try:
        return _open_and_run(args, url, clock)
    finally:
        if demo_folder is not None:   # the throw-away register goes when the demo ends
            _remove_demo_folder(demo_folder)


def _open_and_run(args, url: str | None, clock) -> int:
    from db.database import RegisterDamaged, open_register

    if args.command == "restore":  # before opening: the register may be the damaged thing
        from app.cli.admin_commands import restore_before_open
        from app.cli.output import Output

        restore_before_open(args, clock, Output(sys.stdout, args.json))
    # What the opening repaired (a search index out of step): printed by the command line, shown by the window.
    repairs: list[str] = []
    on_repair = (lambda message: print(f"Lưu ý: {message}", file=sys.stderr)) if args.command else repairs.append
    zone_warning = getattr(clock, "zone_warning", None)   # the system clock: is the PC set to UTC+7?
    if zone_warning is not None and (warning := zone_warning()):
        on_repair(warning)
    try:
        # An O(1) check on opening; SQLite's full check runs with backups, in the window's background
        # and on demand (``check``); damage found later by a query is reported as on opening.
        Session = open_register(url, on_repair=on_repair)
    except RegisterDamaged as damaged:
        if args.command:
            raise
        from ui.recovery import offer_restore  # the window offers the newest good backup

        if not offer_restore(damaged, clock):
            raise
        Session = open_register(url, on_repair=on_repair)
    try:
        if args.command not in ("move-register", "backup", "restore", "audit", "due", "check"):
            # The stored apology deadlines follow the calendar in force (filled the first time after
            # migration 0008): one indexed read when nothing changed.
            from app.due_dates import ensure_on_open

            ensure_on_open(Session, say=lambda text: print(text, file=sys.stderr))
            if args.command not in ("warnings", "search", "show"):
                # The per-day counts the long reports read (built once after migrations 0012, 0013): one
                # catalog read, and compiling the triggers' SQL to know their names (~50 ms, which the
                # quick read-only lookups skip: the reports check again before they read the days).
                from app import report_days

                report_days.ensure_on_open(Session, say=lambda text: print(text, file=sys.stderr))
        if args.command:
            from app.cli.commands import run
            from db.damage import as_damaged, missing_table_report
            from db.engine import sqlite_file

            try:
                return run(args, Session, clock)
            except Exception as error:   # the one place a command's SQLite damage becomes the officer's report
                path = sqlite_file(Session.kw["bind"])
                report = as_damaged(error, path) or missing_table_report(error, path)
                if report is not None:
                    raise report from error
                raise
        from ui.application import run_window

        return run_window(Session, clock, demo=args.demo, user=args.user, notices=repairs)
    finally:
        Session.kw["bind"].dispose()   # no file handle left open (the demo folder is removed next)


def _remove_demo_folder(folder) -> None:
    import logging
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    if folder.exists():   # Windows: a file still held by something else
        logging.getLogger("motcua").warning("Could not remove the demo folder %s", folder)


if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()  # the frozen build's demo generator spawns a worker process
    sys.exit(main())

"""MotCua Desk: composition root.

Parse the arguments, set up logging and paths, build the engine and session
factory, migrate, then run a CLI command or open the window. Nothing else
lives here.
"""

from __future__ import annotations

import os
import sys


def _configure_logging():
    import logging
    import logging.handlers

    from db.paths import log_dir

    root = logging.getLogger()
    root.setLevel(logging.INFO)
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "motcua.log"
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        return path
    except OSError:
        return None  # a read-only profile must not stop the desk


def main(argv: list[str] | None = None) -> int:
    # Only what parsing needs (`--version` and `--help` stop there): a command imports its own
    # modules and libraries when it runs.
    from app.cli.parser import build_parser
    from app.errors import AppError

    log_path = None
    try:
        args = build_parser().parse_args(argv)
        log_path = _configure_logging()
        return _run(args)
    except AppError as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu.", file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 - the officer gets one line, the log gets the traceback
        from db.damage import RegisterUnavailable

        if isinstance(error, RegisterUnavailable):   # cannot open, or damaged: the message says what to do
            print(f"Lỗi: {error}", file=sys.stderr)
            return 5
        import logging

        logging.getLogger("motcua").exception("Unexpected error")
        where = f" Chi tiết đã ghi vào {log_path}." if log_path else ""
        print(f"Lỗi không mong đợi, thao tác chưa hoàn tất.{where}", file=sys.stderr)
        return 1


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
        if args.command:
            from app.cli.commands import run
            from db.damage import as_damaged
            from db.engine import sqlite_file

            try:
                return run(args, Session, clock)
            except Exception as error:   # the one place a command's SQLite damage becomes the officer's report
                report = as_damaged(error, sqlite_file(Session.kw["bind"]))
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

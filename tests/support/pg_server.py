"""A throwaway PostgreSQL server for the tests, from Debian's ``postgresql`` package.

``start()`` runs ``initdb`` in a temporary folder and ``pg_ctl start`` on a
free local port; ``stop()`` stops it and removes the folder. PostgreSQL refuses
to run as root, so as root (CI) the cluster belongs to ``nobody``.
When anything is missing, ``start()`` raises ``Unavailable`` with the reason:
the tests that need the server are then skipped, never passed.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

USER = "motcua"


class Unavailable(RuntimeError):
    pass


def _exe(name: str) -> str:
    return f"{name}.exe" if os.name == "nt" else name


def _bin_dir() -> Path:
    initdb = _exe("initdb")
    explicit = os.environ.get("MOTCUA_PG_BIN")
    if explicit:
        if (Path(explicit) / initdb).exists():
            return Path(explicit)
        raise Unavailable(f"MOTCUA_PG_BIN={explicit} không có {initdb}")
    # Debian's versioned folders; on Windows the installer's (and GitHub's runners, which also set PGBIN).
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    if os.name == "nt":
        candidates = ([os.environ["PGBIN"]] if os.environ.get("PGBIN") else []) + sorted(
            glob.glob(os.path.join(os.environ.get("ProgramFiles", r"C:\Program Files"), "PostgreSQL", "*", "bin")),
            reverse=True)
    for candidate in candidates:
        if (Path(candidate) / initdb).exists():
            return Path(candidate)
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise Unavailable("PostgreSQL không có trên máy này (Debian: apt-get install postgresql; "
                      "Windows: bộ cài PostgreSQL, hoặc đặt MOTCUA_PG_BIN)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    folder: Path
    port: int
    bin_dir: Path
    run_as: list[str]

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/{database}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={USER} dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(sql)

    def create_database(self, name: str, template: str = "template0") -> None:
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')

    def drop_database(self, name: str) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        subprocess.run([*self.run_as, str(self.bin_dir / _exe("pg_ctl")), "-D", str(self.folder / "data"),
                        "-m", "immediate", "-w", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)


def start() -> Server:
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise Unavailable(f"thiếu thư viện psycopg: {exc}") from exc
    bin_dir = _bin_dir()
    folder = Path(tempfile.mkdtemp(prefix="motcua-pg-"))
    run_as: list[str] = []
    if hasattr(os, "geteuid") and os.geteuid() == 0:   # POSIX only: Windows has no root, nor geteuid
        runuser = shutil.which("runuser")
        if not runuser:
            raise Unavailable("đang chạy bằng root mà không có runuser để chạy PostgreSQL bằng người dùng khác")
        run_as = [runuser, "-u", "nobody", "--"]
        shutil.chown(folder, "nobody")
    port = _free_port()
    data = folder / "data"

    def run(*args: str) -> None:
        done = subprocess.run([*run_as, *args], capture_output=True, encoding="utf-8", errors="replace", timeout=120, cwd=folder)
        if done.returncode != 0:
            shutil.rmtree(folder, ignore_errors=True)
            raise Unavailable(f"{Path(args[0]).name} thất bại: {(done.stderr or done.stdout).strip()[-500:]}")

    # C.UTF-8 is a glibc locale; Windows has none of that name: "C" (no locale) with UTF-8 encoding there.
    locale = "--no-locale" if os.name == "nt" else "--locale=C.UTF-8"
    run(str(bin_dir / _exe("initdb")), "-D", str(data), "-U", USER, "--auth=trust", "-E", "UTF8", locale, "--no-sync")
    # Speed over durability: the cluster lives for one test run. A Unix socket in the folder on POSIX; TCP only
    # on Windows.
    sockets = f"-k {folder}" if os.name != "nt" else ""
    options = f"-p {port} {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " \
              "-c full_page_writes=off -c max_connections=100"
    run(str(bin_dir / _exe("pg_ctl")), "-D", str(data), "-l", str(folder / "server.log"), "-o", options, "-w",
        "-t", "60", "start")
    return Server(folder=folder, port=port, bin_dir=bin_dir, run_as=run_as)

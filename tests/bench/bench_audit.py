"""How long ``audit verify`` (the sealed chain) and ``audit verify --deep`` take at a million dossiers.

The register is filled by the demo generator, then every dossier gets its own ``insert`` event with
its values, as if each had been received or imported one by one (``db.audit.record_rows``, the import's
path): a million sealed events. Then the command line is timed as the officer waits for it (the whole
process), with its peak memory.

    .venv/bin/python -m tests.bench.bench_audit [--count N] [--db URL --reuse]
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from db import audit, audit_seal
from db.models import Dossier
from tests.bench.common import bench_register, register_arguments

ROOT = Path(__file__).resolve().parents[2]
NOW = dt.datetime(2026, 11, 25, 9, 0)


class _Keys:
    """A keyring of one fixed secret, shared with the command-line processes through the file keyring
    they are pointed at (MOTCUA_BENCH_SECRET), so both seal and verify with the same key."""

    def __init__(self, secret: bytes):
        self.secret = secret

    def available(self) -> bool:
        return True

    def current(self) -> bytes:
        return self.secret

    def stored(self) -> list[bytes]:
        return [self.secret]


def main() -> None:
    args = register_arguments(__doc__ or "")
    data = Path(tempfile.mkdtemp(prefix="motcua-bench-data-"))
    secret = os.urandom(32)
    audit_seal.configure(_Keys(secret), data / audit_seal.CHECKPOINT_FOLDER)
    url, Session = bench_register(args, NOW)
    if not args.reuse:
        start = time.perf_counter()
        columns = [c for c in Dossier.__table__.columns]
        with Session.begin() as session:
            rows = session.execute(select(*columns).order_by(Dossier.id).execution_options(yield_per=5000))
            audit.record_rows(session, "dossiers", "insert",
                              ((str(r.id), r.id, {c.key: (None, getattr(r, c.key)) for c in columns}) for r in rows))
        seconds = time.perf_counter() - start
        print(f"per-dossier sealed insert events recorded in {seconds:.1f} s")
    env = {**os.environ, "MOTCUA_DATA_DIR": str(data), "MOTCUA_BENCH_SECRET": secret.hex(),
           "PYTHON_KEYRING_BACKEND": "tests.bench.bench_audit.EnvKeyring"}
    for extra in ([], ["--deep"]):
        command = [sys.executable, str(ROOT / "main.py"), "--db", url, "--now", "2026-11-25 10:00",
                   "audit", "verify", *extra]
        start = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"audit verify {' '.join(extra)}: exit {done.returncode} in {seconds:.1f} s "
              f"(peak RSS of the children so far {peak:.0f} MB)")
        print("   " + "\n   ".join(done.stdout.strip().splitlines()[:6]))
        if done.stderr.strip():
            print("   stderr: " + done.stderr.strip()[:300])


try:
    from keyring.backend import KeyringBackend

    class EnvKeyring(KeyringBackend):
        """The benchmark's secret for the command-line processes (never a real keyring)."""

        priority = 1  # type: ignore[assignment]

        def get_password(self, service, username):
            return os.environ.get("MOTCUA_BENCH_SECRET") if username == "audit-seal-key" else None

        def set_password(self, service, username, password):
            raise RuntimeError("read-only benchmark keyring")

        def delete_password(self, service, username):
            raise RuntimeError("read-only benchmark keyring")
except ImportError:  # pragma: no cover
    pass


if __name__ == "__main__":
    main()

"""The schema revisions this version knows, read from the migration files (standard library only).

Light on purpose: a backup or a file offered for restore is judged ("a MotCua register of a
known schema") without importing SQLAlchemy or Alembic; db/migrate.py asks the same for the head.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION = re.compile(r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:['"]([^'"]*)['"]|None)""", re.M)


@lru_cache(maxsize=1)
def _graph() -> tuple[frozenset[str], frozenset[str]]:
    revisions, revised = set(), set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = dict((m[1], m[2]) for m in _REVISION.finditer(path.read_text(encoding="utf-8")))
        if found.get("revision"):
            revisions.add(found["revision"])
            if found.get("down_revision"):
                revised.add(found["down_revision"])
    return frozenset(revisions), frozenset(revised)


def known_revisions() -> frozenset[str]:
    """Every revision of the migration chain (a register at any of them can be migrated to head)."""
    return _graph()[0]


def head_revision() -> str:
    """The newest revision, from the revision files themselves (the one no other revision revises)."""
    revisions, revised = _graph()
    heads = revisions - revised
    if len(heads) != 1:
        raise RuntimeError(f"The migrations must have exactly one head, found {sorted(heads)}")
    return next(iter(heads))

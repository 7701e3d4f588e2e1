"""Files the office's other users must read: written beside their target, then renamed into place.

``tempfile.mkstemp`` creates its file 0600 (owner only) and a rename keeps that,
so a letter or a workbook written through it could not be opened by a colleague
on a shared folder. A new file here gets the permissions any new file gets
(0666 less the umask: 0644 usually; on Windows the folder's own rules).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def temporary_beside(path: Path, suffix: str = ".tmp") -> tuple[int, Path]:
    """An open descriptor and the name of a new, uniquely named file in ``path``'s folder (like
    ``tempfile.mkstemp``, but with the ordinary permissions of a new file)."""
    path = Path(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _attempt in range(100):
        name = path.parent / f".{path.stem}-{secrets.token_hex(5)}{suffix}"
        try:
            return os.open(name, flags, 0o666), name
        except FileExistsError:
            continue
    raise FileExistsError(f"cannot create a temporary file beside {path}")

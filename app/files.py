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

from app.errors import ConfigurationError, ValidationError


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


class FileInUse(ConfigurationError):
    """Windows refuses to replace or delete a file another program holds open (the PDF in Acrobat, the
    workbook in Excel): the message names the file and what to close."""


def in_use_message(path: Path) -> str:
    kind = {".pdf": "trình xem PDF (Acrobat, Foxit, trình duyệt…)",
            ".xlsx": "Excel (hoặc LibreOffice)", ".xls": "Excel (hoặc LibreOffice)"}.get(
        Path(path).suffix.lower(), "chương trình khác")
    return (f"Tệp “{path}” đang được mở trong {kind} nên không ghi đè được. Hãy đóng tệp đó rồi thử lại, "
            f"hoặc chọn tên tệp khác.")


def replace(temporary: Path, path: Path, attempts: int = 3, pause: float = 0.2) -> None:
    """``os.replace`` of a finished temporary file onto ``path``. A file held open elsewhere is tried a few
    times (an antivirus or the search indexer lets go in a moment), then refused as ``FileInUse``."""
    import time

    for attempt in range(attempts):
        try:
            os.replace(temporary, path)
            return
        except PermissionError:
            if attempt + 1 == attempts:
                raise FileInUse(in_use_message(path)) from None
            time.sleep(pause)


def free_name(path: Path) -> Path:
    """``path`` or, if a file is there, the first free "tên (2).pdf", "tên (3).pdf"… beside it."""
    path = Path(path)
    if not path.exists():
        return path
    for number in range(2, 1000):
        candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
        if not candidate.exists():
            return candidate
    raise FileInUse(in_use_message(path))


def check_writable_folder(folder: Path, shown: str | None = None) -> None:
    """The folder takes a new file: one is actually written and removed. ``os.access`` cannot tell on Windows
    (it ignores the folder's access rules and Controlled Folder Access, and says yes to a read-only share)."""
    try:
        handle, name = temporary_beside(Path(folder) / "motcua-thu-ghi", ".tmp")
        os.close(handle)
        os.unlink(name)
    except OSError:
        raise ValidationError(f"Không ghi được vào thư mục “{shown or folder}”: hãy chọn thư mục có quyền ghi "
                              f"(trên Windows, kiểm tra cả “Controlled folder access” của Windows Security)."
                              ) from None

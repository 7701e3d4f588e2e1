"""What one desk remembers between starts that is neither the register nor an office setting (which dossiers
the alerts already announced): small JSON files in the data folder, not the Windows registry, where a list
of dossier ids rewritten every five minutes does not belong.

A file that cannot be read starts afresh; one that cannot be written (a full disk, a read-only profile) is
logged and the desk goes on: this memory only saves the officer a repeated notice.
"""

from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path
from typing import Any

from app.files import replace, temporary_beside
from db.paths import data_dir

log = logging.getLogger(__name__)

FOLDER = "trang-thai"


def path_of(name: str) -> Path:
    if not re.fullmatch(r"[A-Za-z0-9_.-]+", name):
        raise ValueError(f"not a state name: {name!r}")
    return data_dir() / FOLDER / f"{name}.json"


def load(name: str) -> dict[str, Any]:
    try:
        value = json.loads(path_of(name).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        log.warning("Desk state %s unreadable, starting afresh: %s", name, error)
        return {}
    return value if isinstance(value, dict) else {}


def save(name: str, value: dict[str, Any]) -> None:
    path = path_of(name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = temporary_beside(path, ".json.tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(value, stream, ensure_ascii=False, separators=(",", ":"))
            replace(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    except Exception as error:  # noqa: BLE001 - OSError or FileInUse: the desk goes on without it
        log.warning("Desk state %s not saved: %s", name, error)

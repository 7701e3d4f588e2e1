"""The national holidays of a year, worked out once by the ``holidays`` package and then read back.

``holidays`` stays the one source of the base calendar; but asking it costs every command about 0.3 s
of CPU (it imports the data of every country before it can answer for Vietnam), which is a quarter of
what an officer waits for ``due`` or ``warnings`` at a million dossiers (issue 16). Its answers for a
year never change for one version of the package, so they are kept in a small JSON file in the cache
folder, keyed by the package files they come from: a new version of ``holidays`` (or a file edited by
hand) gives a new key, and the years are worked out again. A missing, unreadable or foreign cache is
never an error, only a slower start.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import logging
import os
from pathlib import Path
from typing import Callable

from db.paths import cache_dir

log = logging.getLogger(__name__)

Year = tuple[dict[dt.date, str], set[dt.date]]
FORMAT = 1


def package_key() -> str | None:
    """Size and time of the package files the answers come from, without importing the package;
    None when they are not plain files (inside a frozen build's archive): then nothing is cached."""
    try:
        spec = importlib.util.find_spec("holidays")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin or not os.path.isfile(spec.origin):
        return None
    root = Path(spec.origin).parent
    parts = [f"f{FORMAT}"]
    for name in ("version.py", "countries/vietnam.py", "calendars/chinese.py"):
        try:
            stat = (root / name).stat()
        except OSError:
            return None
        parts.append(f"{stat.st_size}.{stat.st_mtime_ns}")
    return "-".join(parts)


def cached_year(year: int, compute: Callable[[int], Year], folder: Path | None = None) -> Year:
    key = package_key()
    if key is None:
        return compute(year)
    path = (folder or cache_dir()) / "ngay-le-quoc-gia.json"
    years = _read(path, key)
    found = years.get(str(year))
    if found is not None:
        try:
            return ({dt.date.fromisoformat(day): name for day, name in found["off"].items()},
                    {dt.date.fromisoformat(day) for day in found["make_up"]})
        except (KeyError, TypeError, ValueError, AttributeError):
            pass   # a damaged entry: work it out again below
    days_off, make_up = compute(year)
    years[str(year)] = {"off": {day.isoformat(): name for day, name in sorted(days_off.items())},
                        "make_up": sorted(day.isoformat() for day in make_up)}
    _write(path, key, years)
    return days_off, make_up


def _read(path: Path, key: str) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("key") != key or not isinstance(data.get("years"), dict):
        return {}
    return data["years"]


def _write(path: Path, key: str, years: dict) -> None:
    """Whole or not at all (another desk's command may be reading it); a failure only costs time."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps({"key": key, "years": years}, ensure_ascii=False, sort_keys=True),
                             encoding="utf-8")
        os.replace(temporary, path)
    except OSError as error:
        log.info("Holiday cache not written (%s); the holidays are worked out again next time", error)
        try:
            temporary.unlink()
        except OSError:
            pass

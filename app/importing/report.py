"""The saved import report: a CSV (UTF-8 with BOM, so Excel shows the marks) in the user data folder."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path
from typing import Iterable

from app.text import fold
from db.paths import data_dir

REPORT_FOLDER = "bao-cao-nhap"


def report_folder() -> Path:
    return data_dir() / REPORT_FOLDER


def write_report(at: dt.datetime, kind: str, file_name: str, summary: Iterable[tuple[str, object]],
                 problems: Iterable, extra: Iterable[tuple[str, ...]] = ()) -> Path:
    """``summary`` is (label, value) lines; ``problems`` have ``row``, ``code`` and ``reason``."""
    folder = report_folder()
    folder.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^0-9a-z]+", "-", fold(Path(file_name).stem))[:40].strip("-") or "tep"
    path = folder / f"{at:%Y%m%d-%H%M%S}-{kind}-{stem}.csv"
    counter = 1
    while path.exists():
        counter += 1
        path = folder / f"{at:%Y%m%d-%H%M%S}-{kind}-{stem}-{counter}.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Báo cáo nhập tệp", file_name])
        writer.writerow(["Thời điểm", f"{at:%d/%m/%Y %H:%M}"])
        for label, value in summary:
            writer.writerow([label, value])
        for line in extra:
            writer.writerow(list(line))
        writer.writerow([])
        writer.writerow(["Dòng", "Mã", "Lý do không nhập được"])
        for problem in problems:
            writer.writerow([problem.row, problem.code, problem.reason])
    return path

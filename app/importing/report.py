"""The saved import report: an .xlsx workbook in the user data folder (``bao-cao-nhap/``).

A workbook, not a CSV: Excel with Vietnamese regional settings splits a CSV on ";", so a comma CSV
opened as one column; and every cell a file brought (codes, names, reasons quoting them) is written
as text through ``app.reports.xlsx.safe_text``, as every other workbook of the app, so a code such as
``=HYPERLINK(…)`` or ``@SUM(A1)`` is shown, never run.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Iterable

from app.reports.xlsx import Column, Sheet, new_workbook, to_bytes, write_atomically
from app.text import fold
from db.paths import data_dir

REPORT_FOLDER = "bao-cao-nhap"
SUFFIX = ".xlsx"

_SUMMARY_COLUMNS = (Column("Mục", 40), Column("Số lượng", 16))
_PROBLEM_COLUMNS = (Column("Dòng", 9, "int"), Column("Mã", 30), Column("Lý do không nhập được", 100))
_EXTRA_COLUMNS = (Column("Loại", 34), Column("Mã", 20), Column("Tên", 60), Column("Số dòng", 12, "int"))


def report_folder() -> Path:
    return data_dir() / REPORT_FOLDER


def _report_path(at: dt.datetime, kind: str, file_name: str) -> Path:
    folder = report_folder()
    stem = re.sub(r"[^0-9a-z]+", "-", fold(Path(file_name).stem))[:40].strip("-") or "tep"
    path = folder / f"{at:%Y%m%d-%H%M%S}-{kind}-{stem}{SUFFIX}"
    counter = 1
    while path.exists():
        counter += 1
        path = folder / f"{at:%Y%m%d-%H%M%S}-{kind}-{stem}-{counter}{SUFFIX}"
    return path


def write_report(at: dt.datetime, kind: str, file_name: str, summary: Iterable[tuple[str, object]],
                 problems: Iterable, extra: Iterable[tuple[str, str, str, int]] = ()) -> Path:
    """``summary`` is (label, value) lines; ``problems`` have ``row``, ``code`` and ``reason``; ``extra`` is
    (kind, code, name, rows) of what the register does not know yet (procedures, units)."""
    book = new_workbook()
    subtitle = [f"Tệp: {file_name}", f"Thời điểm: {at:%d/%m/%Y %H:%M}"]
    sheet = Sheet(book, "Tóm tắt", "BÁO CÁO NHẬP TỆP", subtitle, _SUMMARY_COLUMNS)
    for label, value in summary:
        sheet.add([label, value])
    sheet.finish()
    sheet = Sheet(book, "Dòng không nhập được", "DÒNG KHÔNG NHẬP ĐƯỢC", subtitle, _PROBLEM_COLUMNS)
    for problem in problems:
        sheet.add([problem.row, str(problem.code), str(problem.reason)])
    sheet.finish()
    extra = list(extra)
    if extra:
        sheet = Sheet(book, "Chưa có trong sổ", "THỦ TỤC, ĐƠN VỊ CHƯA CÓ TRONG SỔ", subtitle, _EXTRA_COLUMNS)
        for line in extra:
            sheet.add([str(part) if not isinstance(part, int) else part for part in line])
        sheet.finish()
    return write_atomically(_report_path(at, kind, file_name), to_bytes(book))

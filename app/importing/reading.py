"""Reading a spreadsheet export into rows of raw cell values.

.xlsx/.xlsm/.xls/.ods go through python-calamine (≈16× faster than openpyxl);
.csv is decoded by looking at its bytes: a BOM (UTF-8, UTF-16), then strict
UTF-8, then Windows-1258 (the Vietnamese code page of older Windows exports).
Formula cells are reported, never evaluated: a citizen's name beginning with
"=" must not silently become something else.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import ValidationError

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}
TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FORMULA_CELL = re.compile(rb'<c r="([A-Z]+)([0-9]+)"[^>]*?>(?:<v>[^<]*</v>)?\s*<f[ >/]')


@dataclass(frozen=True)
class RawTable:
    """The cells of the first sheet, as the reader gave them; row numbers are 1-based as in the file."""

    name: str
    rows: list[list]
    encoding: str = ""  # for CSV: the encoding that was recognised
    # (row number, column letter) of cells holding a formula
    formulas: frozenset[tuple[int, str]] = field(default_factory=frozenset)


def read_table(path: str | Path) -> RawTable:
    path = Path(path)
    if not path.exists():
        raise ValidationError(f"Không tìm thấy tệp “{path}”.")
    if path.is_dir():
        raise ValidationError(f"“{path}” là một thư mục, không phải tệp bảng tính.")
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise ValidationError(f"Không đọc được tệp “{path.name}”: {error.strerror or error}.") from None
    if not head:
        raise ValidationError(f"Tệp “{path.name}” trống (0 byte).")
    suffix = path.suffix.lower()
    if head.startswith(_ZIP_MAGIC) or head.startswith(_OLE_MAGIC) or suffix in SPREADSHEET_SUFFIXES:
        return _read_workbook(path, head)
    return _read_csv(path)


def _read_workbook(path: Path, head: bytes) -> RawTable:
    from python_calamine import CalamineError, CalamineWorkbook

    if not (head.startswith(_ZIP_MAGIC) or head.startswith(_OLE_MAGIC)):
        raise ValidationError(f"Tệp “{path.name}” không phải bảng tính Excel/ODS (nội dung không đúng định dạng).")
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        if not workbook.sheet_names:
            raise ValidationError(f"Tệp “{path.name}” không có trang tính nào.")
        rows = workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except ValidationError:
        raise
    except (CalamineError, ValueError, OSError, Exception) as error:  # noqa: BLE001 - calamine's many kinds
        if "password" in str(error).lower() or type(error).__name__ == "PasswordError":
            raise ValidationError(f"Tệp “{path.name}” được đặt mật khẩu; hãy lưu lại không mật khẩu rồi nhập.") \
                from None
        raise ValidationError(f"Tệp “{path.name}” không phải bảng tính đọc được (hỏng hoặc sai định dạng).") \
            from None
    formulas = _xlsx_formulas(path) if head.startswith(_ZIP_MAGIC) else frozenset()
    return RawTable(path.name, rows, formulas=formulas)


def _sheet_number(name: str) -> int:
    """3 for "xl/worksheets/sheet3.xml"."""
    found = re.search(r"(\d+)", name.rsplit("/", 1)[1])
    assert found is not None  # only names matching sheetN.xml are asked
    return int(found.group(1))


def _xlsx_formulas(path: Path) -> frozenset[tuple[int, str]]:
    """Cells of the first sheet that hold a formula (calamine gives only their cached value)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)]
            if not names:
                return frozenset()
            first = sorted(names, key=_sheet_number)[0]
            found: set[tuple[int, str]] = set()
            tail = b""
            with archive.open(first) as stream:
                while chunk := stream.read(1 << 20):
                    data = tail + chunk
                    if b"<f" in data:
                        for match in _FORMULA_CELL.finditer(data):
                            found.add((int(match.group(2)), match.group(1).decode()))
                    tail = data[-200:]
            return frozenset(found)
    except (zipfile.BadZipFile, OSError, KeyError):
        return frozenset()


def detect_encoding(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    # UTF-16 without a BOM: every other byte of ASCII text is zero.
    if len(data) >= 4 and data[1::2].count(0) > len(data) // 4:
        return "utf-16-le"
    return "cp1258"


def _read_csv(path: Path) -> RawTable:
    data = path.read_bytes()
    encoding = detect_encoding(data)
    text = data.decode(encoding, errors="strict" if encoding != "cp1258" else "replace")
    if "\x00" in text or _looks_binary(text):
        raise ValidationError(f"Tệp “{path.name}” không phải bảng tính hay tệp CSV (có nội dung nhị phân).")
    if not text.strip():
        raise ValidationError(f"Tệp “{path.name}” không có dữ liệu.")
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = [row for row in reader]
    except csv.Error as error:
        raise ValidationError(f"Tệp “{path.name}” không đọc được như CSV: {error}.") from None
    formulas = frozenset(
        (number, column_letter(index))
        for number, row in enumerate(rows, start=1)
        for index, value in enumerate(row)
        if value[:1] == "=" and len(value) > 1
    )
    return RawTable(path.name, rows, encoding=encoding, formulas=formulas)


def _delimiter(text: str) -> str:
    """The separator that splits most of the first lines into the most columns.

    csv.Sniffer gives up on exports that start with a one-cell title line."""
    lines = [line for line in text[:50000].splitlines()[:60] if line.strip()]
    best, best_score = ",", 0
    for candidate in (",", ";", "\t", "|"):
        counts = sorted(len(row) - 1 for row in csv.reader(lines, delimiter=candidate))
        score = counts[len(counts) // 2] if counts else 0
        if score > best_score:
            best, best_score = candidate, score
    return best


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t")
    return controls > len(sample) // 20


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: how a spreadsheet names a column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters

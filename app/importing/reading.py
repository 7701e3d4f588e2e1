"""Reading a spreadsheet export into rows of raw cell values.

.xlsx/.xlsm/.xls/.ods go through python-calamine (≈16× faster than openpyxl);
.csv is decoded by looking at its bytes: a BOM (UTF-8, UTF-16), then strict
UTF-8, then Windows-1258 (the Vietnamese code page of older Windows exports).
Formula cells are reported, never evaluated: a citizen's name beginning with
"=" must not silently become something else.

A file is checked before it is read (``check_input_file``, ``_scan_sheet``): a regular file
(a FIFO would hang the reader, a device never ends), of a bounded size, and for .xlsx a real used
range (found by scanning the sheet, not the dimension it declares) within a bound on columns and
cells: calamine sizes its grid from the farthest cell, so one cell at XFD1048576 in a 5 KB file
asks for 512 GB and aborts the whole process, and one at ZZ100000 costs seconds per row.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import ValidationError

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}
TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FORMULA_CELL = re.compile(rb'<c r="([A-Z]+)([0-9]+)"[^>]*?>(?:<v>[^<]*</v>)?\s*<f[ >/]')

MAX_FILE_BYTES = 300 * 1024 * 1024      # a 2,000,000-row CSV export is about this size
MAX_SHEET_BYTES = 2 * 1024 * 1024 * 1024  # the first sheet's XML once unpacked (a zip bomb stops here)
MAX_COLUMNS = 200                        # the exports have 10–40 columns; "GR" is the 200th
MAX_CELLS = 30_000_000                   # rows × columns of the used range (100,000 rows × 300 cells)
# Cells that can widen or lengthen the grid: a column of two or three letters, a row of six digits or more.
# Cells that can widen or lengthen the grid: a column of two or three letters; a row of six digits or more.
_WIDE_CELL = re.compile(rb'r="([A-Z]{2,3})([0-9]+)"')
_DEEP_ROW = re.compile(rb'<row r="([0-9]{6,})"')
_ANY_CELL = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3})([0-9]+)"')

@dataclass(frozen=True)
class RawTable:
    """The cells of the first sheet, as the reader gave them; row numbers are 1-based as in the file."""

    name: str
    rows: list[list]
    encoding: str = ""  # for CSV: the encoding that was recognised
    # (row number, column letter) of cells holding a formula
    formulas: frozenset[tuple[int, str]] = field(default_factory=frozenset)


def check_input_file(path: Path) -> int:
    """The size of ``path`` once it is known to be a regular file of a size the import can take.

    Asked of the file's status, never by opening it: opening a FIFO blocks until someone writes."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ValidationError(f"Không tìm thấy tệp “{path}”.") from None
    except OSError as error:
        raise ValidationError(f"Không đọc được tệp “{path.name}”: {error.strerror or error}.") from None
    if stat.S_ISDIR(info.st_mode):
        raise ValidationError(f"“{path}” là một thư mục, không phải tệp bảng tính.")
    if not stat.S_ISREG(info.st_mode):
        kind = "ống dẫn (FIFO)" if stat.S_ISFIFO(info.st_mode) else \
            "thiết bị" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else \
            "socket" if stat.S_ISSOCK(info.st_mode) else "tệp đặc biệt"
        raise ValidationError(f"“{path}” là {kind}, không phải tệp bảng tính; hãy chọn tệp .xlsx/.csv đã lưu.")
    if info.st_size > MAX_FILE_BYTES:
        raise ValidationError(
            f"Tệp “{path.name}” quá lớn ({info.st_size // 1_048_576} MB; tối đa "
            f"{MAX_FILE_BYTES // 1_048_576} MB mỗi lần nhập). Hãy chia tệp theo tháng hoặc theo đơn vị.")
    return info.st_size


def read_table(path: str | Path) -> RawTable:
    path = Path(path)
    check_input_file(path)
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
    formulas = _scan_sheet(path) if head.startswith(_ZIP_MAGIC) else frozenset()
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
    return RawTable(path.name, rows, formulas=formulas)


def _sheet_number(name: str) -> int:
    """3 for "xl/worksheets/sheet3.xml"."""
    found = re.search(r"(\d+)", name.rsplit("/", 1)[1])
    assert found is not None  # only names matching sheetN.xml are asked
    return int(found.group(1))


def _first_sheet(archive: zipfile.ZipFile) -> str | None:
    """The XML member of the workbook's first sheet (the one read), as workbook.xml orders them."""
    names = set(archive.namelist())
    try:
        book = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
        first = re.search(rb'<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"', book)
        if first:
            for rel in re.finditer(rb"<Relationship\b[^>]*>", rels):
                tag = rel.group(0)
                if re.search(rb'\bId="' + re.escape(first.group(1)) + rb'"', tag):
                    target = re.search(rb'\bTarget="([^"]+)"', tag)
                    if target:
                        name = target.group(1).decode("utf-8", "replace").lstrip("/")
                        name = name if name.startswith("xl/") else "xl/" + name
                        if name in names:
                            return name
    except (KeyError, zipfile.BadZipFile, OSError):
        pass
    sheets = [n for n in names if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)]
    return sorted(sheets, key=_sheet_number)[0] if sheets else None


def _column_number(letters: str) -> int:
    """"A" → 1, "Z" → 26, "AA" → 27, "XFD" → 16384."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _scan_sheet(path: Path) -> frozenset[tuple[int, str]]:
    """One pass over the first sheet's XML before calamine reads it: refuse a grid the reader cannot hold,
    and find the cells holding a formula (calamine gives only their cached value).

    The grid is judged by the cells the sheet really has, not the dimension it declares. Only far cells
    are matched (a column of two letters or more, a row of six digits or more), so an ordinary export
    costs one quick pass of two regular expressions (about 1 s for 100,000 rows here)."""
    found: set[tuple[int, str]] = set()
    try:
        with zipfile.ZipFile(path) as archive:
            member = _first_sheet(archive)
            if member is None:
                return frozenset()   # calamine says what is wrong with the workbook
            if archive.getinfo(member).file_size > MAX_SHEET_BYTES:
                raise ValidationError(f"Tệp “{path.name}” có trang tính quá lớn khi giải nén "
                                      f"(trên {MAX_SHEET_BYTES // 1_073_741_824} GB); hãy chia tệp.")
            # (size, the cell or the row that reaches it)
            width: tuple[int, str] = (1, "A1")
            height: tuple[int, str] = (1, "dòng 1")
            tail = b""
            read = 0
            with archive.open(member) as stream:
                while chunk := stream.read(1 << 20):
                    read += len(chunk)
                    if read > MAX_SHEET_BYTES:   # more than the archive's directory said
                        raise ValidationError(f"Tệp “{path.name}” có trang tính quá lớn khi giải nén; hãy chia tệp.")
                    data = tail + chunk
                    if not tail:   # the first rows give the table's own width (columns A–Z too)
                        for letters, row in _ANY_CELL.findall(data[:65536]):
                            width = max(width, (_column_number(letters.decode()), (letters + row).decode()))
                    for letters, row in _WIDE_CELL.findall(data):
                        ref = (letters + row).decode()
                        width = max(width, (_column_number(letters.decode()), ref))
                        height = max(height, (int(row), ref))
                    for row in _DEEP_ROW.findall(data):
                        height = max(height, (int(row), f"dòng {int(row)}"))
                    if width[0] > MAX_COLUMNS or width[0] * height[0] > MAX_CELLS:
                        break   # no need to read the rest of a file that is refused
                    if b"<f" in data:
                        for match in _FORMULA_CELL.finditer(data):
                            found.add((int(match.group(2)), match.group(1).decode()))
                    tail = data[-200:]
    except (zipfile.BadZipFile, OSError, KeyError):
        return frozenset()   # not a readable archive: calamine's own error says so
    if width[0] > MAX_COLUMNS or width[0] * height[0] > MAX_CELLS:
        far = width[1] if width[0] > MAX_COLUMNS else height[1]
        far = far if far.startswith("dòng") else f"ô {far}"
        raise ValidationError(
            f"Tệp “{path.name}” có dữ liệu ở {far}, ngoài vùng nhập được (tối đa {MAX_COLUMNS} cột và "
            f"{MAX_CELLS // 1_000_000} triệu ô). Có lẽ đó là ô thừa: hãy xóa các cột, dòng thừa ở cuối bảng "
            "rồi lưu lại.")
    return frozenset(found)


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


def _decode(path: Path, data: bytes, encoding: str) -> str:
    """The text of a CSV, or the officer's sentence naming the file and the line that cannot be decoded."""
    try:
        return data.decode(encoding, errors="strict" if encoding != "cp1258" else "replace")
    except UnicodeDecodeError as error:
        good = data[:error.start].decode(encoding, errors="replace")
        line = good.count("\n") + 1
        name = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "utf-16": "UTF-16", "utf-16-le": "UTF-16"}.get(
            encoding, encoding)
        truncated = error.end >= len(data) and error.reason in ("truncated data", "unexpected end of data")
        why = "tệp bị cắt cụt giữa chừng" if truncated else "có byte không đúng bảng mã"
        raise ValidationError(
            f"Tệp “{path.name}” không đọc được ở dòng {line}: nội dung không đúng bảng mã {name} ({why}). "
            "Hãy xuất lại tệp từ hệ thống, hoặc mở bằng Excel rồi lưu lại dạng .xlsx.") from None


def _read_csv(path: Path) -> RawTable:
    data = path.read_bytes()
    encoding = detect_encoding(data)
    text = _decode(path, data, encoding)
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

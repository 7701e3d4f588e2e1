"""The data rows written as sheet XML (app/reports/xlsx.py) read back as openpyxl wrote them before:
the same values, types, formats, fonts, row numbers and filter, in openpyxl and in calamine."""

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from app.reports.xlsx import Column, Sheet, new_workbook, to_bytes

COLUMNS = (Column("STT", 6, "int"), Column("Người nộp", 24), Column("Tiếp nhận", 16, "datetime"),
           Column("Ngày", 12, "date"), Column("Tỷ lệ", 10, "percent"), Column("Ghi chú", 20))


def _book():
    book = new_workbook()
    sheet = Sheet(book, "Hồ sơ", "DANH SÁCH HỒ SƠ", ["Phường Trần Biên", "Ngày 01/12/2026"], COLUMNS)
    sheet.add([1, "Nguyễn Thị Ánh & <Đức>", dt.datetime(2026, 12, 1, 9, 30), dt.datetime(2026, 12, 3, 17, 0),
               Decimal("76.9"), "=HYPERLINK(\"x\")"])
    sheet.add([2, "  Trần\x07 Văn Bình  ", None, dt.date(2026, 12, 4), Decimal("100"), True])
    sheet.add([3, "Lê\ufffe Văn\ud800 Cường", None, None, None, 4.5])
    sheet.add(["Tổng", 3, None, None, Decimal("88.5"), None], total=True)
    sheet.finish()
    empty = Sheet(book, "Trống", "KHÔNG CÓ DÒNG NÀO", [], COLUMNS[:2])
    empty.finish()
    return to_bytes(book)


def test_rows_read_back_with_their_values_formats_and_fonts():
    book = openpyxl.load_workbook(io.BytesIO(_book()))
    ws = book["Hồ sơ"]
    header = 5   # title, two subtitle lines, a blank line, then the header
    assert [c.value for c in ws[header]] == [c.header for c in COLUMNS]
    first, second, third, total = ws[header + 1], ws[header + 2], ws[header + 3], ws[header + 4]
    assert [c.value for c in first] == [1, "Nguyễn Thị Ánh & <Đức>", dt.datetime(2026, 12, 1, 9, 30),
                                        dt.datetime(2026, 12, 3), 76.9, "'=HYPERLINK(\"x\")"]
    assert first[2].number_format == "dd/mm/yyyy hh:mm" and first[3].number_format == "dd/mm/yyyy"
    assert first[4].number_format == "0.0" and first[2].font.name == "Times New Roman"
    assert [c.value for c in second][:5] == [2, "  Trần Văn Bình  ", None, dt.datetime(2026, 12, 4), 100]
    assert second[5].value is True
    assert [c.value for c in third] == [3, "Lê Văn Cường", None, None, None, 4.5]   # no XML-invalid character
    assert [c.value for c in total][:2] == ["Tổng", 3] and total[0].font.b and total[1].font.b
    assert not first[1].font.b
    assert ws.max_row == header + 4
    assert ws.auto_filter.ref == f"A{header}:F{header + 3}"   # the total row stays out of the filter
    assert ws.freeze_panes == f"A{header + 1}"
    assert book["Trống"].max_row == 3 and book["Trống"]["A3"].value == "STT"


def test_calamine_reads_the_same_rows():
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(_book())).get_sheet_by_name("Hồ sơ").to_python()
    assert sheet[5][:4] == [1, "Nguyễn Thị Ánh & <Đức>", dt.datetime(2026, 12, 1, 9, 30), dt.date(2026, 12, 3)]
    assert sheet[8][:2] == ["Tổng", 3]


def test_odd_values_read_back_as_openpyxl_wrote_them():
    import enum

    class Level(enum.IntEnum):
        HIGH = 3

    class Channel(str, enum.Enum):
        ONLINE = "online"

    book = new_workbook()
    sheet = Sheet(book, "Lạ", "GIÁ TRỊ LẠ", [], COLUMNS)
    sheet.add([Level.HIGH, "", None, None, Decimal("NaN"), "dòng 1\r\ndòng 2\rhết"])
    sheet.add([2, Channel.ONLINE, None, None, None, "x" * 40_000])
    sheet.finish()
    ws = openpyxl.load_workbook(io.BytesIO(to_bytes(book)))["Lạ"]
    first, second = [c.value for c in ws[4]], [c.value for c in ws[5]]
    assert first[0] == 3 and first[1] is None   # an empty text is a blank cell
    assert first[4] == "NaN" and first[5] == "dòng 1\r\ndòng 2\rhết"
    assert second[1] == "online" and len(second[5]) == 32_767   # Excel's limit for a cell


def test_a_sheet_needs_the_workbook_that_saves_its_rows():
    with pytest.raises(TypeError):
        Sheet(openpyxl.Workbook(write_only=True), "x", "X", [], COLUMNS)


def test_a_big_sheet_goes_through_a_temporary_file_and_keeps_every_row():
    book = new_workbook()
    sheet = Sheet(book, "Sổ", "SỔ THEO DÕI", [], COLUMNS)
    for index in range(1, 30_001):   # ~12 MB of rows: past the in-memory part of the spool
        sheet.add([index, f"Nguyễn Văn {index} " + "ă" * 150, dt.datetime(2026, 1, 1, 8), None, None, "ghi chú"])
    sheet.finish()
    assert sheet._xml._file._rolled   # really on disk, not held as strings
    rows = CalamineWorkbook.from_filelike(io.BytesIO(to_bytes(book))).get_sheet_by_name("Sổ").to_python()
    data = rows[3:]
    assert len(data) == 30_000 and data[0][0] == 1 and data[-1][0] == 30_000
    assert data[-1][1].startswith("Nguyễn Văn 30000 ăăă")

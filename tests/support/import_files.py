"""Generated exports of the provincial one-stop system, in the header and encoding variants seen in the field."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import unicodedata
from pathlib import Path

HEADERS = {
    # the provincial system's own spelling
    "standard": ["STT", "Mã hồ sơ", "Ngày tiếp nhận", "Hạn xử lý", "Mã thủ tục", "Tên thủ tục", "Người nộp",
                 "Số CCCD", "Số điện thoại", "Địa chỉ", "Hình thức nộp", "Trạng thái"],
    # the national portal's list, without marks and upper case
    "folded": ["STT", "SO HO SO", "NGAY NHAN", "NGAY HEN TRA", "MA TTHC", "TEN THU TUC", "CHU HO SO",
               "CMND/CCCD", "SDT", "DIA CHI", "HINH THUC", "TINH TRANG"],
    # an older export with other words
    "variant": ["Số TT", "Số hồ sơ", "Ngày nhận hồ sơ", "Ngày hẹn trả kết quả", "Mã TTHC", "Thủ tục hành chính",
                "Tên người nộp", "Số giấy tờ", "Điện thoại", "Địa chỉ người nộp", "Hình thức tiếp nhận",
                "Tình trạng xử lý"],
}

NAMES = ["Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Hoàng Đức", "Phạm Thị Hường", "Đặng Văn Đức",
         "Vũ Thị Ánh Tuyết", "Hoàng Quốc Việt", "Bùi Thị Thu Hà", "Đỗ Minh Khôi", "Công ty TNHH Đại Phát"]
STREETS = ["Phố Huế", "Đường Lê Lợi", "Ngõ 12 Trần Hưng Đạo", "Tổ 3, khu phố Bình Dương"]
CHANNELS = ["Trực tiếp", "Trực tuyến", "Bưu chính công ích", "Nộp trực tuyến"]
STATUSES = ["Đã tiếp nhận", "Đang xử lý", "Đang giải quyết", "Được tiếp nhận"]
PROCEDURES = [("P3", "Cấp Giấy xác nhận tình trạng hôn nhân"), ("P0", "Chứng thực bản sao từ bản chính"),
              ("D10", "Đăng ký biến động đất đai"), ("H4", "Cấp bản sao trích lục hộ tịch")]


def dossier_rows(count: int, seed: int = 1, start: dt.datetime = dt.datetime(2026, 9, 1, 8, 0),
                 with_due: bool = True, prefix: str = "000.00.16.H19-26") -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for index in range(count):
        received = start + dt.timedelta(minutes=rng.randrange(0, 80 * 24 * 60))
        received = received.replace(hour=rng.randrange(7, 17), second=0)
        code, name = PROCEDURES[rng.randrange(len(PROCEDURES))]
        due = received + dt.timedelta(days=rng.randrange(0, 20))
        rows.append({
            "code": f"{prefix}{index:07d}", "received_at": received,
            "due_at": due.replace(hour=17, minute=0) if with_due else None,
            "procedure_code": code, "procedure_name": name, "applicant_name": NAMES[rng.randrange(len(NAMES))],
            "id_number": f"0{rng.randrange(10**10, 10**11)}", "phone": f"09{rng.randrange(10**7, 10**8)}",
            "address": STREETS[rng.randrange(len(STREETS))], "channel": CHANNELS[rng.randrange(len(CHANNELS))],
            "status": STATUSES[rng.randrange(len(STATUSES))],
        })
    return rows


def as_cells(row: dict, number: int, date_style: str = "dmy") -> list:
    def show(moment):
        if moment is None:
            return ""
        if date_style == "iso":
            return moment.strftime("%Y-%m-%d %H:%M")
        if date_style == "native":
            return moment
        return moment.strftime("%d/%m/%Y %H:%M")
    return [number, row["code"], show(row["received_at"]), show(row["due_at"]), row["procedure_code"],
            row["procedure_name"], row["applicant_name"], row["id_number"], row["phone"], row["address"],
            row["channel"], row["status"]]


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """What Windows writes in code page 1258: base letters precomposed (ê, ơ, ư), tone marks combining."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            ch.encode("cp1258")
            out.append(ch)
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out.append(base + "".join(c for c in parts if c in _TONES))
    return "".join(out).encode("cp1258")


def write_csv(path: Path, rows: list[dict], headers: str = "standard", encoding: str = "utf-8-sig",
              delimiter: str = ",", date_style: str = "dmy", title: bool = False) -> Path:
    buffer = io.StringIO(newline="")
    _write_csv(buffer, rows, headers, delimiter, date_style, title)
    text = buffer.getvalue()
    Path(path).write_bytes(to_cp1258(text) if encoding == "cp1258" else text.encode(encoding))
    return path


def _write_csv(handle, rows, headers, delimiter, date_style, title) -> None:
    writer = csv.writer(handle, delimiter=delimiter)
    if title:
        writer.writerow(["DANH SÁCH HỒ SƠ TIẾP NHẬN"])
        writer.writerow([])
    writer.writerow(HEADERS[headers])
    for number, row in enumerate(rows, start=1):
        writer.writerow(as_cells(row, number, date_style))


def write_xlsx(path: Path, rows: list[dict], headers: str = "standard", date_style: str = "native",
               extra: list[list] | None = None) -> Path:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Danh sách")
    sheet.append(HEADERS[headers])
    for number, row in enumerate(rows, start=1):
        sheet.append(as_cells(row, number, date_style))
    for line in extra or []:
        sheet.append(line)
    workbook.save(path)
    return path


def read_report(path) -> dict[str, list[tuple]]:
    """The saved import report (.xlsx): each sheet's rows of values, as a spreadsheet program reads them."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    return {sheet.title: [tuple(cell for cell in row) for row in sheet.iter_rows(values_only=True)]
            for sheet in book.worksheets}

"""Finding the columns of an export by their header, whatever the spelling.

Headers are compared folded (no marks, đ→d, lower case, punctuation as
spaces), so "Mã hồ sơ", "MÃ HỒ SƠ" and "Ma ho so" are one. A header the app
does not know can be mapped by the officer; that mapping is remembered per
source (the settings table, key ``import.mapping.<source>``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.importing.reading import column_letter
from app.text import fold
from db.models import Setting

IGNORE = "_ignore"
_NON_WORD = re.compile(r"[^0-9a-z]+")


def header_key(text) -> str:
    """"Mã hồ sơ (*)" → "ma ho so"; "Số CCCD/CMND" → "so cccd cmnd"."""
    return _NON_WORD.sub(" ", fold(str(text or ""))).strip()


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # Vietnamese, shown in the mapping dialog
    variants: tuple[str, ...]
    required: bool = False


def _columns(*items: Column) -> dict[str, Column]:
    return {c.key: c for c in items}


DOSSIER_COLUMNS = _columns(
    Column("code", "Mã hồ sơ", ("ma ho so", "so ho so", "ma hs", "so hs", "ma so ho so", "ma ho so dien tu"),
           required=True),
    Column("received_at", "Ngày tiếp nhận", ("ngay tiep nhan", "ngay nhan", "ngay nhan ho so", "thoi gian tiep nhan",
                                             "thoi diem tiep nhan", "ngay nop", "ngay nop ho so", "ngay gio tiep nhan"),
           required=True),
    Column("due_at", "Hạn xử lý (ngày hẹn trả)", ("han xu ly", "ngay hen tra", "ngay hen tra ket qua", "hen tra",
                                                  "han giai quyet", "han tra ket qua", "thoi han giai quyet",
                                                  "ngay hen")),
    Column("procedure_code", "Mã thủ tục", ("ma thu tuc", "ma tthc", "ma thu tuc hanh chinh", "ma tt")),
    Column("procedure_name", "Tên thủ tục", ("ten thu tuc", "thu tuc", "ten tthc", "thu tuc hanh chinh",
                                             "ten thu tuc hanh chinh")),
    Column("applicant_name", "Người nộp (chủ hồ sơ)", ("nguoi nop", "chu ho so", "ten nguoi nop", "ho ten nguoi nop",
                                                        "nguoi nop ho so", "ten chu ho so", "ho va ten", "ho ten",
                                                        "to chuc ca nhan", "ca nhan to chuc", "nguoi dung ten"),
           required=True),
    Column("applicant_id_number", "Số giấy tờ tùy thân", ("so giay to", "so giay to tuy than", "cccd", "so cccd",
                                                          "so cmnd", "cmnd cccd", "cccd cmnd", "so cccd cmnd",
                                                          "so cmnd cccd", "so dinh danh", "ma so thue")),
    Column("applicant_phone", "Số điện thoại", ("so dien thoai", "dien thoai", "sdt", "so dt", "dt")),
    Column("applicant_address", "Địa chỉ", ("dia chi", "dia chi nguoi nop", "dia chi chu ho so")),
    Column("applicant_email", "Thư điện tử", ("email", "e mail", "thu dien tu")),
    Column("channel", "Hình thức nộp", ("hinh thuc nop", "hinh thuc nop ho so", "kenh nop", "hinh thuc tiep nhan",
                                        "hinh thuc", "nguon ho so")),
    Column("status", "Trạng thái", ("trang thai", "tinh trang", "trang thai ho so", "tinh trang xu ly",
                                     "tinh trang ho so", "trang thai xu ly")),
    Column("finished_at", "Ngày có kết quả", ("ngay co ket qua", "ngay hoan thanh", "ngay xu ly xong",
                                              "ngay ket thuc", "ngay giai quyet xong", "ngay hoan thanh xu ly")),
    Column("returned_at", "Ngày trả kết quả", ("ngay tra ket qua", "ngay tra", "ngay tra kq", "thoi gian tra ket qua")),
    Column("closing_reason", "Lý do (từ chối, rút, dừng)", ("ly do", "ly do tu choi", "ly do dung xu ly",
                                                             "ly do rut")),
    Column("notes", "Ghi chú", ("ghi chu",)),
    Column("field", "Lĩnh vực", ("linh vuc",)),
    Column("unit_name", "Đơn vị giải quyết", ("don vi xu ly", "co quan giai quyet", "don vi giai quyet",
                                             "phong ban xu ly", "co quan chu tri giai quyet", "co quan chu tri",
                                             "don vi chu tri", "co quan xu ly", "phong ban giai quyet")),
    # the portal's evaluation of the dossier (app.ratings: words, or 1–3 / 1–5 points)
    Column("rating", "Mức độ hài lòng (đánh giá)", ("muc do hai long", "danh gia", "ket qua danh gia",
                                                     "muc do danh gia", "danh gia hai long", "muc hai long",
                                                     "danh gia cua nguoi dan", "danh gia muc do hai long",
                                                     "ket qua danh gia hai long", "diem danh gia")),
)

CATALOG_COLUMNS = _columns(
    Column("code", "Mã thủ tục", ("ma thu tuc", "ma tthc", "ma thu tuc hanh chinh", "ma so", "ma"), required=True),
    Column("name", "Tên thủ tục", ("ten thu tuc", "ten tthc", "thu tuc", "ten thu tuc hanh chinh",
                                   "thu tuc hanh chinh", "ten"), required=True),
    Column("field", "Lĩnh vực", ("linh vuc", "ten linh vuc")),
    Column("processing", "Thời hạn giải quyết", ("thoi han giai quyet", "thoi han", "thoi gian giai quyet",
                                                 "thoi han xu ly", "so ngay giai quyet", "so ngay"), required=True),
    Column("processing_unit", "Đơn vị thời hạn (ngày/giờ)", ("don vi thoi han", "don vi tinh", "don vi thoi gian")),
    Column("online_level", "Mức độ trực tuyến", ("muc do", "muc do truc tuyen", "muc do dvc", "dich vu cong truc tuyen",
                                                 "muc do dich vu cong", "dvctt")),
    Column("fee_bearing", "Có phí, lệ phí", ("phi le phi", "co phi le phi", "le phi", "phi", "co thu phi")),
    Column("result_on_paper", "Kết quả bản giấy", ("ket qua ban giay", "ket qua giay", "tra ket qua ban giay")),
)

ALWAYS_IGNORED = {"stt", "so tt", "tt", "so thu tu"}


@dataclass(frozen=True)
class HeaderMatch:
    header_row: int  # 1-based row number of the header in the file
    columns: dict[str, int]  # column key → 0-based index
    unknown: tuple[str, ...]  # headers matched to nothing (neither known nor mapped nor ignored)
    missing: tuple[str, ...] = field(default=())  # labels of required columns not found
    headers: tuple[str, ...] = field(default=())
    # (column label, first header, its position, second header, its position) for two headers of one column
    duplicates: tuple[tuple[str, str, int, str, int], ...] = field(default=())


def _variant_index(columns: dict[str, Column]) -> dict[str, str]:
    index = {}
    for column in columns.values():
        index[header_key(column.label)] = column.key
        for variant in column.variants:
            index.setdefault(variant, column.key)
    return index


def find_header_row(rows: list[list], columns: dict[str, Column], mapping: dict[str, str], scan: int = 30) -> int:
    """0-based index of the header row: the first of the top rows naming two known columns.

    Exports often start with a title ("DANH SÁCH HỒ SƠ…") and a blank line."""
    index = _variant_index(columns)
    for number, row in enumerate(rows[:scan]):
        keys = [header_key(cell) for cell in row]
        if sum(1 for k in keys if k in index or k in mapping) >= 2:
            return number
    for number, row in enumerate(rows[:scan]):
        if any(str(cell).strip() for cell in row):
            return number
    raise ValidationError("Tệp không có dữ liệu (không tìm thấy dòng tiêu đề).")


def match_headers(rows: list[list], columns: dict[str, Column], mapping: dict[str, str] | None = None
                  ) -> HeaderMatch:
    """Columns by header; ``mapping`` (folded header → column key or IGNORE) is the officer's own."""
    mapping = {header_key(k): v for k, v in (mapping or {}).items()}
    header_index = find_header_row(rows, columns, mapping)
    headers = [str(cell).strip() if cell is not None else "" for cell in rows[header_index]]
    index = _variant_index(columns)
    found: dict[str, int] = {}
    duplicates: list[tuple[str, str, int, str, int]] = []
    unknown = []
    for position, header in enumerate(headers):
        key = header_key(header)
        if not key:
            continue
        target = mapping.get(key) or index.get(key)
        if target == IGNORE or (target is None and key in ALWAYS_IGNORED):
            continue
        if target is None or target not in columns:
            unknown.append(header)
            continue
        if target in found:   # which of the two holds the values is not for the app to guess
            first = found[target]
            duplicates.append((columns[target].label, headers[first], first, header, position))
            continue
        found[target] = position
    missing = tuple(c.label for c in columns.values() if c.required and c.key not in found)
    return HeaderMatch(header_index + 1, found, tuple(unknown), missing, tuple(headers), tuple(duplicates))


def duplicate_sentence(match: HeaderMatch) -> str:
    """"Cột “Mã hồ sơ” (cột B) và cột “Số hồ sơ” (cột F) cùng là “Mã hồ sơ”; …", or ""."""
    return "; ".join(
        f"cột “{first}” (cột {column_letter(a)}) và cột “{second}” (cột {column_letter(b)}) cùng là “{label}”"
        for label, first, a, second, b in match.duplicates)


def require_columns(match: HeaderMatch, columns: dict[str, Column], extra_rule: str = "") -> None:
    if match.duplicates:
        same = any(header_key(first) == header_key(second) for _l, first, _a, second, _b in match.duplicates)
        raise ValidationError(
            f"Tệp có hai cột cho cùng một thông tin (dòng tiêu đề {match.header_row}): {duplicate_sentence(match)}. "
            + ("Hãy xóa hoặc đổi tên một trong hai cột trong tệp rồi nhập lại." if same else
               "Hãy xóa một cột trong tệp, hoặc chọn “Bỏ qua” cho một cột trong hộp thoại “Ghép cột”."))
    if match.missing:
        names = ", ".join(f"“{m}”" for m in match.missing)
        seen = ", ".join(f"“{h}”" for h in match.headers if h) or "(trống)"
        raise ValidationError(
            f"Tệp thiếu cột bắt buộc: {names}. Dòng tiêu đề (dòng {match.header_row}) có: {seen}. "
            "Hãy ghép cột trong hộp thoại “Ghép cột” hoặc sửa tiêu đề trong tệp."
        )


# -- remembered mappings --------------------------------------------------------------------------

def source_key(source: str) -> str:
    """A stable name for where a file comes from: "DanhSachHoSo_25-11-2026.xlsx" → "danhsachhoso"."""
    stem = re.sub(r"\.[A-Za-z0-9]{2,5}$", "", str(source or ""))
    key = re.sub(r"[0-9_\- ]+", " ", header_key(stem)).strip().replace(" ", "-")
    return (key or "mac-dinh")[:50]


def _setting_key(kind: str, source: str) -> str:
    return f"import.{kind}.{source_key(source)}"[:80]


def load_mapping(session: Session, source: str, kind: str = "dossiers") -> dict[str, str]:
    raw = session.scalar(select(Setting.value).where(Setting.key == _setting_key(kind, source)))
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def save_mapping(session: Session, source: str, mapping: dict[str, str], kind: str = "dossiers",
                 columns: Iterable[str] = ()) -> dict[str, str]:
    """Remember the officer's choices (folded header → column key, or IGNORE) for this source."""
    allowed = set(columns) | {IGNORE}
    clean = {}
    for header, target in mapping.items():
        if allowed != {IGNORE} and target not in allowed:
            raise ValidationError(f"Cột “{target}” không có trong danh sách cột nhập được.")
        if header_key(header):
            clean[header_key(header)] = target
    merged = {**load_mapping(session, source, kind), **clean}
    key = _setting_key(kind, source)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=json.dumps(merged, ensure_ascii=False)))
    else:
        row.value = json.dumps(merged, ensure_ascii=False)
    session.flush()
    return merged

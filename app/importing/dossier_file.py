"""A dossier export read and checked on its own, before the register is consulted.

Each data row becomes a ``DossierRow`` of clean values, or a ``RowProblem``
with its row number (as the spreadsheet shows it) and a Vietnamese reason.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from app import validation
from app.errors import ValidationError
from app.formatting import datetime_vi
from app.importing import values
from app.importing.columns import DOSSIER_COLUMNS, HeaderMatch, match_headers, require_columns
from app.importing.reading import RawTable, column_letter, read_table
from app.importing.values import CellError
from app.lifecycle import CLOSED_WITH_REASON, Status
from app.text import nfc

ProgressFn = Callable[[int, int, str], None]
CheckFn = Callable[[], object]

MAX_ROWS = 2_000_000


class ImportCancelled(ValidationError):
    """The officer cancelled; nothing was written."""

    def __init__(self):
        super().__init__("Đã hủy nhập tệp; sổ hồ sơ không thay đổi.")


def checkpoint(check: CheckFn | None) -> None:
    """The cancel token: a callable that raises (``Progress.check``) or returns True to stop."""
    if check is not None and check() is True:
        raise ImportCancelled()


@dataclass(frozen=True)
class RowProblem:
    row: int
    code: str
    reason: str


@dataclass(frozen=True, slots=True)
class DossierRow:
    row: int
    code: str
    received_at: dt.datetime
    applicant_name: str
    procedure_code: str
    procedure_name: str
    field: str
    due_at: dt.datetime | None
    applicant_id_number: str
    applicant_kind: str
    applicant_phone: str
    applicant_address: str
    applicant_email: str
    channel: str | None
    status: Status | None
    finished_at: dt.datetime | None
    returned_at: dt.datetime | None
    closing_reason: str
    notes: str
    unit_name: str = ""     # the deciding unit as the file names it ("" when the file has no such column)
    rating: str | None = None   # the citizen's evaluation (app.ratings.Level's value), when the file has one


@dataclass(frozen=True)
class DossierFile:
    name: str
    encoding: str
    header_row: int
    columns: frozenset[str]       # column keys present in the file
    unknown_headers: tuple[str, ...]
    data_rows: int                # non-empty rows under the header
    rows: tuple[DossierRow, ...]
    problems: tuple[RowProblem, ...]
    rating_scale: int | None = None   # the points of the evaluation column: 3 (1–3) or 5 (1–5); None: no column


def read_dossier_file(path: str | Path, mapping: dict[str, str] | None = None, *,
                      progress: ProgressFn | None = None, check: CheckFn | None = None) -> DossierFile:
    """Read and check every row of an export. Raises ValidationError for a file that cannot be used at all."""
    table = read_table(path)
    checkpoint(check)
    return parse_dossier_table(table, mapping, progress=progress, check=check)


def header_match(table: RawTable, mapping: dict[str, str] | None = None) -> HeaderMatch:
    if not any(any(not values.is_empty(c) for c in row) for row in table.rows[:1000]):
        raise ValidationError(f"Tệp “{table.name}” không có dữ liệu.")
    return match_headers(table.rows, DOSSIER_COLUMNS, mapping)


def parse_dossier_table(table: RawTable, mapping: dict[str, str] | None = None, *,
                        progress: ProgressFn | None = None, check: CheckFn | None = None) -> DossierFile:
    match = header_match(table, mapping)
    require_columns(match, DOSSIER_COLUMNS)
    cols = match.columns
    if "procedure_code" not in cols and "procedure_name" not in cols:
        raise ValidationError("Tệp thiếu cột thủ tục: cần “Mã thủ tục” hoặc “Tên thủ tục” để biết hồ sơ thuộc "
                              "thủ tục nào.")
    data = table.rows[match.header_row:]
    if len(data) > MAX_ROWS:
        raise ValidationError(f"Tệp có quá nhiều dòng ({len(data)}); tối đa {MAX_ROWS} dòng mỗi lần nhập.")
    formula_rows: dict[int, list[str]] = defaultdict(list)
    mapped_letters = {column_letter(i) for i in cols.values()}
    for row_number, letter in table.formulas:
        if row_number > match.header_row and letter in mapped_letters:
            formula_rows[row_number].append(letter)

    rows: list[DossierRow] = []
    problems: list[RowProblem] = []
    width = max(cols.values()) + 1
    # points of the evaluation column are read on the scale the whole column uses (1–3, or 1–5 stars)
    scale = values.rating_scale(r[cols["rating"]] for r in data if len(r) > cols["rating"]) \
        if "rating" in cols else None
    total = len(data)
    count = 0
    for offset, raw in enumerate(data):
        if offset % 5000 == 0:
            checkpoint(check)
            if progress:
                progress(offset, total, "Đang đọc tệp…")
        if len(raw) < width:
            raw = list(raw) + [""] * (width - len(raw))
        if all(values.is_empty(c) for c in raw):
            continue
        count += 1
        number = match.header_row + offset + 1
        cells = {key: raw[index] for key, index in cols.items()}
        code = values.text(cells.get("code"))
        if number in formula_rows:
            where = ", ".join(f"{letter}{number}" for letter in sorted(formula_rows[number]))
            problems.append(RowProblem(number, code, f"Ô {where} chứa công thức; hãy dán giá trị (Paste Values) "
                                                     "thay cho công thức rồi nhập lại"))
            continue
        try:
            rows.append(_row(number, cells, cols, scale or 3))
        except (CellError, ValidationError) as error:
            reason = str(error)
            problems.append(RowProblem(number, code, reason[:1].upper() + reason[1:]))
    problems.extend(_duplicates(rows))
    duplicated = {p.row for p in problems}
    rows = [r for r in rows if r.row not in duplicated]
    if progress:
        progress(total, total, "Đang đọc tệp…")
    if count == 0:
        raise ValidationError(f"Tệp “{table.name}” chỉ có dòng tiêu đề, không có hồ sơ nào.")
    problems.sort(key=lambda p: p.row)
    return DossierFile(table.name, table.encoding, match.header_row, frozenset(cols), match.unknown, count,
                       tuple(rows), tuple(problems), scale)


def _duplicates(rows: list[DossierRow]) -> list[RowProblem]:
    """Rows of one code (the codes are in capitals already: "hs-1" and "HS-1" are one dossier)."""
    seen: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        seen[row.code.upper()].append(row.row)
    problems = []
    for code, numbers in seen.items():
        if len(numbers) > 1:
            listing = ", ".join(str(n) for n in numbers)
            for number in numbers:
                problems.append(RowProblem(number, code, f"Mã hồ sơ “{code}” lặp lại trong tệp (các dòng {listing})"))
    return problems


def _row(number: int, cells: dict, cols: dict[str, int], scale: int = 3) -> DossierRow:
    code = validation.dossier_code(values.text(cells["code"]))
    name = validation.required_text(values.text(cells["applicant_name"]), "họ tên người nộp", 300)
    received = values.moment(cells["received_at"], "Ngày tiếp nhận")
    if received is None:
        raise CellError("chưa có ngày tiếp nhận")
    validation.calendar_moment(received, "ngày tiếp nhận")
    due = values.moment(cells.get("due_at"), "Hạn xử lý")
    if due is not None:
        if due.time() == dt.time(0, 0):
            due = due.replace(hour=17)  # a bare date means the close of that day
        if due < received:
            raise CellError(f"hạn xử lý ({datetime_vi(due)}) trước ngày tiếp nhận ({datetime_vi(received)})")
        validation.due_moment(due, received)   # 31/12/9999 stopped `show` and every letter afterwards
    procedure_code = values.text(cells.get("procedure_code"))
    procedure_name = values.text(cells.get("procedure_name"))
    if not procedure_code and not procedure_name:
        raise CellError("chưa có mã hoặc tên thủ tục")
    raw_id = cells.get("applicant_id_number")
    id_text = values.text(raw_id).replace(" ", "")
    if isinstance(raw_id, (int, float)) and len(id_text) in (8, 11):
        id_text = "0" + id_text  # a numeric cell lost the leading zero of a CMND/CCCD
    organisation = len(id_text.replace("-", "")) in (10, 13) and id_text.replace("-", "").isdigit()
    id_number = validation.identity_number(id_text, organisation)
    raw_phone = cells.get("applicant_phone")
    phone_text = values.text(raw_phone)
    if isinstance(raw_phone, (int, float)) and len(phone_text) in (9, 10) and not phone_text.startswith("0"):
        phone_text = "0" + phone_text
    phone = validation.phone(phone_text)
    status = values.status(cells.get("status"))
    channel = values.channel(cells.get("channel"))
    finished = values.moment(cells.get("finished_at"), "Ngày có kết quả")
    returned = values.moment(cells.get("returned_at"), "Ngày trả kết quả")
    for moment, what in ((finished, "ngày có kết quả"), (returned, "ngày trả kết quả")):
        if moment is not None:
            validation.calendar_moment(moment, what)
    reason = validation.optional_text(values.text(cells.get("closing_reason")), "lý do", 4000)
    if finished is not None and finished < received:
        raise CellError(f"ngày có kết quả ({datetime_vi(finished)}) trước ngày tiếp nhận ({datetime_vi(received)})")
    if returned is not None:
        if returned < received:
            raise CellError(f"ngày trả kết quả ({datetime_vi(returned)}) trước ngày tiếp nhận "
                            f"({datetime_vi(received)})")
        if finished is not None and returned < finished:
            raise CellError(f"ngày trả kết quả ({datetime_vi(returned)}) trước ngày có kết quả "
                            f"({datetime_vi(finished)})")
    if status is not None and status.is_finished:
        if status is Status.RETURNED and returned is None:
            raise CellError("hồ sơ “Đã trả kết quả” nhưng chưa có ngày trả kết quả")
        if status is Status.RETURNED and finished is None:
            finished = returned  # the provincial list often carries only the return date
        if finished is None:
            raise CellError(f"hồ sơ “{status.label}” phải có ngày có kết quả/ngày kết thúc")
        if status in CLOSED_WITH_REASON and not reason:
            raise CellError(f"hồ sơ “{status.label}” phải có lý do (cột “Lý do”)")
    rating = values.rating(cells.get("rating"), scale)
    if rating is not None and status is not None and status not in (Status.RESULT_READY, Status.RETURNED):
        raise CellError(f"hồ sơ “{status.label}” chưa có kết quả nên chưa có đánh giá “{values.text(cells['rating'])}”")
    return DossierRow(
        row=number, code=code, received_at=received, applicant_name=name,
        procedure_code=procedure_code, procedure_name=procedure_name, field=values.text(cells.get("field")),
        due_at=due, applicant_id_number=id_number, applicant_kind="organisation" if organisation else "person",
        applicant_phone=phone,
        applicant_address=validation.optional_text(values.text(cells.get("applicant_address")), "địa chỉ", 500),
        applicant_email=validation.email(values.text(cells.get("applicant_email"))),
        channel=channel.value if channel else None,
        status=status, finished_at=finished, returned_at=returned, closing_reason=reason,
        notes=validation.optional_text(nfc(values.text(cells.get("notes"))), "ghi chú", 4000),
        unit_name=validation.optional_text(nfc(values.text(cells.get("unit_name"))), "đơn vị giải quyết", 300),
        rating=rating.value if rating is not None else None,
    )

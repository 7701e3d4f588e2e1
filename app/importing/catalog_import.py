"""Catalog import: procedures (code, name, field, processing time, online level, fees, paper result).

Same shape as the dossier import: read and check every row, compare with the
catalog (add / update / unchanged / rejected), then write all or nothing in
the caller's transaction. A catalog has hundreds of rows, so the ORM is fine.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import validation
from app.errors import ValidationError
from app.importing import values
from app.importing.columns import CATALOG_COLUMNS, match_headers, require_columns
from app.importing.dossier_file import CheckFn, RowProblem, checkpoint
from app.importing.reading import RawTable, column_letter, read_table
from app.importing.values import CellError
from app.lifecycle import OnlineLevel
from app.text import fold
from db.models import Procedure

_FIELDS = ("name", "field", "processing_value", "processing_unit", "online_level", "fee_bearing", "result_on_paper")


@dataclass(frozen=True)
class CatalogRow:
    row: int
    code: str
    name: str
    field: str | None
    processing_value: float
    processing_unit: str
    online_level: str | None
    fee_bearing: bool | None
    result_on_paper: bool | None


@dataclass(frozen=True)
class CatalogPlan:
    file_name: str
    new_rows: tuple[CatalogRow, ...]
    changed: tuple[tuple[CatalogRow, int, tuple[str, ...]], ...]  # (row, procedure id, changed fields)
    unchanged: int
    problems: tuple[RowProblem, ...]

    @property
    def added(self) -> int:
        return len(self.new_rows)

    @property
    def updated(self) -> int:
        return len(self.changed)

    @property
    def rejected(self) -> int:
        return len(self.problems)


@dataclass(frozen=True)
class CatalogResult:
    file_name: str
    added: int
    updated: int
    unchanged: int
    rejected: int
    report_path: str = ""


def read_catalog_file(path: str | Path, mapping: dict[str, str] | None = None) -> tuple[RawTable, list, list]:
    return parse_catalog_table(read_table(path), mapping)


def parse_catalog_table(table: RawTable, mapping: dict[str, str] | None = None) -> tuple[RawTable, list, list]:
    if not any(any(not values.is_empty(c) for c in row) for row in table.rows[:1000]):
        raise ValidationError(f"Tệp “{table.name}” không có dữ liệu.")
    match = match_headers(table.rows, CATALOG_COLUMNS, mapping)
    require_columns(match, CATALOG_COLUMNS)
    cols = match.columns
    letters = {column_letter(i) for i in cols.values()}
    formulas = defaultdict(list)
    for number, letter in table.formulas:
        if letter in letters:
            formulas[number].append(letter)
    rows, problems = [], []
    width = max(cols.values()) + 1
    for offset, raw in enumerate(table.rows[match.header_row:]):
        raw = list(raw) + [""] * (width - len(raw))
        if all(values.is_empty(c) for c in raw):
            continue
        number = match.header_row + offset + 1
        cells = {key: raw[index] for key, index in cols.items()}
        code = values.text(cells["code"])
        if number in formulas:
            where = ", ".join(f"{letter}{number}" for letter in sorted(formulas[number]))
            problems.append(RowProblem(number, code, f"Ô {where} chứa công thức; hãy dán giá trị thay cho công thức"))
            continue
        try:
            rows.append(_row(number, cells))
        except (CellError, ValidationError) as error:
            reason = str(error)
            problems.append(RowProblem(number, code, reason[:1].upper() + reason[1:]))
    seen = defaultdict(list)
    for row in rows:
        seen[row.code].append(row.row)
    duplicated = set()
    for code, numbers in seen.items():
        if len(numbers) > 1:
            for n in numbers:
                problems.append(RowProblem(n, code, f"Mã thủ tục “{code}” lặp lại trong tệp (các dòng "
                                                    f"{', '.join(map(str, numbers))})"))
                duplicated.add(n)
    rows = [r for r in rows if r.row not in duplicated]
    if not rows and not problems:
        raise ValidationError(f"Tệp “{table.name}” chỉ có dòng tiêu đề, không có thủ tục nào.")
    problems.sort(key=lambda p: p.row)
    return table, rows, problems


def _row(number: int, cells: dict) -> CatalogRow:
    code = validation.required_text(values.text(cells["code"]), "mã thủ tục", 60)
    name = validation.required_text(values.text(cells["name"]), "tên thủ tục", 500)
    value, unit = values.processing_time(cells["processing"], cells.get("processing_unit"))
    validation.processing_amount(value, unit)   # the same bound as every processing time
    level = values.online_level(cells.get("online_level"))
    field_cell = cells.get("field")
    return CatalogRow(
        row=number, code=code, name=name,
        field=validation.optional_text(values.text(field_cell), "lĩnh vực", 200) if "field" in cells else None,
        processing_value=value, processing_unit=unit, online_level=level.value if level else None,
        fee_bearing=values.yes_no(cells.get("fee_bearing"), "Có phí, lệ phí"),
        result_on_paper=values.yes_no(cells.get("result_on_paper"), "Kết quả bản giấy"),
    )


def plan_catalog(session: Session, table_rows: tuple[RawTable, list, list]) -> CatalogPlan:
    table, rows, problems = table_rows
    existing = {p.code: p for p in session.scalars(select(Procedure))}
    new_rows, changed, unchanged = [], [], 0
    for row in rows:
        current = existing.get(row.code)
        if current is None:
            new_rows.append(row)
            continue
        differs = tuple(name for name in _FIELDS
                        if getattr(row, name) is not None and getattr(row, name) != getattr(current, name))
        if differs:
            changed.append((row, current.id, differs))
        else:
            unchanged += 1
    return CatalogPlan(table.name, tuple(new_rows), tuple(changed), unchanged, tuple(problems))


def apply_catalog(session: Session, plan: CatalogPlan, *, skip_rejected: bool = False,
                  check: CheckFn | None = None) -> CatalogResult:
    if plan.problems and not skip_rejected:
        first = "; ".join(f"dòng {p.row}: {p.reason}" for p in plan.problems[:3])
        more = f" (và {len(plan.problems) - 3} dòng khác)" if len(plan.problems) > 3 else ""
        raise ValidationError(f"Tệp “{plan.file_name}” có {len(plan.problems)} dòng không nhập được — {first}{more}. "
                              "Chưa ghi gì vào danh mục. Hãy sửa tệp, hoặc chọn bỏ qua các dòng lỗi.")
    for row in plan.new_rows:
        checkpoint(check)
        level = row.online_level or OnlineLevel.NONE.value
        session.add(Procedure(
            code=row.code, name=row.name, name_folded=fold(row.name), field=row.field or "",
            processing_value=row.processing_value, processing_unit=row.processing_unit, online_level=level,
            online_eligible=level != OnlineLevel.NONE.value, fee_bearing=bool(row.fee_bearing),
            result_on_paper=True if row.result_on_paper is None else row.result_on_paper, active=True))
    for row, procedure_id, fields in plan.changed:
        checkpoint(check)
        procedure = session.get(Procedure, procedure_id)
        assert procedure is not None  # the plan found it in this register
        for name in fields:
            setattr(procedure, name, getattr(row, name))
        if "name" in fields:
            procedure.name_folded = fold(row.name)
        if "online_level" in fields:
            procedure.online_eligible = row.online_level != OnlineLevel.NONE.value
    session.flush()
    return CatalogResult(plan.file_name, plan.added, plan.updated, plan.unchanged, plan.rejected)

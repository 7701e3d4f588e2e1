"""Dossier import: a preview against the register, then one all-or-nothing write.

``plan_import`` compares the checked rows of a file with the register (which
dossiers are new, which changed, which are the same; which procedures are
unknown). ``dossier_write.apply_import`` writes that plan in the caller's
transaction: new dossiers by the rules of ``app.dossiers.receive`` (due date on
the office calendar when the file has none), changes as "import" events by the
importing officer. Anything raised — a bad plan, a cancel, a crash — leaves the
register as it was, because nothing is committed here.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.context import Context
from app.deadlines import ProcessingTime
from app.formatting import datetime_vi
from app.importing.dossier_file import CheckFn, DossierFile, DossierRow, ProgressFn, RowProblem, checkpoint
from app.importing.units import match_unit_name, unit_index
from app.lifecycle import Status, TimeUnit
from app.text import fold, fold_name
from app.validation import EARLIEST
from db.models import ApologyLetter, Dossier, Procedure, Rating

CHUNK = 5_000  # codes per IN (...) lookup

# Register columns an import may change, with the words the history shows.
FIELD_LABELS = {
    "procedure_id": "Thủ tục",
    "received_at": "Ngày tiếp nhận",
    "due_at": "Hạn xử lý",
    "applicant_name": "Họ tên người nộp",
    "applicant_id_number": "Số giấy tờ tùy thân",
    "applicant_kind": "Loại người nộp",
    "applicant_phone": "Số điện thoại",
    "applicant_address": "Địa chỉ",
    "applicant_email": "Thư điện tử",
    "channel": "Hình thức nộp",
    "status": "Trạng thái",
    "finished_at": "Ngày có kết quả",
    "returned_at": "Ngày trả kết quả",
    "closing_reason": "Lý do",
    "notes": "Ghi chú",
    "unit_id": "Đơn vị giải quyết",
}
_COMPARED = tuple(FIELD_LABELS)


@dataclass(frozen=True)
class UnknownProcedure:
    key: str       # what the file names it by (code, else name)
    code: str
    name: str
    field: str
    rows: int


@dataclass(frozen=True)
class UnknownUnit:
    key: str       # the folded name (app.text.fold_name)
    name: str      # as most rows of the file spell it
    rows: int


@dataclass(frozen=True)
class Change:
    dossier_id: int
    version: int
    code: str
    row: int
    fields: tuple[tuple[str, Any, Any], ...]  # (column, old, new): a value of that column's type
    searched: tuple[str, str, str] = ("", "", "")  # name, phone, identity number now in the register


@dataclass(frozen=True)
class RatingChange:
    """The citizen's evaluation a row brings: new for its dossier, or different from the one recorded."""

    row: int
    code: str
    level: str          # app.ratings.Level's value
    old_level: str = ""  # "" when the dossier had no rating


@dataclass(frozen=True)
class ImportPlan:
    file: DossierFile
    new_rows: tuple[DossierRow, ...]
    changes: tuple[Change, ...]
    unchanged: int
    problems: tuple[RowProblem, ...]
    unknown_procedures: tuple[UnknownProcedure, ...]
    # the procedure id (or, for unknown procedures, their key) of every new or changed row
    procedure_of: dict = field(default_factory=dict, compare=False, repr=False)
    unknown_units: tuple[UnknownUnit, ...] = ()
    # the deciding unit the file names for a new row: a unit id, or ("new", key) for an unknown unit
    unit_of: dict = field(default_factory=dict, compare=False, repr=False)
    ratings: tuple[RatingChange, ...] = ()

    @property
    def rated(self) -> int:
        return len(self.ratings)

    @property
    def added(self) -> int:
        return len(self.new_rows)

    @property
    def updated(self) -> int:
        return len(self.changes)

    @property
    def rejected(self) -> int:
        return len(self.problems)


@dataclass(frozen=True)
class ImportResult:
    file_name: str
    added: int
    updated: int
    unchanged: int
    rejected: int
    procedures_created: int
    events: int
    report_path: str = ""
    units_created: int = 0
    ratings: int = 0            # evaluations recorded or changed


def _procedures(session: Session) -> tuple[dict[str, tuple[int, ProcessingTime]], dict[str, str]]:
    by_code: dict[str, tuple[int, ProcessingTime]] = {}
    by_name: dict[str, str] = {}
    for pid, code, name_folded, value, unit in session.execute(select(
            Procedure.id, Procedure.code, Procedure.name_folded, Procedure.processing_value,
            Procedure.processing_unit)):
        by_code[code] = (pid, ProcessingTime(value, TimeUnit(unit)))
        by_name.setdefault(name_folded, code)
    return by_code, by_name


def _existing(session: Session, codes: list[str], check: CheckFn | None) -> dict[str, tuple]:
    table = Dossier.__table__
    columns = [table.c.code, table.c.id, table.c.version] + [table.c[name] for name in _COMPARED]
    found = {}
    for start in range(0, len(codes), CHUNK):
        checkpoint(check)
        for row in session.execute(select(*columns).where(table.c.code.in_(codes[start:start + CHUNK]))):
            found[row[0]] = tuple(row[1:])
    # Dossiers stored in lower case before codes were kept in capitals: one scan, almost always empty.
    wanted = set(codes) - set(found)
    if wanted:
        for row in session.execute(select(*columns).where(table.c.code != func.upper(table.c.code))):
            if row[0].upper() in wanted and row[0].upper() not in found:
                found[row[0].upper()] = tuple(row[1:])
    return found


def plan_import(session: Session, ctx: Context, parsed: DossierFile, *, progress: ProgressFn | None = None,
                check: CheckFn | None = None) -> ImportPlan:
    now = ctx.now()
    latest = now + dt.timedelta(minutes=5)
    by_code, by_name = _procedures(session)
    units = unit_index(session)
    unknown_units: dict[str, Counter] = {}
    unit_of: dict[int, object] = {}
    rows = parsed.rows
    existing = _existing(session, [r.code for r in rows], check)
    with_letter: set[int] = set()
    rated: dict[int, str] = {}   # dossier id → its recorded rating, for the dossiers of rows that bring one
    if existing:
        ids = [v[0] for v in existing.values()]
        for start in range(0, len(ids), CHUNK):
            with_letter.update(session.scalars(select(ApologyLetter.dossier_id).where(
                ApologyLetter.dossier_id.in_(ids[start:start + CHUNK]))))
        if "rating" in parsed.columns:
            for start in range(0, len(ids), CHUNK):
                rated.update(session.execute(select(Rating.dossier_id, Rating.level).where(
                    Rating.dossier_id.in_(ids[start:start + CHUNK]))).all())
    rating_changes: list[RatingChange] = []
    problems = list(parsed.problems)
    unknown: dict[str, list] = {}
    new_rows, changes, procedure_of = [], [], {}
    unchanged = 0
    present = parsed.columns
    total = len(rows)
    for position, row in enumerate(rows):
        if position % 5000 == 0:
            checkpoint(check)
            if progress:
                progress(position, total, "Đang so sánh với sổ hồ sơ…")
        if row.received_at > latest:
            problems.append(RowProblem(row.row, row.code, f"Ngày tiếp nhận ({datetime_vi(row.received_at)}) ở "
                                                          f"tương lai (bây giờ là {datetime_vi(now)})"))
            continue
        if row.received_at < EARLIEST:
            problems.append(RowProblem(row.row, row.code, f"Ngày tiếp nhận ({datetime_vi(row.received_at)}) quá xa "
                                                          "trong quá khứ (trước năm 2000)"))
            continue
        for moment, what in ((row.finished_at, "Ngày có kết quả"), (row.returned_at, "Ngày trả kết quả")):
            if moment is not None and moment > latest:
                problems.append(RowProblem(row.row, row.code, f"{what} ({datetime_vi(moment)}) ở tương lai"))
                break
        else:
            procedure_key = row.procedure_code if row.procedure_code in by_code else \
                by_name.get(fold(row.procedure_name)) if row.procedure_name else None
            known = by_code.get(procedure_key) if procedure_key else None
            old = existing.get(row.code)
            unit_ref: int | tuple[str, str] | None = None
            if row.unit_name:
                unit_ref = match_unit_name(units, row.unit_name)
                if unit_ref is None:
                    key = fold_name(row.unit_name)
                    unknown_units.setdefault(key, Counter())[row.unit_name] += 1
                    unit_ref = ("new", key)
            if known is None:
                key = row.procedure_code or fold(row.procedure_name)
                if old is None and row.due_at is None:
                    what = row.procedure_code or row.procedure_name
                    problems.append(RowProblem(row.row, row.code, (
                        f"Thủ tục “{what}” chưa có trong danh mục nên không tính được hạn xử lý; hãy nhập danh "
                        "mục thủ tục trước, hoặc dùng tệp có cột hạn xử lý")))
                    continue
                unknown.setdefault(key, [row.procedure_code, row.procedure_name, row.field, 0])[3] += 1
                procedure_ref: int | tuple[str, str] = ("new", key)
            else:
                procedure_ref = known[0]
            if row.rating is not None:
                # a rating needs a dossier with its result: the file's status, else the register's
                status = row.status or (Status(old[2 + _COMPARED.index("status")]) if old else Status.ACCEPTED)
                if status not in (Status.RESULT_READY, Status.RETURNED):
                    problems.append(RowProblem(row.row, row.code, (
                        f"Hồ sơ “{status.label}” chưa có kết quả nên chưa có đánh giá (cột “Mức độ hài lòng”)")))
                    continue
                held = rated.get(old[0], "") if old else ""
                if held != row.rating:
                    rating_changes.append(RatingChange(row.row, row.code, row.rating, held))
            if unit_ref is not None:
                unit_of[row.row] = unit_ref
            if old is None:
                new_rows.append(row)
                procedure_of[row.row] = procedure_ref if row.due_at is not None or known is None \
                    else (procedure_ref, known[1])
                continue
            change = _diff(row, old, present, procedure_ref, old[0] in with_letter, unit_ref)
            if change is None and rating_changes and rating_changes[-1].row == row.row:
                pass   # nothing but its evaluation changes: counted with the ratings (plan.rated), not unchanged
            elif change is None:
                unchanged += 1
            elif isinstance(change, RowProblem):
                problems.append(change)
            else:
                changes.append(change)
                procedure_of[row.row] = procedure_ref
    if progress:
        progress(total, total, "Đang so sánh với sổ hồ sơ…")
    problems.sort(key=lambda p: p.row)
    unknown_list = tuple(UnknownProcedure(key, code, name, field_, count)
                         for key, (code, name, field_, count) in sorted(unknown.items()))
    # a new unit is named as most rows spell it (the first seen of equals)
    units_list = tuple(UnknownUnit(key, spellings.most_common(1)[0][0], sum(spellings.values()))
                       for key, spellings in sorted(unknown_units.items()))
    # a row refused later (its change) takes its rating with it
    refused = {p.row for p in problems}
    return ImportPlan(parsed, tuple(new_rows), tuple(changes), unchanged, tuple(problems), unknown_list,
                      procedure_of, units_list, unit_of, tuple(r for r in rating_changes if r.row not in refused))


def _diff(row: DossierRow, old: tuple, present: frozenset[str], procedure_ref, has_letter: bool, unit_ref=None):
    """What the file changes in a dossier of the register. An empty cell changes nothing."""
    dossier_id, version = old[0], old[1]
    current = dict(zip(_COMPARED, old[2:]))
    wanted: dict[str, Any] = {
        "received_at": row.received_at,
        "applicant_name": row.applicant_name,
    }
    if not isinstance(procedure_ref, tuple):
        wanted["procedure_id"] = procedure_ref
    if unit_ref is not None and not isinstance(unit_ref, tuple):
        # the file's unit wins over the procedure's default, also for dossiers imported before without it
        wanted["unit_id"] = unit_ref
    for key in ("applicant_id_number", "applicant_phone", "applicant_address", "applicant_email",
                "closing_reason", "notes"):
        value = getattr(row, key)
        if value:
            wanted[key] = value
    if row.applicant_id_number:
        wanted["applicant_kind"] = row.applicant_kind
    if row.channel:
        wanted["channel"] = row.channel
    if row.status is not None:
        wanted["status"] = int(row.status)
    if row.finished_at is not None:
        wanted["finished_at"] = row.finished_at
    if row.returned_at is not None:
        wanted["returned_at"] = row.returned_at
    if row.due_at is not None and not has_letter:
        # After an apology letter the new date is the deadline; the file cannot move it again.
        wanted["due_at"] = row.due_at
    for key in ("received_at", "finished_at", "returned_at", "due_at"):
        value, held = wanted.get(key), current[key]
        # A cell with a date and no time says nothing about the hour: the register's time on that
        # same day stands (an export that drops times must not rewrite 07:54 as 00:00).
        if value is not None and held is not None and value.time() == dt.time() and value.date() == held.date():
            wanted[key] = held
    changed = tuple((key, current[key], value) for key, value in wanted.items() if current[key] != value)
    if isinstance(procedure_ref, tuple):
        changed += (("procedure_id", current["procedure_id"], procedure_ref),)
    if isinstance(unit_ref, tuple):
        changed += (("unit_id", current["unit_id"], unit_ref),)
    if not changed:
        return None
    status = Status(wanted.get("status", current["status"]))
    if status.is_finished and wanted.get("finished_at", current["finished_at"]) is None:
        return RowProblem(row.row, row.code, f"Hồ sơ “{status.label}” phải có ngày có kết quả/ngày kết thúc")
    # A file's receipt date, with the register's result dates it leaves empty: never a result before receipt
    # (as for a new row, app/importing/dossier_file.py; the reports count on it, app/report_days.py).
    received = wanted.get("received_at", current["received_at"])
    for key, what in (("finished_at", "ngày có kết quả"), ("returned_at", "ngày trả kết quả")):
        moment = wanted.get(key, current[key])
        if received is not None and moment is not None and moment < received:
            return RowProblem(row.row, row.code, f"{what} ({datetime_vi(moment)}) trước ngày tiếp nhận "
                                                 f"({datetime_vi(received)})")
    return Change(dossier_id, version, row.code, row.row, changed,
                  (current["applicant_name"], current["applicant_phone"], current["applicant_id_number"]))

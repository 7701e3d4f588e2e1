"""Dossier import: a preview against the register, then one all-or-nothing write.

``plan_import`` compares the checked rows of a file with the register (which
dossiers are new, which changed, which are the same; which procedures are
unknown). ``apply_import`` writes that plan in the caller's transaction: new
dossiers by the rules of ``app.dossiers.receive`` (due date on the office
calendar when the file has none), changes as "import" events by the importing
officer. Anything raised — a bad plan, a cancel, a crash — leaves the
register as it was, because nothing is committed here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, bindparam, func, select, text, update
from sqlalchemy.orm import Session

from app.context import Context
from app.deadlines import ProcessingTime, due_from_receipt
from app.dossiers import search_text_for
from app.errors import StaleDataError, ValidationError
from app.formatting import datetime_vi
from app.importing.dossier_file import CheckFn, DossierFile, DossierRow, ProgressFn, RowProblem, checkpoint
from app.lifecycle import Channel, Status, TimeUnit
from app.text import fold
from app.validation import EARLIEST
from db.bulk import insert_rows
from db.models import ApologyLetter, Dossier, DossierEvent, Procedure
from db.search_index import FTS_TABLE, SQLITE_DDL

BATCH = 10_000
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
class Change:
    dossier_id: int
    version: int
    code: str
    row: int
    fields: tuple[tuple[str, object, object], ...]  # (column, old, new)
    searched: tuple[str, str, str] = ("", "", "")  # name, phone, identity number now in the register


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


def _procedures(session: Session) -> tuple[dict[str, tuple[int, ProcessingTime]], dict[str, str]]:
    by_code, by_name = {}, {}
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
    return found


def plan_import(session: Session, ctx: Context, parsed: DossierFile, *, progress: ProgressFn | None = None,
                check: CheckFn | None = None) -> ImportPlan:
    now = ctx.now()
    latest = now + dt.timedelta(minutes=5)
    by_code, by_name = _procedures(session)
    rows = parsed.rows
    existing = _existing(session, [r.code for r in rows], check)
    with_letter = set()
    if existing:
        ids = [v[0] for v in existing.values()]
        for start in range(0, len(ids), CHUNK):
            with_letter.update(session.scalars(select(ApologyLetter.dossier_id).where(
                ApologyLetter.dossier_id.in_(ids[start:start + CHUNK]))))
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
            if known is None:
                key = row.procedure_code or fold(row.procedure_name)
                if old is None and row.due_at is None:
                    what = row.procedure_code or row.procedure_name
                    problems.append(RowProblem(row.row, row.code, (
                        f"Thủ tục “{what}” chưa có trong danh mục nên không tính được hạn xử lý; hãy nhập danh "
                        "mục thủ tục trước, hoặc dùng tệp có cột hạn xử lý")))
                    continue
                unknown.setdefault(key, [row.procedure_code, row.procedure_name, row.field, 0])[3] += 1
                procedure_ref = ("new", key)
            else:
                procedure_ref = known[0]
            if old is None:
                new_rows.append(row)
                procedure_of[row.row] = procedure_ref if row.due_at is not None or known is None \
                    else (procedure_ref, known[1])
                continue
            change = _diff(row, old, present, procedure_ref, old[0] in with_letter)
            if change is None:
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
    return ImportPlan(parsed, tuple(new_rows), tuple(changes), unchanged, tuple(problems), unknown_list,
                      procedure_of)


def _diff(row: DossierRow, old: tuple, present: frozenset[str], procedure_ref, has_letter: bool):
    """What the file changes in a dossier of the register. An empty cell changes nothing."""
    dossier_id, version = old[0], old[1]
    current = dict(zip(_COMPARED, old[2:]))
    wanted = {
        "received_at": row.received_at,
        "applicant_name": row.applicant_name,
    }
    if not isinstance(procedure_ref, tuple):
        wanted["procedure_id"] = procedure_ref
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
    changed = tuple((key, current[key], value) for key, value in wanted.items() if current[key] != value)
    if isinstance(procedure_ref, tuple):
        changed += (("procedure_id", current["procedure_id"], procedure_ref),)
    if not changed:
        return None
    status = Status(wanted.get("status", current["status"]))
    if status.is_finished and wanted.get("finished_at", current["finished_at"]) is None:
        return RowProblem(row.row, row.code, f"Hồ sơ “{status.label}” phải có ngày có kết quả/ngày kết thúc")
    return Change(dossier_id, version, row.code, row.row, changed,
                  (current["applicant_name"], current["applicant_phone"], current["applicant_id_number"]))


# -- writing ----------------------------------------------------------------------------------------

def apply_import(session: Session, ctx: Context, plan: ImportPlan, *, create_procedures: bool = False,
                 skip_rejected: bool = False, progress: ProgressFn | None = None,
                 check: CheckFn | None = None) -> ImportResult:
    """Write the plan in the caller's transaction; raise (and so write nothing) if it cannot all be taken."""
    name = plan.file.name
    if plan.problems and not skip_rejected:
        first = "; ".join(f"dòng {p.row}: {p.reason}" for p in plan.problems[:3])
        more = f" (và {len(plan.problems) - 3} dòng khác)" if len(plan.problems) > 3 else ""
        raise ValidationError(
            f"Tệp “{name}” có {len(plan.problems)} dòng không nhập được — {first}{more}. Chưa ghi gì vào sổ. "
            "Hãy sửa tệp, hoặc chọn bỏ qua các dòng lỗi.")
    if plan.unknown_procedures and not create_procedures:
        listing = "; ".join(f"“{u.code or u.name}”" for u in plan.unknown_procedures[:5])
        raise ValidationError(
            f"Tệp có {len(plan.unknown_procedures)} thủ tục chưa có trong danh mục ({listing}). Chưa ghi gì vào sổ. "
            "Hãy xác nhận tạo các thủ tục này, hoặc nhập danh mục thủ tục trước.")
    now = ctx.now()
    connection = session.connection()
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        # pysqlite opens its transaction only at the first write: make sure the DDL below is inside it.
        connection.execute(text("UPDATE settings SET key = key WHERE 0"))
        assert connection.connection.driver_connection.in_transaction
    created = _create_procedures(session, plan.unknown_procedures)
    # as app.dossiers.receive: a new dossier goes to its procedure's deciding unit
    units = dict(session.execute(select(Procedure.id, Procedure.unit_id)).all())
    total = plan.added + plan.updated
    done = 0
    note = f"Nhập từ tệp {name}"
    events = 0

    first_id = (connection.scalar(select(func.max(Dossier.id))) or 0) + 1
    if plan.new_rows:
        if sqlite:
            connection.execute(text("DROP TRIGGER IF EXISTS dossiers_fts_insert"))
        next_id = first_id
        for start in range(0, plan.added, BATCH):
            checkpoint(check)
            batch = plan.new_rows[start:start + BATCH]
            dossiers, history = [], []
            for row in batch:
                ref = plan.procedure_of[row.row]
                dossiers.append(_new_dossier(ctx, next_id, row, ref, created, units, now))
                history.append({"dossier_id": next_id, "at": now, "user_id": ctx.user_id, "kind": "import",
                                "field": "", "old_value": "", "new_value": _status_of(row).label,
                                "note": f"{note} (dòng {row.row})"})
                next_id += 1
            insert_rows(connection, Dossier.__table__, dossiers)
            insert_rows(connection, DossierEvent.__table__, history)
            events += len(history)
            done += len(batch)
            if progress:
                progress(done, total, "Đang ghi hồ sơ mới…")
        if sqlite:
            connection.execute(text(f"INSERT INTO {FTS_TABLE}(rowid, search_text) "
                                    "SELECT id, search_text FROM dossiers WHERE id >= :first"), {"first": first_id})
            connection.execute(text(SQLITE_DDL[1]))
    for start in range(0, plan.updated, BATCH):
        checkpoint(check)
        batch = plan.changes[start:start + BATCH]
        events += _write_changes(connection, ctx, batch, created, now, note)
        done += len(batch)
        if progress:
            progress(done, total, "Đang cập nhật hồ sơ đã có…")
    checkpoint(check)
    session.expire_all()
    return ImportResult(name, plan.added, plan.updated, plan.unchanged, plan.rejected, len(created), events)


def _status_of(row: DossierRow) -> Status:
    return row.status or Status.ACCEPTED


def _create_procedures(session: Session, unknown: tuple[UnknownProcedure, ...]) -> dict[str, int]:
    """Procedures the officer confirmed; their processing time is unknown (0) until the catalog is imported."""
    created = {}
    taken = set(session.scalars(select(Procedure.code)))
    sequence = 0
    for item in unknown:
        code = item.code
        if not code:
            sequence += 1
            while f"CHUA-MA-{sequence}" in taken:
                sequence += 1
            code = f"CHUA-MA-{sequence}"
        name = item.name or code
        procedure = Procedure(code=code[:60], name=name[:500], name_folded=fold(name)[:500], field=item.field[:200],
                              processing_value=0, processing_unit="day", online_level="none",
                              online_eligible=False, fee_bearing=False, result_on_paper=True, active=True)
        session.add(procedure)
        session.flush()
        taken.add(code)
        created[item.key] = procedure.id
    return created


def _procedure_id(ref, created: dict[str, int]) -> int:
    if isinstance(ref, tuple) and ref and ref[0] == "new":
        return created[ref[1]]
    return ref


def _new_dossier(ctx: Context, dossier_id: int, row: DossierRow, ref, created: dict[str, int],
                 units: dict[int, int | None], now: dt.datetime) -> dict:
    if isinstance(ref, tuple) and isinstance(ref[1], ProcessingTime):
        procedure_id, due = ref[0], due_from_receipt(ctx.calendar, row.received_at, ref[1])
    else:
        procedure_id, due = _procedure_id(ref, created), row.due_at
    status = _status_of(row)
    channel = row.channel or Channel.IN_PERSON.value
    return {
        "id": dossier_id, "code": row.code, "procedure_id": procedure_id, "unit_id": units.get(procedure_id),
        "officer_id": ctx.user_id,
        "applicant_name": row.applicant_name, "applicant_name_folded": fold(row.applicant_name),
        "applicant_id_number": row.applicant_id_number, "applicant_address": row.applicant_address,
        "applicant_phone": row.applicant_phone, "applicant_email": row.applicant_email,
        "applicant_kind": row.applicant_kind,
        "search_text": search_text_for(row.applicant_name, row.code, row.applicant_phone, row.applicant_id_number),
        "channel": channel, "received_at": row.received_at, "due_at": due, "due_manual_reason": "",
        "status": int(status), "finished_at": row.finished_at if status.is_finished else None,
        "returned_at": row.returned_at, "result_delivery": "desk" if status is Status.RETURNED else "",
        "closing_reason": row.closing_reason, "fee_paid": False, "paid_online": False,
        "digitized_components": channel == Channel.ONLINE.value, "digitized_result": False,
        "identity_checked": False, "reused_from_store": False, "taken_from_national_store": False,
        "request_letter_attached": False, "notes": row.notes, "created_at": now, "updated_at": now, "version": 1,
    }


def _show(key: str, value) -> str:
    if value is None:
        return ""
    if key == "status":
        return Status(value).label
    if key == "channel":
        return Channel(value).label
    if isinstance(value, dt.datetime):
        return datetime_vi(value)
    return str(value)


def _write_changes(connection: Connection, ctx: Context, batch: tuple[Change, ...], created: dict[str, int],
                   now: dt.datetime, note: str) -> int:
    table = Dossier.__table__
    # Unit procedure names for the history, read once.
    names = dict(connection.execute(select(Procedure.id, Procedure.name)).all())
    groups: dict[tuple[str, ...], list[dict]] = {}
    history = []
    for change in batch:
        values = {key: (_procedure_id(new, created) if key == "procedure_id" else new)
                  for key, _old, new in change.fields}
        if _touches_search(values):
            current = dict(zip(("applicant_name", "applicant_phone", "applicant_id_number"), change.searched))
            merged = {**current, **{k: v for k, v in values.items() if k in current}}
            values["applicant_name_folded"] = fold(merged["applicant_name"])
            values["search_text"] = search_text_for(merged["applicant_name"], change.code, merged["applicant_phone"],
                                                    merged["applicant_id_number"])
        params = {f"v_{k}": v for k, v in values.items()}
        params["b_id"], params["b_version"] = change.dossier_id, change.version
        groups.setdefault(tuple(sorted(values)), []).append(params)
        for key, old, new in change.fields:
            if key == "procedure_id":
                old, new = names.get(old, old), names.get(_procedure_id(new, created), new)
            history.append({"dossier_id": change.dossier_id, "at": now, "user_id": ctx.user_id, "kind": "import",
                            "field": key, "old_value": _show(key, old), "new_value": _show(key, new),
                            "note": f"{FIELD_LABELS[key]} — {note} (dòng {change.row})"})
    for keys, rows in groups.items():
        columns = list(keys)
        statement = (update(table)
                     .where(table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version"))
                     .values({**{k: bindparam(f"v_{k}") for k in columns}, "version": table.c.version + 1,
                              "updated_at": now}))
        result = connection.execute(statement, rows)
        if result.rowcount is not None and 0 <= result.rowcount < len(rows):
            raise StaleDataError("Trong lúc nhập, một số hồ sơ vừa được người khác cập nhật; chưa ghi gì vào sổ. "
                                 "Hãy nhập lại tệp.")
    insert_rows(connection, DossierEvent.__table__, history)
    return len(history)


def _touches_search(values: dict) -> bool:
    return bool({"applicant_name", "applicant_phone", "applicant_id_number"} & set(values))

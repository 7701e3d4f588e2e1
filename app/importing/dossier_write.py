"""Writing an import plan: new dossiers in bulk, changes as updates plus "import" events.

Everything happens in the caller's transaction; on SQLite the FTS insert
trigger is dropped for the load and the new rows indexed in one statement,
both inside that transaction, so a failure or a kill undoes them too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, text, update
from sqlalchemy.orm import Session

from app import ratings, report_days
from app.context import Context
from app.deadlines import ProcessingTime, due_from_receipt
from app.dossiers import search_text_for
from app.due_dates import deadline_values, recompute_deadlines
from app.errors import StaleDataError, ValidationError
from app.formatting import datetime_vi
from app.importing.dossier_file import CheckFn, DossierRow, ProgressFn, checkpoint
from app.importing.dossier_import import FIELD_LABELS, Change, ImportPlan, ImportResult, UnknownProcedure, UnknownUnit
from app.importing.units import clean_unit_name, new_unit_code
from app.lifecycle import Channel, Status
from app.text import fold
from db import audit
from db.bulk import insert_rows
from db.models import Dossier, DossierEvent, Procedure, Rating, Unit
from db.search_index import FTS_TABLE, SQLITE_DDL

BATCH = 10_000

def apply_import(session: Session, ctx: Context, plan: ImportPlan, *, create_procedures: bool = False,
                 skip_rejected: bool = False, progress: ProgressFn | None = None,
                 check: CheckFn | None = None, create_units: bool = False) -> ImportResult:
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
    if plan.unknown_units and not create_units:
        listing = "; ".join(f"“{u.name}”" for u in plan.unknown_units[:5])
        more = f" (và {len(plan.unknown_units) - 5} đơn vị khác)" if len(plan.unknown_units) > 5 else ""
        raise ValidationError(
            f"Tệp có {len(plan.unknown_units)} đơn vị giải quyết chưa có trong danh sách đơn vị ({listing}{more}). "
            "Chưa ghi gì vào sổ. Hãy xác nhận tạo các đơn vị này (--create-units), hoặc thêm/sửa tên đơn vị trước.")
    now = ctx.now()
    connection = session.connection()
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        # pysqlite opens its transaction only at the first write: make sure the DDL below is inside it.
        connection.execute(text("UPDATE settings SET key = key WHERE 0"))
        driver = connection.connection.driver_connection
        assert driver is not None and driver.in_transaction
    created = _create_procedures(session, plan.unknown_procedures)
    created_units = _create_units(session, plan.unknown_units)
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
        days_paused = report_days.pause_for_bulk_insert(connection)   # the new rows counted once, at the end
        next_id = first_id
        for start in range(0, plan.added, BATCH):
            checkpoint(check)
            batch = plan.new_rows[start:start + BATCH]
            dossiers, history = [], []
            for row in batch:
                ref = plan.procedure_of[row.row]
                record = _new_dossier(ctx, next_id, row, ref, created, units, now)
                if row.row in plan.unit_of:  # the file's unit wins over the procedure's default
                    record["unit_id"] = _unit_id(plan.unit_of[row.row], created_units)
                dossiers.append(record)
                history.append({"dossier_id": next_id, "at": now, "user_id": ctx.user_id, "kind": "import",
                                "field": "", "old_value": "", "new_value": _status_of(row).label,
                                "note": f"{note} (dòng {row.row})"})
                next_id += 1
            insert_rows(connection, Dossier.__table__, dossiers)
            insert_rows(connection, DossierEvent.__table__, history)
            # in the audit trail row by row, as a dossier received at the desk (audit verify --deep replays it)
            audit.record_rows(session, "dossiers", "insert",
                              ((str(r["id"]), r["id"], {k: (None, v) for k, v in r.items()}) for r in dossiers))
            events += len(history)
            done += len(batch)
            if progress:
                progress(done, total, "Đang ghi hồ sơ mới…")
        if sqlite:
            connection.execute(text(f"INSERT INTO {FTS_TABLE}(rowid, search_text) "
                                    "SELECT id, search_text FROM dossiers WHERE id >= :first"), {"first": first_id})
            connection.execute(text(SQLITE_DDL[1]))
        report_days.resume_after_bulk_insert(connection, days_paused, first_id)
    for start in range(0, plan.updated, BATCH):
        checkpoint(check)
        changes = plan.changes[start:start + BATCH]
        events += _write_changes(connection, ctx, changes, created, now, note, created_units, session)
        done += len(changes)
        if progress:
            progress(done, total, "Đang cập nhật hồ sơ đã có…")
    events += _write_ratings(session, ctx, plan, now, note)
    # A file that moved a due date, a receipt or reopened a dossier moves its apology deadline too.
    recompute_deadlines(session, ctx.calendar, [c.dossier_id for c in plan.changes
                                                if {"due_at", "received_at", "status"} & {k for k, _o, _n in c.fields}])
    checkpoint(check)
    session.expire_all()
    return ImportResult(name, plan.added, plan.updated, plan.unchanged, plan.rejected, len(created), events,
                        units_created=len(created_units), ratings=plan.rated)


def _write_ratings(session: Session, ctx: Context, plan: ImportPlan, now: dt.datetime, note: str) -> int:
    """The portal's evaluations the file brings, through the ORM (each one audited): new ratings given through
    the portal when the result came, or a recorded one changed to what the portal holds."""
    if not plan.ratings:
        return 0
    codes = [r.code for r in plan.ratings]
    found: dict[str, tuple[int, dt.datetime | None]] = {}
    for start in range(0, len(codes), BATCH):
        for dossier_id, code, returned, finished in session.execute(
                select(Dossier.id, Dossier.code, Dossier.returned_at, Dossier.finished_at)
                .where(Dossier.code.in_(codes[start:start + BATCH]))):
            found[code] = (dossier_id, returned or finished)
    ids = [dossier_id for dossier_id, _at in found.values()]
    held: dict[int, Rating] = {}
    for start in range(0, len(ids), BATCH):
        held.update((r.dossier_id, r) for r in session.scalars(
            select(Rating).where(Rating.dossier_id.in_(ids[start:start + BATCH]))))
    for change in plan.ratings:
        dossier_id, result_at = found[change.code]
        level = ratings.Level(change.level)
        rating = held.get(dossier_id)
        if rating is None:
            session.add(Rating(dossier_id=dossier_id, level=level.value, reasons="", note="",
                               via=ratings.Via.PORTAL.value, rated_at=min(result_at or now, now), recorded_at=now,
                               recorded_by=ctx.user_id))
            old = ""
        else:
            old = ratings.Level(rating.level).label
            rating.level, rating.via = level.value, ratings.Via.PORTAL.value
            if level is not ratings.Level.UNSATISFIED:
                rating.reasons = ""
        session.add(DossierEvent(dossier_id=dossier_id, at=now, user_id=ctx.user_id, kind="rating", field="rating",
                                 old_value=old, new_value=level.label,
                                 note=f"Đánh giá trên Cổng dịch vụ công — {note} (dòng {change.row})"))
    session.flush()
    return len(plan.ratings)


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


def _create_units(session: Session, unknown: tuple[UnknownUnit, ...]) -> dict[str, int]:
    """Units the officer confirmed, named as the file first spells them."""
    created = {}
    taken = set(session.scalars(select(Unit.code)))
    for item in unknown:
        unit = Unit(code=new_unit_code(item.name, taken), name=clean_unit_name(item.name), active=True)
        session.add(unit)
        session.flush()
        created[item.key] = unit.id
    return created


def _unit_id(ref, created_units: dict[str, int]) -> int:
    if isinstance(ref, tuple) and ref and ref[0] == "new":
        return created_units[ref[1]]
    return ref


def _procedure_id(ref, created: dict[str, int]) -> int:
    if isinstance(ref, tuple) and ref and ref[0] == "new":
        return created[ref[1]]
    return ref


def _new_dossier(ctx: Context, dossier_id: int, row: DossierRow, ref, created: dict[str, int],
                 units: dict[int, int | None], now: dt.datetime) -> dict:
    due: dt.datetime | None
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
        "channel": channel, "received_at": row.received_at, "due_manual_reason": "",
        **deadline_values(ctx.calendar, due, row.received_at),
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
                   now: dt.datetime, note: str, created_units: dict[str, int] | None = None,
                   session: Session | None = None) -> int:
    table = Dossier.__table__
    created_units = created_units or {}
    # Procedure and unit names for the history, read once.
    names = dict(connection.execute(select(Procedure.id, Procedure.name)).all())
    unit_names = dict(connection.execute(select(Unit.id, Unit.name)).all())
    groups: dict[tuple[str, ...], list[dict]] = {}
    history = []
    for change in batch:
        values: dict[str, Any] = {key: (_procedure_id(new, created) if key == "procedure_id"
                        else _unit_id(new, created_units) if key == "unit_id" else new)
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
            elif key == "unit_id":
                old, new = unit_names.get(old, old), unit_names.get(_unit_id(new, created_units), new)
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
    if session is not None:   # the audit trail, old → new, as for a change made at the desk
        audit.record_rows(session, "dossiers", "update", (
            (str(change.dossier_id), change.dossier_id,
             {key: (old, _procedure_id(new, created) if key == "procedure_id"
                    else _unit_id(new, created_units) if key == "unit_id" else new)
              for key, old, new in change.fields}) for change in batch))
    return len(history)


def _touches_search(values: dict) -> bool:
    return bool({"applicant_name", "applicant_phone", "applicant_id_number"} & set(values))

"""The audit trail as officers read it: checking the chain, and the history filtered."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.formatting import datetime_vi, thousands
from db import audit
from db.models import AuditEvent, Dossier, Unit, User

TABLE_LABELS = {
    "dossiers": "Hồ sơ", "apology_letters": "Phiếu xin lỗi", "supplement_periods": "Bổ sung hồ sơ",
    "settings": "Thiết lập", "calendar_overrides": "Lịch nghỉ/làm bù", "users": "Tài khoản",
    "office": "Thông tin cơ quan", "units": "Đơn vị", "procedures": "Thủ tục", "ratings": "Đánh giá hài lòng",
}
ACTION_LABELS = {"insert": "Thêm", "update": "Sửa", "delete": "Xóa", "bulk-update": "Sửa hàng loạt",
                 "bulk-delete": "Xóa hàng loạt", "bulk-insert": "Thêm hàng loạt",
                 "demo-remove": "Xóa dữ liệu mẫu"}
FIELD_LABELS = {
    "status": "trạng thái", "applicant_name": "người nộp", "applicant_id_number": "số giấy tờ",
    "applicant_address": "địa chỉ", "applicant_phone": "điện thoại", "applicant_email": "thư điện tử",
    "due_at": "hẹn trả", "received_at": "tiếp nhận", "finished_at": "kết thúc", "returned_at": "trả kết quả",
    "closing_reason": "lý do", "notes": "ghi chú", "code": "mã", "name": "tên", "full_name": "họ tên",
    "username": "tên đăng nhập", "role": "vai trò", "active": "đang dùng", "password_hash": "mật khẩu",
    "password_changed_at": "đổi mật khẩu lúc", "last_login_at": "đăng nhập lúc", "day": "ngày",
    "working": "làm việc", "note": "ghi chú", "reason": "lý do", "new_due_at": "hẹn mới",
    "previous_due_at": "hẹn cũ", "number_text": "số phiếu", "signer_name": "người ký", "value": "giá trị",
    "key": "thiết lập", "head_name": "thủ trưởng", "head_title": "chức vụ", "place_name": "địa danh",
    "digitized_components": "số hóa thành phần", "digitized_result": "số hóa kết quả",
    "due_manual_reason": "lý do ấn định hạn", "unit_id": "đơn vị", "procedure_id": "thủ tục",
    "demo_dossiers": "hồ sơ mẫu", "letters": "phiếu xin lỗi", "field": "lĩnh vực",
    "parent_agency": "cơ quan chủ quản", "letter_symbol": "ký hiệu", "merged_into_id": "gộp vào đơn vị",
    "address": "địa chỉ", "phone": "điện thoại", "email": "thư điện tử", "agency_code": "mã định danh",
    "report_recipient": "nơi nhận báo cáo",
    "legacy_dossiers": "hồ sơ mẫu của phiên bản cũ", "events": "sự kiện", "periods": "lần bổ sung",
    "units": "đơn vị", "procedures": "thủ tục", "users": "tài khoản", "office": "thông tin cơ quan",
}
# Bookkeeping columns that only make the history longer.
QUIET_FIELDS = {"id", "created_at", "updated_at", "created_by", "officer_id", "first_id", "seed", "marked", "runs"}
PROBLEMS = {
    "hash": "nội dung đã bị sửa sau khi ghi",
    "link": "không nối với sự kiện trước (sự kiện trước đã bị sửa, xóa hoặc chèn thêm)",
    "gap": "thiếu sự kiện liền trước (đã bị xóa)",
}


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    user: str
    what: str           # "Hồ sơ 000.00.16.H19-261125-010001"
    action: str
    dossier_id: int | None
    changes: str        # one line: "status: 2 → 4; notes: … → …"


@dataclass(frozen=True)
class VerifyReport:
    intact: bool
    events: int
    broken_id: int | None
    message: str


def verify_chain(session: Session) -> VerifyReport:
    check = audit.verify(session)
    if check.intact:
        return VerifyReport(True, check.events, None,
                            f"Nguyên vẹn: {thousands(check.events)} sự kiện, chuỗi băm khớp từ đầu đến cuối.")
    event = session.get(AuditEvent, check.broken_id)
    where = ""
    if event is not None:
        where = f" ({TABLE_LABELS.get(event.table_name, event.table_name)} {event.row_key}, {datetime_vi(event.at)})"
    return VerifyReport(False, check.events, check.broken_id,
                        f"Bị phá vỡ tại sự kiện số {check.broken_id}{where}: {PROBLEMS[check.problem]}. "
                        f"{thousands(check.events)} sự kiện trước đó vẫn khớp.")


def _short(value) -> str:
    if value is True or value is False:
        return "có" if value else "không"
    if isinstance(value, str) and len(value) == 19 and value[10:11] == "T":   # an ISO moment
        try:
            return datetime_vi(dt.datetime.fromisoformat(value))
        except ValueError:
            pass
    text = "∅" if value is None or value == "" else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


# Fields holding a unit's id, shown by the unit's name.
UNIT_ID_FIELDS = frozenset({"unit_id", "merged_into_id"})


def describe_changes(text: str, action: str, unit_names: dict[int, str] | None = None) -> str:
    parts = []
    for field, old, new in audit.iter_changes(text):
        if field in QUIET_FIELDS:
            continue
        if unit_names and field in UNIT_ID_FIELDS:
            old, new = (unit_names.get(v, v) if isinstance(v, int) else v for v in (old, new))
        label = FIELD_LABELS.get(field, field)
        if field == "sql":
            parts.append(_short(new))
        elif action in ("insert", "bulk-insert") or old is None:
            if new not in (None, "", False):
                parts.append(f"{label}: {_short(new)}")
        elif action == "delete":
            parts.append(f"{label}: {_short(old)}")
        else:
            parts.append(f"{label}: {_short(old)} → {_short(new)}")
    return "; ".join(parts)


def _setting_value(text) -> str:
    if text is None:
        return "∅"
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return _short(text)
    return _short(value)


def describe_setting_change(key: str, text: str, action: str) -> str:
    """A setting's event as "giá trị: 587 → 2525", its JSON decoded; the first change of a setting
    (an insert) shows the default it replaced, since that was the value in force."""
    from app.settings import SPEC_BY_KEY

    changes = {field: (old, new) for field, old, new in audit.iter_changes(text)}
    old, new = changes.get("value", (None, None))
    if action == "insert" and key in SPEC_BY_KEY:
        old = json.dumps(SPEC_BY_KEY[key].default, ensure_ascii=False)
    if action == "delete":
        return f"giá trị: {_setting_value(old)}"
    return f"giá trị: {_setting_value(old)} → {_setting_value(new)}"


def history(session: Session, *, dossier_code: str | None = None, dossier_id: int | None = None,
            user_id: int | None = None, start: dt.date | None = None, end: dt.date | None = None,
            limit: int = 500) -> list[AuditRow]:
    """The newest events first, filtered by dossier, acting user and day range (inclusive)."""
    query = select(AuditEvent, User.username, User.full_name).outerjoin(User, User.id == AuditEvent.user_id)
    if dossier_code:
        found = session.scalar(select(Dossier.id).where(Dossier.code == dossier_code.strip()))
        query = query.where(AuditEvent.dossier_id == (found if found is not None else -1))
    if dossier_id is not None:
        query = query.where(AuditEvent.dossier_id == dossier_id)
    if user_id is not None:
        query = query.where(AuditEvent.user_id == user_id)
    if start is not None:
        query = query.where(AuditEvent.at >= dt.datetime.combine(start, dt.time()))
    if end is not None:
        query = query.where(AuditEvent.at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()))
    rows = session.execute(query.order_by(AuditEvent.id.desc()).limit(limit)).all()
    codes = dict(session.execute(select(Dossier.id, Dossier.code).where(
        Dossier.id.in_({e.dossier_id for e, _, _ in rows if e.dossier_id is not None}))).all()) if rows else {}
    names = dict(session.execute(select(User.id, User.username)).all()) if rows else {}
    unit_names = dict(session.execute(select(Unit.id, Unit.name)).all()) if rows else {}
    result = []
    for event, username, full_name in rows:
        label = TABLE_LABELS.get(event.table_name, event.table_name)
        key = event.row_key
        if event.table_name == "dossiers":
            key = codes.get(event.dossier_id, key) if event.dossier_id is not None else key
        elif event.table_name == "users" and key.isdigit():
            key = names.get(int(key), key)
        elif event.table_name == "units" and key.isdigit():
            key = unit_names.get(int(key), key)
        if event.table_name == "settings" and event.action in ("insert", "update", "delete"):
            changes = describe_setting_change(event.row_key, event.changes, event.action)
        else:
            changes = describe_changes(event.changes, event.action, unit_names)
        result.append(AuditRow(event.id, event.at, full_name or username or "—", f"{label} {key}".strip(),
                               ACTION_LABELS.get(event.action, event.action), event.dossier_id, changes))
    return result


def event_count(session: Session) -> int:
    from sqlalchemy import func

    return session.scalar(select(func.count()).select_from(AuditEvent)) or 0


__all__ = ["verify_chain", "history", "AuditRow", "VerifyReport"]


def change_mark(session: Session) -> int:
    """The newest audit event's number: it moves whenever any desk changes anything audited
    (a cheap primary-key lookup, polled by the window on a shared register)."""
    return session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1)) or 0

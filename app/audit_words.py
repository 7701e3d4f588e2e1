"""The change history in words: what each audited field is called and each value as the officer knows it.

``describe`` turns one audit event (db/audit.py) into the three texts the history shows (what was
changed, the action, the changes); ``change_words`` says one field's change and is shared with the
dossier's own history tab (app/worklists.py), so a field is named and a value shown the same way in
the Nhật ký thay đổi page, the dossier form and ``audit log``. The labels reuse the domain's own
tables (app.lifecycle, app.permissions, app.letter_delivery, app.settings, app.dossiers) rather than
copying them: a status renamed there is renamed here.

tests/app/test_audit_words.py walks every column of every audited model, so a column added to a
model without a label here fails a test instead of reaching the screen as ``snake_case``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.dossiers import EDITABLE_FIELDS
from app.formatting import date_vi, datetime_vi
from app.letter_delivery import VIA_LABELS
from app.lifecycle import ApplicantKind, Channel, OnlineLevel, ResultDelivery, Status, TimeUnit
from app.permissions import Role
from app.ratings import Level as RatingLevel
from app.ratings import Reason as RatingReason
from app.ratings import Via as RatingVia
from db import audit
from db.models import ApologyLetter, CalendarOverride, Dossier, Procedure, Unit, User

TABLE_LABELS = {
    "dossiers": "Hồ sơ", "apology_letters": "Phiếu xin lỗi", "supplement_periods": "Bổ sung hồ sơ",
    "settings": "Thiết lập", "calendar_overrides": "Lịch nghỉ/làm bù", "users": "Tài khoản",
    "office": "Thông tin cơ quan", "units": "Đơn vị", "procedures": "Thủ tục",
    "audit_key": "Khóa niêm phong nhật ký", "ratings": "Đánh giá hài lòng",
}
ACTION_LABELS = {"insert": "Thêm", "update": "Sửa", "delete": "Xóa", "bulk-update": "Sửa hàng loạt",
                 "bulk-delete": "Xóa hàng loạt", "bulk-insert": "Thêm hàng loạt",
                 "demo-remove": "Xóa dữ liệu mẫu", "export": "Xuất khóa", "import": "Nhập khóa"}
EMPTY = "(trống)"

# Bookkeeping columns that only make the history longer (the event already says who and when).
QUIET_FIELDS = frozenset({"id", "created_at", "updated_at", "created_by", "first_id", "seed", "marked", "runs",
                          "year", "number", "pdf_sha256"})

_DOSSIER = {
    **EDITABLE_FIELDS,           # the dossier form's own words (app/dossiers.py)
    "code": "Mã hồ sơ",
    "procedure_id": "Thủ tục",
    "status": "Trạng thái",
    "received_at": "Ngày tiếp nhận",
    "due_at": "Hẹn trả kết quả",
    "due_manual_reason": "Lý do ấn định hạn",
    "original_due_at": "Hẹn trả ban đầu",
    "apology_deadline_at": "Hạn gửi phiếu xin lỗi",
    "papers_received": "Giấy tờ đã nhận",
    "finished_at": "Ngày có kết quả",
    "returned_at": "Ngày trả kết quả",
    "result_delivery": "Hình thức trả kết quả",
    "closing_reason": "Lý do",
    "demo": "Dữ liệu mẫu",
    "delivered_via": "Giao phiếu xin lỗi",
    # the summary of a demo run or of its removal (app/demo.py, app/demo_removal.py)
    "demo_dossiers": "Hồ sơ mẫu", "legacy_dossiers": "Hồ sơ mẫu của phiên bản cũ", "letters": "Phiếu xin lỗi",
    "events": "Sự kiện", "periods": "Lần bổ sung", "units": "Đơn vị", "procedures": "Thủ tục",
    "users": "Tài khoản", "office": "Thông tin cơ quan",
}
_LETTER = {
    "dossier_id": "Hồ sơ", "number_text": "Số phiếu", "issued_on": "Ngày phiếu", "issued_at": "Lập lúc",
    "reason": "Lý do chậm", "previous_due_at": "Hẹn trả cũ", "new_due_at": "Hẹn trả mới",
    "signer_name": "Người ký", "signer_title": "Chức vụ người ký", "late": "Gửi muộn",
    "issuer_name": "Cơ quan ban hành", "issuer_parent": "Cơ quan chủ quản",
    "delivered_via": "Hình thức giao", "delivered_at": "Giao lúc", "delivered_by": "Người giao",
    "delivery_note": "Ghi chú giao phiếu", "recipients": "Nơi nhận",
}
_PERIOD = {"dossier_id": "Hồ sơ", "requested_at": "Yêu cầu bổ sung lúc", "completed_at": "Nhận đủ lúc",
           "reason": "Nội dung bổ sung"}
_SETTING = {"key": "Thiết lập", "value": "Giá trị"}
_CALENDAR = {"day": "Ngày", "working": "Loại ngày", "note": "Ghi chú"}
_USER = {"username": "Tên đăng nhập", "full_name": "Họ tên", "role": "Vai trò", "active": "Đang dùng",
         "password_hash": "Mật khẩu", "password_changed_at": "Đổi mật khẩu lúc",
         "last_login_at": "Đăng nhập lần cuối", "unit_id": "Lãnh đạo đơn vị"}
_OFFICE = {"name": "Tên cơ quan", "parent_agency": "Cơ quan chủ quản", "place_name": "Địa danh",
           "agency_code": "Mã định danh", "head_name": "Thủ trưởng", "head_title": "Chức vụ thủ trưởng",
           "report_recipient": "Nơi nhận báo cáo", "address": "Địa chỉ", "phone": "Điện thoại",
           "email": "Thư điện tử", "letter_symbol": "Ký hiệu phiếu"}
_UNIT = {"code": "Mã đơn vị", "name": "Tên đơn vị", "active": "Đang dùng", "full_name": "Tên đầy đủ",
         "parent_agency": "Cơ quan chủ quản", "head_title": "Chức vụ thủ trưởng", "head_name": "Thủ trưởng",
         "letter_symbol": "Ký hiệu phiếu", "merged_into_id": "Gộp vào đơn vị", "demo": "Dữ liệu mẫu"}
_PROCEDURE = {"code": "Mã thủ tục", "name": "Tên thủ tục", "field": "Lĩnh vực",
              "processing_value": "Thời hạn giải quyết", "processing_unit": "Tính thời hạn theo",
              "online_level": "Mức độ trực tuyến", "online_eligible": "Đủ điều kiện trực tuyến toàn trình",
              "fee_bearing": "Có phí, lệ phí", "result_on_paper": "Kết quả bản giấy",
              "unit_id": "Đơn vị giải quyết", "active": "Đang dùng", "papers": "Thành phần hồ sơ",
              "demo": "Dữ liệu mẫu"}
_RATING = {"dossier_id": "Hồ sơ", "level": "Mức độ hài lòng", "reasons": "Lý do không hài lòng", "note": "Ý kiến",
           "via": "Cách đánh giá", "rated_at": "Đánh giá lúc", "recorded_at": "Ghi nhận lúc",
           "recorded_by": "Người ghi nhận"}
FIELD_LABELS: dict[str, dict[str, str]] = {
    "dossiers": _DOSSIER, "apology_letters": _LETTER, "supplement_periods": _PERIOD, "settings": _SETTING,
    "calendar_overrides": _CALENDAR, "users": _USER, "office": _OFFICE, "units": _UNIT,
    "procedures": _PROCEDURE, "audit_key": {"key_id": "Mã khóa"}, "ratings": _RATING,
}
# A setting kept outside app.settings (the password lives in the keyring; only the fact is audited).
EXTRA_SETTING_LABELS = {"smtp_password": "Mật khẩu SMTP"}

# Fields whose value is one of the domain's enums: shown by the enum's label.
_ENUMS: dict[str, Callable[[Any], str]] = {
    "status": lambda v: Status(int(v)).label,
    "applicant_kind": lambda v: ApplicantKind(v).label,
    "channel": lambda v: Channel(v).label,
    "online_level": lambda v: OnlineLevel(v).label,
    "processing_unit": lambda v: TimeUnit(v).label,
    "result_delivery": lambda v: ResultDelivery(v).label,
    "role": lambda v: Role(v).label,
    "delivered_via": lambda v: VIA_LABELS[v],
    "working": lambda v: "Ngày làm việc (làm bù)" if v else "Ngày nghỉ",
    "level": lambda v: RatingLevel(v).label,
    "via": lambda v: RatingVia(v).label,
    "reasons": lambda v: "; ".join(RatingReason(code).label for code in str(v).split(",") if code),
}
# Fields holding another record's id, and which names they are shown by.
_REFERENCES = {"unit_id": "units", "merged_into_id": "units", "procedure_id": "procedures",
               "officer_id": "users", "delivered_by": "users", "created_by": "users",
               "recorded_by": "users", "dossier_id": "dossiers"}
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LONGEST = 120


def _chunks(ids: set[int], size: int = 5_000) -> Iterable[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), size):
        yield ordered[start:start + size]


@dataclass
class Names:
    """What ids stand for, read once for a page of events: users by full name, units and procedures by
    name, dossiers by code, letters by their printed number, calendar days by date."""

    users: dict[int, str] = field(default_factory=dict)
    units: dict[int, str] = field(default_factory=dict)
    procedures: dict[int, str] = field(default_factory=dict)
    dossiers: dict[int, str] = field(default_factory=dict)
    letters: dict[int, str] = field(default_factory=dict)
    days: dict[int, dt.date] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session, events: Iterable[Any] = (), fields: Iterable[str] = ()) -> Names:
        """``events``: rows with ``table_name``, ``row_key``, ``dossier_id`` and ``changes`` (audit events);
        ``fields``: the field names of a dossier's own history. Only the names they can refer to are read
        (opening a dossier does not read the whole catalog)."""
        events = list(events)
        dossier_ids: set[int] = set()
        letter_ids: set[int] = set()
        day_ids: set[int] = set()
        wanted = {_REFERENCES[name] for name in fields if name in _REFERENCES}
        for event in events:
            if event.dossier_id is not None:
                dossier_ids.add(event.dossier_id)
            key = str(event.row_key)
            if key.isdigit() and event.table_name == "apology_letters":
                letter_ids.add(int(key))
            elif key.isdigit() and event.table_name == "calendar_overrides":
                day_ids.add(int(key))
            if event.table_name in ("users", "units", "procedures"):
                wanted.add(event.table_name)
            wanted.update(table for name, table in _REFERENCES.items() if name in (event.changes or ""))
        names = cls()
        if "users" in wanted:
            names.users = {i: full or user for i, full, user in session.execute(
                select(User.id, User.full_name, User.username))}
        if "units" in wanted:
            names.units = {i: n for i, n in session.execute(select(Unit.id, Unit.name))}
        if "procedures" in wanted:
            names.procedures = {i: n for i, n in session.execute(select(Procedure.id, Procedure.name))}
        for chunk in _chunks(dossier_ids):
            names.dossiers.update(session.execute(
                select(Dossier.id, Dossier.code).where(Dossier.id.in_(chunk))).all())
        for chunk in _chunks(letter_ids):
            names.letters.update(session.execute(select(ApologyLetter.id, ApologyLetter.number_text)
                                                 .where(ApologyLetter.id.in_(chunk))).all())
        for chunk in _chunks(day_ids):
            names.days.update(session.execute(select(CalendarOverride.id, CalendarOverride.day)
                                              .where(CalendarOverride.id.in_(chunk))).all())
        return names

    def of(self, table: str) -> dict[int, str]:
        return {"units": self.units, "procedures": self.procedures, "users": self.users,
                "dossiers": self.dossiers}[table]


@dataclass(frozen=True)
class EventWords:
    what: str      # "Phiếu xin lỗi 30/PXL", "Tài khoản Nguyễn Văn Quản"
    action: str    # "Sửa"
    changes: str   # "Trạng thái: Được tiếp nhận → Đang xử lý; Ghi chú: gọi lại"


def setting_label(key: str) -> str:
    from app.settings import SPEC_BY_KEY

    spec = SPEC_BY_KEY.get(key)
    return spec.label if spec is not None else EXTRA_SETTING_LABELS.get(key, key)


def field_label(table: str, name: str) -> str:
    return FIELD_LABELS.get(table, {}).get(name, name)


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _LONGEST else text[:_LONGEST - 1] + "…"


def value_words(table: str, name: str, value: Any, names: Names | None = None) -> str:
    """One value as the officer knows it: a label for an enum's value, a name for an id, a date the
    Vietnamese way, có/không for a flag. A value already in words (the dossier's own history keeps
    status labels and formatted dates) is left as it is."""
    if value is None or value == "":
        return EMPTY
    if name in audit.SECRET_COLUMNS:
        return "(đã đặt)"
    if name in _ENUMS:
        try:
            return _ENUMS[name](value)
        except (ValueError, KeyError, TypeError):
            pass
    if value is True or value is False:
        return "Có" if value else "Không"    # as the dossier's own history writes a flag (app/dossiers.py)
    if name in _REFERENCES and (isinstance(value, int) or (isinstance(value, str) and value.isdigit())):
        known = (names or Names()).of(_REFERENCES[name]).get(int(value))
        return _shorten(known) if known else f"số {value}"
    if isinstance(value, str):
        if _ISO_MOMENT.match(value):
            moment = dt.datetime.fromisoformat(value)
            return datetime_vi(moment) if moment.time() != dt.time() or name.endswith("_at") else date_vi(moment)
        if _ISO_DAY.match(value):
            return date_vi(dt.date.fromisoformat(value))
        return _shorten(value)
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return _shorten(str(value))


def change_words(table: str, name: str, old: Any, new: Any, action: str = "update",
                 names: Names | None = None) -> str:
    """One field's change: "Loại người nộp: Cá nhân → Tổ chức"; a new or removed record shows one value."""
    label = field_label(table, name)
    if name in audit.SECRET_COLUMNS:
        return f"{label}: {'đã đặt mới' if new else 'đã xóa'}" if action != "delete" else f"{label}: (đã đặt)"
    if action in ("insert", "bulk-insert") or (old in (None, "") and action != "delete"):
        return f"{label}: {value_words(table, name, new, names)}"
    if action == "delete":
        return f"{label}: {value_words(table, name, old, names)}"
    return f"{label}: {value_words(table, name, old, names)} → {value_words(table, name, new, names)}"


def _setting_value(text: Any) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return text


def _setting_changes(key: str, changes: dict[str, list], action: str) -> str:
    """A setting's event as "Giá trị: 587 → 2525", its JSON decoded; the first change of a setting
    (an insert) shows the default it replaced, since that was the value in force."""
    from app.settings import SPEC_BY_KEY

    old, new = changes.get("value", (None, None))
    if action == "insert" and key in SPEC_BY_KEY:
        old = json.dumps(SPEC_BY_KEY[key].default, ensure_ascii=False)
    if new == audit.SECRET_MARK:
        return "Giá trị: đã đặt mới"
    if action == "delete":
        return f"Giá trị: {value_words('settings', key, _setting_value(old))}"
    return (f"Giá trị: {value_words('settings', key, _setting_value(old))} → "
            f"{value_words('settings', key, _setting_value(new))}")


_SET = re.compile(r"\bSET\s+(.*?)(?:\s+WHERE\s+(.*))?$", re.IGNORECASE | re.DOTALL)
_ASSIGN = re.compile(r"(\w+)\s*=\s*('(?:[^']|'')*'|[^,\s]+)")


def _literal(text: str) -> Any:
    if text.startswith("'"):
        return text[1:-1].replace("''", "'")
    if text.upper() == "NULL":
        return None
    try:
        return int(text)
    except ValueError:
        return text


def _bulk_words(table: str, action: str, sql: str, names: Names) -> str:
    """A bulk UPDATE (the ORM statement the listener saw) in words: which fields went from what to what;
    a condition on the same field is the old value ("Đơn vị giải quyết: A → B")."""
    match = _SET.search(sql or "")
    if action != "bulk-update" or match is None:
        return "nhiều dòng cùng lúc"
    conditions = {column: _literal(value) for column, value in
                  re.findall(r"\w+\.(\w+)\s*=\s*('(?:[^']|'')*'|[^\s)]+)", match.group(2) or "")}
    parts = []
    for column, value in _ASSIGN.findall(match.group(1)):
        old = conditions.get(column)
        parts.append(change_words(table, column, old, _literal(value), "update" if old is not None else "insert",
                                  names))
    return "; ".join(parts) or "nhiều dòng cùng lúc"


def _summary_value(table: str, name: str, value: Any, action: str, names: Names) -> str:
    """The demo's summary fields: counts (removals stored negative), lists of names, and for the office
    the list of its fields that were emptied."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(abs(value))
    if name == "office" and isinstance(value, str):
        return ", ".join(field_label("office", part.strip()) for part in value.split(",") if part.strip()) or EMPTY
    return value_words(table, name, value, names)


def _changes(table: str, action: str, row_key: str, text: str, names: Names) -> str:
    changes = {name: (old, new) for name, old, new in audit.iter_changes(text)}
    if table == "settings" and action in ("insert", "update", "delete"):
        return _setting_changes(row_key, {k: list(v) for k, v in changes.items()}, action)
    if "sql" in changes:
        return _bulk_words(table, action, str(changes["sql"][1]), names)
    order = {name: index for index, name in enumerate(FIELD_LABELS.get(table, {}))}   # as the form lists them
    parts = []
    for name, (old, new) in sorted(changes.items(), key=lambda item: order.get(item[0], len(order))):
        if name in QUIET_FIELDS or (table == "dossiers" and name == "officer_id" and action == "insert"):
            continue
        if action in ("bulk-insert", "demo-remove"):
            if new not in (None, "", False, 0):
                label = "Điền thông tin cơ quan mẫu" if name == "office" and new is True else field_label(table, name)
                parts.append(f"{label}: {_summary_value(table, name, new, action, names)}")
        elif action == "insert" and (new in (None, "") or (new is False and name not in _ENUMS)):
            continue   # a new record: only what it holds
        else:
            parts.append(change_words(table, name, old, new, action, names))
    return "; ".join(parts)


def _subject(table: str, row_key: str, dossier_id: int | None, text: str, names: Names) -> str:
    """The record the event is about, by what an officer calls it."""
    label = TABLE_LABELS.get(table, "Dữ liệu khác")
    key = str(row_key or "")
    values = {name: str(new if new is not None else old or "") for name, old, new in audit.iter_changes(text)}
    number = int(key) if key.isdigit() else None
    shown = ""
    if table == "office" or not key:
        shown = ""
    elif table in ("dossiers", "supplement_periods"):
        shown = names.dossiers.get(dossier_id, values.get("code", "")) if dossier_id is not None else ""
    elif table == "apology_letters":
        shown = names.letters.get(number, values.get("number_text", "")) if number is not None else ""
    elif table == "settings":
        shown = setting_label(key)
    elif table == "calendar_overrides":
        day = names.days.get(number) if number is not None else None
        shown = date_vi(day) if day else value_words(table, "day", values.get("day"), names)
    elif table in ("users", "units", "procedures"):
        known = names.of(table).get(number) if number is not None else None
        shown = _shorten(known or values.get("full_name") or values.get("name") or values.get("username") or "")
    return f"{label} {shown}".strip()


def describe(event: Any, names: Names) -> EventWords:
    """One audit event in words. ``event``: an AuditEvent (or any row with its ``table_name``, ``row_key``,
    ``action``, ``dossier_id`` and ``changes``)."""
    return EventWords(
        what=_subject(event.table_name, event.row_key, event.dossier_id, event.changes, names),
        action=ACTION_LABELS.get(event.action, "Thay đổi khác"),
        changes=_changes(event.table_name, event.action, event.row_key, event.changes, names),
    )


def dossier_event_words(name: str, old: str, new: str, note: str, names: Names) -> tuple[str, str]:
    """A row of the dossier's own history (db.models.DossierEvent) in the same words as the audit trail:
    (the change, the note); a note that only repeated the field's label is dropped."""
    if not name:
        change = f"{old} → {new}" if old else new
    else:
        change = change_words("dossiers", name, old, new, "update", names)
    return change, "" if note == field_label("dossiers", name) else note

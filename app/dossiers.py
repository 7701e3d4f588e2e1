"""Receiving dossiers and moving them along the lifecycle.

Every change is validated, recorded as an event with the acting user, and
checked against the version the officer was looking at, so a stale screen
can never overwrite a colleague's work. The caller owns the Session and the
transaction ("one Session per user action").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError as OrmStaleDataError

from app import validation
from app.catalog import procedure_by_code, unit_id_by_code
from app.context import Context
from app.deadlines import ProcessingTime, due_from_receipt, resume_after_supplement
from app.digitization_rules import guard_finish
from app.due_dates import set_due
from app.errors import NotFoundError, StaleDataError, ValidationError
from app.formatting import datetime_vi
from app.lifecycle import (
    CLOSED_WITH_REASON,
    ApplicantKind,
    Channel,
    ResultDelivery,
    Status,
    TimeUnit,
    check_transition,
    parse_enum,
)
from app.permissions import acting_user
from app.text import digits, fold, nfc
from db import locks
from db.models import ApologyLetter, Dossier, DossierEvent, Office, Procedure, SupplementPeriod

# Fields an officer may edit directly, with the words the history shows.
EDITABLE_FIELDS = {
    "applicant_name": "Họ tên người nộp",
    "applicant_id_number": "Số giấy tờ tùy thân",
    "applicant_address": "Địa chỉ",
    "applicant_phone": "Số điện thoại",
    "applicant_email": "Thư điện tử",
    "applicant_kind": "Loại người nộp",
    "channel": "Hình thức nộp",
    "unit_id": "Đơn vị giải quyết",
    "officer_id": "Cán bộ xử lý",
    "fee_paid": "Đã nộp phí, lệ phí",
    "paid_online": "Thanh toán trực tuyến",
    "digitized_components": "Đã số hóa thành phần hồ sơ",
    "digitized_result": "Đã số hóa kết quả",
    "identity_checked": "Đã xác thực định danh điện tử",
    "reused_from_store": "Tái sử dụng từ kho dữ liệu",
    "taken_from_national_store": "Lấy từ kho dữ liệu quốc gia",
    "request_letter_attached": "Đã đính kèm đơn đề nghị",
    "notes": "Ghi chú",
}
BOOLEAN_FIELDS = {k for k in EDITABLE_FIELDS if k.startswith(("fee_", "paid_", "digitized_", "identity_",
                                                                 "reused_", "taken_", "request_"))}


@dataclass(frozen=True)
class NewDossier:
    procedure_code: str
    applicant_name: str
    applicant_id_number: str = ""
    applicant_address: str = ""
    applicant_phone: str = ""
    applicant_email: str = ""
    applicant_kind: str = "person"
    channel: str = "in_person"
    received_at: dt.datetime | None = None  # default: now
    code: str | None = None  # default: generated in the national format
    unit_code: str | None = None  # default: the procedure's unit
    due_at: dt.datetime | None = None  # a manual due date; needs due_reason
    due_reason: str = ""
    fee_paid: bool = False
    paid_online: bool = False
    notes: str = ""
    papers_received: str | None = None  # the papers handed in, one per line; None: the procedure's list


@dataclass(frozen=True)
class DossierView:
    """A dossier as plain values, safe to hand to another thread or the window."""

    id: int
    code: str
    status: Status
    procedure_code: str
    procedure_name: str
    field: str
    processing: str
    unit_name: str
    officer_name: str
    applicant_name: str
    applicant_id_number: str
    applicant_address: str
    applicant_phone: str
    applicant_email: str
    applicant_kind: ApplicantKind
    channel: Channel
    received_at: dt.datetime
    due_at: dt.datetime | None
    due_manual_reason: str
    finished_at: dt.datetime | None
    returned_at: dt.datetime | None
    result_delivery: str
    closing_reason: str
    fee_paid: bool
    paid_online: bool
    digitized_components: bool
    digitized_result: bool
    identity_checked: bool
    reused_from_store: bool
    taken_from_national_store: bool
    request_letter_attached: bool
    notes: str
    version: int
    letter_number: str
    apology_deadline_at: dt.datetime | None = None  # stored with the dossier (app.due_dates)


def search_text_for(name: str, code: str, phone: str, id_number: str) -> str:
    """What the search box matches: folded name and code, digits of phone and identity number."""
    return " ".join(part for part in (fold(name), fold(code), digits(phone), id_number.lower()) if part)


def processing_time(procedure: Procedure) -> ProcessingTime:
    return ProcessingTime(procedure.processing_value, TimeUnit(procedure.processing_unit))


def _view(session: Session, dossier: Dossier) -> DossierView:
    letter = session.scalar(select(ApologyLetter.number_text).where(ApologyLetter.dossier_id == dossier.id))
    procedure = dossier.procedure
    return DossierView(
        id=dossier.id, code=dossier.code, status=Status(dossier.status),
        procedure_code=procedure.code, procedure_name=procedure.name, field=procedure.field,
        processing=processing_time(procedure).describe(),
        unit_name=dossier.unit.name if dossier.unit else "",
        officer_name=(dossier.officer.full_name or dossier.officer.username) if dossier.officer else "",
        applicant_name=dossier.applicant_name, applicant_id_number=dossier.applicant_id_number,
        applicant_address=dossier.applicant_address, applicant_phone=dossier.applicant_phone,
        applicant_email=dossier.applicant_email, applicant_kind=ApplicantKind(dossier.applicant_kind),
        channel=Channel(dossier.channel), received_at=dossier.received_at, due_at=dossier.due_at,
        due_manual_reason=dossier.due_manual_reason, finished_at=dossier.finished_at,
        returned_at=dossier.returned_at, result_delivery=dossier.result_delivery,
        closing_reason=dossier.closing_reason, fee_paid=dossier.fee_paid, paid_online=dossier.paid_online,
        digitized_components=dossier.digitized_components, digitized_result=dossier.digitized_result,
        identity_checked=dossier.identity_checked, reused_from_store=dossier.reused_from_store,
        taken_from_national_store=dossier.taken_from_national_store,
        request_letter_attached=dossier.request_letter_attached, notes=dossier.notes,
        version=dossier.version, letter_number=letter or "", apology_deadline_at=dossier.apology_deadline_at,
    )


def _event(session: Session, ctx: Context, dossier_id: int, kind: str, *, field: str = "", old: str = "",
           new: str = "", note: str = "", at: dt.datetime | None = None) -> None:
    # Every dossier action records an event: the one place to refuse a logged-out or locked account.
    acting_user(session, ctx)
    session.add(DossierEvent(dossier_id=dossier_id, at=at or ctx.now(), user_id=ctx.user_id, kind=kind,
                             field=field, old_value=old, new_value=new, note=note))


def generate_code(session: Session, ctx: Context, received_at: dt.datetime) -> str:
    """National format since 25/01/2026: <agency code>-YYMMDD-<2-digit platform><4+ digit sequence>."""
    agency = session.scalar(select(Office.agency_code).limit(1)) or "000.00.00.H00"
    locks.serialize(session.connection(), locks.DOSSIER_CODES)  # two desks never count the same sequence
    prefix = f"{agency}-{received_at:%y%m%d}-{ctx.settings.code_platform}"
    taken = session.scalar(select(func.count()).select_from(Dossier).where(Dossier.code.like(prefix + "%")))
    sequence = (taken or 0) + 1
    while True:
        code = f"{prefix}{sequence:04d}"
        if session.scalar(select(Dossier.id).where(Dossier.code == code)) is None:
            return code
        sequence += 1


def _papers(text: str) -> str:
    """The papers received, one per line (blank lines dropped), as the receipt slip lists them."""
    lines = [validation.optional_text(line, "giấy tờ đã nhận", 4000) for line in (text or "").splitlines()]
    papers = "\n".join(line for line in lines if line)
    if len(papers) > 4000:
        raise ValidationError("Danh sách giấy tờ đã nhận quá dài (tối đa 4000 ký tự).")
    return papers


def _check_manual_due(ctx: Context, due_at: dt.datetime, received_at: dt.datetime, reason: str) -> str:
    reason = validation.optional_text(reason, "lý do", 1000)
    if not reason:
        raise ValidationError("Đổi ngày hẹn trả bằng tay phải ghi rõ lý do.")
    if due_at <= received_at:
        raise ValidationError(
            f"Ngày hẹn trả ({datetime_vi(due_at)}) phải sau thời điểm tiếp nhận ({datetime_vi(received_at)})."
        )
    validation.due_moment(due_at, received_at, "ngày hẹn trả")
    if not ctx.calendar.is_working_day(due_at.date()):
        note = ctx.calendar.day_note(due_at.date())
        raise ValidationError(f"Ngày hẹn trả {due_at:%d/%m/%Y} là ngày nghỉ ({note}); hãy chọn ngày làm việc.")
    return reason


def receive(session: Session, ctx: Context, data: NewDossier) -> DossierView:
    """Record a dossier received at the desk (or registered online) and compute its due date."""
    now = ctx.now()
    procedure = procedure_by_code(session, data.procedure_code)
    kind = parse_enum(ApplicantKind, data.applicant_kind, "Loại người nộp")
    channel = parse_enum(Channel, data.channel, "Hình thức nộp")
    name = validation.required_text(data.applicant_name, "họ tên người nộp", 300)
    id_number = validation.identity_number(data.applicant_id_number, kind is ApplicantKind.ORGANISATION)
    phone = validation.phone(data.applicant_phone)
    received_at = validation.moment_not_in_future(data.received_at or now, now, "thời điểm tiếp nhận")
    received_at = received_at.replace(microsecond=0)
    if data.code:
        code = validation.dossier_code(data.code)
        if _id_of_code(session, code) is not None:
            raise ValidationError(f"Mã hồ sơ “{code}” đã có trong sổ.")
    else:
        code = generate_code(session, ctx, received_at)
    unit_id = unit_id_by_code(session, data.unit_code) if data.unit_code else procedure.unit_id
    if data.due_at is not None:
        reason = _check_manual_due(ctx, data.due_at, received_at, data.due_reason)
        due_at = data.due_at
    else:
        reason = ""
        due_at = due_from_receipt(ctx.calendar, received_at, processing_time(procedure))

    dossier = Dossier(
        code=code, procedure_id=procedure.id, unit_id=unit_id, officer_id=ctx.user_id,
        applicant_name=name, applicant_name_folded=fold(name), applicant_id_number=id_number,
        applicant_address=validation.optional_text(data.applicant_address, "địa chỉ", 500),
        applicant_phone=phone, applicant_email=validation.email(data.applicant_email),
        applicant_kind=kind.value, search_text=search_text_for(name, code, phone, id_number),
        channel=channel.value, received_at=received_at, due_manual_reason=reason,
        status=int(Status.ACCEPTED), fee_paid=bool(data.fee_paid), paid_online=bool(data.paid_online),
        # Online dossiers arrive digital (DOMAIN.md §7).
        digitized_components=channel is Channel.ONLINE,
        notes=validation.optional_text(data.notes, "ghi chú", 4000),
        papers_received=_papers(procedure.papers if data.papers_received is None else data.papers_received),
        created_at=now, updated_at=now,
    )
    set_due(dossier, ctx.calendar, due_at)
    session.add(dossier)
    session.flush()
    _event(session, ctx, dossier.id, "receive", new=Status.ACCEPTED.label,
           note=f"Hẹn trả {datetime_vi(due_at)}" + (f" (ấn định: {reason})" if reason else ""))
    return _view(session, dossier)


def _load_for_update(session: Session, dossier_id: int, expected_version: int | None) -> Dossier:
    # FOR UPDATE (PostgreSQL; SQLite has one writer anyway): a second desk saving the same dossier waits
    # here until the first commits, then reads the new version and is refused below, before it changes anything.
    dossier = session.get(Dossier, dossier_id, populate_existing=True,
                          with_for_update={"of": Dossier})
    if dossier is None:
        raise NotFoundError("Không tìm thấy hồ sơ (có thể đã bị xóa).")
    if expected_version is not None and dossier.version != expected_version:
        raise StaleDataError(
            f"Hồ sơ {dossier.code} vừa được người khác cập nhật (phiên bản {dossier.version}, "
            f"bạn đang xem phiên bản {expected_version}). Dữ liệu mới đã được tải lại; hãy kiểm tra rồi làm lại."
        )
    return dossier


def _save(session: Session, dossier: Dossier) -> None:
    try:
        session.flush()
    except OrmStaleDataError:
        session.rollback()
        raise StaleDataError(
            f"Hồ sơ {dossier.code} vừa được người khác cập nhật; thay đổi của bạn chưa được lưu. Hãy tải lại hồ sơ."
        ) from None


def _id_of_code(session: Session, code: str) -> int | None:
    """The dossier of ``code`` as typed, in capitals as the national format writes it, or in small letters as an
    older version may have stored it: indexed lookups only (no scan of the register on a miss)."""
    code = nfc(code)
    for candidate in dict.fromkeys((code, code.upper(), code.lower())):
        found = session.scalar(select(Dossier.id).where(Dossier.code == candidate))
        if found is not None:
            return found
    return None


def find_id(session: Session, code: str) -> int:
    dossier_id = _id_of_code(session, code)
    if dossier_id is None:
        raise NotFoundError(f"Không tìm thấy hồ sơ mã “{code}”.")
    return dossier_id


def get(session: Session, dossier_id: int) -> DossierView:
    dossier = session.get(Dossier, dossier_id)
    if dossier is None:
        raise NotFoundError("Không tìm thấy hồ sơ.")
    return _view(session, dossier)


def change_status(session: Session, ctx: Context, dossier_id: int, target: Status, *,
                  expected_version: int | None, at: dt.datetime | None = None, reason: str = "",
                  result_delivery: str = "") -> DossierView:
    """Move a dossier along the lifecycle, with the guards of DOMAIN.md §3."""
    dossier = _load_for_update(session, dossier_id, expected_version)
    current = Status(dossier.status)
    check_transition(current, target)
    now = ctx.now()
    if target is Status.RESULT_READY and at is None:
        # Finishing must state when the result was really ready: no silent "now".
        raise ValidationError("Kết thúc hồ sơ phải ghi thời điểm có kết quả.")
    at = validation.moment_not_in_future(at or now, now, "thời điểm").replace(microsecond=0)
    if at < dossier.received_at:
        raise ValidationError(
            f"Thời điểm {datetime_vi(at)} trước thời điểm tiếp nhận hồ sơ ({datetime_vi(dossier.received_at)})."
        )
    reason = validation.optional_text(reason, "lý do", 4000)
    if target in CLOSED_WITH_REASON and not reason:
        raise ValidationError(f"Chuyển hồ sơ sang “{target.label}” phải ghi rõ lý do.")
    if target is Status.SUPPLEMENT and not reason:
        raise ValidationError("Yêu cầu bổ sung phải ghi rõ giấy tờ cần bổ sung.")

    note = reason
    if target is Status.RESULT_READY:
        # Where the result is a paper document it must be digitized first (refused or warned: a setting).
        warning = guard_finish(ctx.settings.paper_result_guard, dossier.procedure, dossier)
        if warning:
            _event(session, ctx, dossier.id, "warning", field="digitized_result", note=warning, at=now)
    if target is Status.ACCEPTED:
        # An online registration starts counting when the desk accepts it.
        dossier.received_at = at
        set_due(dossier, ctx.calendar, due_from_receipt(ctx.calendar, at, processing_time(dossier.procedure)))
        dossier.original_due_at = dossier.due_at      # the promise is made when the desk accepts it
        note = f"Hẹn trả {datetime_vi(dossier.due_at)}"
    elif target is Status.SUPPLEMENT:
        session.add(SupplementPeriod(dossier_id=dossier.id, requested_at=at, reason=reason))
    elif current is Status.SUPPLEMENT:
        period = session.scalar(select(SupplementPeriod).where(
            SupplementPeriod.dossier_id == dossier.id, SupplementPeriod.completed_at.is_(None)))
        if period is not None:
            if at < period.requested_at:
                raise ValidationError(
                    f"Ngày nhận đủ hồ sơ bổ sung ({datetime_vi(at)}) trước ngày yêu cầu bổ sung "
                    f"({datetime_vi(period.requested_at)})."
                )
            period.completed_at = at
            if target is Status.PROCESSING and dossier.due_at is not None:
                old_due = dossier.due_at
                has_letter = session.scalar(select(ApologyLetter.id).where(ApologyLetter.dossier_id == dossier.id))
                set_due(dossier, ctx.calendar, resume_after_supplement(
                    ctx.calendar, old_due, period.requested_at, at, processing_time(dossier.procedure),
                    ctx.settings.supplement_mode, dossier.received_at), has_letter=has_letter is not None)
                _event(session, ctx, dossier.id, "due", field="due_at", old=datetime_vi(old_due),
                       new=datetime_vi(dossier.due_at), note="Nhận đủ hồ sơ bổ sung")
    if target.is_finished and target is not Status.RETURNED:
        dossier.finished_at = at
        if target in CLOSED_WITH_REASON:
            dossier.closing_reason = reason
    if target is Status.RETURNED:
        delivery = parse_enum(ResultDelivery, result_delivery or ResultDelivery.AT_DESK.value,
                              "Hình thức nhận kết quả")
        if dossier.finished_at and at < dossier.finished_at:
            raise ValidationError(
                f"Thời điểm trả kết quả ({datetime_vi(at)}) trước thời điểm có kết quả "
                f"({datetime_vi(dossier.finished_at)})."
            )
        dossier.returned_at = at
        dossier.result_delivery = delivery.value
        note = delivery.label
    dossier.status = int(target)
    dossier.updated_at = now
    _event(session, ctx, dossier.id, "status", field="status", old=current.label, new=target.label, note=note,
           at=now)
    _save(session, dossier)
    return _view(session, dossier)


def update_fields(session: Session, ctx: Context, dossier_id: int, changes: dict, *,
                  expected_version: int | None) -> DossierView:
    """Edit applicant data, flags and notes; each changed field becomes an event."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError("Không thể sửa trực tiếp: " + ", ".join(sorted(unknown)))
    dossier = _load_for_update(session, dossier_id, expected_version)
    clean = dict(changes)
    kind = ApplicantKind(clean.get("applicant_kind", dossier.applicant_kind))
    checks = {
        "applicant_name": lambda v: validation.required_text(v, "họ tên người nộp", 300),
        "applicant_id_number": lambda v: validation.identity_number(v, kind is ApplicantKind.ORGANISATION),
        "applicant_address": lambda v: validation.optional_text(v, "địa chỉ", 500),
        "applicant_phone": validation.phone,
        "applicant_email": validation.email,
        "applicant_kind": lambda v: parse_enum(ApplicantKind, v, "Loại người nộp").value,
        "channel": lambda v: parse_enum(Channel, v, "Hình thức nộp").value,
        "notes": lambda v: validation.optional_text(v, "ghi chú", 4000),
    }
    changed = False
    with session.no_autoflush:  # one UPDATE per save (an event's query would flush each field on its own)
        for key, value in clean.items():
            if key in checks:
                value = checks[key](value)
            elif key in BOOLEAN_FIELDS:
                value = bool(value)
            old = getattr(dossier, key)
            if old == value:
                continue
            setattr(dossier, key, value)
            _event(session, ctx, dossier.id, "edit", field=key, old=_show(old), new=_show(value),
                   note=EDITABLE_FIELDS[key])
            changed = True
    if changed:
        dossier.applicant_name_folded = fold(dossier.applicant_name)
        dossier.search_text = search_text_for(dossier.applicant_name, dossier.code, dossier.applicant_phone,
                                              dossier.applicant_id_number)
        dossier.updated_at = ctx.now()
        _save(session, dossier)
    return _view(session, dossier)


def set_due_manually(session: Session, ctx: Context, dossier_id: int, due_at: dt.datetime, reason: str, *,
                     expected_version: int | None) -> DossierView:
    """Fix the due date by hand; the law allows it only with a lawful, recorded reason."""
    dossier = _load_for_update(session, dossier_id, expected_version)
    if Status(dossier.status).is_finished:
        raise ValidationError("Hồ sơ đã kết thúc, không thể đổi ngày hẹn trả.")
    if session.scalar(select(ApologyLetter.id).where(ApologyLetter.dossier_id == dossier.id)):
        raise ValidationError("Hồ sơ đã có phiếu xin lỗi hẹn lại ngày trả; ngày hẹn chỉ được đổi một lần.")
    reason = _check_manual_due(ctx, due_at, dossier.received_at, reason)
    old = dossier.due_at
    # The promise on the receipt slip may be corrected on the day it is given; after that, only an
    # apology letter may move it later, and only once (DOMAIN.md §5).
    if old is not None and due_at > old and ctx.now().date() > dossier.received_at.date():
        raise ValidationError(
            f"Không thể lùi ngày hẹn trả ({datetime_vi(old)}) sau ngày tiếp nhận: khi hồ sơ sẽ trễ hạn, hãy lập "
            f"phiếu xin lỗi và hẹn lại ngày trả (chỉ được hẹn lại một lần).")
    set_due(dossier, ctx.calendar, due_at)  # no letter yet: checked above
    if ctx.now().date() == dossier.received_at.date():
        # Corrected on the day it was given, it is still the counter's promise (receipt slip, logbook).
        dossier.original_due_at = due_at
    dossier.due_manual_reason = reason
    dossier.updated_at = ctx.now()
    _event(session, ctx, dossier.id, "due", field="due_at", old=datetime_vi(old), new=datetime_vi(due_at),
           note=reason)
    _save(session, dossier)
    return _view(session, dossier)


def _show(value) -> str:
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, dt.datetime):
        return datetime_vi(value)
    return "" if value is None else str(value)

"""The office, its deciding units, the procedure catalog and the officers."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import validation
from app.deadlines import ProcessingTime
from app.errors import NotFoundError, ValidationError
from app.lifecycle import OnlineLevel, TimeUnit, parse_enum
from app.text import fold, nfc
from app.validation import optional_text, required_text
from db.models import Office, Procedure, Unit, User


@dataclass(frozen=True)
class OfficeInfo:
    name: str
    parent_agency: str
    place_name: str
    agency_code: str
    head_name: str
    head_title: str
    report_recipient: str
    address: str = ""
    phone: str = ""
    email: str = ""
    letter_symbol: str = ""


OFFICE_FIELDS = ("name", "parent_agency", "place_name", "agency_code", "head_name", "head_title",
                 "report_recipient", "address", "phone", "email", "letter_symbol")


# Each field's words for messages and its longest value (the column's size).
OFFICE_FIELD_LIMITS = {"name": ("tên cơ quan", 300), "parent_agency": ("cơ quan chủ quản", 300),
                       "place_name": ("địa danh", 100), "agency_code": ("mã định danh cơ quan", 40),
                       "head_name": ("họ tên thủ trưởng", 200), "head_title": ("chức vụ thủ trưởng", 200),
                       "report_recipient": ("nơi nhận báo cáo", 300), "address": ("địa chỉ", 500),
                       "phone": ("số điện thoại", 30), "email": ("thư điện tử", 200),
                       "letter_symbol": ("ký hiệu văn bản", 40)}


def check_office_value(field: str, value: str | None) -> str:
    """One office field as it will be stored (NFC), or a ValidationError saying why not."""
    if field not in OFFICE_FIELD_LIMITS:
        raise ValidationError(f"Không có thông tin cơ quan “{field}”.")
    what, limit = OFFICE_FIELD_LIMITS[field]
    text = optional_text(value, what, limit)
    if field == "email":
        validation.email(text)
    elif field == "phone":
        validation.phone(text)   # checked; kept as the office writes it ("0251 3822 123")
    elif field == "letter_symbol":
        validation.letter_symbol(text)
    return text


def get_office(session: Session) -> OfficeInfo:
    office = session.scalar(select(Office).order_by(Office.id).limit(1))
    if office is None:
        return OfficeInfo(*[""] * len(OFFICE_FIELDS))
    return OfficeInfo(*(getattr(office, f) for f in OFFICE_FIELDS))


def save_office(session: Session, **values: str) -> OfficeInfo:
    unknown = set(values) - set(OFFICE_FIELDS)
    if unknown:
        raise ValidationError("Không có thông tin cơ quan: " + ", ".join(sorted(unknown)))
    values = {key: check_office_value(key, value) for key, value in values.items()}
    office = session.scalar(select(Office).order_by(Office.id).limit(1))
    if office is None:
        office = Office(**{f: "" for f in OFFICE_FIELDS})
        session.add(office)
    for key, value in values.items():
        if getattr(office, key) != value:
            setattr(office, key, value)
    session.flush()
    return get_office(session)


def ensure_unit(session: Session, code: str, name: str, demo: bool = False) -> int:
    """The unit's id, creating it if the code is new (``demo``: mark a created one as demo data)."""
    code = required_text(code, "mã đơn vị", 40)
    unit = session.scalar(select(Unit).where(Unit.code == code))
    if unit is None:
        unit = Unit(code=code, name=required_text(name, "tên đơn vị", 300), active=True, demo=demo)
        session.add(unit)
        session.flush()
    return unit.id


def unit_id_by_code(session: Session, code: str) -> int:
    unit_id = session.scalar(select(Unit.id).where(Unit.code == nfc(code)))
    if unit_id is None:
        raise NotFoundError(f"Không có đơn vị mã “{code}”.")
    return unit_id


def ensure_procedure(session: Session, code: str, name: str, field: str = "", processing_value: float = 0,
                     processing_unit: str = "day", online_level: str = "none", fee_bearing: bool = False,
                     result_on_paper: bool = True, unit_id: int | None = None,
                     online_eligible: bool | None = None, demo: bool = False) -> int:
    code = required_text(code, "mã thủ tục", 60)
    existing = session.scalar(select(Procedure).where(Procedure.code == code))
    if existing is not None:
        return existing.id
    unit = parse_enum(TimeUnit, processing_unit, "Đơn vị thời hạn")
    time = ProcessingTime(validation.processing_amount(float(processing_value), unit.value), unit)
    level = parse_enum(OnlineLevel, online_level, "Mức độ trực tuyến")
    name = required_text(name, "tên thủ tục", 500)
    procedure = Procedure(
        code=code, name=name, name_folded=fold(name), field=optional_text(field, "lĩnh vực", 200),
        processing_value=time.value, processing_unit=time.unit.value, online_level=level.value,
        online_eligible=level is not OnlineLevel.NONE if online_eligible is None else online_eligible,
        fee_bearing=fee_bearing, result_on_paper=result_on_paper, unit_id=unit_id, active=True, demo=demo,
    )
    session.add(procedure)
    session.flush()
    return procedure.id


def procedure_by_code(session: Session, code: str) -> Procedure:
    procedure = session.scalar(select(Procedure).where(Procedure.code == nfc(code)))
    if procedure is None:
        raise NotFoundError(f"Không có thủ tục mã “{code}” trong danh mục.")
    return procedure


def ensure_user(session: Session, username: str, full_name: str = "", role: str = "officer") -> int:
    """The officer's id, creating a minimal account on first use (until issue 8 brings logins)."""
    username = required_text(username, "tên đăng nhập", 80)
    user_id = session.scalar(select(User.id).where(User.username == username))
    if user_id is None:
        user = User(username=username, full_name=nfc(full_name) or username, role=role, active=True)
        session.add(user)
        session.flush()
        user_id = user.id
    return user_id

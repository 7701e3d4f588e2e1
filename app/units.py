"""The deciding units as an office keeps them right: add, rename, describe for letters, retire, merge.

Every change goes through the ORM, so the audit trail (db/audit.py) records it
with old and new values; moving a duplicate's dossiers is one bulk UPDATE,
recorded as one event. A unit is found by its name as printed in the register
(``fold_name``: case, marks, đ/d, "UBND"/"Ủy ban nhân dân", spaces and dashes)
or its code; a name that fits several units is refused with the candidates.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app import validation
from app.context import Context
from app.errors import NotFoundError, ValidationError
from app.issuer import unit_is_complete
from app.permissions import Permission, Role, acting_user, require
from app.text import fold, fold_name, nfc
from db.models import Dossier, Procedure, Unit, User

# field → (words for messages, longest value)
UNIT_FIELD_LIMITS = {"name": ("tên đơn vị", 300), "full_name": ("tên in trên văn bản", 300),
                     "parent_agency": ("cơ quan chủ quản", 300), "head_title": ("chức vụ người ký", 200),
                     "head_name": ("họ tên người ký", 200), "letter_symbol": ("ký hiệu văn bản", 40)}
UNIT_FIELDS = tuple(UNIT_FIELD_LIMITS)


@dataclass(frozen=True)
class UnitView:
    id: int
    code: str
    name: str
    full_name: str
    parent_agency: str
    head_title: str
    head_name: str
    letter_symbol: str
    active: bool
    merged_into: str        # the name of the unit it was merged into, or ""
    dossiers: int
    procedures: int
    issues_own_letters: bool   # printed name, parent and head filled in: its letters are in its own name
    leader: str = ""           # the account (head of unit) that may keep its information right


@dataclass(frozen=True)
class MergeResult:
    source: str
    target: str
    dossiers: int
    procedures: int


def _view(unit: Unit, names: dict[int, str], dossiers: dict[int | None, int], procedures: dict[int | None, int],
          leaders: dict[int | None, str]) -> UnitView:
    return UnitView(unit.id, unit.code, unit.name, unit.full_name or "", unit.parent_agency or "",
                    unit.head_title or "", unit.head_name or "", unit.letter_symbol or "", bool(unit.active),
                    names.get(unit.merged_into_id, "") if unit.merged_into_id else "",
                    dossiers.get(unit.id, 0), procedures.get(unit.id, 0), unit_is_complete(unit),
                    leaders.get(unit.id, ""))


def list_units(session: Session) -> list[UnitView]:
    """Every unit, the active ones first, each with how many dossiers and procedures it has."""
    units = list(session.scalars(select(Unit).order_by(Unit.active.desc(), Unit.name)))
    names = {u.id: u.name for u in units}
    dossiers = dict(session.execute(select(Dossier.unit_id, func.count()).group_by(Dossier.unit_id)).all())
    procedures = dict(session.execute(select(Procedure.unit_id, func.count()).group_by(Procedure.unit_id)).all())
    leaders = dict(session.execute(select(User.unit_id, User.username).where(User.unit_id.is_not(None))).all())
    return [_view(u, names, dossiers, procedures, leaders) for u in units]


def get_unit(session: Session, unit_id: int) -> UnitView:
    return next(view for view in list_units(session) if view.id == unit_id)


def _describe(units: list[Unit]) -> str:
    return ", ".join(f"“{u.name}” (mã {u.code})" for u in units[:8]) + (" …" if len(units) > 8 else "")


def find_unit(session: Session, name: str) -> int:
    """The id of the unit called ``name`` (or with that code); merged duplicates are not candidates."""
    wanted = fold_name(name)
    if not wanted:
        raise ValidationError("Chưa nhập tên đơn vị.")
    units = list(session.scalars(select(Unit).where(Unit.merged_into_id.is_(None)).order_by(Unit.name)))
    for matches in (
        [u for u in units if fold(u.code) == fold(name)],
        [u for u in units if wanted in (fold_name(u.name), fold_name(u.full_name))],
        [u for u in units if wanted in fold_name(u.name) or wanted in fold_name(u.full_name)],
    ):
        if len(matches) > 1:
            active = [u for u in matches if u.active]
            if len(active) == 1:
                return active[0].id
            raise ValidationError(f"Tên “{nfc(name)}” khớp {len(matches)} đơn vị: {_describe(matches)}. "
                                  f"Hãy ghi đủ tên hoặc dùng mã đơn vị.")
        if matches:
            return matches[0].id
    raise NotFoundError(f"Không có đơn vị nào tên “{nfc(name)}”.")


def _require(session: Session, ctx: Context, own_unit: int | None = None) -> None:
    """An administrator; or, for ``own_unit``'s information, the head of unit who leads it."""
    if own_unit is not None:
        user = acting_user(session, ctx)
        if user.role == Role.HEAD.value and user.unit_id == own_unit:
            return
    require(session, ctx, Permission.MANAGE_SETTINGS)


def set_unit_leader(session: Session, ctx: Context, unit_id: int, username: str | None) -> UnitView:
    """Link an account (a head of unit) to the unit it leads, so that it may keep the unit's information
    right; ``None`` or "" unlinks whoever leads it. Administrators only."""
    require(session, ctx, Permission.MANAGE_SETTINGS)
    unit = _unit(session, unit_id)
    for leader in session.scalars(select(User).where(User.unit_id == unit.id)):
        leader.unit_id = None
    if username:
        user = session.scalar(select(User).where(User.username == nfc(username)))
        if user is None:
            raise NotFoundError(f"Không có tài khoản “{nfc(username)}”.")
        if user.role != Role.HEAD.value:
            raise ValidationError(f"Tài khoản “{user.username}” không phải lãnh đạo đơn vị; "
                                  f"hãy đổi vai trò sang lãnh đạo trước.")
        user.unit_id = unit.id
    session.flush()
    return get_unit(session, unit.id)


def _unit(session: Session, unit_id: int) -> Unit:
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise NotFoundError(f"Không có đơn vị số {unit_id}.")
    return unit


def check_unit_value(field: str, value: str | None) -> str:
    if field not in UNIT_FIELD_LIMITS:
        raise ValidationError(f"Không có thông tin đơn vị “{field}”.")
    what, limit = UNIT_FIELD_LIMITS[field]
    if field == "name":
        return validation.required_text(value, what, limit)
    text = validation.optional_text(value, what, limit)
    if field == "letter_symbol":
        validation.letter_symbol(text)
    return text


def _refuse_duplicate_name(session: Session, name: str, except_id: int | None = None) -> None:
    for unit in session.scalars(select(Unit).where(Unit.merged_into_id.is_(None))):
        if unit.id != except_id and fold_name(unit.name) == fold_name(name):
            raise ValidationError(f"Đã có đơn vị “{unit.name}” (mã {unit.code}); nếu là một đơn vị, "
                                  f"hãy gộp thay vì thêm tên mới.")


def _new_code(session: Session, name: str) -> str:
    from app.importing.units import new_unit_code  # the one rule for a unit's code from its name

    return new_unit_code(name, set(session.scalars(select(Unit.code))))


def add_unit(session: Session, ctx: Context, name: str, code: str = "", **values: str) -> UnitView:
    _require(session, ctx)
    name = check_unit_value("name", name)
    _refuse_duplicate_name(session, name)
    code = validation.optional_text(code, "mã đơn vị", 40) or _new_code(session, name)
    if session.scalar(select(Unit.id).where(Unit.code == code)) is not None:
        raise ValidationError(f"Đã có đơn vị mã “{code}”.")
    unit = Unit(code=code, name=name, active=True,
                **{field: check_unit_value(field, value) for field, value in values.items()})
    session.add(unit)
    session.flush()
    return get_unit(session, unit.id)


def set_unit(session: Session, ctx: Context, unit_id: int, **values: str | None) -> UnitView:
    """Change any of UNIT_FIELDS (``name`` renames it); a value of None leaves the field as it is.
    An administrator, or the head of unit who leads it."""
    _require(session, ctx, own_unit=unit_id)
    unit = _unit(session, unit_id)
    if unit.merged_into_id is not None:
        raise ValidationError(f"Đơn vị “{unit.name}” đã được gộp vào đơn vị khác; hãy sửa đơn vị đó.")
    checked = {field: check_unit_value(field, value) for field, value in values.items() if value is not None}
    if "name" in checked:
        _refuse_duplicate_name(session, checked["name"], except_id=unit.id)
    for field, value in checked.items():
        if getattr(unit, field) != value:
            setattr(unit, field, value)
    session.flush()
    return get_unit(session, unit.id)


def retire_unit(session: Session, ctx: Context, unit_id: int, active: bool = False) -> UnitView:
    """Stop offering a unit for new dossiers (its dossiers keep it), or bring it back (active=True)."""
    _require(session, ctx)
    unit = _unit(session, unit_id)
    if unit.merged_into_id is not None:
        raise ValidationError(f"Đơn vị “{unit.name}” đã được gộp vào đơn vị khác.")
    if not active:
        procedures = session.scalar(select(func.count()).select_from(Procedure).where(
            Procedure.unit_id == unit.id, Procedure.active.is_(True))) or 0
        if procedures:
            raise ValidationError(f"Đơn vị “{unit.name}” còn {procedures} thủ tục giao cho đơn vị giải quyết; "
                                  f"hãy gộp đơn vị này vào đơn vị nhận các thủ tục đó.")
    unit.active = active
    session.flush()
    return get_unit(session, unit.id)


def merge_units(session: Session, ctx: Context, source_id: int, target_id: int) -> MergeResult:
    """Merge an (imported) duplicate into another unit: its dossiers and procedures move to the target,
    and it stays, retired, pointing at the target (the history still names it). One transaction."""
    _require(session, ctx)
    source, target = _unit(session, source_id), _unit(session, target_id)
    if source.id == target.id:
        raise ValidationError(f"Không thể gộp đơn vị “{source.name}” vào chính nó.")
    for unit in (source, target):
        if unit.merged_into_id is not None:
            raise ValidationError(f"Đơn vị “{unit.name}” đã được gộp vào đơn vị khác từ trước.")
    # An UPDATE gives a CursorResult (with rowcount); SQLAlchemy's stubs type Session.execute as Result.
    dossiers = session.execute(update(Dossier).where(Dossier.unit_id == source.id).values(unit_id=target.id)
                               .execution_options(synchronize_session=False)
                               ).rowcount  # type: ignore[attr-defined]
    procedures = session.execute(update(Procedure).where(Procedure.unit_id == source.id)
                                 .values(unit_id=target.id).execution_options(synchronize_session=False)
                                 ).rowcount  # type: ignore[attr-defined]
    for earlier in session.scalars(select(Unit).where(Unit.merged_into_id == source.id)):
        earlier.merged_into_id = target.id   # duplicates merged into the source follow it
    for leader in session.scalars(select(User).where(User.unit_id == source.id)):
        leader.unit_id = target.id           # whoever led the duplicate leads what it became
    source.active = False
    source.merged_into_id = target.id
    if not target.active:
        target.active = True
    session.flush()
    return MergeResult(source.name, target.name, dossiers or 0, procedures or 0)

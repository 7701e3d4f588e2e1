"""Roles and what each may do, enforced in the domain (the window only hides what it cannot do).

Every logged-in, active account may work on dossiers. Signing apology letters
needs a head of unit (or an administrator); users, the calendar and the office
settings need an administrator. Call ``require(session, ctx, Permission.X)``
at the top of any domain function that changes one of those.
"""

from __future__ import annotations

import enum

from sqlalchemy.orm import Session

from app.context import Context
from app.errors import AppError
from db import audit
from db.models import User


class Role(str, enum.Enum):
    OFFICER = "officer"
    HEAD = "head"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return {"officer": "Cán bộ tiếp nhận", "head": "Lãnh đạo đơn vị", "admin": "Quản trị viên"}[self.value]


class Permission(str, enum.Enum):
    HANDLE_DOSSIERS = "handle_dossiers"     # receive, edit, change status, prepare letters and reports
    SIGN_LETTERS = "sign_letters"
    MANAGE_USERS = "manage_users"
    MANAGE_CALENDAR = "manage_calendar"
    MANAGE_SETTINGS = "manage_settings"    # office information and the settings of app.settings
    RESTORE_BACKUP = "restore_backup"
    EXPORT_AUDIT_KEY = "export_audit_key"  # the office secret that seals the audit trail (app/audit_keys.py)

    @property
    def label(self) -> str:
        return {
            "handle_dossiers": "xử lý hồ sơ",
            "sign_letters": "ký phiếu xin lỗi",
            "manage_users": "quản lý tài khoản",
            "manage_calendar": "sửa lịch ngày nghỉ, ngày làm bù",
            "manage_settings": "sửa thông tin cơ quan và thiết lập",
            "restore_backup": "khôi phục bản sao lưu",
            "export_audit_key": "xuất hoặc nhập khóa niêm phong nhật ký",
        }[self.value]


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OFFICER: frozenset({Permission.HANDLE_DOSSIERS}),
    Role.HEAD: frozenset({Permission.HANDLE_DOSSIERS, Permission.SIGN_LETTERS}),
    Role.ADMIN: frozenset(Permission),
}


class PermissionDenied(AppError):
    """The acting officer may not do this (or is not logged in, or the account is locked)."""

    exit_code = 6


def parse_role(value: str) -> Role:
    aliases = {"can-bo": Role.OFFICER, "lanh-dao": Role.HEAD, "quan-tri": Role.ADMIN}
    try:
        return Role(value)
    except ValueError:
        if value in aliases:
            return aliases[value]
        raise PermissionDenied(f"Vai trò “{value}” không có; chọn officer, head hoặc admin.") from None


def acting_user(session: Session, ctx: Context) -> User:
    """The logged-in account, checked to exist and be active."""
    if ctx.user_id is None:
        raise PermissionDenied("Chưa đăng nhập: hãy đăng nhập trước khi thao tác.")
    user = session.get(User, ctx.user_id)
    if user is None:
        raise PermissionDenied("Tài khoản đang dùng không còn trong sổ; hãy đăng nhập lại.")
    if not user.active:
        raise PermissionDenied(f"Tài khoản “{user.username}” đã bị khóa; không thể thao tác.")
    audit.set_actor(session, user.id, ctx.clock)   # the audit events of this transaction are theirs
    return user


def allowed(role: str, permission: Permission) -> bool:
    try:
        return permission in ROLE_PERMISSIONS[Role(role)]
    except ValueError:
        return False


def require(session: Session, ctx: Context, permission: Permission) -> User:
    """Raise PermissionDenied unless the acting account is active and its role allows ``permission``.

    Takes the Session as well as the Context so that the role is read at the moment of the action:
    an account locked or demoted a minute ago cannot act on an old context.
    """
    user = acting_user(session, ctx)
    if not allowed(user.role, permission):
        role = Role(user.role).label if user.role in Role._value2member_map_ else user.role
        raise PermissionDenied(f"Tài khoản “{user.username}” ({role}) không có quyền {permission.label}.")
    return user

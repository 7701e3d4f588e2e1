"""Accounts: the first administrator, logins, passwords and roles.

Passwords are hashed with scrypt (hashlib, OpenSSL) with a random 16-byte
salt; the parameters travel with the hash ("scrypt$n$r$p$salt$hash"), so they
can be raised later without locking anyone out. Passwords are never stored,
logged or put in an audit event in clear (db/audit.py masks the hash too).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.context import Context
from app.errors import NotFoundError, ValidationError
from app.permissions import Permission, PermissionDenied, Role, acting_user, parse_role, require
from app.text import nfc
from app.validation import required_text
from db import audit
from db.models import User

SCRYPT_N, SCRYPT_R, SCRYPT_P, KEY_LENGTH = 2 ** 14, 8, 1, 32
MIN_PASSWORD = 8
LOGIN_FAILED = "Tên đăng nhập hoặc mật khẩu không đúng."


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    full_name: str
    role: Role
    active: bool
    has_password: bool

    @property
    def display(self) -> str:
        return self.full_name or self.username


def _view(user: User) -> UserView:
    role = Role(user.role) if user.role in Role._value2member_map_ else Role.OFFICER
    return UserView(user.id, user.username, user.full_name, role, user.active, bool(user.password_hash))


def hash_password(password: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(nfc(password).encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=KEY_LENGTH)
    return f"scrypt${n}${r}${p}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = bytes.fromhex(digest)
        actual = hashlib.scrypt(nfc(password).encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r),
                                p=int(p), dklen=len(expected), maxmem=256 * 1024 * 1024)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def _check_new_password(password: str, username: str) -> str:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise ValidationError(f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự.")
    if password.strip() != password:
        raise ValidationError("Mật khẩu không được bắt đầu hoặc kết thúc bằng khoảng trắng.")
    if password.lower() == username.lower():
        raise ValidationError("Mật khẩu không được trùng tên đăng nhập.")
    return password


def _check_username(username: str) -> str:
    username = required_text(username, "tên đăng nhập", 80).lower()
    if any(ch.isspace() for ch in username):
        raise ValidationError("Tên đăng nhập không được có khoảng trắng.")
    return username


def needs_first_admin(session: Session) -> bool:
    """True until the register has an active administrator who can log in."""
    return not session.scalar(select(func.count()).select_from(User).where(
        User.role == Role.ADMIN.value, User.active.is_(True), User.password_hash != ""))


def create_first_admin(session: Session, clock: Clock, username: str, full_name: str, password: str) -> UserView:
    """The first run: the person installing the desk becomes its administrator. Only once."""
    if not needs_first_admin(session):
        raise PermissionDenied("Sổ đã có quản trị viên; tài khoản mới do quản trị viên tạo.")
    username = _check_username(username)
    password = _check_new_password(password, username)
    user = session.scalar(select(User).where(User.username == username))
    audit.set_actor(session, user.id if user else None, clock)
    if user is None:
        user = User(username=username, full_name=nfc(full_name.strip()) or username, role=Role.ADMIN.value,
                    active=True)
        session.add(user)
    user.role, user.active = Role.ADMIN.value, True
    user.full_name = nfc(full_name.strip()) or user.full_name or username
    user.password_hash, user.password_changed_at = hash_password(password), clock.now()
    session.flush()
    audit.set_actor(session, user.id, clock)   # the first administrator is the author of their own account
    return _view(user)


def authenticate(session: Session, clock: Clock, username: str, password: str) -> UserView:
    """The account behind a login, or one message that does not tell which half was wrong."""
    user = session.scalar(select(User).where(User.username == (username or "").strip().lower()))
    if user is None or not user.password_hash or not check_password(password or "", user.password_hash):
        raise PermissionDenied(LOGIN_FAILED)
    if not user.active:
        raise PermissionDenied(f"Tài khoản “{user.username}” đã bị khóa. Hãy liên hệ quản trị viên.")
    audit.set_actor(session, user.id, clock)
    user.last_login_at = clock.now()
    session.flush()
    return _view(user)


def get_user(session: Session, user_id: int) -> UserView:
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(f"Không có tài khoản số {user_id}.")
    return _view(user)


def user_id_by_name(session: Session, username: str) -> int:
    user_id = session.scalar(select(User.id).where(User.username == (username or "").strip().lower()))
    if user_id is None:
        user_id = session.scalar(select(User.id).where(User.username == (username or "").strip()))
    if user_id is None:
        raise NotFoundError(f"Không có tài khoản “{username}”.")
    return user_id


def list_users(session: Session) -> list[UserView]:
    return [_view(u) for u in session.scalars(select(User).order_by(User.username))]


def create_user(session: Session, ctx: Context, username: str, full_name: str, role: str, password: str) -> UserView:
    require(session, ctx, Permission.MANAGE_USERS)
    username = _check_username(username)
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise ValidationError(f"Tên đăng nhập “{username}” đã có.")
    role_ = parse_role(role)
    password = _check_new_password(password, username)
    user = User(username=username, full_name=nfc(full_name.strip()) or username, role=role_.value, active=True,
                password_hash=hash_password(password), password_changed_at=ctx.now())
    session.add(user)
    session.flush()
    return _view(user)


def set_password(session: Session, ctx: Context, user_id: int, password: str, *, old_password: str | None = None) -> None:
    """An administrator sets anyone's password; an officer changes their own, giving the old one."""
    actor = acting_user(session, ctx)
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(f"Không có tài khoản số {user_id}.")
    if actor.id == user.id and actor.role != Role.ADMIN.value:
        if old_password is None or not check_password(old_password, user.password_hash):
            raise PermissionDenied("Mật khẩu hiện tại không đúng.")
    elif actor.id != user.id:
        require(session, ctx, Permission.MANAGE_USERS)
    user.password_hash = hash_password(_check_new_password(password, user.username))
    user.password_changed_at = ctx.now()
    session.flush()


def _other_admins(session: Session, user_id: int) -> int:
    return session.scalar(select(func.count()).select_from(User).where(
        User.role == Role.ADMIN.value, User.active.is_(True), User.id != user_id)) or 0


def set_role(session: Session, ctx: Context, user_id: int, role: str) -> UserView:
    require(session, ctx, Permission.MANAGE_USERS)
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(f"Không có tài khoản số {user_id}.")
    role_ = parse_role(role)
    if user.role == Role.ADMIN.value and role_ is not Role.ADMIN and not _other_admins(session, user.id):
        raise ValidationError("Không thể bỏ quyền quản trị của quản trị viên cuối cùng.")
    user.role = role_.value
    session.flush()
    return _view(user)


def set_active(session: Session, ctx: Context, user_id: int, active: bool) -> UserView:
    require(session, ctx, Permission.MANAGE_USERS)
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(f"Không có tài khoản số {user_id}.")
    if not active and user.role == Role.ADMIN.value and not _other_admins(session, user.id):
        raise ValidationError("Không thể khóa quản trị viên cuối cùng.")
    user.active = bool(active)
    session.flush()
    return _view(user)


DEMO_ADMIN, DEMO_PASSWORD = "quantri", "motcua-demo"


def demo_administrator(session: Session, clock: Clock) -> int:
    """The demo register's administrator (password DEMO_PASSWORD, shown in the window): ``--demo`` logs in
    as this account without a dialog. Only ever called on the throw-away register of ``--demo``."""
    user_id = session.scalar(select(User.id).where(User.username == DEMO_ADMIN))
    if user_id is None or needs_first_admin(session):
        return create_first_admin(session, clock, DEMO_ADMIN, "Quản trị sổ mẫu", DEMO_PASSWORD).id
    return user_id

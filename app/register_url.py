"""The shared register's password lives in the system keyring, not in the URL (issue 9).

A desk is pointed at the server with a URL without a password
(``postgresql+psycopg://canbo@may-chu/motcua``); ``db-password`` keeps the
password in the keyring under a name made of user, host, port and database,
and ``with_stored_password`` puts it back into the URL just before connecting.
A URL that already carries a password, or a SQLite file, is left alone.
"""

from __future__ import annotations

from typing import overload

from sqlalchemy.engine import make_url

from app import secrets


def secret_name(url: str) -> str | None:
    """The keyring entry for a server URL, or None for a file database."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" or not parsed.host:
        return None
    return f"register:{parsed.username or ''}@{parsed.host}:{parsed.port or ''}/{parsed.database or ''}"


@overload
def with_stored_password(url: str) -> str: ...
@overload
def with_stored_password(url: None) -> None: ...
def with_stored_password(url: str | None) -> str | None:
    if not url:
        return url
    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - opening the register reports a malformed URL in Vietnamese
        return url
    name = secret_name(url)
    if name is None or parsed.password:
        return url
    try:
        password = secrets.fetch(name)
    except secrets.NoKeyring:
        return url  # the server may not need one (trust, peer, .pgpass); it says so if it does
    if not password:
        return url
    return parsed.set(password=password).render_as_string(hide_password=False)


def store_password(url: str, password: str) -> str:
    name = secret_name(url)
    if name is None:
        from app.errors import ValidationError

        raise ValidationError("Sổ hồ sơ này là tệp trên máy, không có mật khẩu máy chủ để lưu.")
    secrets.store(name, password)
    return name

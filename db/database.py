"""Open a register: resolve the URL, connect, migrate, hand back a session factory."""

from __future__ import annotations

from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import sessionmaker

from db import migrate
from db.engine import make_engine, make_sessionmaker, resolve_url


class RegisterUnavailable(Exception):
    """The register cannot be opened; the message is for the officer."""


def open_register(url: str | None = None) -> sessionmaker:
    resolved = resolve_url(url)
    try:
        engine = make_engine(resolved)
    except (ArgumentError, ValueError) as error:
        raise RegisterUnavailable(f"Địa chỉ CSDL “{url}” không hợp lệ.") from error
    except ModuleNotFoundError as error:
        raise RegisterUnavailable(f"Thiếu thư viện kết nối CSDL ({error.name}) cho “{url}”.") from error
    try:
        migrate.upgrade(engine)
    except OperationalError as error:
        raise RegisterUnavailable(
            f"Không mở được sổ hồ sơ tại “{engine.url.render_as_string(hide_password=True)}”: {error.orig}"
        ) from error
    return make_sessionmaker(engine)

"""Changes that only an administrator may make: the office's calendar, its information, its settings.

The plain functions in ``catalog`` and ``settings`` stay as they are (set-up
code and tests seed with them); what an officer's action reaches goes
through these, which check the permission first.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.catalog import OfficeInfo, save_office
from app.context import Context, load_calendar
from app.due_dates import ensure_deadlines
from app.errors import ValidationError
from app.formatting import date_vi
from app.permissions import Permission, require
from app.settings import SPEC_BY_KEY, save_setting
from app.text import nfc
from db.models import CalendarOverride


def set_calendar_day(session: Session, ctx: Context, day: dt.date, working: bool, note: str = "") -> None:
    """Make ``day`` a day off (working=False) or a make-up working day for this office."""
    user = require(session, ctx, Permission.MANAGE_CALENDAR)
    note = nfc(note or "")
    if len(note) > 300:
        raise ValidationError("Ghi chú quá dài (tối đa 300 ký tự).")
    existing = session.scalar(select(CalendarOverride).where(CalendarOverride.day == day))
    if existing is None:
        session.add(CalendarOverride(day=day, working=working, note=note, created_by=user.id, created_at=ctx.now()))
    else:
        existing.working, existing.note = working, note
    session.flush()
    _deadlines_follow_calendar(session)


def remove_calendar_day(session: Session, ctx: Context, day: dt.date) -> None:
    require(session, ctx, Permission.MANAGE_CALENDAR)
    existing = session.scalar(select(CalendarOverride).where(CalendarOverride.day == day))
    if existing is None:
        raise ValidationError(f"Ngày {date_vi(day)} không có điều chỉnh nào của cơ quan để bỏ.")
    session.delete(existing)  # through the ORM, so that the audit trail records the old values
    session.flush()
    _deadlines_follow_calendar(session)


def change_office(session: Session, ctx: Context, **values: str) -> OfficeInfo:
    """Change the office's information (fields of ``catalog.OFFICE_FIELDS``); each value is checked
    before anything is written; the audit trail records old → new."""
    require(session, ctx, Permission.MANAGE_SETTINGS)
    if "name" in values and not nfc(values["name"]):
        raise ValidationError("Tên cơ quan không được để trống.")
    return save_office(session, **values)


def change_setting(session: Session, ctx: Context, key: str, value: Any) -> Any:
    """Set one office setting, checked as declared in ``app.settings`` (value, then the machine)."""
    spec = SPEC_BY_KEY.get(key)
    require(session, ctx, Permission(spec.permission) if spec is not None else Permission.MANAGE_SETTINGS)
    value = save_setting(session, key, value)
    session.flush()
    _deadlines_follow_calendar(session)  # office hours and the cut-off move apology deadlines
    return value


def change_settings(session: Session, ctx: Context, values: dict[str, Any]) -> dict[str, Any]:
    """Several settings in one transaction (a settings page's Save): all are written or none."""
    return {key: change_setting(session, ctx, key, value) for key, value in values.items()}


def store_smtp_password(session: Session, ctx: Context, password: str) -> None:
    """Keep the SMTP password in the system keyring (never in the register); the audit trail records
    only that it was changed, by whom and when."""
    from app import secrets
    from app.reports.outbox import SMTP_SECRET
    from db import audit

    require(session, ctx, Permission.MANAGE_SETTINGS)
    if not password:
        raise ValidationError("Chưa nhập mật khẩu thư đi.")
    secrets.store(SMTP_SECRET, password)
    audit.record(session, "settings", "update", {"value": audit.SECRET_MARK}, row_key="smtp_password")


def _deadlines_follow_calendar(session: Session) -> None:
    """The open dossiers' stored apology deadlines, recomputed on the calendar now in force (if it changed)."""
    ensure_deadlines(session, load_calendar(session))

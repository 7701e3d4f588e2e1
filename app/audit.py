"""The audit trail as officers read it: checking the chain, and the history filtered."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit_words import ACTION_LABELS, TABLE_LABELS, Names, describe
from app.formatting import datetime_vi, thousands
from db import audit
from db.models import AuditEvent, Dossier, User

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
    changes: str        # one line in words (app/audit_words.py): "Trạng thái: Được tiếp nhận → Đang xử lý; …"


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
        where = f" ({describe(event, Names.load(session, [event])).what}, {datetime_vi(event.at)})"
    return VerifyReport(False, check.events, check.broken_id,
                        f"Bị phá vỡ tại sự kiện số {check.broken_id}{where}: {PROBLEMS[check.problem]}. "
                        f"{thousands(check.events)} sự kiện trước đó vẫn khớp.")


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
    names = Names.load(session, (event for event, _, _ in rows))
    result = []
    for event, username, full_name in rows:
        words = describe(event, names)
        result.append(AuditRow(event.id, event.at, full_name or username or "—", words.what, words.action,
                               event.dossier_id, words.changes))
    return result


def event_count(session: Session) -> int:
    from sqlalchemy import func

    return session.scalar(select(func.count()).select_from(AuditEvent)) or 0


__all__ = ["verify_chain", "history", "AuditRow", "VerifyReport", "TABLE_LABELS", "ACTION_LABELS"]


def change_mark(session: Session) -> int:
    """The newest audit event's number: it moves whenever any desk changes anything audited
    (a cheap primary-key lookup, polled by the window on a shared register)."""
    return session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1)) or 0

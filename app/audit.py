"""The audit trail as officers read it: checking the chain, and the history filtered."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit_words import ACTION_LABELS, TABLE_LABELS, Names, describe
from app.errors import ValidationError
from app.formatting import datetime_vi, thousands
from db import audit, audit_seal
from db.models import AuditEvent, Dossier, User

PROBLEMS = {
    "hash": "nội dung đã bị sửa sau khi ghi",
    "link": "không nối với sự kiện trước (sự kiện trước đã bị sửa, xóa hoặc chèn thêm)",
    "gap": "thiếu sự kiện liền trước (đã bị xóa)",
    "unsealed": ("không có dấu niêm phong dù các sự kiện trước đã được niêm phong bằng khóa của cơ quan "
                 "(ghi bởi người không có khóa: giả mạo, hoặc một máy chưa nhập khóa — “audit key import”)"),
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
    notes: tuple[str, ...] = ()     # what this check could not cover, said plainly
    sealed: bool = False            # the events were checked with the office key (HMAC)

    @property
    def text(self) -> str:
        """The message and what it could not cover, as the window shows them."""
        return "\n".join([self.message, *(f"Lưu ý: {note}" for note in self.notes)])


def verify_chain(session: Session) -> VerifyReport:
    """The chain from its first event to its last, then against the checkpoint file of the data folder
    (which finds the newest events deleted)."""
    from app.audit_keys import NO_KEYRING_LIMITATION

    check = audit.verify(session)
    notes: list[str] = []
    source = audit_seal.keys()
    if source is None or not source.available():
        notes.append(NO_KEYRING_LIMITATION)
    if check.unchecked:
        notes.append(f"{thousands(check.unchecked)} sự kiện được niêm phong bằng khóa {check.missing_key} mà máy "
                     "này không giữ: chỉ kiểm tra được mối nối, không kiểm tra được nội dung. Nhập khóa của cơ "
                     "quan bằng “audit key import TỆP”.")
    if not check.intact:
        event = session.get(AuditEvent, check.broken_id)
        where = ""
        if event is not None:
            where = f" ({describe(event, Names.load(session, [event])).what}, {datetime_vi(event.at)})"
        return VerifyReport(False, check.events, check.broken_id,
                            f"Bị phá vỡ tại sự kiện số {check.broken_id}{where}: {PROBLEMS[check.problem]}. "
                            f"{thousands(check.events)} sự kiện trước đó vẫn khớp.", tuple(notes), check.sealed > 0)
    legacy = check.events - check.sealed - check.unchecked
    if check.sealed:
        how = "chuỗi niêm phong bằng khóa của cơ quan khớp từ đầu đến cuối"
        if legacy:
            how += f" ({thousands(legacy)} sự kiện đầu ghi trước khi có niêm phong, nối bằng SHA-256)"
    else:
        how = "chuỗi băm khớp từ đầu đến cuối"
    message = f"Nguyên vẹn: {thousands(check.events)} sự kiện, {how}."
    path = audit_seal.checkpoint_path(session.get_bind().engine.url)
    head = None
    if path is not None:
        try:
            head = audit_seal.read_checkpoint(path)
        except (OSError, ValueError, KeyError, TypeError):
            return VerifyReport(False, check.events, None, f"Tệp mốc nhật ký “{path}” đã bị sửa hoặc hỏng: không "
                                "đọc được. Đối chiếu với bản sao lưu hoặc báo cáo đã gửi (audit verify --against "
                                "TỆP).", tuple(notes), check.sealed > 0)
    if head is None and path is not None and check.events:
        notes.append("Chưa có tệp mốc nhật ký của sổ này trong thư mục dữ liệu (sổ chưa được ghi từ máy này, hoặc "
                     "tệp đã bị xóa): không phát hiện được việc xóa các sự kiện mới nhất. Đối chiếu với bản sao lưu "
                     "hoặc báo cáo đã gửi (audit verify --against TỆP).")
    if head is not None:
        against = compare_head(session, head, "mốc ghi trong thư mục dữ liệu")
        if not against.intact:
            return VerifyReport(False, check.events, against.broken_id, against.message,
                                tuple(notes) + against.notes, check.sealed > 0)
        message += " " + against.message
    return VerifyReport(True, check.events, None, message, tuple(notes), check.sealed > 0)


def compare_head(session: Session, head: audit_seal.Head, source: str) -> VerifyReport:
    """The register's chain against a head kept elsewhere (checkpoint, backup, report sent upward)."""
    found = audit.check_head(session, head)
    notes: tuple[str, ...] = ()
    if audit_seal.head_mac_problem(head) == "nokey":
        notes = (f"Không kiểm tra được mã xác thực của {source}: máy này không giữ khóa {head.seal}.",)
    if found.outcome == "ok":
        return VerifyReport(True, found.current_last, None,
                            f"Khớp với {source}: sự kiện số {thousands(head.event)} còn nguyên.", notes)
    if found.outcome == "missing":
        lost = head.event - found.current_last
        return VerifyReport(False, found.current_last, head.event,
                            f"Nhật ký bị cắt bớt: {source} ghi đến sự kiện số {thousands(head.event)}, nhật ký "
                            f"hiện chỉ còn đến số {thousands(found.current_last)} ({thousands(lost)} sự kiện mới "
                            "nhất đã bị xóa).", notes)
    if found.outcome == "mac":
        return VerifyReport(False, found.current_last, None,
                            f"{source[:1].upper()}{source[1:]} đã bị sửa: mã xác thực của mốc không khớp với khóa "
                            "của cơ quan.", notes)
    return VerifyReport(False, found.current_last, head.event,
                        f"Sự kiện số {thousands(head.event)} khác với {source}: nhật ký đã bị viết lại (hoặc bị "
                        "xóa bớt rồi ghi tiếp) từ sự kiện này trở về trước.", notes)


def head_of_file(path: Path) -> tuple[audit_seal.Head, str]:
    """The audit head a backup, an end-of-day workbook or a checkpoint file carries, and how to name it."""
    from db import backup

    try:
        with open(path, "rb") as file:
            start = file.read(16)
    except OSError as error:
        raise ValidationError(f"Không đọc được tệp “{path}”: {error.strerror or error}.") from None
    head: audit_seal.Head | None
    try:
        if start.startswith(backup.HEADER):
            head, source = backup.audit_head_of(path), f"bản sao lưu “{path.name}”"
        elif start.startswith(b"PK"):
            from app.reports.daily import audit_head_of_workbook

            head, source = audit_head_of_workbook(path), f"báo cáo “{path.name}”"
        else:
            head, source = audit_seal.read_checkpoint(path), f"tệp mốc “{path.name}”"
    except Exception as error:  # noqa: BLE001 - whatever the file is, the officer gets one clear line
        raise ValidationError(f"Tệp “{path}” không phải bản sao lưu, báo cáo cuối ngày hay tệp mốc nhật ký "
                              f"đọc được ({type(error).__name__}).") from None
    if head is None:
        raise ValidationError(f"Tệp “{path.name}” không ghi mốc nhật ký (tệp của phiên bản cũ, hoặc sổ chưa có "
                              "sự kiện nào).")
    return head, source


def verify_against(session: Session, path: Path) -> VerifyReport:
    head, source = head_of_file(Path(path))
    return compare_head(session, head, source)


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

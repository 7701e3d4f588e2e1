"""How and when an apology letter reached its applicant (DOMAIN.md §5: "the desk passes it to the citizen").

A letter is delivered once: at the counter, by post, by e-mail, by text message, through the public
service portal or by telephone, at a moment that is neither in the future nor before the letter was
issued, by the acting officer. Recording it writes the letter's delivery columns and a dossier event;
changing a recorded delivery is a correction with a reason (the audit trail keeps the old values),
never a second delivery.

By e-mail the letter goes through the report outbox (app.reports.outbox): its PDF is printed again
from the register, checked against the SHA-256 recorded when it was issued, kept in the outbox with
the letter's id, and sent with the office's SMTP settings. It counts as delivered only when the
server accepted the message (``on_email_accepted``, called by the outbox in the transaction that
records the outcome), so a retry from the outbox that succeeds records the delivery too.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
from dataclasses import dataclass
from typing import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app import validation
from app.clock import Clock
from app.context import Context, load_context
from app.dossiers import _event, find_id
from app.errors import ConfigurationError, NotFoundError, ValidationError
from app.formatting import date_vi, datetime_vi
from app.permissions import Permission, require
from app.reports import outbox
from db import audit
from db.models import ApologyLetter, Dossier, DossierEvent, ReportOutbox, User

LETTER_KIND = "letter"          # report_outbox.kind of a letter sent to its applicant
MAX_NOTE = 1000


class DeliveryVia(str, enum.Enum):
    COUNTER = "counter"
    POST = "post"
    EMAIL = "email"
    SMS = "sms"
    PORTAL = "portal"
    PHONE = "phone"

    @property
    def label(self) -> str:
        return VIA_LABELS[self.value]

    @property
    def phrase(self) -> str:
        """As a sentence says it: "giao tại quầy", "gửi qua thư điện tử"."""
        return VIA_PHRASES[self.value]


VIA_LABELS = {"counter": "Tại quầy", "post": "Bưu chính", "email": "Thư điện tử", "sms": "Tin nhắn",
              "portal": "Cổng dịch vụ công", "phone": "Điện thoại"}
VIA_PHRASES = {"counter": "giao tại quầy", "post": "gửi qua bưu chính", "email": "gửi qua thư điện tử",
               "sms": "gửi qua tin nhắn", "portal": "gửi qua Cổng dịch vụ công", "phone": "báo qua điện thoại"}


def parse_via(value: str | DeliveryVia) -> DeliveryVia:
    try:
        return DeliveryVia(value)
    except ValueError:
        valid = ", ".join(f"{m.value} ({m.label.lower()})" for m in DeliveryVia)
        raise ValidationError(f"Cách giao phiếu “{value}” không có; chọn một trong: {valid}.") from None


@dataclass(frozen=True)
class Delivery:
    """A letter and, if it reached the applicant, how and when."""

    letter_id: int
    dossier_id: int
    dossier_code: str
    number_text: str
    issued_on: dt.date
    applicant_email: str
    via: DeliveryVia | None
    at: dt.datetime | None
    by: str
    note: str
    email_error: str = ""        # the last failed e-mail of this letter, while it is not delivered

    @property
    def delivered(self) -> bool:
        return self.at is not None

    def describe(self) -> str:
        """"gửi qua thư điện tử lúc 14:05 25/11/2026 (Nguyễn Thị Lan)" or "chưa giao"."""
        if not self.delivered:
            return "chưa giao" + (f" (gửi thư lỗi: {self.email_error})" if self.email_error else "")
        assert self.via is not None  # a delivery is recorded with its channel
        who = f" ({self.by})" if self.by else ""
        note = f"; {self.note}" if self.note else ""
        return f"{self.via.phrase} lúc {datetime_vi(self.at)}{who}{note}"


@dataclass(frozen=True)
class EmailOutcome:
    delivery: Delivery
    item: outbox.OutboxItem

    @property
    def sent(self) -> bool:
        return self.item.status == "sent"


def _letter(session: Session, dossier_id: int, *, for_update: bool = False) -> ApologyLetter:
    query = select(ApologyLetter).where(ApologyLetter.dossier_id == dossier_id)
    if for_update:
        query = query.with_for_update()
    letter = session.scalar(query)
    if letter is None:
        code = session.scalar(select(Dossier.code).where(Dossier.id == dossier_id))
        if code is None:
            raise NotFoundError("Không tìm thấy hồ sơ.")
        raise NotFoundError(f"Hồ sơ {code} chưa có phiếu xin lỗi nên chưa có gì để giao.")
    return letter


def _user_name(session: Session, user_id: int | None) -> str:
    if user_id is None:
        return ""
    user = session.get(User, user_id)
    return (user.full_name or user.username) if user else ""


def _last_email_error(session: Session, letter_id: int) -> str:
    return session.scalar(select(ReportOutbox.last_error).where(
        ReportOutbox.letter_id == letter_id, ReportOutbox.status == "failed").order_by(ReportOutbox.id.desc())
        .limit(1)) or ""


def _view(session: Session, letter: ApologyLetter) -> Delivery:
    dossier = session.get(Dossier, letter.dossier_id)
    assert dossier is not None  # a letter's dossier (foreign key)
    delivered = letter.delivered_at is not None
    return Delivery(letter.id, letter.dossier_id, dossier.code, letter.number_text, letter.issued_on,
                    dossier.applicant_email or "", DeliveryVia(letter.delivered_via) if delivered else None,
                    letter.delivered_at, _user_name(session, letter.delivered_by) if delivered else "",
                    letter.delivery_note or "", "" if delivered else _last_email_error(session, letter.id))


def get_delivery(session: Session, dossier_id: int) -> Delivery | None:
    """The dossier's letter and its delivery; None when the dossier has no letter."""
    letter = session.scalar(select(ApologyLetter).where(ApologyLetter.dossier_id == dossier_id))
    return _view(session, letter) if letter else None


def _checked_moment(ctx: Context, letter: ApologyLetter, at: dt.datetime | None) -> dt.datetime:
    now = ctx.now()
    at = at.replace(second=0, microsecond=0) if at else now
    if at > now:
        raise ValidationError(f"Thời điểm giao phiếu {datetime_vi(at)} ở tương lai (bây giờ là {datetime_vi(now)}).")
    issued = min(letter.issued_at, dt.datetime.combine(letter.issued_on, dt.time()))
    if at < issued:
        raise ValidationError(f"Thời điểm giao phiếu {datetime_vi(at)} trước khi phiếu số {letter.number_text} "
                              f"được phát hành ({date_vi(letter.issued_on)}).")
    return at


def _note(text: str | None) -> str:
    return validation.optional_text(text, "ghi chú giao phiếu", MAX_NOTE)


def _already(letter: ApologyLetter, code: str | None) -> ValidationError:
    via = DeliveryVia(letter.delivered_via)
    return ValidationError(f"Phiếu xin lỗi số {letter.number_text} của hồ sơ {code} đã được {via.phrase} lúc "
                           f"{datetime_vi(letter.delivered_at)}; mỗi phiếu chỉ giao một lần. Nếu ghi nhận sai, "
                           "hãy sửa lại (kèm lý do) thay vì giao lần nữa.")


def record(session: Session, ctx: Context, dossier_id: int, via: str | DeliveryVia, at: dt.datetime | None = None,
           note: str = "") -> Delivery:
    """Record, in the caller's transaction, that the letter reached the applicant (not by e-mail: see
    ``send_by_email``, which records it only once the mail server accepted the message)."""
    require(session, ctx, Permission.HANDLE_DOSSIERS)
    via = parse_via(via)
    letter = _letter(session, dossier_id, for_update=True)
    code = session.scalar(select(Dossier.code).where(Dossier.id == dossier_id))
    if letter.delivered_at is not None:
        raise _already(letter, code)
    if via is DeliveryVia.EMAIL:
        raise ValidationError("Giao phiếu qua thư điện tử thì phải gửi thư từ phần mềm (nút “Gửi thư”, lệnh "
                              "“deliver … --via email”): phiếu chỉ được ghi là đã giao khi máy chủ thư đã nhận.")
    at = _checked_moment(ctx, letter, at)
    note = _note(note)
    letter.delivered_via, letter.delivered_at, letter.delivered_by, letter.delivery_note = \
        via.value, at, ctx.user_id, note
    _event(session, ctx, dossier_id, "delivery", field="delivered_via", new=via.label,
           note=f"Phiếu xin lỗi số {letter.number_text} đã {via.phrase} lúc {datetime_vi(at)}"
                + (f"; {note}" if note else ""))
    session.flush()
    return _view(session, letter)


def correct(session: Session, ctx: Context, dossier_id: int, via: str | DeliveryVia, at: dt.datetime | None,
            note: str = "", *, reason: str) -> Delivery:
    """Correct a delivery recorded wrongly: a change with its reason (and the audit trail's old values)."""
    require(session, ctx, Permission.HANDLE_DOSSIERS)
    via = parse_via(via)
    letter = _letter(session, dossier_id, for_update=True)
    code = session.scalar(select(Dossier.code).where(Dossier.id == dossier_id))
    if letter.delivered_at is None:
        raise ValidationError(f"Phiếu xin lỗi số {letter.number_text} của hồ sơ {code} chưa được ghi nhận đã giao; "
                              "không có gì để sửa.")
    reason = validation.required_text(reason, "lý do sửa thông tin giao phiếu", MAX_NOTE)
    if (via is DeliveryVia.EMAIL) != (letter.delivered_via == DeliveryVia.EMAIL.value):
        raise ValidationError("Việc gửi thư điện tử do máy chủ thư xác nhận: không sửa được thành hoặc từ "
                              "“thư điện tử”.")
    at = _checked_moment(ctx, letter, at or letter.delivered_at)
    note = _note(note)
    before = _view(session, letter).describe()
    letter.delivered_via, letter.delivered_at, letter.delivery_note = via.value, at, note
    session.flush()
    after = _view(session, letter)
    _event(session, ctx, dossier_id, "delivery_fix", field="delivered_via", old=before, new=after.describe(),
           note=f"Sửa thông tin giao phiếu xin lỗi số {letter.number_text}; lý do: {reason}")
    session.flush()
    return after


# --- e-mail ------------------------------------------------------------------------------------------

def letter_pdf(session: Session, ctx: Context, letter: ApologyLetter) -> bytes:
    """The issued letter's PDF, printed again and checked byte for byte against the issued one."""
    from app import letters

    pdf = letters.render_issued(session, ctx, [letter.id])
    if letter.pdf_sha256 and hashlib.sha256(pdf).hexdigest() != letter.pdf_sha256:
        raise ValidationError(f"Bản in lại của phiếu xin lỗi số {letter.number_text} khác bản đã phát hành (mẫu "
                              "phiếu hoặc thông tin cơ quan đã đổi từ khi phát hành), nên không gửi thư tự động "
                              "được; hãy gửi bản đã ký bằng cách khác rồi ghi nhận đã giao.")
    return pdf


def _file_name(letter: ApologyLetter, code: str) -> str:
    number = "".join(ch if ch.isalnum() else "-" for ch in letter.number_text).strip("-")
    return f"phieu-xin-loi-{number}-{code}.pdf".replace("--", "-")


def _applicant_address(dossier: Dossier) -> str:
    address = (dossier.applicant_email or "").strip()
    if not address:
        raise ValidationError(f"Hồ sơ {dossier.code} chưa có địa chỉ thư điện tử của người nộp: hãy bổ sung vào "
                              "hồ sơ, hoặc giao phiếu bằng cách khác.")
    try:
        validation.email(address)
        outbox.recipients(address)
    except ValidationError:
        raise ValidationError(f"Địa chỉ thư điện tử “{address}” của người nộp hồ sơ {dossier.code} không hợp lệ: "
                              "hãy sửa trong hồ sơ, hoặc giao phiếu bằng cách khác.") from None
    return address


def queue_email(session: Session, ctx: Context, dossier_id: int) -> int:
    """Keep the letter, addressed to the applicant, in the outbox (in the caller's transaction); its id.

    A letter whose earlier e-mail did not go out is sent again from the same outbox entry."""
    require(session, ctx, Permission.HANDLE_DOSSIERS)
    letter = _letter(session, dossier_id, for_update=True)
    dossier = session.get(Dossier, dossier_id)
    assert dossier is not None  # the letter's dossier
    if letter.delivered_at is not None:
        raise _already(letter, dossier.code)
    address = _applicant_address(dossier)
    settings = ctx.settings
    if not settings.smtp_host or not settings.smtp_sender:
        raise ConfigurationError("Chưa khai báo máy chủ thư đi (thiết lập “smtp_host”, “smtp_sender”) nên chưa "
                                 "gửi phiếu qua thư điện tử được.")
    waiting = session.scalar(select(ReportOutbox).where(ReportOutbox.letter_id == letter.id,
                                                        ReportOutbox.status != "sent").order_by(ReportOutbox.id))
    pdf = letter_pdf(session, ctx, letter)
    if waiting is not None:
        waiting.email_to, waiting.content = address, pdf   # the applicant's address may have been corrected
        session.flush()
        return waiting.id
    return outbox.queue(session, kind=LETTER_KIND, report_date=letter.issued_on,
                        file_name=_file_name(letter, dossier.code), content=pdf, now=ctx.now(), email_to=address,
                        user_id=ctx.user_id, letter_id=letter.id)


def message_text(session: Session, letter_id: int) -> tuple[str, str]:
    """Subject and body of the e-mail that carries a letter to its applicant."""
    from app.catalog import get_office

    letter = session.get(ApologyLetter, letter_id)
    assert letter is not None  # asked for a letter the outbox holds
    dossier = session.get(Dossier, letter.dossier_id)
    assert dossier is not None  # a letter's dossier (foreign key)
    office = get_office(session)
    subject = (f"Phiếu xin lỗi và hẹn lại ngày trả kết quả số {letter.number_text} — hồ sơ {dossier.code}")
    body = (f"Kính gửi: {dossier.applicant_name},\n\n"
            f"{office.name or 'Bộ phận Một cửa'} gửi phiếu xin lỗi và hẹn lại ngày trả kết quả số "
            f"{letter.number_text} ngày {date_vi(letter.issued_on)} đối với hồ sơ {dossier.code} "
            f"({dossier.procedure.name}).\n"
            f"Thời gian hẹn trả kết quả mới: {datetime_vi(letter.new_due_at)}.\n"
            "Phiếu được đính kèm thư này (tệp PDF).\n\n"
            f"Trân trọng,\n{office.name or ''}\n")
    return subject, body


def on_email_accepted(session: Session, row: ReportOutbox, at: dt.datetime) -> None:
    """Called by the outbox, in the transaction that records a sent letter: the letter is delivered now."""
    letter = session.get(ApologyLetter, row.letter_id)
    if letter is None:
        return
    if letter.delivered_at is not None:
        # Delivered another way meanwhile: the mail went too, say so in the history, change nothing else.
        note = f"Phiếu xin lỗi số {letter.number_text} cũng đã gửi qua thư điện tử tới {row.email_to} lúc {datetime_vi(at)}"
    else:
        audit.set_actor(session, row.created_by)
        letter.delivered_via, letter.delivered_at, letter.delivered_by = DeliveryVia.EMAIL.value, at, row.created_by
        letter.delivery_note = f"Gửi tới {row.email_to}"
        note = f"Phiếu xin lỗi số {letter.number_text} đã gửi qua thư điện tử tới {row.email_to} lúc {datetime_vi(at)}"
    session.add(DossierEvent(dossier_id=letter.dossier_id, at=at, user_id=row.created_by, kind="delivery",
                             field="delivered_via", old_value="", new_value=DeliveryVia.EMAIL.label, note=note))


def send_by_email(Session: sessionmaker, clock: Clock, user: int | Callable[[Session], int] | None,
                  dossier: int | str) -> EmailOutcome:
    """Queue the letter for its applicant and send it now; recorded as delivered only if the server accepted it.

    ``user``: the officer's id, or a function giving it inside the transaction; ``dossier``: its id or code.
    Refusals (no letter, already delivered, no or bad address, SMTP not set up, PDF not the issued one)
    raise before anything is kept; a failed send stays in the outbox with the server's message."""
    with Session.begin() as session:
        ctx = load_context(session, clock, user(session) if callable(user) else user)
        dossier_id = find_id(session, dossier) if isinstance(dossier, str) else dossier
        outbox_id = queue_email(session, ctx, dossier_id)
    item = outbox.deliver(Session, clock, outbox_id)
    with Session() as session:
        delivery = get_delivery(session, dossier_id)
        assert delivery is not None  # queue_email found its letter
        return EmailOutcome(delivery, item)


# --- lists -------------------------------------------------------------------------------------------

def _undelivered():
    return ApologyLetter.delivered_at.is_(None)


def undelivered_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ApologyLetter).where(_undelivered())) or 0


def undelivered_dossier_ids(session: Session, limit: int | None = None) -> list[int]:
    """Dossiers whose letter was issued but has not reached the applicant, oldest letter first."""
    query = (select(ApologyLetter.dossier_id).where(_undelivered())
             .order_by(ApologyLetter.issued_on, ApologyLetter.year, ApologyLetter.number))
    if limit:
        query = query.limit(limit)
    return list(session.scalars(query))


@dataclass(frozen=True)
class LogRow:
    """One line of the letters' logbook (Sổ theo dõi phiếu xin lỗi)."""

    number_text: str
    issued_on: dt.date
    dossier_code: str
    applicant_name: str
    new_due_at: dt.datetime
    late: bool
    delivery: str            # "Tại quầy 14:05 25/11/2026 (Nguyễn Thị Lan)" or ""
    via: str
    delivered_at: dt.datetime | None


def logbook(session: Session, start: dt.date, end: dt.date, undelivered_only: bool = False) -> list[LogRow]:
    """Letters issued in [start, end], by number, with how each reached its applicant."""
    if end < start:
        raise ValidationError(f"Ngày cuối {date_vi(end)} trước ngày đầu {date_vi(start)}.")
    query = (select(ApologyLetter.number_text, ApologyLetter.issued_on, Dossier.code, Dossier.applicant_name,
                    ApologyLetter.new_due_at, ApologyLetter.late, ApologyLetter.delivered_via,
                    ApologyLetter.delivered_at, User.full_name, User.username)
             .join(Dossier, Dossier.id == ApologyLetter.dossier_id)
             .outerjoin(User, User.id == ApologyLetter.delivered_by)
             .where(ApologyLetter.issued_on >= start, ApologyLetter.issued_on <= end)
             .order_by(ApologyLetter.year, ApologyLetter.number))
    if undelivered_only:
        query = query.where(_undelivered())
    rows = []
    for number, issued_on, code, name, new_due, late, via, at, full, username in session.execute(query):
        text = ""
        if at is not None:
            who = full or username or ""
            text = f"{VIA_LABELS.get(via, via)} {datetime_vi(at)}" + (f" ({who})" if who else "")
        rows.append(LogRow(number, issued_on, code, name, new_due, late, text, via or "", at))
    return rows

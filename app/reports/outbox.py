"""Delivery of reports: to a folder and/or by e-mail, through an outbox that forgets nothing.

A report is first stored in the outbox (its bytes included), in the
caller's transaction; delivery then happens outside any transaction (SMTP can
take seconds) and its outcome is written back: sent when every requested way
succeeded, failed with the error otherwise. Failed reports stay until retried.
The SMTP password comes only from the system keyring (app.secrets, name "smtp").
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
import socket
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session, sessionmaker

from app import secrets, validation
from app.clock import Clock
from app.errors import AppError, ConfigurationError, NotFoundError, ValidationError
from app.formatting import date_vi
from app.reports.xlsx import write_atomically
from app.settings import Settings, load_settings
from app.workcalendar import WorkCalendar
from db.models import ApologyLetter, ReportOutbox

log = logging.getLogger(__name__)

SMTP_SECRET = "smtp"
XLSX_MIME = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
PDF_MIME = ("application", "pdf")
STATUS_LABELS = {"pending": "Chờ gửi", "sent": "Đã gửi", "failed": "Gửi lỗi"}


class DeliveryError(AppError):
    """The report is kept in the outbox; this says why it did not go out."""

    exit_code = 6


@dataclass(frozen=True)
class OutboxItem:
    id: int
    kind: str
    report_date: dt.date
    file_name: str
    created_at: dt.datetime
    folder: str
    delivered_path: str
    email_to: str
    status: str
    attempts: int
    last_attempt_at: dt.datetime | None
    last_error: str
    sent_at: dt.datetime | None
    size: int
    dossier_id: int | None = None     # an apology letter's dossier (kind "letter")

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


def _item(row: ReportOutbox) -> OutboxItem:
    return OutboxItem(row.id, row.kind, row.report_date, row.file_name, row.created_at, row.folder,
                      row.delivered_path, row.email_to, row.status, row.attempts, row.last_attempt_at,
                      row.last_error, row.sent_at, len(row.content or b""),
                      _letter_dossier(row))


def _letter_dossier(row: ReportOutbox) -> int | None:
    if row.letter_id is None:
        return None
    session = object_session(row)
    return session.scalar(select(ApologyLetter.dossier_id).where(ApologyLetter.id == row.letter_id)) if session else None


def recipients(value: str) -> list[str]:
    return validation.email_list(value)


def queue(session: Session, *, kind: str, report_date: dt.date, file_name: str, content: bytes,
          now: dt.datetime, folder: str = "", email_to: str = "", user_id: int | None = None,
          period: tuple[dt.date, dt.date] | None = None, letter_id: int | None = None) -> int:
    """Keep a report in the outbox, to go to ``folder`` and/or ``email_to``. Returns its id.

    ``letter_id``: an apology letter for its applicant (app.letter_delivery), delivered when sent."""
    folder, email_to = (folder or "").strip(), (email_to or "").strip()
    if not folder and not email_to:
        raise ValidationError("Chưa có nơi nhận báo cáo: hãy chọn thư mục nhận hoặc địa chỉ thư nhận "
                              "(thiết lập “report_folder”, “smtp_recipient”).")
    if email_to:
        recipients(email_to)
    row = ReportOutbox(kind=kind, report_date=report_date, file_name=file_name, content=content, created_at=now,
                       created_by=user_id, folder=folder, email_to=email_to, status="pending", attempts=0,
                       last_error="", delivered_path="",
                       period_from=period[0] if period else None, period_to=period[1] if period else None,
                       letter_id=letter_id)
    session.add(row)
    session.flush()
    return row.id


def _message(settings: Settings, to: str, subject: str, body: str) -> EmailMessage:
    if not settings.smtp_host:
        raise ConfigurationError("Chưa khai báo máy chủ thư đi (thiết lập “smtp_host”).")
    if not settings.smtp_sender:
        raise ConfigurationError("Chưa khai báo địa chỉ gửi báo cáo (thiết lập “smtp_sender”).")
    message = EmailMessage()
    message["From"] = settings.smtp_sender
    message["To"] = ", ".join(recipients(to))
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=settings.smtp_sender.rpartition("@")[2] or None)
    message.set_content(body)
    return message


def _transmit(settings: Settings, message: EmailMessage, timeout: float, password: str | None = None) -> str:
    """Send through the office's SMTP server; the server's answer to the message ("250 OK …")."""
    if settings.smtp_username and password is None:
        password = secrets.fetch(SMTP_SECRET)
        if password is None:
            raise ConfigurationError("Chưa lưu mật khẩu thư đi trong kho mật khẩu của máy (keyring).")
    answers: list[str] = []
    try:
        if settings.smtp_security == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(settings.smtp_host, settings.smtp_port, timeout=timeout,
                                      context=ssl.create_default_context())
        else:
            client = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=timeout)
        plain_data = client.data

        def data(msg):   # keep the server's answer to the message itself
            code, text = plain_data(msg)
            answers.append(f"{code} {text.decode('utf-8', 'replace') if isinstance(text, bytes) else text}")
            return code, text
        client.data = data  # type: ignore[method-assign]  # deliberately wrapped on this one connection
        with client:
            if settings.smtp_security == "starttls":
                client.starttls(context=ssl.create_default_context())
            if settings.smtp_username:
                assert password is not None  # fetched above (or refused) when a user name is set
                client.login(settings.smtp_username, password)
            client.send_message(message)
    except smtplib.SMTPAuthenticationError as error:
        raise DeliveryError("Máy chủ thư từ chối đăng nhập: kiểm tra tên đăng nhập và mật khẩu thư đi.") from error
    except smtplib.SMTPNotSupportedError as error:
        raise DeliveryError("Máy chủ thư không hỗ trợ kiểu bảo mật đã chọn (starttls/ssl): "
                            "hãy đổi thiết lập “smtp_security”.") from error
    except smtplib.SMTPRecipientsRefused as error:
        refused = ", ".join(f"{address} ({_server_says(code, text)})"
                            for address, (code, text) in error.recipients.items())
        raise DeliveryError(f"Máy chủ thư từ chối địa chỉ nhận: {refused}.") from error
    except smtplib.SMTPResponseException as error:
        raise DeliveryError(f"Máy chủ thư từ chối: {_server_says(error.smtp_code, error.smtp_error)}.") from error
    except smtplib.SMTPException as error:
        raise DeliveryError(f"Máy chủ thư báo lỗi: {error}.") from error
    except (socket.timeout, TimeoutError) as error:
        raise DeliveryError(f"Máy chủ thư {settings.smtp_host}:{settings.smtp_port} không trả lời.") from error
    except (OSError, ssl.SSLError) as error:
        raise DeliveryError(f"Không kết nối được máy chủ thư {settings.smtp_host}:{settings.smtp_port} "
                            f"({error.strerror or error}).") from error
    return answers[-1] if answers else "250"


def send_mail(settings: Settings, to: str, subject: str, body: str, file_name: str, content: bytes,
              timeout: float = 30) -> None:
    """One message with the file (a workbook, or a letter's PDF) attached, through the office's SMTP server."""
    message = _message(settings, to, subject, body)
    mime = PDF_MIME if file_name.lower().endswith(".pdf") else XLSX_MIME
    message.add_attachment(content, maintype=mime[0], subtype=mime[1], filename=file_name)
    _transmit(settings, message, timeout)


def send_test(settings: Settings, now: dt.datetime, password: str | None = None, timeout: float = 20) -> str:
    """A short test message to ``smtp_recipient`` (the settings as they stand in the form, not yet saved;
    ``password`` as typed, else the keyring's). Returns the server's answer, in Vietnamese."""
    if not settings.smtp_recipient:
        raise ConfigurationError("Chưa khai báo địa chỉ nhận báo cáo (thiết lập “smtp_recipient”).")
    subject = "Thư thử của MotCua Desk"
    body = (f"Thư thử gửi lúc {now:%H:%M} ngày {date_vi(now.date())} để kiểm tra cài đặt thư đi "
            f"({settings.smtp_host}:{settings.smtp_port}, {settings.smtp_security}). Không cần trả lời.\n")
    answer = _transmit(settings, _message(settings, settings.smtp_recipient, subject, body), timeout, password)
    return (f"Máy chủ {settings.smtp_host}:{settings.smtp_port} đã nhận thư thử gửi "
            f"{', '.join(recipients(settings.smtp_recipient))}. Máy chủ trả lời: “{answer.strip()}”.")


def _server_says(code: int, text: bytes | str) -> str:
    """The server's own answer, e.g. "550 5.1.1 Mailbox unavailable"."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{code} {' '.join(text.split())}".strip()


def _subject(row: ReportOutbox) -> str:
    if row.kind == "daily":
        return f"Báo cáo cuối ngày {date_vi(row.report_date)}"
    if row.period_from and row.period_to:
        return f"Báo cáo từ ngày {date_vi(row.period_from)} đến ngày {date_vi(row.period_to)}"
    return f"Báo cáo ngày {date_vi(row.report_date)}"


def deliver(Session: sessionmaker, clock: Clock, outbox_id: int) -> OutboxItem:
    """Try every not-yet-done way of one outbox report; record the outcome. Never raises on a failed send."""
    with Session() as session:
        row = session.get(ReportOutbox, outbox_id)
        if row is None:
            raise NotFoundError(f"Không có báo cáo số {outbox_id} trong hộp thư đi.")
        settings = load_settings(session)
        folder, email_to = row.folder, row.email_to
        folder_done, email_done = row.folder_done_at is not None, row.email_done_at is not None
        file_name, content = row.file_name, row.content
        if row.letter_id is not None:
            from app import letter_delivery

            subject, body = letter_delivery.message_text(session, row.letter_id)
        else:
            subject = _subject(row)
            body = f"{subject}: xem tệp đính kèm {file_name}.\n"
    errors, path = [], ""
    folder_at = email_at = None
    if folder and not folder_done:
        try:
            path = str(write_atomically(Path(folder) / file_name, content))
            folder_at = clock.now()
        except AppError as error:
            errors.append(str(error))
    if email_to and not email_done:
        try:
            send_mail(settings, email_to, subject, body, file_name, content)
            email_at = clock.now()
        except AppError as error:
            errors.append(str(error))
    with Session.begin() as session:
        row = session.get(ReportOutbox, outbox_id)
        now = clock.now()
        row.attempts += 1
        row.last_attempt_at = now
        if folder_at:
            row.folder_done_at, row.delivered_path = folder_at, path
        if email_at:
            row.email_done_at = email_at
            if row.letter_id is not None:
                from app import letter_delivery

                letter_delivery.on_email_accepted(session, row, email_at)
        done = (not row.folder or row.folder_done_at) and (not row.email_to or row.email_done_at)
        row.status = "sent" if done else "failed"
        row.last_error = " ".join(errors)
        if done:
            row.sent_at = now
        else:
            log.warning("Report %s (%s) not delivered: %s", row.id, row.file_name, row.last_error)
        session.flush()
        return _item(row)


def retry_pending(Session: sessionmaker, clock: Clock) -> list[OutboxItem]:
    """Deliver again every report that has not gone out yet (pending or failed), oldest first.

    A letter that reached its applicant another way meanwhile is not mailed to them again."""
    with Session() as session:
        ids = list(session.scalars(
            select(ReportOutbox.id).outerjoin(ApologyLetter, ApologyLetter.id == ReportOutbox.letter_id)
            .where(ReportOutbox.status != "sent", ApologyLetter.delivered_at.is_(None))
            .order_by(ReportOutbox.id)))
    return [deliver(Session, clock, outbox_id) for outbox_id in ids]


def listing(session: Session, limit: int = 200) -> list[OutboxItem]:
    rows = session.scalars(select(ReportOutbox).order_by(ReportOutbox.id.desc()).limit(limit))
    return [_item(row) for row in rows]


def content_of(session: Session, outbox_id: int) -> tuple[str, bytes]:
    row = session.get(ReportOutbox, outbox_id)
    if row is None:
        raise NotFoundError(f"Không có báo cáo số {outbox_id} trong hộp thư đi.")
    return row.file_name, row.content


def daily_sent(session: Session, day: dt.date) -> bool:
    return session.scalar(select(ReportOutbox.id).where(
        ReportOutbox.kind == "daily", ReportOutbox.report_date == day, ReportOutbox.status == "sent").limit(1)
    ) is not None


def reminder_due(session: Session, calendar: WorkCalendar, settings: Settings, now: dt.datetime) -> bool:
    """True when today is a working day, the reminder time has passed and today's report has not gone out."""
    if not calendar.is_working_day(now.date()):
        return False
    hour, minute = (int(part) for part in settings.report_reminder_time.split(":"))
    if now.time() < dt.time(hour, minute):
        return False
    return not daily_sent(session, now.date())


def destinations(settings: Settings, folder: str | None = None, send: bool = False) -> tuple[str, str]:
    """(folder, e-mail) for a report: an explicit folder wins over the setting; e-mail only when asked."""
    chosen = folder if folder is not None else settings.report_folder
    email = ""
    if send:
        if not settings.smtp_recipient:
            raise ConfigurationError("Chưa khai báo địa chỉ nhận báo cáo (thiết lập “smtp_recipient”).")
        email = settings.smtp_recipient
    return chosen or "", email

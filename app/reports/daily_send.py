"""Sending the end-of-day report: one operation for the window's button and for ``export-daily``.

Make the day's workbook, keep it in the outbox (one transaction), then deliver it to the folder and/or
by e-mail outside any transaction. Where it goes: an explicit folder wins over the ``report_folder``
setting; e-mail to ``smtp_recipient`` when asked (the command's ``--send``) or, when the caller leaves
it to the settings (the window), whenever SMTP and a recipient are configured.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from sqlalchemy.orm import Session, sessionmaker

from app.clock import Clock
from app.context import load_context
from app.errors import ValidationError
from app.reports import outbox
from app.reports.daily import DailyCounts, daily_report
from app.settings import Settings


@dataclass(frozen=True)
class DailySent:
    day: dt.date
    counts: DailyCounts
    item: outbox.OutboxItem

    @property
    def sent(self) -> bool:
        return self.item.status == "sent"


def mail_configured(settings: Settings) -> bool:
    return bool(settings.smtp_host and settings.smtp_recipient)


def needs_folder(settings: Settings) -> bool:
    """True when the report would have nowhere to go unless the officer names a folder."""
    return not settings.report_folder and not mail_configured(settings)


def send_daily(Session: sessionmaker, clock: Clock, user: int | Callable[[Session], int] | None, *,
               day: dt.date | None = None, folder: str | None = None, send: bool | None = None,
               check: Callable[[], None] | None = None) -> DailySent:
    """Make, keep and deliver the day's report; a failed delivery is in the returned item (never raised).

    ``user``: the officer's id, or a function giving it inside the transaction (the command line's login).
    ``send``: True/False, or None for "by e-mail when it is configured". ``check`` may raise to cancel
    before anything is kept."""
    with Session.begin() as session:
        user_id = user(session) if callable(user) else user
        ctx = load_context(session, clock, user_id)
        wants_mail = mail_configured(ctx.settings) if send is None else send
        target, email = outbox.destinations(ctx.settings, folder, wants_mail)
        if not target and not email:
            raise ValidationError("Chưa có nơi nhận báo cáo: hãy chọn thư mục nhận hoặc gửi thư (dòng lệnh: "
                                  "--out THƯ_MỤC, --send), hoặc khai báo thiết lập “report_folder”.")
        report = daily_report(session, ctx, day)
        if check:
            check()
        outbox_id = outbox.queue(session, kind="daily", report_date=report.day,
                                 file_name=report.workbook.file_name, content=report.workbook.content,
                                 now=clock.now(), folder=target, email_to=email, user_id=user_id)
    return DailySent(report.day, report.counts, outbox.deliver(Session, clock, outbox_id))

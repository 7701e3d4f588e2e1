"""The end-of-day report is made, kept and delivered by one operation (app/reports/daily_send.py), which the
window's button and `export-daily` both call."""

import datetime as dt
import email
import re
from email import policy
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import ValidationError
from app.reports import daily_send
from app.settings import save_setting
from db.models import ReportOutbox
from tests.app.test_outbox import FakeSMTP, configure_smtp, free_port

ROOT = Path(__file__).resolve().parents[2]


def test_the_window_and_the_command_line_share_the_operation():
    queued = [path.relative_to(ROOT).as_posix() for folder in ("app", "ui") for path in (ROOT / folder).rglob("*.py")
              if re.search(r"kind=\"daily\"", path.read_text(encoding="utf-8"))]
    assert queued == ["app/reports/daily_send.py"]     # the daily report is put in the outbox in one place
    for caller in ("ui/pages/reports.py", "app/cli/report_commands.py"):
        source = (ROOT / caller).read_text(encoding="utf-8")
        assert "send_daily(" in source and "outbox.queue(" not in source and "daily_report(" not in source


def test_mail_when_configured_and_a_folder(Session, clock, catalog, tmp_path):
    port = free_port()
    configure_smtp(Session, port)           # smtp_recipient vp@dongnai.gov.vn
    folder = tmp_path / "bao-cao"
    with FakeSMTP(port) as server:
        sent = daily_send.send_daily(Session, clock, catalog["user_id"], folder=str(folder))  # send=None: as set up
    assert sent.sent and sent.day == dt.date(2026, 11, 25)
    [written] = folder.iterdir()
    assert written.name == sent.item.file_name and written.read_bytes()[:2] == b"PK"
    [(_sender, rcpts, raw)] = server.messages
    assert rcpts == ["vp@dongnai.gov.vn"]
    assert email.message_from_bytes(raw, policy=policy.default)["Subject"] == "Báo cáo cuối ngày 25/11/2026"
    with Session() as session:
        row = session.scalar(select(ReportOutbox))
        assert (row.kind, row.status, row.created_by) == ("daily", "sent", catalog["user_id"])


def test_no_mail_unless_asked_and_nowhere_is_refused(Session, clock, catalog, tmp_path):
    configure_smtp(Session, free_port())
    sent = daily_send.send_daily(Session, clock, catalog["user_id"], folder=str(tmp_path), send=False)
    assert sent.sent and sent.item.email_to == ""
    with Session.begin() as session:
        save_setting(session, "report_folder", "")
    with pytest.raises(ValidationError, match="Chưa có nơi nhận báo cáo"):
        daily_send.send_daily(Session, clock, catalog["user_id"], send=False)
    with Session() as session:
        assert len(session.scalars(select(ReportOutbox)).all()) == 1

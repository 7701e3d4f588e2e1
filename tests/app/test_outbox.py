"""Delivery through the outbox: a folder, a fake SMTP server on localhost, failures kept and retried."""

import datetime as dt
import email
import socket
from email import policy

import pytest
from sqlalchemy import select

from app import secrets
from app.clock import FixedClock
from app.reports import outbox
from app.settings import load_settings, save_setting
from db import migrate
from db.engine import make_engine, make_sessionmaker
from db.models import ReportOutbox

NOW = dt.datetime(2026, 11, 25, 16, 0)
CONTENT = b"PK\x03\x04 workbook bytes"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class FakeSMTP:
    """aiosmtpd on localhost, keeping what it receives."""

    def __init__(self, port, auth=False):
        from aiosmtpd.controller import Controller

        self.messages = []
        server = self

        class Handler:
            async def handle_DATA(self, _server, session, envelope):
                server.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
                return "250 OK"

        kwargs = {}
        if auth:
            from aiosmtpd.smtp import AuthResult

            def authenticator(_server, _session, _envelope, mechanism, data):
                ok = data.login == b"mc.tranbien" and data.password == b"mat-khau-bi-mat"
                return AuthResult(success=ok)
            kwargs = {"authenticator": authenticator, "auth_require_tls": False}
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=port, **kwargs)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()


def configure_smtp(Session, port, username=""):
    with Session.begin() as session:
        for key, value in (("smtp_host", "127.0.0.1"), ("smtp_port", port), ("smtp_security", "none"),
                           ("smtp_sender", "motcua@tranbien.gov.vn"), ("smtp_recipient", "vp@dongnai.gov.vn"),
                           ("smtp_username", username)):
            save_setting(session, key, value)


def queue_daily(Session, **where):
    with Session.begin() as session:
        return outbox.queue(session, kind="daily", report_date=NOW.date(), file_name="bao-cao-2026-11-25.xlsx",
                            content=CONTENT, now=NOW, **where)


def test_delivery_to_a_folder(Session, tmp_path):
    folder = tmp_path / "o mang" / "bao cao"
    outbox_id = queue_daily(Session, folder=str(folder))
    item = outbox.deliver(Session, FixedClock(NOW), outbox_id)
    assert item.status == "sent" and item.attempts == 1 and item.sent_at == NOW
    assert (folder / "bao-cao-2026-11-25.xlsx").read_bytes() == CONTENT
    assert item.delivered_path == str(folder / "bao-cao-2026-11-25.xlsx")


def test_fake_smtp_server_receives_the_workbook(Session):
    port = free_port()
    configure_smtp(Session, port)
    outbox_id = queue_daily(Session, email_to="vp@dongnai.gov.vn")
    with FakeSMTP(port) as server:
        item = outbox.deliver(Session, FixedClock(NOW), outbox_id)
    assert item.status == "sent", item.last_error
    assert len(server.messages) == 1
    sender, rcpts, raw = server.messages[0]
    assert sender == "motcua@tranbien.gov.vn" and rcpts == ["vp@dongnai.gov.vn"]
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["Subject"] == "Báo cáo cuối ngày 25/11/2026"
    attachments = list(message.iter_attachments())
    assert [a.get_filename() for a in attachments] == ["bao-cao-2026-11-25.xlsx"]
    assert attachments[0].get_content_type() == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert attachments[0].get_content() == CONTENT


def test_smtp_login_uses_the_keyring_password(Session, memory_keyring):
    port = free_port()
    configure_smtp(Session, port, username="mc.tranbien")
    first = queue_daily(Session, email_to="vp@dongnai.gov.vn")
    with FakeSMTP(port, auth=True) as server:
        item = outbox.deliver(Session, FixedClock(NOW), first)
        assert item.status == "failed"
        assert "Chưa lưu mật khẩu thư đi" in item.last_error
        secrets.store(outbox.SMTP_SECRET, "mat-khau-bi-mat")
        item = outbox.deliver(Session, FixedClock(NOW), first)
    assert item.status == "sent" and item.attempts == 2
    assert len(server.messages) == 1
    with Session() as session:  # the password is nowhere in the register
        dump = "\n".join(str(v) for v in session.execute(select(ReportOutbox.last_error)).scalars())
        settings = load_settings(session)
    assert "mat-khau" not in dump and "mat-khau" not in repr(settings)


def test_no_keyring_is_said_plainly(Session, monkeypatch):
    import keyring
    from keyring.backends import fail

    port = free_port()
    configure_smtp(Session, port, username="mc.tranbien")
    keyring.set_keyring(fail.Keyring())
    outbox_id = queue_daily(Session, email_to="vp@dongnai.gov.vn")
    item = outbox.deliver(Session, FixedClock(NOW), outbox_id)
    assert item.status == "failed"
    assert "không có kho mật khẩu" in item.last_error


def test_a_failed_send_survives_a_restart_and_is_retried(db_url, tmp_path):
    engine = make_engine(db_url)
    migrate.upgrade(engine)
    Session = make_sessionmaker(engine)
    port = free_port()  # nobody listens there yet
    configure_smtp(Session, port)
    folder = tmp_path / "shared"
    outbox_id = queue_daily(Session, folder=str(folder), email_to="vp@dongnai.gov.vn")
    item = outbox.deliver(Session, FixedClock(NOW), outbox_id)
    assert item.status == "failed" and item.attempts == 1
    assert "Không kết nối được máy chủ thư 127.0.0.1" in item.last_error
    assert (folder / "bao-cao-2026-11-25.xlsx").exists()  # the folder part went out
    engine.dispose()

    # the desk is closed and opened again: a new engine, a new session factory
    engine = make_engine(db_url)
    Session = make_sessionmaker(engine)
    with Session() as session:
        [kept] = outbox.listing(session)
        assert (kept.status, kept.attempts, kept.status_label) == ("failed", 1, "Gửi lỗi")
        assert outbox.content_of(session, kept.id)[1] == CONTENT
        assert not outbox.daily_sent(session, NOW.date())
    later = FixedClock(NOW + dt.timedelta(minutes=20))
    with FakeSMTP(port) as server:
        [retried] = outbox.retry_pending(Session, later)
    assert retried.status == "sent" and retried.attempts == 2 and retried.last_error == ""
    assert len(server.messages) == 1  # only the e-mail was retried; the folder copy was already there
    with Session() as session:
        assert outbox.daily_sent(session, NOW.date())
        assert outbox.retry_pending(Session, later) == []
    engine.dispose()


def test_a_report_needs_somewhere_to_go(Session):
    from app.errors import ValidationError

    with pytest.raises(ValidationError, match="Chưa có nơi nhận báo cáo"):
        queue_daily(Session)
    with pytest.raises(ValidationError, match="không hợp lệ"):
        queue_daily(Session, email_to="khong-phai-dia-chi")
    with Session() as session:
        assert outbox.listing(session) == []


@pytest.mark.parametrize("now, sent, due", [
    (dt.datetime(2026, 11, 25, 16, 29), False, False),   # before 16:30
    (dt.datetime(2026, 11, 25, 16, 30), False, True),
    (dt.datetime(2026, 11, 25, 17, 5), True, False),     # already gone out
    (dt.datetime(2026, 11, 28, 17, 0), False, False),    # Saturday
])
def test_reminder_after_the_configured_time_on_working_days(Session, make_ctx, tmp_path, now, sent, due):
    ctx = make_ctx()
    if sent:
        outbox.deliver(Session, FixedClock(now), queue_daily(Session, folder=str(tmp_path)))
    with Session() as session:
        assert outbox.reminder_due(session, ctx.calendar, ctx.settings, now) is due


def test_reminder_time_is_a_setting(Session, make_ctx):
    with Session.begin() as session:
        save_setting(session, "report_reminder_time", "15:45")
    ctx = make_ctx()
    with Session() as session:
        assert outbox.reminder_due(session, ctx.calendar, ctx.settings, dt.datetime(2026, 11, 25, 15, 50))


def test_a_test_message_shows_the_servers_answer_and_a_refusal_in_vietnamese(Session):
    port = free_port()
    with FakeSMTP(port, auth=True) as server:
        configure_smtp(Session, port, username="mc.tranbien")
        with Session() as session:
            settings = load_settings(session)
        answer = outbox.send_test(settings, NOW, password="mat-khau-bi-mat")
        assert answer == (f"Máy chủ 127.0.0.1:{port} đã nhận thư thử gửi vp@dongnai.gov.vn. "
                          f"Máy chủ trả lời: “250 OK”.")
        mail_from, to, content = server.messages[0]
        assert (mail_from, to) == ("motcua@tranbien.gov.vn", ["vp@dongnai.gov.vn"])
        message = email.message_from_bytes(content, policy=policy.default)
        assert message["Subject"] == "Thư thử của MotCua Desk"
    with pytest.raises(outbox.DeliveryError, match=f"Không kết nối được máy chủ thư 127.0.0.1:{port}"):
        outbox.send_test(settings, NOW, password="mat-khau-bi-mat", timeout=5)

"""How the apology letter reached its applicant: recorded once, corrected with a reason, sent by e-mail through
the outbox to a real (local) SMTP server, listed on Today until delivered.

"Now" starts at Wednesday 25/11/2026 09:00, when the letter is issued; the delivery happens later that day.
"""

import datetime as dt
import email
from email import policy

import pytest
from sqlalchemy import func, select, update

from app import dossiers, letter_delivery, letters, today
from app.clock import FixedClock
from app.dossiers import NewDossier
from app.errors import ConfigurationError, NotFoundError, ValidationError
from app.letter_delivery import DeliveryVia
from app.letters import LetterRequest
from app.reports import outbox
from app.settings import save_setting
from db.models import ApologyLetter, AuditEvent, Dossier, DossierEvent, ReportOutbox
from tests.app.test_outbox import FakeSMTP, free_port
from tests.support.pdf import readings

D = dt.datetime
LATER = D(2026, 11, 25, 14, 30)


@pytest.fixture
def letter(Session, make_ctx, clock):
    """A dossier received Mon 23/11 with an e-mail address, its letter issued Wed 25/11 09:00; then it is 14:30."""
    ctx = make_ctx()
    with Session.begin() as session:
        view = dossiers.receive(session, ctx, NewDossier("P3", "Đặng Văn Đức", applicant_id_number="079203001234",
                                                         applicant_email="duc.dang@example.vn",
                                                         received_at=D(2026, 11, 23, 9)))
        issued = letters.issue(session, ctx, LetterRequest(view.id, "Cần xác minh thực địa", dt.date(2026, 12, 2)))
    clock.moment = LATER
    return issued


def snapshot(Session):
    with Session() as session:
        return (session.execute(select(ApologyLetter.delivered_via, ApologyLetter.delivered_at,
                                       ApologyLetter.delivered_by, ApologyLetter.delivery_note)).all(),
                session.scalar(select(func.count()).select_from(DossierEvent)),
                session.scalar(select(func.count()).select_from(ReportOutbox)))


def test_delivery_is_recorded_with_time_officer_and_history(Session, make_ctx, letter, catalog):
    with Session() as session:
        assert letter_delivery.get_delivery(session, letter.dossier_id).delivered is False
        assert today.summary(session, make_ctx()).letters_undelivered == 1
        assert [r.id for r in today.rows(session, make_ctx(), today.LETTERS_UNDELIVERED).rows] == [letter.dossier_id]
    with Session.begin() as session:
        recorded = letter_delivery.record(session, make_ctx(), letter.dossier_id, "counter", D(2026, 11, 25, 10, 15),
                                          note="Người nhận: Đặng Văn Đức")
    assert recorded.via is DeliveryVia.COUNTER and recorded.at == D(2026, 11, 25, 10, 15)
    assert recorded.by == "Nguyễn Thị Lan"
    assert recorded.describe() == "giao tại quầy lúc 10:15 25/11/2026 (Nguyễn Thị Lan); Người nhận: Đặng Văn Đức"
    with Session() as session:
        row = session.scalar(select(ApologyLetter))
        assert (row.delivered_via, row.delivered_at, row.delivered_by) == ("counter", D(2026, 11, 25, 10, 15),
                                                                            catalog["user_id"])
        event = session.scalar(select(DossierEvent).where(DossierEvent.kind == "delivery"))
        assert event.dossier_id == letter.dossier_id and event.new_value == "Tại quầy"
        assert "Phiếu xin lỗi số 01/PXL đã giao tại quầy lúc 10:15 25/11/2026" in event.note
        # the letters' logbook and the Today count
        [line] = letter_delivery.logbook(session, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
        assert line.number_text == "01/PXL" and line.delivery == "Tại quầy 10:15 25/11/2026 (Nguyễn Thị Lan)"
        assert letter_delivery.logbook(session, dt.date(2026, 11, 1), dt.date(2026, 11, 30), True) == []
        assert today.summary(session, make_ctx()).letters_undelivered == 0
        assert today.rows(session, make_ctx(), today.LETTERS_UNDELIVERED).rows == []


@pytest.mark.parametrize("via, at, fragment", [
    ("counter", D(2026, 11, 25, 15, 0), "ở tương lai"),
    ("post", D(2026, 11, 24, 16, 0), "trước khi phiếu số 01/PXL được phát hành"),
    ("fax", None, "Cách giao phiếu “fax” không có"),
    ("email", None, "phải gửi thư từ phần mềm"),
])
def test_bad_delivery_is_refused_and_changes_nothing(Session, make_ctx, letter, via, at, fragment):
    before = snapshot(Session)
    with pytest.raises(ValidationError, match=fragment), Session.begin() as session:
        letter_delivery.record(session, make_ctx(), letter.dossier_id, via, at)
    assert snapshot(Session) == before


def test_delivered_once_then_only_corrected_with_a_reason(Session, make_ctx, letter):
    with Session.begin() as session:
        letter_delivery.record(session, make_ctx(), letter.dossier_id, "counter", D(2026, 11, 25, 10, 15))
    before = snapshot(Session)
    with pytest.raises(ValidationError, match="chỉ giao một lần"), Session.begin() as session:
        letter_delivery.record(session, make_ctx(), letter.dossier_id, "post")
    with pytest.raises(ValidationError, match="Chưa nhập lý do sửa"), Session.begin() as session:
        letter_delivery.correct(session, make_ctx(), letter.dossier_id, "post", None, reason=" ")
    assert snapshot(Session) == before
    with Session.begin() as session:
        fixed = letter_delivery.correct(session, make_ctx(), letter.dossier_id, "post", D(2026, 11, 25, 11, 0),
                                        "Vận đơn EA123456789VN", reason="Ghi nhầm cách giao")
    assert fixed.via is DeliveryVia.POST and fixed.at == D(2026, 11, 25, 11, 0)
    with Session() as session:
        event = session.scalar(select(DossierEvent).where(DossierEvent.kind == "delivery_fix"))
        assert event.old_value.startswith("giao tại quầy lúc 10:15 25/11/2026")
        assert event.new_value.startswith("gửi qua bưu chính lúc 11:00 25/11/2026")
        assert "lý do: Ghi nhầm cách giao" in event.note
        # the audit trail keeps the old values of the letter's row
        audited = session.scalars(select(AuditEvent).where(AuditEvent.table_name == "apology_letters")).all()
        assert any("counter" in (a.changes or "") and "post" in (a.changes or "") for a in audited)
        assert session.scalar(select(func.count()).select_from(DossierEvent)
                              .where(DossierEvent.kind == "delivery")) == 1


def test_no_letter_nothing_to_deliver(Session, make_ctx, catalog):
    ctx = make_ctx()
    with Session.begin() as session:
        view = dossiers.receive(session, ctx, NewDossier("P3", "Lê Thị Hoa", received_at=D(2026, 11, 23, 9)))
    with pytest.raises(NotFoundError, match="chưa có phiếu xin lỗi"), Session.begin() as session:
        letter_delivery.record(session, ctx, view.id, "counter")


# --- by e-mail -----------------------------------------------------------------------------------

def configure_smtp(Session, port):
    with Session.begin() as session:
        for key, value in (("smtp_host", "127.0.0.1"), ("smtp_port", port), ("smtp_security", "none"),
                           ("smtp_sender", "motcua@tranbien.gov.vn")):
            save_setting(session, key, value)


class RefusingSMTP(FakeSMTP):
    """A server that answers 550 to the applicant's address."""

    def __init__(self, port):
        super().__init__(port)
        handler = self.controller.handler

        async def handle_RCPT(_server, _session, _envelope, address, _options):
            return "550 5.1.1 <" + address + ">: Recipient address rejected: mailbox unavailable"

        handler.handle_RCPT = handle_RCPT


def test_email_carries_the_issued_pdf_and_records_the_delivery(Session, clock, make_ctx, letter, catalog):
    port = free_port()
    configure_smtp(Session, port)
    with FakeSMTP(port) as server:
        outcome = letter_delivery.send_by_email(Session, clock, catalog["user_id"], letter.dossier_id)
    assert outcome.sent, outcome.item.last_error
    assert outcome.delivery.via is DeliveryVia.EMAIL and outcome.delivery.at == LATER
    [(sender, rcpts, raw)] = server.messages
    assert sender == "motcua@tranbien.gov.vn" and rcpts == ["duc.dang@example.vn"]
    message = email.message_from_bytes(raw, policy=policy.default)
    assert "01/PXL" in message["Subject"] and letter.dossier_code in message["Subject"]
    assert "Kính gửi: Đặng Văn Đức" in message.get_body(("plain",)).get_content()
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename().endswith(".pdf")
    pdf = attachment.get_content()
    assert pdf == letter.pdf                           # byte for byte the letter that was issued
    for text in readings(pdf):
        assert "Số: 01/PXL" in text and letter.dossier_code in text
    with Session() as session:
        row = session.scalar(select(ApologyLetter))
        assert (row.delivered_via, row.delivered_at, row.delivered_by) == ("email", LATER, catalog["user_id"])
        assert row.delivery_note == "Gửi tới duc.dang@example.vn"
        event = session.scalar(select(DossierEvent).where(DossierEvent.kind == "delivery"))
        assert "đã gửi qua thư điện tử tới duc.dang@example.vn" in event.note
        box = session.scalar(select(ReportOutbox))
        assert (box.kind, box.letter_id, box.status) == ("letter", row.id, "sent")
        assert today.summary(session, make_ctx()).letters_undelivered == 0


def test_refused_email_stays_undelivered_with_the_servers_message_then_a_retry_delivers(
        Session, clock, letter, catalog):
    port = free_port()
    configure_smtp(Session, port)
    with RefusingSMTP(port) as server:
        outcome = letter_delivery.send_by_email(Session, clock, catalog["user_id"], letter.dossier_id)
    assert not outcome.sent and server.messages == []
    assert "550 5.1.1 <duc.dang@example.vn>: Recipient address rejected" in outcome.item.last_error
    assert not outcome.delivery.delivered
    assert "550 5.1.1" in outcome.delivery.email_error          # what the tab and `show` say
    with Session() as session:
        assert session.scalar(select(ApologyLetter.delivered_at)) is None
        assert session.scalar(select(ReportOutbox.status)) == "failed"
        assert session.scalar(select(func.count()).select_from(DossierEvent)
                              .where(DossierEvent.kind == "delivery")) == 0
    # the outbox retries it like a report; this time the server takes it, and the letter is delivered
    clock.moment = D(2026, 11, 25, 15, 0)
    with FakeSMTP(port) as server:
        [item] = outbox.retry_pending(Session, clock)
    assert item.status == "sent" and item.dossier_id == letter.dossier_id and len(server.messages) == 1
    with Session() as session:
        delivery = letter_delivery.get_delivery(session, letter.dossier_id)
    assert delivery.via is DeliveryVia.EMAIL and delivery.at == D(2026, 11, 25, 15, 0)


def test_a_letter_delivered_another_way_is_not_mailed_again(Session, clock, make_ctx, letter, catalog):
    port = free_port()
    configure_smtp(Session, port)
    with RefusingSMTP(port):
        letter_delivery.send_by_email(Session, clock, catalog["user_id"], letter.dossier_id)
    with Session.begin() as session:
        letter_delivery.record(session, make_ctx(), letter.dossier_id, "counter")
    with FakeSMTP(port) as server:
        assert outbox.retry_pending(Session, clock) == []
    assert server.messages == []


@pytest.mark.parametrize("address, error, fragment", [
    ("", ValidationError, "chưa có địa chỉ thư điện tử của người nộp"),
    ("duc.dang@", ValidationError, "“duc.dang@” của người nộp hồ sơ"),
])
def test_email_needs_a_good_address(Session, clock, letter, catalog, address, error, fragment):
    configure_smtp(Session, free_port())
    with Session.begin() as session:
        session.execute(update(Dossier).values(applicant_email=address))
    before = snapshot(Session)
    with pytest.raises(error, match=fragment):
        letter_delivery.send_by_email(Session, clock, catalog["user_id"], letter.dossier_id)
    assert snapshot(Session) == before


def test_email_needs_the_smtp_settings(Session, clock, letter, catalog):
    before = snapshot(Session)
    with pytest.raises(ConfigurationError, match="smtp_host"):
        letter_delivery.send_by_email(Session, clock, catalog["user_id"], letter.dossier_id)
    assert snapshot(Session) == before


def test_email_refuses_a_pdf_that_is_not_the_issued_one(Session, clock, letter, catalog):
    configure_smtp(Session, free_port())
    with Session.begin() as session:
        session.execute(update(ApologyLetter).values(pdf_sha256="0" * 64))
    with pytest.raises(ValidationError, match="khác bản đã phát hành"):
        letter_delivery.send_by_email(Session, clock, catalog["user_id"], letter.dossier_id)


def test_letter_email_with_a_fixed_clock_outside_the_fixture(Session, letter, catalog):
    """The officer recorded on an e-mail delivery is the one who sent it, whoever retries it later."""
    port = free_port()
    configure_smtp(Session, port)
    with RefusingSMTP(port):
        letter_delivery.send_by_email(Session, FixedClock(LATER), catalog["user_id"], letter.dossier_id)
    with FakeSMTP(port):
        outbox.retry_pending(Session, FixedClock(LATER))
    with Session() as session:
        assert session.scalar(select(ApologyLetter.delivered_by)) == catalog["user_id"]


def test_the_days_workbook_says_how_each_letter_was_delivered(Session, make_ctx, letter):
    import io

    import openpyxl

    from app.reports.daily import daily_report

    with Session.begin() as session:
        letter_delivery.record(session, make_ctx(), letter.dossier_id, "sms", D(2026, 11, 25, 10, 15))
    with Session() as session:
        report = daily_report(session, make_ctx())
    sheet = openpyxl.load_workbook(io.BytesIO(report.workbook.content))["Phiếu xin lỗi hôm nay"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = next(row for row in rows if "Số phiếu" in row)
    line = next(row for row in rows if "01/PXL" in row)
    assert line[header.index("Giao cho người nộp")] == "Tin nhắn 10:15 25/11/2026"

"""Recording the letter's delivery from the dossier form's letter tab, and the Today count, as an officer would."""

import datetime as dt
import os

import pytest
from sqlalchemy import select

from app import dossiers, letters
from app.dossiers import NewDossier
from app.letter_delivery import DeliveryVia
from app.settings import save_setting
from db.models import ApologyLetter, DossierEvent
from tests.app.test_letter_delivery import RefusingSMTP
from tests.app.test_outbox import FakeSMTP, free_port
from ui.desk import Desk
from ui.letters.tab import LetterTab

D = dt.datetime
SHOTS = os.environ.get("MOTCUA_SCREENSHOTS")


def shot(widget, name):
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, f"{name}.png"))


@pytest.fixture
def desk(Session, clock, catalog):
    return Desk(Session, clock, catalog["user_id"])


@pytest.fixture
def issued(Session, make_ctx, clock):
    ctx = make_ctx()
    with Session.begin() as session:
        view = dossiers.receive(session, ctx, NewDossier("P3", "Đặng Văn Đức", applicant_id_number="079203001234",
                                                         applicant_email="duc.dang@example.vn",
                                                         received_at=D(2026, 11, 23, 9)))
        letters.issue(session, ctx, letters.LetterRequest(view.id, "Cần xác minh thực địa", dt.date(2026, 12, 2)))
    clock.moment = D(2026, 11, 25, 14, 30)
    with Session() as session:
        return dossiers.get(session, view.id)


def open_tab(qtbot, desk, view):
    tab = LetterTab(desk)
    qtbot.addWidget(tab)
    tab.show()
    tab.load(view)
    qtbot.waitUntil(lambda: tab.delivery.isVisible() and tab.delivery.button.isEnabled(), timeout=5000)
    return tab


def choose(dialog, via: DeliveryVia):
    dialog.via.setCurrentIndex(dialog.via.findData(via.value))


def test_delivery_recorded_from_the_letter_tab(qtbot, desk, Session, issued, catalog):
    tab = open_tab(qtbot, desk, issued)
    assert "Chưa giao cho người nộp" in tab.delivery.status.text()
    assert tab.delivery.button.text() == "Ghi nhận đã giao phiếu…"
    tab.delivery.button.click()
    dialog = tab.delivery.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    choose(dialog, DeliveryVia.POST)
    assert dialog.ok.text() == "Ghi nhận" and dialog.when.isEnabled()
    dialog.when.setDateTime(dialog.when.dateTime().addSecs(-3 * 3600))   # 11:30
    qtbot.keyClicks(dialog.note, "EA123456789VN")
    shot(dialog, "delivery-dialog")
    with qtbot.waitSignal(dialog.updated, timeout=10000) as updated:
        dialog.ok.click()
    delivery = updated.args[0]
    assert delivery.via is DeliveryVia.POST and delivery.at == D(2026, 11, 25, 11, 30)
    with Session() as session:
        letter = session.scalar(select(ApologyLetter))
        assert (letter.delivered_via, letter.delivered_at, letter.delivered_by, letter.delivery_note) == \
            ("post", D(2026, 11, 25, 11, 30), catalog["user_id"], "EA123456789VN")
        assert session.scalar(select(DossierEvent.new_value).where(DossierEvent.kind == "delivery")) == "Bưu chính"
    qtbot.waitUntil(lambda: "Đã giao" in tab.delivery.status.text(), timeout=5000)
    assert "Bưu chính, 11:30 25/11/2026 (Nguyễn Thị Lan) — EA123456789VN" in tab.delivery.status.text()
    assert tab.delivery.button.text() == "Sửa thông tin giao phiếu…"
    shot(tab, "letter-tab-delivered")


def test_a_future_time_is_refused_in_the_dialog(qtbot, desk, Session, issued):
    tab = open_tab(qtbot, desk, issued)
    dialog = tab.delivery.open_dialog()
    choose(dialog, DeliveryVia.COUNTER)
    # the picker stops at "now"; a stale dialog left open past a clock change still meets the core's check
    desk.clock.moment = D(2026, 11, 25, 10, 0)
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=5000)
    assert "ở tương lai" in dialog.error.text() and dialog.ok.isEnabled()
    with Session() as session:
        assert session.scalar(select(ApologyLetter.delivered_at)) is None


def configure_smtp(Session, port):
    with Session.begin() as session:
        for key, value in (("smtp_host", "127.0.0.1"), ("smtp_port", port), ("smtp_security", "none"),
                           ("smtp_sender", "motcua@tranbien.gov.vn")):
            save_setting(session, key, value)


def test_letter_sent_by_email_from_the_tab(qtbot, desk, Session, issued):
    port = free_port()
    configure_smtp(Session, port)
    tab = open_tab(qtbot, desk, issued)
    dialog = tab.delivery.open_dialog()
    choose(dialog, DeliveryVia.EMAIL)
    assert dialog.ok.text() == "Gửi thư" and not dialog.when.isEnabled()
    assert "duc.dang@example.vn" in dialog.email_info.text()
    shot(dialog, "delivery-dialog-email")
    with RefusingSMTP(port):
        with qtbot.waitSignal(dialog.updated, timeout=15000) as updated:
            dialog.ok.click()
    assert not updated.args[0].delivered
    assert "550 5.1.1" in dialog.error.text() and dialog.isVisible()
    qtbot.waitUntil(lambda: "Gửi thư lỗi" in tab.delivery.status.text(), timeout=5000)
    shot(dialog, "delivery-dialog-refused")
    with FakeSMTP(port) as server:
        with qtbot.waitSignal(dialog.updated, timeout=15000) as updated:
            dialog.ok.click()
    assert updated.args[0].via is DeliveryVia.EMAIL and len(server.messages) == 1
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    with Session() as session:
        assert session.scalar(select(ApologyLetter.delivered_via)) == "email"


def test_today_counts_letters_not_yet_delivered(qtbot, desk, Session, issued):
    from app import today
    from ui.alerts import AlertMonitor
    from ui.pages.today import TodayPage

    page = TodayPage(desk)
    qtbot.addWidget(page)
    monitor = AlertMonitor(desk, page)  # the one computer of the Today summary, wired as the window wires it
    monitor.summarised.connect(page.show_summary)
    page.summary_wanted.connect(monitor.want_summary)
    page.show()
    page.refresh()
    card = page.cards[today.LETTERS_UNDELIVERED]
    qtbot.waitUntil(lambda: card.text() == "1\nPhiếu xin lỗi chưa giao", timeout=5000)
    card.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5000)
    assert page.table.item(0, 1).text() == issued.code
    shot(page, "today-undelivered")
    tab = open_tab(qtbot, desk, issued)
    dialog = tab.delivery.open_dialog()
    choose(dialog, DeliveryVia.COUNTER)
    desk.changed.connect(lambda changes: page.refresh() if page.touches(changes) else None)
    with qtbot.waitSignal(dialog.updated, timeout=10000):
        dialog.ok.click()
    qtbot.waitUntil(lambda: card.text() == "0\nPhiếu xin lỗi chưa giao", timeout=5000)
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=5000)

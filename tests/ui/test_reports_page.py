"""The Reports page and the end-of-day reminder, driven as an officer would."""

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import Qt

from app import dossiers
from app.dossiers import NewDossier
from app.reports import outbox
from app.settings import save_setting


@pytest.fixture
def register(Session, make_ctx, clock):
    ctx = make_ctx()
    with Session.begin() as session:
        for i, (proc, channel) in enumerate((("P3", "online"), ("P3", "in_person"), ("D10", "online"),
                                             ("P0", "postal"))):
            dossiers.receive(session, ctx, NewDossier(proc, f"Nguyễn Văn Ả {i}", channel=channel,
                                                      received_at=dt.datetime(2026, 11, 24, 9, i)))
    return clock


def open_window(qtbot, Session, clock):
    from ui.application import build_window

    desk, window = build_window(Session, clock, "lan.nt")
    qtbot.addWidget(window)
    window.show()
    return desk, window


def test_reports_page_shows_rates_against_targets(qtbot, Session, register, tmp_path):
    desk, window = open_window(qtbot, Session, register)
    window.resize(1400, 1000)
    window.show_page("reports")
    page = window.pages["reports"]
    qtbot.waitUntil(lambda: page.view is not None, timeout=10000)
    online = page.cards[2]
    assert online.name.text() == "Hồ sơ nộp trực tuyến"
    assert online.value.text() == "50,0 %"
    assert "2/4" in online.detail.text() and "mục tiêu 50 %" in online.detail.text() and "✓ Đạt" in online.detail.text()
    assert page.table.rowCount() == 3  # two units and the total
    assert page.table.item(2, 0).text() == "Tổng cộng" and page.table.item(2, 1).text() == "4"
    assert page.unit_chart.series()[0].count() == 3  # online, in person/post, carried over
    # The count axis at round steps (issue 18.7): 0, 1, 2, 3 for a largest bar of 3, never 0/0.8/1.6…
    [axis] = [a for a in page.unit_chart.axes() if a.orientation() == Qt.Vertical]
    assert (axis.min(), axis.max(), axis.tickCount()) == (0, 3, 4)
    assert "01/11/2026" in page.status.text()
    window.grab().save(str(tmp_path / "reports.png"))
    page.grab().save(str(tmp_path / "reports_page.png"))


def test_period_picker_presets(qtbot, Session, register):
    desk, window = open_window(qtbot, Session, register)
    window.show_page("reports")
    page = window.pages["reports"]
    page.preset.setCurrentIndex(3)  # Năm nay
    assert page.period().start == dt.date(2026, 1, 1) and page.period().end == dt.date(2026, 11, 25)
    page.preset.setCurrentIndex(1)  # Tuần này
    assert page.period().start == dt.date(2026, 11, 23)


def test_end_of_day_button_writes_the_workbook_and_the_outbox(qtbot, Session, register, tmp_path):
    folder = tmp_path / "nhan-bao-cao"
    folder.mkdir()   # the setting refuses a folder that does not exist
    with Session.begin() as session:
        save_setting(session, "report_folder", str(folder))
    desk, window = open_window(qtbot, Session, register)
    window.show_page("reports")
    page = window.pages["reports"]
    page.daily_button.click()
    qtbot.waitUntil(lambda: getattr(page, "last_delivery", None) is not None, timeout=15000)
    assert page.last_delivery.status == "sent"
    [written] = list(folder.iterdir())
    assert written.name == "bao-cao-cuoi-ngay-bo-phan-mot-cua-phuong-tran-bien-2026-11-25.xlsx"
    book = openpyxl.load_workbook(written)
    assert book["Tổng hợp ngày"]["A1"].value == "BÁO CÁO CUỐI NGÀY 25/11/2026 — KẾT QUẢ TRONG NGÀY"
    # Saved into a folder, not sent: said as it happened (issue 18.7).
    assert page.status.text() == f"Đã lưu báo cáo cuối ngày 25/11/2026 vào thư mục {folder}"
    page.open_outbox()
    dialog = page.outbox_dialog
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    assert dialog.table.item(0, 4).text() == "Đã gửi"
    copy = tmp_path / "ban-sao.xlsx"
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.save_copy(str(copy))
    assert saved.args == [str(copy)]
    assert copy.read_bytes() == written.read_bytes()
    dialog.grab().save(str(tmp_path / "outbox.png"))


def test_reminder_after_1630_until_the_report_is_sent(qtbot, Session, register, tmp_path, monkeypatch):
    register.moment = dt.datetime(2026, 11, 25, 16, 40)
    desk, window = open_window(qtbot, Session, register)
    reminder = window.report_reminder
    qtbot.waitUntil(lambda: "Chưa gửi báo cáo cuối ngày" in window.statusBar().currentMessage(), timeout=5000)
    assert "nhắc lúc 16:30" in window.statusBar().currentMessage()
    assert reminder.box is not None and reminder.box.isVisible()
    assert reminder.box.windowTitle() == "Nhắc gửi báo cáo cuối ngày"
    reminder.box.close()
    # once a day: a second check does not pop up again
    first_box = reminder.box
    with qtbot.waitSignal(reminder.checked, timeout=5000) as checked:
        reminder.check()
    assert checked.args == [True]            # still due…
    assert reminder.box is first_box         # …but not shown a second time the same day
    # the report goes out: the reminder clears
    with Session.begin() as session:
        outbox_id = outbox.queue(session, kind="daily", report_date=dt.date(2026, 11, 25), file_name="x.xlsx",
                                 content=b"x", now=register.now(), folder=str(tmp_path))
    outbox.deliver(Session, register, outbox_id)
    with qtbot.waitSignal(reminder.checked, timeout=5000) as checked:
        reminder.check()
    assert checked.args == [False]
    assert window.statusBar().currentMessage() == ""


def test_no_reminder_before_the_time_or_on_a_day_off(qtbot, Session, register):
    for moment in (dt.datetime(2026, 11, 25, 16, 10), dt.datetime(2026, 11, 29, 17, 0)):
        register.moment = moment
        desk, window = open_window(qtbot, Session, register)
        # the window's first check has answered (it runs in the background as the window opens)
        qtbot.waitUntil(lambda window=window: window.report_reminder.last_due is not None, timeout=5000)
        assert window.report_reminder.last_due is False
        assert window.report_reminder.box is None
        assert "báo cáo" not in window.statusBar().currentMessage()  # (alerts may speak there; the reminder not)

"""A new office sets itself up in Công cụ › Cài đặt…, and the first run has no traps."""

import datetime as dt
import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from sqlalchemy import select

from app import accounts, secrets
from app.catalog import ensure_unit, get_office
from app.clock import FixedClock
from app.issuer import issuer_for_unit
from app.reports.outbox import SMTP_SECRET
from app.settings import Settings, load_settings
from app.units import find_unit
from db.models import Setting, Unit
from tests.support.typing import type_text

PASSWORD = "Mật-khẩu-dài-1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class FakeSMTP:
    def __init__(self, port):
        from aiosmtpd.controller import Controller

        self.messages = []
        server = self

        class Handler:
            async def handle_DATA(self, _server, session, envelope):
                server.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
                return "250 OK"
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()


@pytest.fixture
def admin(Session, clock):
    with Session.begin() as session:
        return accounts.create_first_admin(session, clock, "quantri", "Nguyễn Văn Quản", PASSWORD).id


def open_window(qtbot, Session, clock, user_id):
    from ui.application import build_window

    desk, window = build_window(Session, clock, user_id=user_id)
    qtbot.addWidget(window)
    return desk, window


def open_dialog(qtbot, window):
    window.settings_action.trigger()
    dialog = window.settings_dialog
    qtbot.waitUntil(lambda: getattr(dialog, "snapshot", None) is not None, timeout=10000)
    return dialog


def retype(widget, text):
    widget.clear()
    type_text(widget, text)


def save(qtbot, dialog):
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10000)


def test_a_new_office_sets_itself_up_in_the_settings_window(qtbot, Session, clock, admin, tmp_path, monkeypatch):
    with Session.begin() as session:   # an imported duplicate, to be merged
        duplicate = ensure_unit(session, "TP-NHAP", "Phong Tu phap Ho tich (tep nhap)")
    desk, window = open_window(qtbot, Session, clock, admin)
    assert window.windowTitle() == "MotCua Desk"
    dialog = open_dialog(qtbot, window)

    # Cơ quan: a malformed e-mail is refused as it is typed, and on Save nothing is written.
    office = dialog.show_page("office")
    type_text(office.fields["name"].editor, "Trung tâm Phục vụ hành chính công phường Trần Biên")
    type_text(office.fields["parent_agency"].editor, "UBND phường Trần Biên")
    type_text(office.fields["head_title"].editor, "GIÁM ĐỐC")
    type_text(office.fields["head_name"].editor, "Nguyễn Thị Thu Hương")
    type_text(office.fields["email"].editor, "motcua@tranbien")
    assert office.fields["email"].error.isVisibleTo(office)
    assert "“motcua@tranbien” không hợp lệ" in office.fields["email"].error.text()
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.status.text().startswith("Chưa lưu: Địa chỉ thư điện tử")
    with Session() as session:
        assert get_office(session).name == ""
    type_text(office.fields["email"].editor, ".gov.vn")
    assert not office.fields["email"].error.isVisibleTo(office)

    # Báo cáo cuối ngày: the folder picker, SMTP, a test message through a local server, the password.
    folder = tmp_path / "o mang" / "bao cao"
    folder.mkdir(parents=True)
    picked = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda parent, title, start: picked.append(start) or str(folder))
    report = dialog.show_page("report")
    qtbot.mouseClick(report.findChild(type(dialog.save_button), "chooseFolder"), Qt.LeftButton)
    assert report.fields["report_folder"].value() == str(folder) and picked
    port = free_port()
    type_text(report.fields["smtp_host"].editor, "127.0.0.1")
    report.fields["smtp_port"].editor.setValue(port)
    assert report.fields["smtp_port"].editor.maximum() == 65535
    report.fields["smtp_security"].editor.setCurrentIndex(report.fields["smtp_security"].editor.findData("none"))
    type_text(report.fields["smtp_sender"].editor, "motcua@tranbien.gov.vn")
    type_text(report.fields["smtp_recipient"].editor, "vp@dongnai.gov.vn")
    with FakeSMTP(port) as server:
        with qtbot.waitSignal(report.test_finished, timeout=20000) as sent:
            qtbot.mouseClick(report.test_button, Qt.LeftButton)
    assert sent.args == [True]
    assert report.answer.text().startswith(f"Máy chủ 127.0.0.1:{port} đã nhận thư thử gửi vp@dongnai.gov.vn.")
    assert "Máy chủ trả lời: “250" in report.answer.text()
    assert server.messages[0][:2] == ("motcua@tranbien.gov.vn", ["vp@dongnai.gov.vn"])
    qtbot.keyClicks(report.password, "mat-khau-thu-di")

    save(qtbot, dialog)
    assert dialog.status.text().startswith("Đã lưu")
    qtbot.waitUntil(lambda: window.windowTitle().endswith("Trung tâm Phục vụ hành chính công phường Trần Biên"),
                    timeout=10000)
    assert secrets.fetch(SMTP_SECRET) == "mat-khau-thu-di"
    assert report.password.text() == "" and "Đã lưu" in report.password.placeholderText()
    with Session() as session:
        settings = load_settings(session)
        assert (settings.report_folder, settings.smtp_port, settings.smtp_security, settings.smtp_recipient) == \
            (str(folder), port, "none", "vp@dongnai.gov.vn")
        assert get_office(session).email == "motcua@tranbien.gov.vn"
        assert "mat-khau-thu-di" not in str(session.execute(select(Setting.value)).all())

    # Đơn vị giải quyết: two units with different signers, and the duplicate merged.
    units = dialog.show_page("units")
    for name, title, signer, symbol in (("Phòng Tư pháp - Hộ tịch", "TRƯỞNG PHÒNG", "Trần Văn Bình", "TP"),
                                        ("UBND xã Phú Hòa", "CHỦ TỊCH", "Lê Văn Tâm", "")):
        qtbot.mouseClick(units.buttons["add"], Qt.LeftButton)
        editor = units.unit_dialog
        for key, value in (("name", name), ("full_name", name.upper()), ("parent_agency", "UBND phường Trần Biên"),
                           ("head_title", title), ("head_name", signer), ("letter_symbol", symbol)):
            type_text(editor.fields[key].editor, value)
        with qtbot.waitSignal(dialog.loaded, timeout=15000):
            editor._accept()
    assert "Đã thêm đơn vị “UBND xã Phú Hòa”" in dialog.status.text()
    units.select("Phong Tu phap Ho tich (tep nhap)")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Phòng Tư pháp - Hộ tịch", True))
    with qtbot.waitSignal(dialog.loaded, timeout=15000):
        qtbot.mouseClick(units.buttons["merge"], Qt.LeftButton)
    with Session() as session:
        tp, phu_hoa = find_unit(session, "phong tu phap - ho tich"), find_unit(session, "Ủy ban nhân dân xã Phú Hòa")
        assert (issuer_for_unit(session, tp).head_name, issuer_for_unit(session, tp).symbol) == ("Trần Văn Bình", "TP")
        assert issuer_for_unit(session, phu_hoa).head_title == "CHỦ TỊCH"
        assert session.get(Unit, duplicate).merged_into_id == tp
    assert any(row.merged_into == "Phòng Tư pháp - Hộ tịch" for row in units.units)

    # Each change is in Nhật ký thay đổi.
    dialog.close()
    window.show_page("history")
    history = window.pages["history"]
    history.refresh()
    qtbot.waitUntil(lambda: any(r.what == "Thiết lập Mật khẩu SMTP" for r in history.rows), timeout=10000)
    seen = {(r.what, r.changes) for r in history.rows}
    assert ("Thiết lập Cổng SMTP", f"Giá trị: 587 → {port}") in seen
    assert ("Thiết lập Bảo mật SMTP: starttls, ssl hoặc none", "Giá trị: starttls → none") in seen
    assert ("Thiết lập Mật khẩu SMTP", "Giá trị: đã đặt mới") in seen
    assert any(w == "Thiết lập Thư mục nhận báo cáo (ví dụ ổ mạng dùng chung)" and c.startswith("Giá trị: (trống) → /") for w, c in seen)
    assert any(w.startswith("Thông tin cơ quan") and "Tên cơ quan: Trung tâm Phục vụ hành chính công phường Trần Biên" in c
               for w, c in seen)
    assert any(w == "Đơn vị UBND xã Phú Hòa" and "Thủ trưởng: Lê Văn Tâm" in c for w, c in seen)
    assert ("Đơn vị Phong Tu phap Ho tich (tep nhap)", "Đang dùng: Có → Không; Gộp vào đơn vị: Phòng Tư pháp - Hộ tịch") in seen
    assert {r.user for r in history.rows if r.what.startswith(("Thiết lập", "Đơn vị P", "Đơn vị U", "Thông tin"))
            and r.action != "Thêm" or "Phú Hòa" in r.what} == {"Nguyễn Văn Quản"}


def test_bad_values_are_refused_under_the_field_and_change_nothing(qtbot, Session, clock, admin, catalog):
    desk, window = open_window(qtbot, Session, clock, admin)
    dialog = open_dialog(qtbot, window)
    calendar = dialog.show_page("calendar")
    retype(calendar.fields["cutoff"].editor, "25:00")
    assert "Giờ không hợp lệ" in calendar.fields["cutoff"].error.text()
    report = dialog.show_page("report")
    retype(report.fields["report_folder"].editor, "/khong/co/thu-muc")
    type_text(report.fields["smtp_recipient"].editor, "vp@dongnai.gov.vn, sai")
    assert "“sai” không hợp lệ" in report.fields["smtp_recipient"].error.text()
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.stack.currentIndex() == list(dialog.pages).index("calendar")
    assert "Giờ không hợp lệ" in dialog.status.text()
    retype(calendar.fields["cutoff"].editor, "16:00")
    report.fields["smtp_recipient"].editor.clear()
    # The folder is judged on the machine only when saving: refused in one line, nothing written.
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: "không tồn tại" in dialog.status.text(), timeout=10000)
    box = dialog.findChild(QMessageBox, "errorBox")
    assert box is not None and box.text() == dialog.status.text()
    assert dialog.status.text() == "Thiết lập “Thư mục nhận báo cáo (ví dụ ổ mạng dùng chung)”: " \
                                   "Thư mục “/khong/co/thu-muc” không tồn tại (hoặc ổ mạng chưa được kết nối)."
    with Session() as session:
        assert load_settings(session) == Settings()


def test_an_officer_sees_the_settings_but_cannot_save(qtbot, Session, clock, catalog):
    desk, window = open_window(qtbot, Session, clock, catalog["user_id"])
    dialog = open_dialog(qtbot, window)
    assert not dialog.save_button.isEnabled() and "Chỉ quản trị viên" in dialog.status.text()
    assert not dialog.pages["units"].buttons["merge"].isEnabled()


def test_first_run_has_no_traps_and_the_title_follows_the_office(qtbot, Session, admin):
    from ui.first_run import offer_setup

    clock = FixedClock(dt.datetime(2026, 11, 25, 16, 45))   # a working day, after the 16:30 reminder
    desk, window = open_window(qtbot, Session, clock, admin)
    window.show()
    offer_setup(window, desk)
    qtbot.waitUntil(lambda: getattr(window, "first_run_dialog", None) is not None, timeout=10000)
    first_run = window.first_run_dialog
    reminder = window.report_reminder
    answers = []
    shown = reminder._result
    reminder._result = lambda result: (answers.append(result), shown(result))

    def check() -> tuple:
        count = len(answers)
        reminder.check()
        qtbot.waitUntil(lambda: len(answers) > count, timeout=10000)
        return answers[-1]
    assert check()[1] is False and reminder.box is None     # no office yet: the reminder waits
    type_text(first_run.edits["name"], "Bộ phận Một cửa phường Trần Biên")
    first_run.submit()
    qtbot.waitUntil(lambda: not first_run.isVisible(), timeout=15000)
    qtbot.waitUntil(lambda: window.windowTitle() == "MotCua Desk — Bộ phận Một cửa phường Trần Biên", timeout=10000)
    # The office exists now; still, never over another dialog.
    dialog = open_dialog(qtbot, window)
    assert check()[1] is True and reminder.box is None      # due, but not over a dialog
    dialog.close()
    check()
    assert reminder.box is not None
    assert "Chưa gửi báo cáo cuối ngày 25/11/2026" in reminder.box.text()
    reminder.box.close()
    # Renamed in the settings window: the title follows at once.
    dialog = open_dialog(qtbot, window)
    office = dialog.show_page("office")
    retype(office.fields["name"].editor, "Trung tâm Phục vụ hành chính công")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: window.windowTitle() == "MotCua Desk — Trung tâm Phục vụ hành chính công", timeout=10000)


def test_the_demo_window_opens_at_the_desks_fixed_moment():
    """A desk started with --now opens its sample register at that same moment (the sample dossiers
    are generated around "now"); a desk on the real clock opens it on the real clock."""
    import datetime as dt
    import subprocess
    import sys

    from app.clock import FixedClock, SystemClock
    from ui.first_run import demo_command

    program, arguments = demo_command(FixedClock(dt.datetime(2026, 11, 25, 9, 0)))
    assert arguments[-3:] == ["--now", "2026-11-25 09:00", "--demo"]
    assert "--now" not in demo_command(SystemClock())[1]
    # what it asks for is a command line the program takes
    parsed = subprocess.run([program, *arguments[:-1], "--version"], capture_output=True, encoding="utf-8",
                            timeout=60)
    assert parsed.returncode == 0 and program == sys.executable, parsed.stderr

"""Login, permissions, history, backup and restore as an officer meets them in the window."""

import datetime as dt
import os

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy import select

from app import accounts, dossiers
from app.context import load_context
from app.dossiers import NewDossier
from db import backup
from db.database import RegisterDamaged, open_register
from db.engine import sqlite_file
from db.models import CalendarOverride

PASSWORD = "Mật-khẩu-dài-1"


@pytest.fixture
def people(Session, clock, catalog):
    with Session.begin() as session:
        admin = accounts.create_first_admin(session, clock, "quantri", "Nguyễn Văn Quản", PASSWORD)
        ctx = load_context(session, clock, admin.id)
        officer = accounts.create_user(session, ctx, "binh.tv", "Trần Văn Bình", "officer", PASSWORD)
    return {"admin": admin.id, "officer": officer.id}


def type_text(widget, text):
    """qtbot.keyClicks aborts on non-ASCII; setText is what typing ends in."""
    widget.setText(text)


def test_first_run_asks_for_the_administrator(qtbot, Session, clock, catalog):
    from ui.login import FirstAdminDialog

    dialog = FirstAdminDialog(Session, clock)
    qtbot.addWidget(dialog)
    type_text(dialog.full_name, "Nguyễn Văn Quản")
    type_text(dialog.password, PASSWORD)
    type_text(dialog.repeat, "khác-hẳn-1")
    dialog._submit()
    assert dialog.error.isVisibleTo(dialog) and "không giống nhau" in dialog.error.text()
    assert dialog.result() != QDialog.Accepted
    type_text(dialog.repeat, PASSWORD)
    dialog._submit()
    assert dialog.result() == QDialog.Accepted
    with Session() as session:
        assert not accounts.needs_first_admin(session)
        assert accounts.get_user(session, dialog.user_id).username == "quantri"


def test_login_refuses_a_wrong_password_then_lets_the_officer_in(qtbot, Session, clock, people):
    from ui.login import LoginDialog

    dialog = LoginDialog(Session, clock, "binh.tv", "Bộ phận Một cửa phường Trần Biên")
    qtbot.addWidget(dialog)
    type_text(dialog.password, "sai-mat-khau")
    dialog._submit()
    assert "không đúng" in dialog.error.text() and dialog.password.text() == ""
    assert dialog.result() != QDialog.Accepted
    type_text(dialog.password, PASSWORD)
    dialog._submit()
    assert dialog.result() == QDialog.Accepted and dialog.user_id == people["officer"]


def test_an_officer_sees_no_admin_actions_and_app_refuses_them_anyway(qtbot, Session, clock, people, monkeypatch):
    from ui import admin_hooks
    from ui.application import build_window

    desk, window = build_window(Session, clock, user_id=people["officer"])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: _user_shown(window), timeout=5000)  # the role is read on the database lane
    assert not window.admin_actions["users"].isVisible()
    assert not window.admin_actions["restore"].isVisible()
    assert admin_hooks.restore_from(window, desk, chosen="x.sqlite3", confirm=False) is False
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and "không có quyền khôi phục" in box.text()


def test_history_page_filters_by_dossier_and_user(qtbot, Session, clock, people):
    from ui.application import build_window

    with Session() as session:
        ctx = load_context(session, clock, people["officer"])
    with Session.begin() as session:
        first = dossiers.receive(session, ctx, NewDossier("P3", "Lê Thị Hồng", received_at=clock.now()))
        dossiers.receive(session, ctx, NewDossier("P3", "Phạm Văn Đông", received_at=clock.now()))
    desk, window = build_window(Session, clock, user_id=people["admin"])
    qtbot.addWidget(window)
    window.show()
    window.show_page("history")
    page = window.pages["history"]
    qtbot.waitUntil(lambda: page.table.rowCount() > 0 and page.user.count() > 1, timeout=5000)
    page.code.setText(first.code)
    page.refresh()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5000)
    assert page.table.item(0, 2).text() == "Trần Văn Bình"
    assert "Lê Thị Hồng" in page.table.item(0, 5).text()
    page.code.clear()
    page.user.setCurrentIndex(page.user.findData(people["admin"]))
    page.refresh()
    qtbot.waitUntil(lambda: all(page.table.item(r, 2).text() == "Nguyễn Văn Quản"
                                for r in range(page.table.rowCount())) and page.table.rowCount() > 0, timeout=5000)
    page.verify()
    qtbot.waitUntil(lambda: "Nguyên vẹn" in page.status.text(), timeout=5000)


def test_restore_from_the_window_backs_up_first_and_brings_the_old_state_back(qtbot, Session, clock, people,
                                                                              monkeypatch):
    from ui import admin_hooks
    from ui.application import build_window

    path = sqlite_file(Session.kw["bind"])
    good = backup.make_backup(path, clock.now())
    with Session() as session:
        ctx = load_context(session, clock, people["admin"])
    from app import administration

    with Session.begin() as session:
        administration.set_calendar_day(session, ctx, dt.date(2026, 12, 24), False, "Nghỉ sau khi sao lưu")
    desk, window = build_window(Session, clock, user_id=people["admin"])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: _user_shown(window), timeout=5000)  # the role is read on the database lane
    assert window.admin_actions["restore"].isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    assert admin_hooks.restore_from(window, desk, chosen=str(good.path))
    qtbot.waitUntil(lambda: bool(told), timeout=10000)
    assert "Đã khôi phục sổ hồ sơ" in told[0]
    with Session() as session:
        assert session.scalar(select(CalendarOverride).where(CalendarOverride.day == dt.date(2026, 12, 24))) is None
    kinds = {b.kind for b in backup.list_backups(path)}
    assert backup.BEFORE_RESTORE in kinds


def test_a_damaged_register_at_start_is_restored_when_the_officer_agrees(qtbot, tmp_path, Session, clock, people,
                                                                         monkeypatch):
    from ui.recovery import offer_restore

    engine = Session.kw["bind"]
    path = sqlite_file(engine)
    good = backup.make_backup(path, clock.now())
    engine.dispose()
    size = os.path.getsize(path)
    with open(path, "r+b") as f:
        for offset in range(8192, size, 4096 * 3):
            f.seek(offset + 64)
            f.write(b"\x00\xff" * 400)
    with pytest.raises(RegisterDamaged) as raised:
        open_register(f"sqlite:///{path}")
    asked = []

    def click_restore(box):
        asked.append(box.text() + box.informativeText())
        next(b for b in box.buttons() if b.text() == "Khôi phục").click()

    monkeypatch.setattr(QMessageBox, "exec", click_restore)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    assert offer_restore(raised.value, clock)
    assert "bị hỏng" in asked[0] and good.taken_at.strftime("%H:%M %d/%m/%Y") in asked[0]
    Session2 = open_register(f"sqlite:///{path}")
    with Session2() as session:
        assert accounts.authenticate(session, clock, "quantri", PASSWORD).id == people["admin"]


def test_the_status_bar_names_the_logged_in_officer(qtbot, Session, clock, people):
    from PySide6.QtWidgets import QLabel

    from ui.application import build_window

    desk, window = build_window(Session, clock, user_id=people["officer"])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: _user_shown(window), timeout=5000)  # the role is read on the database lane
    assert window.findChild(QLabel, "logged_in_user").text() == "Đăng nhập: Trần Văn Bình (Cán bộ tiếp nhận)"


def test_login_asks_for_the_administrator_first_then_for_a_login(qtbot, Session, clock, catalog, monkeypatch):
    from ui import login as login_module

    shown = []

    def fake_exec(dialog):
        shown.append(type(dialog).__name__)
        if isinstance(dialog, login_module.FirstAdminDialog):
            dialog.password.setText(PASSWORD)
            dialog.repeat.setText(PASSWORD)
        else:
            dialog.password.setText(PASSWORD)
        dialog._submit()
        return dialog.result()

    monkeypatch.setattr(QDialog, "exec", fake_exec)
    first = login_module.login(Session, clock)
    again = login_module.login(Session, clock, "quantri")
    assert shown == ["FirstAdminDialog", "LoginDialog"]
    assert first == again is not None


def test_damage_found_by_the_background_check_offers_the_good_backup(qtbot, Session, clock, people, engine):
    """The window opens on a light check; the full check runs behind it and speaks up when it finds damage."""
    from ui.application import build_window
    from ui.recovery import check_in_background

    path = sqlite_file(engine)
    backup.make_backup(path, clock.now())
    desk, window = build_window(Session, clock, user_id=people["admin"])
    qtbot.addWidget(window)
    original = backup.integrity_problem
    try:
        # SQLite finds a bad page in the live register only; the backup stays sound.
        backup.integrity_problem = lambda p, quick=False: (
            "Tree 4 page 7: btreeInitPage() returns error code 11" if str(p) == str(path) else original(p, quick))
        check_in_background(window, desk)
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, "damagedBox") is not None, timeout=5000)
    finally:
        backup.integrity_problem = original
    box = window.findChild(QMessageBox, "damagedBox")
    assert "bị hỏng" in box.text() and "btreeInitPage" in box.text()
    assert any(b.text().startswith("Khôi phục bản sao lưu") for b in box.buttons())


def test_restore_is_refused_to_an_officer_by_the_domain_itself(Session, clock, people):
    """The permission is checked in app/upkeep, not only by the window hiding its menu item (issue 17)."""
    from app.permissions import PermissionDenied
    from app.upkeep import restore_backup

    path = sqlite_file(Session.kw["bind"])
    good = backup.make_backup(path, clock.now())
    with pytest.raises(PermissionDenied, match="không có quyền khôi phục"):
        restore_backup(Session, clock, people["officer"], good.path)
    assert backup.BEFORE_RESTORE not in {b.kind for b in backup.list_backups(path)}


def test_remove_demo_data_from_the_tools_menu(qtbot, Session, clock, people, monkeypatch):
    """*Công cụ › Xóa dữ liệu mẫu*: the administrator's; the count asked, confirmed, one audited removal."""
    from sqlalchemy import func

    from app import audit as audit_view
    from app.demo import generate
    from db.models import Dossier
    from ui.application import build_window

    with Session.begin() as session:
        ctx = load_context(session, clock, people["admin"])
        dossiers.receive(session, ctx, NewDossier(procedure_code="P3", applicant_name="Hồ Sơ Thật"))
    with Session.begin() as session:
        generate(session, ctx.calendar, clock.now(), 120, seed=9)

    desk, window = build_window(Session, clock, user_id=people["officer"])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: _user_shown(window), timeout=5000)  # the role is read on the database lane
    assert not window.admin_actions["remove_demo"].isVisible()

    desk, window = build_window(Session, clock, user_id=people["admin"])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: _user_shown(window), timeout=5000)  # the role is read on the database lane
    action = window.admin_actions["remove_demo"]
    assert action.isVisible() and action.text() == "Xóa dữ liệu mẫu"
    asked, told = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text: asked.append(text) or QMessageBox.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    with qtbot.waitSignal(desk.changed, timeout=20000):
        action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    assert "Xóa 120 hồ sơ mẫu" in asked[0]
    assert told[0].startswith("Đã xóa 120 hồ sơ mẫu")
    with Session() as session:
        assert session.scalar(select(func.count()).select_from(Dossier)) == 1
        assert audit_view.verify_chain(session).intact
    told.clear()
    action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    assert told == ["Sổ không có dữ liệu mẫu."]


def _user_shown(window) -> bool:
    from PySide6.QtWidgets import QLabel

    return window.findChild(QLabel, "logged_in_user") is not None

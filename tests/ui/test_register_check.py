"""The window and a damaged register: the full check in the background (and on demand, Công cụ ›
Kiểm tra sổ), and damage met by any query later, all end in the same box offering the good backup.

The register lives in a data folder named "Nguyễn Văn A": the background check must find the file
from the URL's database part (a rendered URL percent-encodes it and the check silently never ran).
"""

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from app import accounts, dossiers
from app.catalog import ensure_procedure, ensure_unit, save_office
from app.context import load_context
from app.dossiers import NewDossier
from db import backup, migrate
from db.engine import make_engine, make_sessionmaker
from tests.db.test_damage import damage_table

PASSWORD = "Mật-khẩu-dài-1"


@pytest.fixture
def desk_on_damageable_register(qtbot, tmp_path, clock):
    folder = tmp_path / "Nguyễn Văn A" / "MotCuaDesk"
    folder.mkdir(parents=True)
    path = folder / "register.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    Session = make_sessionmaker(engine)
    with Session.begin() as session:
        save_office(session, name="Bộ phận Một cửa phường Trần Biên", head_name="Nguyễn Thị Thu Hương")
        unit = ensure_unit(session, "TP", "Phòng Tư pháp - Hộ tịch")
        ensure_procedure(session, "P3", "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch", 3, "day",
                                     "full", unit_id=unit)
        admin = accounts.create_first_admin(session, clock, "quantri", "Nguyễn Văn Quản", PASSWORD)
        ctx = load_context(session, clock, admin.id)
        dossier = dossiers.receive(session, ctx, NewDossier("P3", "Nguyễn Văn An"))
    from ui.application import build_window

    desk, window = build_window(Session, clock, user_id=admin.id)
    qtbot.addWidget(window)
    yield desk, window, path, engine, dossier.id
    engine.dispose()


def damaged_box(window):
    box = window.findChild(QMessageBox, "damagedBox")
    return box if box is not None and box.isVisible() else None


def test_the_background_check_finds_damage_in_a_register_under_a_vietnamese_folder(qtbot, clock,
                                                                                  desk_on_damageable_register):
    from ui.recovery import check_in_background

    desk, window, path, engine, _ = desk_on_damageable_register
    assert "%" in engine.url.render_as_string(hide_password=False)   # what used to hide the file
    with engine.begin() as connection:   # a table no query of the window reads: only the full check sees it
        connection.execute(text("CREATE TABLE ghi_chu (noi_dung TEXT)"))
        connection.execute(text("INSERT INTO ghi_chu VALUES ('một dòng')"))
    good = backup.make_backup(path, clock.now())
    engine.dispose()
    damage_table(path, "ghi_chu")
    check_in_background(window, desk)
    qtbot.waitUntil(lambda: damaged_box(window) is not None, timeout=30_000)
    box = damaged_box(window)
    assert "bị hỏng" in box.text() and ("malformed" in box.text() or "btreeInitPage" in box.text())
    assert good.taken_at.strftime("%H:%M %d/%m/%Y") in box.informativeText() and str(good.path) in box.detailedText()
    assert any(b.text().startswith("Khôi phục bản sao lưu") for b in box.buttons())


def test_damage_met_by_a_query_offers_the_restore_and_the_restore_works(qtbot, clock, monkeypatch,
                                                                         desk_on_damageable_register):
    desk, window, path, engine, dossier_id = desk_on_damageable_register
    good = backup.make_backup(path, clock.now() - dt.timedelta(hours=1))
    engine.dispose()
    damage_table(path, "dossiers")
    failed = []
    # A page's own error handler does not swallow the damage: it goes to the one error path.
    desk.read(lambda session, ctx: dossiers.get(session, dossier_id), lambda view: None, parent=window)

    def read_every_dossier(progress):
        with desk.Session() as session:
            return session.execute(text("SELECT * FROM dossiers")).all()

    desk.run(read_every_dossier, None, parent=window, on_error=failed.append)
    qtbot.waitUntil(lambda: damaged_box(window) is not None, timeout=30_000)
    box = damaged_box(window)
    assert "bị hỏng" in box.text() and "malformed" in box.text()
    assert good.taken_at.strftime("%H:%M %d/%m/%Y") in box.informativeText() and str(good.path) in box.detailedText()
    assert len(window.findChildren(QMessageBox, "damagedBox")) == 1   # one box, however many queries fail
    assert failed == []

    told = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: told.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: told.append(text))
    next(b for b in box.buttons() if b.text().startswith("Khôi phục bản sao lưu")).click()
    qtbot.waitUntil(lambda: bool(told), timeout=60_000)
    assert "Đã khôi phục sổ hồ sơ" in told[0]
    with desk.Session() as session:
        assert dossiers.get(session, dossier_id).applicant_name == "Nguyễn Văn An"


def test_check_on_demand_says_the_register_is_sound(qtbot, desk_on_damageable_register):
    _, window, path, _, _ = desk_on_damageable_register
    action = window.check_register_action
    assert action in window.menus["tools"].actions() and action.text() == "Kiểm tra sổ"
    action.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "checkedBox") is not None, timeout=30_000)
    box = window.findChild(QMessageBox, "checkedBox")
    assert box.text().startswith("Sổ hồ sơ nguyên vẹn") and box.informativeText() == str(path)
    window.grab().save(str(path.parent / "check.png"))


def test_check_on_demand_names_dossiers_finished_before_they_were_received(qtbot, desk_on_damageable_register):
    desk, window, path, engine, dossier_id = desk_on_damageable_register
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE dossiers SET status = 10, finished_at = datetime(received_at, '-1 days')")
        code = connection.exec_driver_sql("SELECT code FROM dossiers").scalar()
    window.check_register_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "checkedBox") is not None, timeout=30_000)
    box = window.findChild(QMessageBox, "checkedBox")
    assert box.informativeText() == (f"{path}\n\n1 hồ sơ có ngày có kết quả trước ngày tiếp nhận ({code}): báo cáo "
                                     "theo kỳ có thể đếm lệch những hồ sơ này; hãy kiểm tra và sửa lại ngày.")
    box.grab().save(str(path.parent / "check_inverted.png"))

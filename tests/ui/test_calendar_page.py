"""The *Lịch làm việc* page as an administrator uses it: read the year, add a day, see the impact, apply."""

import datetime as dt

import pytest
from sqlalchemy import select

from app import dossiers
from app.catalog import ensure_user
from app.clock import FixedClock
from app.context import load_context
from app.dossiers import NewDossier
from db.models import CalendarOverride, Dossier

NOW = dt.datetime(2026, 11, 23, 10, 0)  # Mon 23/11/2026


@pytest.fixture
def desk(qtbot, Session, catalog):
    from ui.desk import Desk

    with Session.begin() as session:
        admin = ensure_user(session, "quantri", "Quản trị", role="admin")
    return Desk(Session, FixedClock(NOW), admin)


def rows(page):
    return {page.table.item(r, 0).text(): [page.table.item(r, c).text() for c in range(6)]
            for r in range(page.table.rowCount())}


def test_the_year_lists_each_day_with_its_source_and_flags_an_undecided_tet(qtbot, desk, tmp_path):
    from ui.calendar_page import CalendarDialog

    dialog = CalendarDialog(desk)
    qtbot.addWidget(dialog)
    page = dialog.page
    qtbot.waitUntil(lambda: page.table.rowCount() > 0 and page.office_hours.text() != "", timeout=20000)
    listed = rows(page)
    assert listed["02/01/2026"][2:5] == ["Nghỉ", "Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)", "Quyết định"]
    assert "12729/VPCP-KGVX" in listed["02/01/2026"][5]
    assert listed["10/01/2026"][2] == "Làm việc"
    assert listed["24/11/2026"][4] == "Cơ quan"  # the test office confirmed it (conftest)
    assert not page.notice.isVisibleTo(page)
    page.year.setValue(2027)
    qtbot.waitUntil(lambda: "04/02/2027" in rows(page), timeout=20000)
    assert rows(page)["08/02/2027"][4] == "Dự kiến" and page.notice.isVisibleTo(page)
    dialog.resize(1366, 740)
    dialog.grab().save(str(tmp_path / "calendar.png"))
    # office hours are checked as typed
    page.cutoff.setText("25:00")
    assert not page.save_hours.isEnabled() and "Giờ chốt" in page.hours_error.text()
    page.cutoff.setText("16:00")
    assert page.save_hours.isEnabled()
    page._save_hours()
    qtbot.waitUntil(lambda: "Đã lưu" in page.status.text(), timeout=20000)
    with desk.Session() as session:
        assert load_context(session, desk.clock).settings.cutoff == "16:00"


def test_a_new_day_off_shows_its_impact_before_it_is_applied(qtbot, desk, Session):
    from ui.calendar_page import CalendarPage

    with Session.begin() as session:
        ctx = load_context(session, desk.clock, desk.user_id)
        today = dossiers.receive(session, ctx, NewDossier(procedure_code="P3", applicant_name="Lê Văn Cường",
                                                          received_at=dt.datetime(2026, 11, 23, 9, 0)))
    # Mon 23/11 + 3 working days (24/11 off in this office): Wed 25, Thu 26, Fri 27
    assert today.due_at == dt.datetime(2026, 11, 27, 17, 0)
    page = CalendarPage(desk)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.table.rowCount() > 0, timeout=20000)
    seen = []
    page.ask_impact = lambda impact, title: (seen.append(impact), False)[1]   # first: cancel
    page.day.setDate(page.day.date().fromString("26/11/2026", "dd/MM/yyyy"))
    page.note.setText("Nghỉ theo thông báo của tỉnh")
    page._change("set")
    qtbot.waitUntil(lambda: "Đã hủy" in page.status.text(), timeout=20000)
    assert [d.code for d in seen[0].dossiers] == [today.code] and seen[0].dossiers[0].recompute
    with Session() as session:
        assert session.scalar(select(CalendarOverride).where(CalendarOverride.day == dt.date(2026, 11, 26))) is None
    page.ask_impact = lambda impact, title: True                               # then: apply
    page._change("set")
    qtbot.waitUntil(lambda: "đã tính lại" in page.status.text(), timeout=20000)
    with Session() as session:
        assert session.scalar(select(Dossier.due_at).where(Dossier.id == today.id)) == dt.datetime(2026, 11, 30, 17)
    qtbot.waitUntil(lambda: "26/11/2026" in rows(page), timeout=20000)
    assert rows(page)["26/11/2026"][3:5] == ["Nghỉ theo thông báo của tỉnh", "Cơ quan"]


def test_the_impact_dialog_lists_the_dossiers(qtbot, desk, Session, tmp_path):
    from app import calendar_changes
    from ui.calendar_page import ImpactDialog

    with Session.begin() as session:
        ctx = load_context(session, desk.clock, desk.user_id)
        for name, at in (("Lê Văn Cường", dt.datetime(2026, 11, 23, 9, 0)),
                         ("Phạm Thị Dung", dt.datetime(2026, 11, 20, 9, 0))):
            dossiers.receive(session, ctx, NewDossier(procedure_code="P3", applicant_name=name, received_at=at))
    with Session() as session:
        impact = calendar_changes.preview_day(session, load_context(session, desk.clock, desk.user_id),
                                              dt.date(2026, 11, 26), False, "")
    dialog = ImpactDialog(impact, "Ngày 26/11/2026")
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    texts = [dialog.table.item(r, 4).text() for r in range(2)]
    assert any("in lại giấy tiếp nhận" in t for t in texts) and any("giữ ngày hẹn" in t for t in texts)
    dialog.grab().save(str(tmp_path / "impact.png"))

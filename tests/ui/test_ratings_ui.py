"""Ratings through the window: one keystroke per choice in the return dialog (or skipped), a rating recorded later
from the dossier's "Đánh giá" tab, the satisfaction table on the Reports page, the unhappy list from Today.

Screenshots go to $MOTCUA_SCREENSHOTS when it is set."""

import datetime as dt
import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton
from sqlalchemy import func, select

from app import dossiers, ratings
from app.changes import Changes
from app.dossiers import NewDossier
from app.lifecycle import Status
from db.models import Dossier, DossierEvent, Rating
from tests.app.test_ratings import rated_november  # noqa: F401 - the fixture
from tests.support.typing import type_text
from ui.desk import Desk

D = dt.datetime
SHOTS = os.environ.get("MOTCUA_SCREENSHOTS")


def shot(widget, name):
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, f"{name}.png"))


def settle(qtbot, desk):
    """Let the lane finish what the forms asked for (reloads after a write) before the register goes away."""
    qtbot.waitUntil(lambda: desk.tasks.busy == 0, timeout=10000)
    assert desk.tasks.wait_idle(10000)


@pytest.fixture
def desk(qtbot, Session, clock, catalog):
    desk = Desk(Session, clock, catalog["user_id"])
    yield desk
    settle(qtbot, desk)


@pytest.fixture
def ready(Session, make_ctx, clock):
    """A dossier with its result ready at 08:00 today; the citizen comes for it at 09:00."""
    ctx = make_ctx()
    with Session.begin() as session:
        view = dossiers.receive(session, ctx, NewDossier("P3", "Đặng Văn Đức", applicant_id_number="079203001234",
                                                         received_at=D(2026, 11, 23, 9)))
        dossiers.update_fields(session, ctx, view.id, {"digitized_result": True}, expected_version=None)
        dossiers.change_status(session, ctx, view.id, Status.RESULT_READY, expected_version=None,
                               at=D(2026, 11, 25, 8))
    return view.id


def open_form(qtbot, Session, clock, dossier_id):
    """The dossier's form, opened from the desk's window as an officer opens it."""
    from ui.application import build_window

    desk, window = build_window(Session, clock, "lan.nt")
    qtbot.addWidget(window)
    window.show()
    desk.open_dossier.emit(dossier_id)
    form = window.dossier_windows[dossier_id]
    qtbot.waitUntil(lambda: form.findChild(QPushButton, "action_returned") is not None, timeout=5000)
    return desk, form


def keys(qtbot, dialog, *pressed):
    """Keys as typed in the dialog (its window active: the shortcuts are the window's)."""
    dialog.raise_()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    for key in pressed:
        qtbot.keyClick(dialog.focusWidget() or dialog, key)


def return_with(qtbot, monkeypatch, form, *pressed, note=""):
    """Click "Trả kết quả", press the keys in the dialog as the officer would, accept with Enter."""
    from ui.dossier.action_dialog import ActionDialog

    seen = []

    def fake_exec(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        keys(qtbot, dialog, *pressed)
        if note:
            type_text(dialog.rating.note, note)
        # what the officer saw (plain values: the dialog itself dies with the form)
        seen.append({level: button.isChecked() for level, button in dialog.rating.level_buttons.items()})
        seen.append(dialog.rating.state.text())
        return QDialog.Accepted if dialog.rating.check() else QDialog.Rejected

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    qtbot.mouseClick(form.findChild(QPushButton, "action_returned"), Qt.LeftButton)
    return seen


def stored(Session):
    with Session() as session:
        return session.execute(select(Rating.level, Rating.reasons, Rating.via, Rating.note, Rating.rated_at)).all()


def test_the_return_dialog_takes_the_rating_with_one_keystroke_per_choice(qtbot, monkeypatch, Session, clock, ready):
    desk, form = open_form(qtbot, Session, clock, ready)
    seen = return_with(qtbot, monkeypatch, form, Qt.Key_3, Qt.Key_4, Qt.Key_5, note="Chờ lâu")
    qtbot.waitUntil(lambda: form.page.view.status is Status.RETURNED, timeout=5000)
    checked, state = seen
    assert checked == {ratings.Level.VERY_SATISFIED: False, ratings.Level.SATISFIED: False,
                       ratings.Level.UNSATISFIED: True}
    assert state == "Đã chọn: Không hài lòng"
    assert stored(Session) == [("unsatisfied", "time,attitude", "counter", "Chờ lâu", D(2026, 11, 25, 9))]
    with Session() as session:
        assert session.scalar(select(DossierEvent.new_value).where(DossierEvent.kind == "rating")) == "Không hài lòng"
    # the form's "Đánh giá" tab shows it, with the button to correct it
    from ui.ratings.tab import RatingTab

    tab = form.findChild(RatingTab)
    qtbot.waitUntil(lambda: "Không hài lòng" in tab.text.text(), timeout=5000)
    assert "Thời gian giải quyết; Thái độ phục vụ" in tab.text.text()
    assert tab.record_button.text() == "Sửa đánh giá…"
    settle(qtbot, desk)


def test_the_rating_can_be_skipped(qtbot, monkeypatch, Session, clock, ready):
    desk, form = open_form(qtbot, Session, clock, ready)
    return_with(qtbot, monkeypatch, form, Qt.Key_2, Qt.Key_0)   # chose "Hài lòng", then skipped
    qtbot.waitUntil(lambda: form.page.view.status is Status.RETURNED, timeout=5000)
    assert stored(Session) == []
    settle(qtbot, desk)


def test_unhappy_without_a_reason_keeps_the_dialog_open(qtbot, desk, ready):
    from ui.dossier.action_dialog import ActionDialog

    dialog = ActionDialog("Trả kết quả", Status.RETURNED, D(2026, 11, 25, 9))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    keys(qtbot, dialog, Qt.Key_3, Qt.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.Accepted
    assert "Chọn ít nhất một lý do" in dialog.rating.state.text()
    shot(dialog, "return-dialog-no-reason")
    keys(qtbot, dialog, Qt.Key_8, Qt.Key_4)
    type_text(dialog.rating.note, "Chờ lâu, phải đi lại hai lần")
    assert dialog.rating.value() == {"level": "unsatisfied", "reasons": ["time", "other"],
                                     "note": "Chờ lâu, phải đi lại hai lần"}
    shot(dialog, "return-dialog")
    keys(qtbot, dialog, Qt.Key_0)   # typed in the note: a digit of the note, not a choice
    assert dialog.rating.note.text().endswith("lần0")
    dialog.rating.note.setText("")
    dialog.rating.focus_first()     # out of the text field, the keys choose again
    keys(qtbot, dialog, Qt.Key_0)
    assert dialog.rating.value() is None and not dialog.rating.reason_boxes[ratings.Reason.TIME].isChecked()
    shot(dialog, "return-dialog-skipped")
    keys(qtbot, dialog, Qt.Key_Return)   # skipped: the result is returned without a rating
    assert dialog.result() == QDialog.Accepted and dialog.rating_value() is None


def test_a_rating_given_later_by_phone_is_recorded_from_the_tab(qtbot, monkeypatch, desk, Session, ready, make_ctx,
                                                                clock):
    with Session.begin() as session:
        dossiers.change_status(session, make_ctx(), ready, Status.RETURNED, expected_version=None,
                               at=D(2026, 11, 25, 8, 30))
    clock.moment = D(2026, 11, 26, 10)
    from ui.ratings.dialog import RatingDialog
    from ui.ratings.tab import RatingTab

    tab = RatingTab(desk)
    qtbot.addWidget(tab)
    tab.show()
    with Session() as session:
        tab.load(dossiers.get(session, ready))
    qtbot.waitUntil(lambda: tab.record_button.isEnabled(), timeout=5000)
    assert tab.text.text() == "Người dân chưa đánh giá hồ sơ này."

    def fake_exec(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        keys(qtbot, dialog, Qt.Key_1)
        assert dialog.via.currentData() == "phone"
        return QDialog.Accepted

    monkeypatch.setattr(RatingDialog, "exec", fake_exec)
    tab.record_button.click()
    qtbot.waitUntil(lambda: bool(stored(Session)), timeout=5000)
    assert stored(Session) == [("very_satisfied", "", "phone", "", D(2026, 11, 26, 10))]
    # correcting it: the dialog comes filled in, and asks for the reason
    with Session() as session:
        existing = ratings.get_rating(session, ready)
    dialog = RatingDialog(clock.now(), existing)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.picker.level_buttons[ratings.Level.VERY_SATISFIED].isChecked() and dialog.fix.isVisible()
    shot(dialog, "rating-dialog-correct")


def test_reports_page_shows_satisfaction_with_the_rated_share(qtbot, Session, clock, rated_november):  # noqa: F811
    from ui.application import build_window

    clock.moment = D(2026, 11, 30, 16)
    desk, window = build_window(Session, clock, "lan.nt")
    qtbot.addWidget(window)
    window.resize(1400, 1000)
    window.show()
    window.show_page("reports")
    page = window.pages["reports"]
    qtbot.waitUntil(lambda: page.view is not None, timeout=10000)
    card = next(c for c in page.cards if c.name.text() == "Người dân hài lòng (trong số hồ sơ được đánh giá)")
    assert card.value.text() == "81,3 %"
    assert "13/16 · mục tiêu 90 % ✗ Chưa đạt" in card.detail.text()
    assert "Được đánh giá: 16/25 (64,0 %)" in card.detail.text()
    table = page.satisfaction
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, table.columnCount())]
            for r in range(table.rowCount())}
    assert rows["Tổng cộng"] == ["25", "16", "64,0 %", "", "", "3", "81,3 % ✗", "90 %"]
    assert rows["Đất đai, xây dựng"] == ["10", "8", "80,0 %", "", "", "1", "87,5 % ✓", "85 %"]
    assert rows["Phòng Tư pháp - Hộ tịch"][:3] == ["15", "8", "53,3 %"]
    page.grouping.setCurrentIndex(page.grouping.findData("field"))
    qtbot.waitUntil(lambda: page.view.rates.grouping == "field", timeout=10000)
    qtbot.waitUntil(lambda: any(table.item(r, 0).text() == "Đất đai" for r in range(table.rowCount())),
                    timeout=5000)
    by_field = {table.item(r, 0).text(): table.item(r, 8).text() for r in range(table.rowCount())}
    assert (by_field["Đất đai"], by_field["Xây dựng"], by_field["Hộ tịch"]) == ("85 %", "85 %", "90 %")
    shot(page, "reports-page")
    if SHOTS:   # the satisfaction table, scrolled into view
        page.satisfaction.grab().save(os.path.join(SHOTS, "reports-satisfaction.png"))
    settle(qtbot, desk)


def test_today_shows_new_unhappy_citizens_and_opens_their_list(qtbot, Session, clock, make_ctx, ready):
    with Session.begin() as session:
        dossiers.change_status(session, make_ctx(), ready, Status.RETURNED, expected_version=None,
                               at=D(2026, 11, 25, 8, 30))
    from ui.application import build_window

    desk, window = build_window(Session, clock, "lan.nt")
    qtbot.addWidget(window)
    window.show()
    page = window.pages["today"]
    from app import today

    card = page.cards[today.UNHAPPY_NEW]
    qtbot.waitUntil(lambda: page.summary_data is not None, timeout=10000)
    assert not card.isVisible()
    with Session.begin() as session:
        ratings.record(session, make_ctx(), ready, "khong-hai-long", ["huong-dan"], note="Hướng dẫn chưa rõ")
    desk.announce(Changes.dossier(ready, "rating"))
    qtbot.waitUntil(lambda: card.isVisible() and card.text().startswith("1\n"), timeout=10000)
    card.click()
    from ui.ratings.unhappy_dialog import UnhappyDialog

    qtbot.waitUntil(lambda: window.findChild(UnhappyDialog) is not None, timeout=5000)
    dialog = window.findChild(UnhappyDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    cells = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert cells[0] == "●" and cells[3] == "Đặng Văn Đức" and cells[7] == "Hướng dẫn"
    assert cells[8] == "Hướng dẫn chưa rõ" and "1 mới từ hôm qua" in dialog.title.text()
    shot(dialog, "unhappy-list")
    with Session() as session:
        assert session.scalar(select(func.count()).select_from(Dossier)) == 1
    settle(qtbot, desk)

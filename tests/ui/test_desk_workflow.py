"""An officer's morning, through the window: receive, find, move along the lifecycle, see Today change."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton
from sqlalchemy import func, select

from app.lifecycle import Status
from db.models import Dossier, DossierEvent
from tests.support.typing import type_text


def _window(qtbot, Session, clock):
    from ui.application import build_window

    desk, window = build_window(Session, clock, "can-bo-a")
    qtbot.addWidget(window)
    window.show()
    return desk, window


def _receive(qtbot, window, name: str, procedure_typed: str = "P3") -> int:
    window.receive_action.trigger()
    dialog = window.receive_dialog
    qtbot.waitUntil(lambda: dialog.calendar is not None, timeout=5000)
    type_text(dialog.procedure, procedure_typed)
    qtbot.waitUntil(lambda: dialog.procedure.current is not None, timeout=2000)
    type_text(dialog.applicant_name, name)
    type_text(dialog.id_number, "001086012345")
    type_text(dialog.phone, "0912345678")
    received = []
    dialog.received.connect(received.append)
    qtbot.mouseClick(dialog.ok, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(received), timeout=5000)
    return received[0]


def test_receive_find_and_finish_a_dossier(qtbot, Session, clock, catalog, monkeypatch):
    desk, window = _window(qtbot, Session, clock)
    window.receive_action.trigger()
    dialog = window.receive_dialog
    qtbot.waitUntil(lambda: dialog.calendar is not None, timeout=5000)
    # Type-ahead without diacritics finds the procedure; the due date appears at once, with its weekday.
    type_text(dialog.procedure, "P3")
    qtbot.waitUntil(lambda: dialog.procedure.current is not None, timeout=2000)
    assert dialog.procedure.current.code == "P3"
    # Received Wed 25/11/2026 09:00, 3 working days → Monday 30/11/2026 17:00.
    assert "Thứ Hai, 30/11/2026 lúc 17:00 (3 ngày làm việc" in dialog.due_label.text()
    type_text(dialog.applicant_name, "Đặng Thị Hường")
    type_text(dialog.id_number, "001086012345")
    received = []
    dialog.received.connect(received.append)
    qtbot.mouseClick(dialog.ok, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(received), timeout=5000)
    dossier_id = received[0]
    with Session() as session:
        row = session.get(Dossier, dossier_id)
        assert row.applicant_name == "Đặng Thị Hường"
        assert row.due_at == dt.datetime(2026, 11, 30, 17, 0)

    # The receipt slip comes up to print, with her name and the promised date.
    from io import BytesIO

    from pypdf import PdfReader

    from ui.letters.preview import PdfPreviewDialog

    qtbot.waitUntil(lambda: window.findChild(PdfPreviewDialog) is not None, timeout=10000)
    slip = window.findChild(PdfPreviewDialog)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(slip.pane.pdf)).pages)
    assert "Đặng Thị Hường" in text and "ngày 30 tháng 11 năm 2026" in text, text
    slip.close()

    # The register finds her by a name typed without diacritics, and shows the due date.
    window.show_page("register")
    page = window.pages["register"]
    type_text(page.search, "dang thi huong")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.row_at(0) is not None, timeout=5000)
    row = page.model.row_at(0)
    assert row.applicant_name == "Đặng Thị Hường"
    due_column = [i for i in range(page.model.columnCount()) if page.model.headerData(i, Qt.Horizontal) == "Hẹn trả"][0]
    assert page.model.index(0, due_column).data() == "17:00 30/11/2026"

    # The form opens from the register; the officer finishes and returns the dossier.
    page.desk.open_dossier.emit(dossier_id)
    form = window.dossier_windows[dossier_id]
    qtbot.waitUntil(lambda: form.page is not None, timeout=5000)
    monkeypatch.setattr("ui.dossier.window.ActionDialog.exec", lambda self: QDialog.Accepted)
    ready = form.findChild(QPushButton, "action_result_ready")
    assert ready is not None
    # The paper result is not scanned yet: finishing is refused with the reason, nothing changes.
    qtbot.mouseClick(ready, Qt.LeftButton)
    qtbot.waitUntil(lambda: form.findChild(QMessageBox, "errorBox") is not None, timeout=5000)
    assert "số hóa" in form.findChild(QMessageBox, "errorBox").text()
    form.findChild(QMessageBox, "errorBox").close()
    with Session() as session:
        assert session.get(Dossier, dossier_id).status == Status.PROCESSING or \
            session.get(Dossier, dossier_id).status == Status.ACCEPTED
    # Scanned through the "Số hóa" tab, then finished.
    from ui.dossier.digitization_tab import DigitizationTab

    tab = form.findChild(DigitizationTab)
    qtbot.waitUntil(lambda: tab.view is not None, timeout=5000)
    tab.boxes["digitized_result"].setChecked(True)
    tab.save_button.click()
    qtbot.waitUntil(lambda: form.page.view.digitized_result, timeout=5000)
    qtbot.mouseClick(form.findChild(QPushButton, "action_result_ready"), Qt.LeftButton)
    qtbot.waitUntil(lambda: form.page.view.status is Status.RESULT_READY, timeout=5000)
    qtbot.waitUntil(lambda: form.findChild(QPushButton, "action_returned") is not None, timeout=5000)
    qtbot.mouseClick(form.findChild(QPushButton, "action_returned"), Qt.LeftButton)
    qtbot.waitUntil(lambda: form.page.view.status is Status.RETURNED, timeout=5000)
    with Session() as session:
        kinds = session.scalars(select(DossierEvent.new_value).where(DossierEvent.dossier_id == dossier_id,
                                                                     DossierEvent.kind == "status")).all()
    assert any("kết quả" in k.lower() for k in kinds)
    assert form.history.rowCount() >= 3


def _card_count(window, name) -> str:
    from app.deadlines import WarningLevel

    key = WarningLevel[name.upper()] if name.upper() in WarningLevel.__members__ else name
    return window.pages["today"].cards[key].text().split("\n")[0]


def test_today_page_changes_when_a_dossier_is_received_and_goes_overdue(qtbot, Session, clock, catalog, make_ctx):
    from sqlalchemy import update

    from app import dossiers
    from app.deadlines import WarningLevel
    from app.dossiers import NewDossier

    desk, window = _window(qtbot, Session, clock)
    window.show_page("today")
    page = window.pages["today"]
    qtbot.waitUntil(lambda: page.summary_data is not None, timeout=5000)
    assert _card_count(window, "received_today") == "0"
    assert "Thứ Tư, 25/11/2026" in page.heading.text()

    dossier_id = _receive(qtbot, window, "Lê Văn Đông")
    qtbot.waitUntil(lambda: _card_count(window, "received_today") == "1", timeout=5000)

    # Another dossier, received earlier, whose promise passed on Friday: overdue today.
    ctx = make_ctx()
    with Session.begin() as session:
        late = dossiers.receive(session, ctx, NewDossier("D10", "Trần Thị Bích", received_at=dt.datetime(2026, 11, 2, 9)))
        session.execute(update(Dossier).where(Dossier.id == late.id).values(due_at=dt.datetime(2026, 11, 20, 17)))
    from ui.desk import Changes
    desk.announce(Changes(dossiers=True))
    qtbot.waitUntil(lambda: _card_count(window, "overdue") == "1", timeout=5000)
    page.cards[WarningLevel.OVERDUE].click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5000)
    assert page.table.item(0, 2).text() == "Trần Thị Bích"
    assert page.table.item(0, 5).text().startswith("Quá ")
    page._open_row(page.table.item(0, 1))
    assert late.id in window.dossier_windows and dossier_id != late.id


def test_alerts_say_what_changed_since_last_open_and_notify_once(qtbot, Session, clock, catalog, make_ctx):
    from sqlalchemy import update

    from app import dossiers
    from app.dossiers import NewDossier

    ctx = make_ctx()
    with Session.begin() as session:
        a = dossiers.receive(session, ctx, NewDossier("D10", "Ngô Văn Ánh", received_at=dt.datetime(2026, 11, 24, 9)))
    desk, window = _window(qtbot, Session, clock)
    with qtbot.waitSignal(window.alerts.summarised, timeout=5000):
        window.alerts.start()
    qtbot.waitUntil(lambda: desk.tasks.busy == 0, timeout=5000)  # its last check is in before it closes
    window.close()
    # While the desk was closed, the dossier's promise passed.
    with Session.begin() as session:
        session.execute(update(Dossier).where(Dossier.id == a.id).values(due_at=dt.datetime(2026, 11, 24, 17)))

    desk2, window2 = _window(qtbot, Session, clock)
    news, notices = [], []
    window2.alerts.news.connect(news.append)
    window2.alerts.notified.connect(notices.append)
    with qtbot.waitSignal(window2.alerts.summarised, timeout=5000):
        window2.alerts.start()
    assert news == ["Từ lần mở trước: 1 hồ sơ đã chuyển sang quá hạn."]
    assert notices == ["1 hồ sơ đã chuyển sang quá hạn."]
    assert "Quá hạn: 1" in window2.status_counts.text()
    with qtbot.waitSignal(window2.alerts.summarised, timeout=5000):
        window2.alerts.check()
    assert notices == ["1 hồ sơ đã chuyển sang quá hạn."]  # once per dossier and level


def test_first_run_demo_opens_apart_and_leaves_the_real_register_empty(qtbot, Session, clock, monkeypatch):
    """Issue 13: the sample data is looked at in a window of its own, on a throw-away register."""
    from PySide6.QtCore import QProcess

    from app.catalog import get_office
    from app.upkeep import needs_setup
    from ui.first_run import FirstRunDialog

    started = []
    monkeypatch.setattr(QProcess, "startDetached", lambda program, arguments: started.append(
        (program, list(arguments))) or (True, 4242))
    with Session() as session:
        assert needs_setup(session)
    desk, window = _window(qtbot, Session, clock)
    dialog = FirstRunDialog(desk, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.demo, Qt.LeftButton)
    assert len(started) == 1 and started[0][1][-1] == "--demo" and "--db" not in started[0][1]
    assert dialog.demo_note.isVisible() and "cửa sổ riêng" in dialog.demo_note.text()
    with Session() as session:   # nothing was written into the office's register
        assert session.scalar(select(func.count()).select_from(Dossier)) == 0
        assert get_office(session).name == "" and needs_setup(session)
    # The office is then set up as usual, and the register still holds no demo dossier.
    type_text(dialog.edits["name"], "Bộ phận Một cửa UBND xã Hòa Bình")
    type_text(dialog.edits["head_name"], "Phạm Văn Đạt")
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        qtbot.mouseClick(dialog.ok, Qt.LeftButton)
    with Session() as session:
        office = get_office(session)
        assert office.name == "Bộ phận Một cửa UBND xã Hòa Bình" and office.head_name == "Phạm Văn Đạt"
        assert session.scalar(select(func.count()).select_from(Dossier)) == 0
        assert not needs_setup(session)


def test_first_run_needs_the_office_name(qtbot, Session, clock):
    from ui.first_run import FirstRunDialog

    desk, window = _window(qtbot, Session, clock)
    dialog = FirstRunDialog(desk, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.submit()
    assert dialog.isVisible() and dialog.ok.isEnabled()
    assert dialog.edits["name"].placeholderText() == "Cần nhập tên cơ quan"


def test_the_receive_dialog_counts_from_tomorrow_just_after_the_cutoff(qtbot, Session, catalog):
    """15:00:30 is after the 15:00 cut-off: the dialog's promise matches what the register stores."""
    from app.clock import FixedClock

    clock = FixedClock(dt.datetime(2026, 11, 25, 15, 0, 30))
    desk, window = _window(qtbot, Session, clock)
    window.receive_action.trigger()
    dialog = window.receive_dialog
    qtbot.waitUntil(lambda: dialog.calendar is not None, timeout=5000)
    type_text(dialog.procedure, "P3")
    qtbot.waitUntil(lambda: dialog.procedure.current is not None, timeout=2000)
    # Counting from Thu 26/11: Fri 27, Mon 30, Tue 01/12.
    assert "Thứ Ba, 01/12/2026 lúc 17:00" in dialog.due_label.text()
    assert "tính từ 26/11/2026" in dialog.due_label.text()
    dossier_id = _receive_current(qtbot, dialog, "Nguyễn Văn Tín")
    with Session() as session:
        assert session.get(Dossier, dossier_id).due_at == dt.datetime(2026, 12, 1, 17, 0)


def _receive_current(qtbot, dialog, name: str) -> int:
    type_text(dialog.applicant_name, name)
    dialog.print_receipt.setChecked(False)
    received = []
    dialog.received.connect(received.append)
    qtbot.mouseClick(dialog.ok, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(received), timeout=5000)
    return received[0]


def test_an_answer_for_a_closed_window_is_dropped(qtbot):
    """Background work that ends after its window closed must not call into the deleted window."""
    from PySide6.QtWidgets import QLabel

    from ui.tasks import TaskRunner

    runner = TaskRunner()
    label = QLabel()
    called = []
    release = __import__("threading").Event()

    def work(progress):
        release.wait(5)
        raise OSError("the register went away")

    runner.run(work, on_error=lambda error: (called.append(error), label.setText("x")))
    label.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(label), timeout=2000)
    release.set()
    qtbot.waitUntil(lambda: runner.busy == 0, timeout=5000)
    assert called == []


def test_today_summary_is_computed_once_per_change_and_the_list_title_agrees_with_its_rows(
        qtbot, Session, clock, catalog, make_ctx, monkeypatch):
    """After a letter, the apology list reads "3 hồ sơ" like its tile (it once read "3 … trong 4"),
    and the Today summary is computed once per change (by the alert monitor), not by the page too."""
    from sqlalchemy import update

    from app import dossiers, letters, today
    from app.deadlines import WarningLevel
    from app.dossiers import NewDossier
    from app.due_dates import recompute_deadlines
    from ui.desk import Changes

    ctx = make_ctx()  # Wed 25/11/2026 09:00
    ids = []
    with Session.begin() as session:
        for name in ("An", "Bình", "Cường", "Dung"):
            view = dossiers.receive(session, ctx, NewDossier("D10", f"Nguyễn Văn {name}",
                                                             received_at=dt.datetime(2026, 11, 16, 9)))
            # due Thu 26/11: the letter is due today
            session.execute(update(Dossier).where(Dossier.id == view.id).values(due_at=dt.datetime(2026, 11, 26, 17)))
            ids.append(view.id)
        recompute_deadlines(session, ctx.calendar, ids)
    calls = []
    real_summary = today.summary
    monkeypatch.setattr(today, "summary", lambda session, ctx: calls.append(1) or real_summary(session, ctx))

    desk, window = _window(qtbot, Session, clock)
    window.show_page("today")
    page = window.pages["today"]
    qtbot.waitUntil(lambda: _card_count(window, "apology_today") == "4", timeout=5000)
    page.cards[WarningLevel.APOLOGY_TODAY].click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 4, timeout=5000)
    qtbot.waitUntil(lambda: "4 hồ sơ" in page.list_title.text(), timeout=5000)
    before = len(calls)

    with Session.begin() as session:
        letters.issue(session, make_ctx(), letters.LetterRequest(ids[0], "Cần xác minh thực địa",
                                                                 dt.date(2026, 12, 4)))
    with qtbot.waitSignal(window.alerts.summarised, timeout=5000):
        desk.announce(Changes(dossiers=True, letters=True))
    qtbot.waitUntil(lambda: page.table.rowCount() == 3, timeout=5000)
    qtbot.waitUntil(lambda: "3 hồ sơ" in page.list_title.text(), timeout=5000)
    assert _card_count(window, "apology_today") == "3"
    assert "trong" not in page.list_title.text()
    assert len(calls) - before == 1  # one summary for the change, shared by the tile, the page and the status bar

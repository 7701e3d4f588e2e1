"""An officer's morning, through the window: receive, find, move along the lifecycle, see Today change."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton
from sqlalchemy import select

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
    qtbot.mouseClick(ready, Qt.LeftButton)
    qtbot.waitUntil(lambda: form.page.view.status is Status.RESULT_READY, timeout=5000)
    returned = form.findChild(QPushButton, "action_returned")
    qtbot.waitUntil(lambda: form.findChild(QPushButton, "action_returned") is not None, timeout=5000)
    qtbot.mouseClick(form.findChild(QPushButton, "action_returned"), Qt.LeftButton)
    qtbot.waitUntil(lambda: form.page.view.status is Status.RETURNED, timeout=5000)
    with Session() as session:
        kinds = session.scalars(select(DossierEvent.new_value).where(DossierEvent.dossier_id == dossier_id,
                                                                     DossierEvent.kind == "status")).all()
    assert any("kết quả" in k.lower() for k in kinds)
    assert form.history.rowCount() >= 3

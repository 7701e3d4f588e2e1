"""Keyboard all the way (issue 18, points 4 and 5): from the search box to the dossier, the receive form
from the keyboard, its checks as the officer goes, Esc that asks, and *Trợ giúp › Phím tắt*.

"Now" is Wednesday 25/11/2026 09:00; the catalog (tests/conftest.py) has P3 "Cấp Giấy xác nhận tình
trạng hôn nhân", P0 "Chứng thực bản sao từ bản chính", H4 "Cấp bản sao trích lục hộ tịch" and D10
"Đăng ký biến động đất đai"."""

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from app import dossiers
from app.context import load_context
from app.dossiers import NewDossier
from db.models import Dossier
from tests.support.typing import type_text


def _window(qtbot, Session, clock):
    from ui.application import build_window

    desk, window = build_window(Session, clock, "can-bo-a")
    qtbot.addWidget(window)
    window.show()
    return desk, window


def _dialog(qtbot, window):
    window.receive_action.trigger()
    dialog = window.receive_dialog
    qtbot.waitUntil(lambda: dialog.calendar is not None, timeout=5000)
    return dialog


def _receive(Session, clock, catalog, name):
    with Session.begin() as session:
        ctx = load_context(session, clock, catalog["user_id"])
        return dossiers.receive(session, ctx, NewDossier("P3", name, "079203001234")).id


# --- point 4: search → results → dossier ------------------------------------------------------------------

def test_enter_in_the_search_box_goes_to_the_results_and_enter_opens_the_dossier(qtbot, Session, clock, catalog):
    wanted = _receive(Session, clock, catalog, "Đặng Thị Hường")
    _receive(Session, clock, catalog, "Lê Văn Tám")
    desk, window = _window(qtbot, Session, clock)
    window.focus_search()
    page = window.pages["register"]
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    type_text(page.search, "dang thi huong")
    qtbot.keyClick(page.search, Qt.Key_Return)
    qtbot.waitUntil(lambda: page.table.hasFocus() and page.table.currentIndex().isValid(), timeout=5000)
    assert page.model.rowCount() == 1 and page.table.currentIndex().row() == 0
    assert window.dossier_windows == {}
    qtbot.keyClick(page.table, Qt.Key_Return)
    qtbot.waitUntil(lambda: wanted in window.dossier_windows, timeout=5000)
    form = window.dossier_windows[wanted]
    qtbot.waitUntil(lambda: form.page is not None, timeout=5000)
    assert form.page.view.applicant_name == "Đặng Thị Hường"


def test_down_from_the_search_box_selects_the_first_result(qtbot, Session, clock, catalog):
    _receive(Session, clock, catalog, "Đặng Thị Hường")
    newest = _receive(Session, clock, catalog, "Lê Văn Tám")
    desk, window = _window(qtbot, Session, clock)
    window.focus_search()
    page = window.pages["register"]
    qtbot.waitUntil(lambda: page.model.rowCount() == 2 and page.model.row_at(0) is not None, timeout=5000)
    qtbot.keyClick(page.search, Qt.Key_Down)
    assert page.table.hasFocus() and page.table.currentIndex().row() == 0
    qtbot.keyClick(page.table, Qt.Key_Enter)
    qtbot.waitUntil(lambda: newest in window.dossier_windows, timeout=5000)   # newest first
    # Tab leaves the results for the filters instead of walking the cells.
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key_Tab)
    assert not page.table.hasFocus()


# --- point 5: the receive form from the keyboard ------------------------------------------------------------

def test_tab_or_enter_picks_the_only_match_and_enter_does_not_submit(qtbot, Session, clock, catalog):
    desk, window = _window(qtbot, Session, clock)
    dialog = _dialog(qtbot, window)
    type_text(dialog.procedure, "hon nhan")
    assert dialog.procedure.current is None
    qtbot.keyClick(dialog.procedure, Qt.Key_Tab)
    assert dialog.procedure.current is not None and dialog.procedure.current.code == "P3"
    assert dialog.procedure.text().startswith("P3")
    assert dialog.applicant_name.hasFocus()
    assert "30/11/2026" in dialog.due_label.text()

    dialog.procedure.clear()
    type_text(dialog.procedure, "bien dong")
    qtbot.keyClick(dialog.procedure, Qt.Key_Return)
    assert dialog.procedure.current.code == "D10" and dialog.applicant_name.hasFocus()
    assert dialog.isVisible()   # Enter chose the procedure; it did not submit the half-filled form
    with Session() as session:
        assert session.query(Dossier).count() == 0


def test_enter_picks_the_highlighted_one_of_several(qtbot, Session, clock, catalog):
    desk, window = _window(qtbot, Session, clock)
    dialog = _dialog(qtbot, window)
    type_text(dialog.procedure, "cap")          # P3 and H4
    popup = dialog.procedure.completer_.popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    assert dialog.procedure.matches() == 2
    qtbot.keyClick(dialog.procedure, Qt.Key_Tab)  # two matches, none highlighted: nothing is guessed
    assert dialog.procedure.current is None
    dialog.procedure.setFocus()
    type_text(dialog.procedure, " ")
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    qtbot.keyClick(popup, Qt.Key_Down)
    qtbot.keyClick(popup, Qt.Key_Down)
    highlighted = popup.currentIndex().data()
    qtbot.keyClick(popup, Qt.Key_Return)
    assert dialog.procedure.current is not None and dialog.procedure.current.display == highlighted
    assert dialog.isVisible()


def test_errors_show_as_the_officer_leaves_a_field_and_go_when_it_is_right(qtbot, Session, clock, catalog):
    desk, window = _window(qtbot, Session, clock)
    dialog = _dialog(qtbot, window)
    type_text(dialog.procedure, "zzz")
    qtbot.keyClick(dialog.procedure, Qt.Key_Tab)
    assert "Không có thủ tục nào khớp “zzz”" in dialog.field_error(dialog.procedure)
    type_text(dialog.phone, "12345")
    qtbot.keyClick(dialog.phone, Qt.Key_Tab)
    assert "Số điện thoại “12345” không hợp lệ" in dialog.field_error(dialog.phone)
    assert dialog.findChild(QLabel, "phoneError").isVisible()
    dialog.phone.clear()
    type_text(dialog.phone, "0912345678")       # right again: the message goes while typing
    assert dialog.field_error(dialog.phone) == ""
    type_text(dialog.id_number, "0791")
    qtbot.keyClick(dialog.id_number, Qt.Key_Tab)
    assert "12 chữ số" in dialog.field_error(dialog.id_number)
    # Submitting with messages showing receives nothing and puts the cursor on the first wrong field.
    dialog.submit()
    assert dialog.procedure.hasFocus() and dialog.isVisible()
    assert "Chưa nhập họ tên người nộp" in dialog.field_error(dialog.applicant_name)
    with Session() as session:
        assert session.query(Dossier).count() == 0


def test_esc_on_a_changed_form_asks_before_discarding(qtbot, Session, clock, catalog, monkeypatch):
    asked = []
    answer = [QMessageBox.Cancel]

    def question(parent, title, text, buttons, default):
        asked.append(title)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    desk, window = _window(qtbot, Session, clock)
    dialog = _dialog(qtbot, window)
    qtbot.keyClick(dialog, Qt.Key_Escape)        # nothing typed: closes without a question
    assert asked == [] and not dialog.isVisible()

    dialog = _dialog(qtbot, window)
    type_text(dialog.applicant_name, "Trần Thị Bích")
    qtbot.keyClick(dialog.applicant_name, Qt.Key_Escape)
    assert asked == ["Bỏ hồ sơ đang nhập?"] and dialog.isVisible()
    assert dialog.applicant_name.text() == "Trần Thị Bích"
    answer[0] = QMessageBox.Discard
    qtbot.keyClick(dialog.applicant_name, Qt.Key_Escape)
    assert len(asked) == 2 and not dialog.isVisible()


def test_the_applicant_kind_has_a_clear_label(qtbot, Session, clock, catalog):
    desk, window = _window(qtbot, Session, clock)
    dialog = _dialog(qtbot, window)
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert "Người nộp là" in texts and "Là" not in texts


def test_after_receiving_only_the_receipt_opens_and_the_dossier_is_one_key_away(qtbot, Session, clock, catalog):
    from ui.letters.preview import PdfPreviewDialog

    desk, window = _window(qtbot, Session, clock)
    dialog = _dialog(qtbot, window)
    type_text(dialog.procedure, "hon nhan")
    qtbot.keyClick(dialog.procedure, Qt.Key_Tab)
    type_text(dialog.applicant_name, "Trần Thị Bích")
    received = []
    dialog.received.connect(received.append)
    qtbot.keyClick(dialog.applicant_name, Qt.Key_Return, Qt.ControlModifier)
    qtbot.waitUntil(lambda: bool(received), timeout=5000)
    qtbot.waitUntil(lambda: window.findChild(PdfPreviewDialog) is not None, timeout=10000)
    preview = window.findChild(PdfPreviewDialog)
    assert window.dossier_windows == {}                 # the receipt only, not the dossier as well
    assert "Ctrl+Shift+O" in window.statusBar().currentMessage()
    button = preview.findChild(type(dialog.ok), "openDossierButton")
    assert button is not None and button.text() == "Mở hồ sơ"
    qtbot.keyClick(preview, Qt.Key_O, Qt.ControlModifier)
    qtbot.waitUntil(lambda: received[0] in window.dossier_windows, timeout=5000)
    qtbot.waitUntil(lambda: not shiboken6.isValid(preview) or not preview.isVisible(), timeout=5000)
    # Closed by mistake: Ctrl+Shift+O in the main window opens it again.
    window.dossier_windows[received[0]].close()
    qtbot.waitUntil(lambda: received[0] not in window.dossier_windows, timeout=5000)
    window.activateWindow()
    window.open_last_action.trigger()
    assert received[0] in window.dossier_windows
    assert window.open_last_action.shortcut() == QKeySequence("Ctrl+Shift+O")


# --- Trợ giúp › Phím tắt ------------------------------------------------------------------------------------

def test_the_shortcuts_dialog_lists_the_windows_real_keys(qtbot, Session, clock, catalog):
    from ui.shortcuts import IN_PLACE

    desk, window = _window(qtbot, Session, clock)
    assert window.shortcuts_action in window.menus["help"].actions()
    window.shortcuts_action.trigger()
    dialog = window.shortcuts_dialog
    rows = dialog.rows()
    assert ("Hồ sơ", "Ctrl+N", "Tiếp nhận hồ sơ mới") in rows
    assert ("Hồ sơ", "Ctrl+Shift+O", "Mở hồ sơ vừa tiếp nhận") in rows
    assert ("Trợ giúp", "F1", "Phím tắt") in rows
    assert ("Chuyển trang", "Ctrl+2", "Sổ hồ sơ") in rows
    assert ("Sổ hồ sơ", "Enter", "Mở hồ sơ đang chọn trong danh sách") in rows
    # Every key the window really has is listed (collected, not hand-kept).
    from PySide6.QtGui import QAction

    for action in window.findChildren(QAction):
        if not action.shortcut().isEmpty() and action.text():
            assert action.shortcut().toString(QKeySequence.NativeText) in {keys for _, keys, _ in rows}, action.text()
    # The receive dialog's own shortcuts are documented too.
    receive = _dialog(qtbot, window)
    documented = {keys for where, keys, _ in IN_PLACE if where == "Tiếp nhận hồ sơ"}
    for shortcut in receive.findChildren(QShortcut):
        key = shortcut.key().toString(QKeySequence.NativeText).replace("Return", "Enter")
        assert key in documented, key
    dialog.close()
    QApplication.processEvents()

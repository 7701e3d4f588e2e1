"""The letter dialog, the dossier tab, the preview and the Today page's batch, driven as an officer would."""

import datetime as dt
import os

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app import dossiers, letters
from app.dossiers import NewDossier
from db.models import ApologyLetter
from ui.desk import Desk
from ui.letters import actions
from ui.letters.issue_dialog import IssueLetterDialog
from ui.letters.preview import PdfPreviewDialog
from ui.letters.tab import LetterTab

D = dt.datetime
SHOTS = os.environ.get("MOTCUA_SCREENSHOTS")  # a folder: save PNGs of the widgets to look at


def shot(widget, name):
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, f"{name}.png"))


@pytest.fixture
def desk(Session, clock, catalog):
    return Desk(Session, clock, catalog["user_id"])


def receive(Session, make_ctx, received):
    with Session.begin() as session:
        return dossiers.receive(session, make_ctx(), NewDossier("P3", "Đặng Văn Đức", applicant_id_number="079203001234",
                                                                received_at=received))


def open_dialog(qtbot, desk, dossier_id):
    dialog = IssueLetterDialog(desk, dossier_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.proposal is not None, timeout=5000)
    return dialog


def test_dialog_proposes_a_date_and_issues_the_letter(qtbot, desk, Session, make_ctx):
    view = receive(Session, make_ctx, D(2026, 11, 23, 9))  # due Fri 27/11, deadline Thu 26/11
    dialog = open_dialog(qtbot, desk, view.id)
    assert "Thêm 3 ngày làm việc — Thứ Tư, 02/12/2026" in dialog.added.text()
    assert not dialog.issue_button.isEnabled()          # no reason yet
    assert dialog.late_warning.isHidden()
    dialog.reason.setCurrentIndex(1)                    # "Cần xác minh thực địa"
    assert dialog.issue_button.isEnabled()
    dialog.new_date.setDate(dialog.new_date.date().addDays(3))  # Sat 05/12: a day off
    assert "là ngày nghỉ" in dialog.added.text() and not dialog.issue_button.isEnabled()
    dialog.new_date.setDate(dialog.new_date.date().addDays(2))  # Mon 07/12
    assert "Thêm 6 ngày làm việc" in dialog.added.text()
    shot(dialog, "issue-dialog")
    with qtbot.waitSignal(dialog.issued, timeout=10000) as issued:
        dialog.issue_button.click()
    assert issued.args[0].number_text == "01/PXL"
    with Session() as session:
        letter = session.scalar(select(ApologyLetter))
        assert letter.reason == "Cần xác minh thực địa" and letter.new_due_at == D(2026, 12, 7, 17)


def test_late_letter_is_said_plainly_and_needs_the_tick(qtbot, desk, Session, make_ctx):
    view = receive(Session, make_ctx, D(2026, 11, 16, 9))  # due Thu 19/11: deadline Wed 18/11 has passed
    dialog = open_dialog(qtbot, desk, view.id)
    dialog.reason.setEditText("Chờ ý kiến của cơ quan thuế")
    assert dialog.late_warning.isVisible() and "Thứ Tư, 18/11/2026" in dialog.late_warning.text()
    assert not dialog.issue_button.isEnabled()
    dialog.confirm_late.setChecked(True)
    assert dialog.issue_button.isEnabled()
    shot(dialog, "issue-dialog-late")
    with qtbot.waitSignal(dialog.issued, timeout=10000) as issued:
        dialog.issue_button.click()
    assert issued.args[0].late


def test_back_dated_letter_is_judged_as_the_core_judges_it(qtbot, desk, Session, make_ctx):
    """Today 25/11; due Thu 19/11, deadline Wed 18/11. Dating the letter 18/11 does not make it in time:
    the dialog says late and asks for the tick, exactly as the core records it."""
    view = receive(Session, make_ctx, D(2026, 11, 16, 9))
    dialog = open_dialog(qtbot, desk, view.id)
    dialog.reason.setEditText("Chờ ý kiến của cơ quan thuế")
    dialog.issued_on.setDate(QDate(2026, 11, 18))        # on the deadline, as written on the paper
    assert letters.is_late(dialog.proposal.deadline, dt.date(2026, 11, 18), dialog.proposal.today)
    assert dialog.late_warning.isVisible() and not dialog.issue_button.isEnabled()
    assert "25/11/2026" in dialog.late_warning.text() and "Ghi lùi" in dialog.late_warning.text()
    dialog.confirm_late.setChecked(True)
    with qtbot.waitSignal(dialog.issued, timeout=10000) as issued:
        dialog.issue_button.click()
    assert issued.args[0].late and issued.args[0].issued_on == dt.date(2026, 11, 18)
    with Session() as session:
        assert session.scalar(select(ApologyLetter.late)) is True


def test_dialog_says_who_signs_and_warns_of_a_second_page(qtbot, desk, Session, make_ctx, catalog):
    from db.models import Unit

    with Session.begin() as session:
        unit = session.get(Unit, catalog["units"]["TP"])
        unit.full_name, unit.parent_agency = "Phòng Tư pháp", "UBND phường Trần Biên"
        unit.head_title, unit.head_name, unit.letter_symbol = "Trưởng phòng", "Lê Văn Bình", "TP"
    view = receive(Session, make_ctx, D(2026, 11, 23, 9))
    dialog = open_dialog(qtbot, desk, view.id)
    assert "Trưởng phòng Lê Văn Bình" in dialog.signer.text() and "Phòng Tư pháp" in dialog.signer.text()
    assert "trình người ký" in dialog.signer.text()       # an officer prepares; the head signs the paper
    dialog.reason.setCurrentIndex(1)
    qtbot.waitUntil(lambda: dialog.pages == 1, timeout=5000)
    assert dialog.pages_warning.isHidden()
    dialog.reason.setEditText(("Hồ sơ phải lấy ý kiến của nhiều cơ quan, đơn vị có liên quan; " * 20)[:1000])
    qtbot.waitUntil(lambda: dialog.pages == 2, timeout=5000)
    assert dialog.pages_warning.isVisible() and "2 trang" in dialog.pages_warning.text()
    shot(dialog, "issue-dialog-two-pages")


def test_refused_dossier_shows_why_and_offers_nothing(qtbot, desk, Session, make_ctx):
    view = receive(Session, make_ctx, D(2026, 11, 23, 9))
    with Session.begin() as session:
        letters.issue(session, make_ctx(), letters.LetterRequest(view.id, "Cần xác minh thực địa", dt.date(2026, 12, 2)))
    dialog = open_dialog(qtbot, desk, view.id)
    assert "đã có phiếu xin lỗi số 01/PXL" in dialog.error.text()
    assert not dialog.issue_button.isEnabled() and not dialog.reason.isEnabled()


def test_tab_shows_the_button_then_the_letter(qtbot, desk, Session, make_ctx, monkeypatch):
    view = receive(Session, make_ctx, D(2026, 11, 23, 9))
    tab = LetterTab(desk)
    qtbot.addWidget(tab)
    tab.show()
    tab.load(view)
    qtbot.waitUntil(lambda: tab.issue_button.isVisible(), timeout=5000)
    assert tab.issue_button.isEnabled() and "chưa có phiếu" in tab.info.text()
    with Session.begin() as session:
        letters.issue(session, make_ctx(), letters.LetterRequest(view.id, "Cần xác minh thực địa", dt.date(2026, 12, 2)))
    with Session() as session:
        tab.load(dossiers.get(session, view.id))
    qtbot.waitUntil(lambda: tab.show_button.isVisible(), timeout=5000)
    shown_text = " ".join(tab.details.itemAt(i).widget().text() for i in range(tab.details.count()))
    assert "01/PXL" in shown_text and "02/12/2026" in shown_text and not tab.issue_button.isVisible()
    shot(tab, "tab")
    shown = []
    monkeypatch.setattr(actions, "show_pdf", lambda pdf, title, name, parent, note="": shown.append((pdf, note)))
    tab.show_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown[0][0].startswith(b"%PDF") and shown[0][1] == ""  # reprint identical to the issued PDF


def test_preview_shows_every_page(qtbot, Session, make_ctx):
    from app.printing.letter import render
    from tests.app.test_printing import LETTER

    dialog = PdfPreviewDialog(render([LETTER, LETTER]), "Phiếu xin lỗi", "phieu.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.pane.document.pageCount() == 2, timeout=5000)
    qtbot.wait(300)  # QPdfView renders asynchronously
    shot(dialog, "preview")


def test_print_paints_each_page(qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from app.printing.letter import render
    from tests.app.test_printing import LETTER
    from tests.support.pdf import page_sizes_mm
    from ui.letters.preview import PdfPane, paint_pages

    pane = PdfPane()
    qtbot.addWidget(pane)
    pane.show_pdf(render([LETTER, LETTER]))
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    paint_pages(pane.document, printer)
    assert len(page_sizes_mm((tmp_path / "printed.pdf").read_bytes())) == 2


def test_letters_due_today_offers_the_missing_ones_then_prints_the_day(qtbot, desk, Session, make_ctx, monkeypatch):
    due_tomorrow = receive(Session, make_ctx, D(2026, 11, 20, 9))  # due Thu 26/11: the letter is due today
    done = receive(Session, make_ctx, D(2026, 11, 23, 9))
    with Session.begin() as session:
        letters.issue(session, make_ctx(), letters.LetterRequest(done.id, "Cần xác minh thực địa", dt.date(2026, 12, 2)))
    asked, shown, opened = [], [], []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.No)
    monkeypatch.setattr(actions, "show_pdf", lambda pdf, title, name, parent, note="": shown.append((pdf, title)))
    monkeypatch.setattr(actions, "issue_letter", lambda *a, **k: opened.append(a))
    actions.print_letters_due_today(desk, None)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "1 hồ sơ" in asked[0] and not opened
    assert shown[0][0].startswith(b"%PDF") and "(1)" in shown[0][1]
    assert due_tomorrow.id  # still waiting for its letter: the officer chose not to issue now


def test_main_window_offers_the_menu_entries(qtbot, Session, clock, catalog):
    from ui.application import build_window

    desk, window = build_window(Session, clock, "can-bo-a")
    qtbot.addWidget(window)
    texts = [a.text() for a in window.menus["file"].actions()] + [a.text() for a in window.menus["tools"].actions()]
    assert "In các phiếu xin lỗi hôm nay…" in texts and "Mẫu phiếu in…" in texts


def test_template_editor_previews_and_refuses_a_broken_template(qtbot):
    from ui.letters.template_editor import TemplateEditor

    editor = TemplateEditor()
    qtbot.addWidget(editor)
    editor.show()
    assert editor.save_button.isEnabled() and editor.preview.document.pageCount() == 1
    qtbot.wait(1200)  # the debounced re-render, then QPdfView's asynchronous painting
    shot(editor, "template-editor")
    editor.editor.setPlainText(editor.editor.toPlainText().replace("{ly_do}", "{ly_doo}"))
    editor._render()
    assert not editor.save_button.isEnabled() and "{ly_doo}" in editor.status.text()


def test_receive_form_offers_the_procedures_papers_and_records_what_was_handed_in(qtbot, desk, Session):
    from sqlalchemy import update

    from db.models import Dossier, Procedure
    from ui.dossier.receive import ReceiveDialog

    with Session.begin() as session:
        session.execute(update(Procedure).where(Procedure.code == "P3").values(
            papers="Tờ khai (bản chính)\nBản sao Căn cước công dân"))
    dialog = ReceiveDialog(desk)
    qtbot.addWidget(dialog)
    dialog.print_receipt.setChecked(False)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.calendar is not None, timeout=5000)
    assert dialog.procedure.choose_code("P3")
    assert dialog.papers.toPlainText() == "Tờ khai (bản chính)\nBản sao Căn cước công dân"
    dialog.papers.setPlainText("Tờ khai (bản chính)\nBản sao Căn cước công dân\nGiấy ủy quyền")
    dialog.applicant_name.setText("Dang Van Duc")
    shot(dialog, "receive-papers")
    with qtbot.waitSignal(dialog.received, timeout=10000) as received:
        dialog.ok.click()
    with Session() as session:
        assert session.get(Dossier, received.args[0]).papers_received.splitlines()[-1] == "Giấy ủy quyền"

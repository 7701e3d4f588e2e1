"""Entry points for the rest of the window (the Today page, the dossier form, the menus).

Each takes the desk and a parent widget, runs its register work in the
background and shows the result; none blocks the window.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton, QWidget

from app import letters, slips
from app.formatting import date_vi
from ui.desk import Desk
from ui.i18n import tr
from ui.letters.issue_dialog import IssueLetterDialog
from ui.letters.preview import show_pdf


def issue_letter(desk: Desk, dossier_id: int, parent: QWidget | None = None, *,
                 then=None) -> IssueLetterDialog:
    """Open the issue dialog; once issued, show the letter to print. ``then()`` runs when the dialog closes."""
    dialog = IssueLetterDialog(desk, dossier_id, parent)

    def issued(letter: letters.IssuedLetter) -> None:
        note = tr("Đã phát hành phiếu số") + f" {letter.number_text}; " + tr("hẹn trả mới") + \
            f" {letter.new_due_at:%H:%M %d/%m/%Y}" + (" — " + tr("ghi nhận gửi muộn") if letter.late else "") + "."
        show_pdf(letter.pdf, tr("Phiếu xin lỗi") + f" {letter.number_text}",
                 f"phieu-xin-loi-{letter.number_text.replace('/', '-')}.pdf", parent, note)

    dialog.issued.connect(issued)
    if then is not None:
        dialog.finished.connect(lambda _result: then())
    dialog.open()
    return dialog


def show_issued_letter(desk: Desk, dossier_id: int, parent: QWidget | None = None) -> None:
    def shown(result) -> None:
        letter, pdf, same = result
        note = "" if same else tr("Lưu ý: bản in lại khác bản đã phát hành (thông tin cơ quan, người nộp hoặc mẫu "
                                  "phiếu đã thay đổi sau ngày phát hành).")
        show_pdf(pdf, tr("Phiếu xin lỗi") + f" {letter.number_text}",
                 f"phieu-xin-loi-{letter.number_text.replace('/', '-')}.pdf", parent, note)

    desk.read(lambda session, ctx: letters.reprint(session, ctx, dossier_id), shown, parent=parent,
              label=tr("Đang dựng phiếu…"))


def print_letters_due_today(desk: Desk, parent: QWidget | None = None) -> None:
    """Every letter of today in one PDF; first offers to issue those still missing, one dialog after another."""

    def survey(session, ctx):
        return ctx.now().date(), letters.needing_letter(session, ctx)

    def surveyed(result) -> None:
        today, needing = result
        if needing:
            answer = QMessageBox.question(
                parent, tr("Còn hồ sơ chưa có phiếu"),
                tr("Có") + f" {len(needing)} " + tr("hồ sơ phải gửi phiếu xin lỗi hôm nay (hoặc đã lỡ hạn) nhưng chưa "
                                                    "lập phiếu. Lập phiếu cho từng hồ sơ trước khi in?"),
                QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
            if answer == QMessageBox.Yes:
                _issue_each(list(needing), lambda: _print_batch(today))
                return
        _print_batch(today)

    def _issue_each(queue: list[int], finish) -> None:
        if not queue:
            finish()
            return
        issue_letter(desk, queue.pop(0), parent, then=lambda: _issue_each(queue, finish))

    def _print_batch(today: dt.date) -> None:
        def render(session, ctx):
            ids = letters.issued_on_day(session, today)
            return ids, (letters.render_issued(session, ctx, ids) if ids else b"")

        def rendered(result) -> None:
            ids, pdf = result
            if not ids:
                QMessageBox.information(parent, tr("Phiếu xin lỗi hôm nay"),
                                        tr("Chưa có phiếu xin lỗi nào phát hành ngày") + f" {date_vi(today)}.")
                return
            show_pdf(pdf, tr("Phiếu xin lỗi ngày") + f" {date_vi(today)} ({len(ids)})",
                     f"phieu-xin-loi-{today:%Y-%m-%d}.pdf", parent)

        desk.read(render, rendered, parent=parent, label=tr("Đang dựng các phiếu xin lỗi…"))

    desk.read(survey, surveyed, parent=parent)


def print_receipt(desk: Desk, dossier_id: int, parent: QWidget | None = None, *,
                  open_dossier: Callable[[], None] | None = None) -> None:
    """The receipt slip of a dossier, from the receive form; with ``open_dossier``, the preview has a
    *Mở hồ sơ* button (Ctrl+O) that closes it and opens the dossier, one key away."""

    def shown(pdf: bytes) -> None:
        preview = show_pdf(pdf, tr("Giấy tiếp nhận hồ sơ và hẹn trả kết quả"), "giay-tiep-nhan.pdf", parent)
        if open_dossier is None:
            return
        button = QPushButton(tr("Mở hồ sơ"))
        button.setObjectName("openDossierButton")
        button.setShortcut(QKeySequence("Ctrl+O"))
        button.setToolTip(tr("Đóng giấy tiếp nhận và mở hồ sơ vừa tiếp nhận (Ctrl+O)"))
        button.setAutoDefault(False)
        box = preview.findChild(QDialogButtonBox)
        if box is not None:
            box.addButton(button, QDialogButtonBox.ActionRole)

        def open_it() -> None:
            preview.close()
            open_dossier()

        button.clicked.connect(open_it)

    desk.read(lambda session, ctx: slips.receipt_pdf(session, ctx, dossier_id), shown,
              parent=parent, label=tr("Đang dựng giấy tiếp nhận…"))


def print_logbook(desk: Desk, start: dt.date, end: dt.date, parent: QWidget | None = None) -> None:
    desk.read(lambda session, ctx: slips.logbook_pdf(session, ctx, start, end),
              lambda pdf: show_pdf(pdf, tr("Sổ theo dõi hồ sơ") + f" {date_vi(start)}–{date_vi(end)}",
                                   f"so-theo-doi-{start:%Y%m%d}-{end:%Y%m%d}.pdf", parent),
              parent=parent, label=tr("Đang dựng sổ theo dõi hồ sơ…"))

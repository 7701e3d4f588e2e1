"""Menu entries of the printed papers (a WINDOW_HOOKS entry)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout

from ui.i18n import tr


def install(window, desk) -> None:
    from ui.letters import actions

    today_letters = QAction(tr("In các phiếu xin lỗi hôm nay…"), window)
    today_letters.triggered.connect(lambda: actions.print_letters_due_today(desk, window))
    logbook = QAction(tr("In sổ theo dõi hồ sơ…"), window)
    logbook.triggered.connect(lambda: _ask_period(window, desk))
    templates = QAction(tr("Mẫu phiếu in…"), window)
    templates.triggered.connect(lambda: _edit_templates(window))
    first = window.menus["file"].actions()[0] if window.menus["file"].actions() else None
    window.menus["file"].insertActions(first, [today_letters, logbook])
    if first is not None:
        window.menus["file"].insertSeparator(first)
    window.menus["tools"].addAction(templates)


def _ask_period(window, desk) -> None:
    from ui.letters.actions import print_logbook

    today = desk.clock.now().date()
    dialog = QDialog(window)
    dialog.setWindowTitle(tr("Sổ theo dõi hồ sơ"))
    start, end = QDateEdit(QDate(today.year, today.month, 1)), QDateEdit(QDate(today.year, today.month, today.day))
    for edit in (start, end):
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
    form = QFormLayout(dialog)
    form.addRow(tr("Từ ngày:"), start)
    form.addRow(tr("Đến ngày:"), end)
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    if dialog.exec() == QDialog.Accepted:
        as_date = lambda q: dt.date(q.year(), q.month(), q.day())  # noqa: E731
        print_logbook(desk, as_date(start.date()), as_date(end.date()), window)


def _edit_templates(window) -> None:
    from ui.letters.template_editor import TemplateEditor

    TemplateEditor(window).open()

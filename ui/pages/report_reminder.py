"""The end-of-day reminder: on a working day, once the configured time (16:30) has passed and
today's report has not gone out, the officer is told — in the status bar, and once a day in a
message that offers to make the report now. A menu action makes the report from anywhere."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from app.reports import outbox
from ui.i18n import tr
from ui.interruptions import dialog_open, office_exists

CHECK_EVERY_MS = 60_000


class ReportReminder(QObject):
    checked = Signal(bool)   # a check's answer has been applied: True when the report is due and not sent

    def __init__(self, window, desk):
        super().__init__(window)
        self.window, self.desk = window, desk
        self.last_due: bool | None = None   # the latest check's answer (None until the first one)
        self.reminded_on: dt.date | None = None
        self.box: QMessageBox | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        def query(session, ctx):
            now = ctx.now()
            # Reminders wait until the office exists (a new register is still being set up).
            due = office_exists(session) and outbox.reminder_due(session, ctx.calendar, ctx.settings, now)
            return now, due, ctx.settings.report_reminder_time

        self.desk.read(query, self._result)

    def _result(self, result) -> None:
        self._apply(*result)
        self.last_due = result[1]
        self.checked.emit(result[1])

    def _apply(self, now, due, at) -> None:
        if not due:
            if self.window.statusBar().currentMessage().startswith(tr("Chưa gửi báo cáo cuối ngày")):
                self.window.statusBar().clearMessage()
            return
        text = tr("Chưa gửi báo cáo cuối ngày {day} (nhắc lúc {at}).").format(day=f"{now:%d/%m/%Y}", at=at)
        self.window.statusBar().showMessage(text)
        if self.reminded_on == now.date() or dialog_open(self.window):
            return   # once a day, and never over another dialog (it comes at the next check)
        self.reminded_on = now.date()
        box = QMessageBox(QMessageBox.Warning, tr("Nhắc gửi báo cáo cuối ngày"),
                          text + "\n" + tr("Cấp trên cần nhận báo cáo trước giờ hết ngày làm việc."),
                          QMessageBox.NoButton, self.window)
        make = box.addButton(tr("Lập báo cáo ngay"), QMessageBox.AcceptRole)
        box.addButton(tr("Để sau"), QMessageBox.RejectRole)
        box.setModal(False)
        box.buttonClicked.connect(lambda button: self._go() if button is make else None)
        self.box = box
        box.show()

    def _go(self) -> None:
        self.desk.show_page.emit("reports", None)
        page = getattr(self.window, "pages", {}).get("reports")
        if page is not None:
            page.export_daily()


def install(window, desk) -> ReportReminder:
    reminder = ReportReminder(window, desk)
    window.report_reminder = reminder
    action = QAction(tr("Báo cáo cuối ngày…"), window)
    action.triggered.connect(reminder._go)
    window.menus["tools"].addAction(action)
    QTimer.singleShot(0, reminder.check)
    return reminder

"""Lập phiếu xin lỗi: the reason, the new return date (proposed, with the working days it adds), the issue date.

A late letter (issued after the apology deadline) is said plainly and needs a
tick before the button works; it is recorded as late. "Late" is the core's own
judgement (``Proposal.late`` → ``app.letters.is_late``), so a back-dated letter
is judged here exactly as when it is issued. The dialog also says who signs
(the deciding unit's head, or the office's) and warns before a letter that will
take a second page.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app import letters
from app.formatting import date_vi, datetime_vi
from ui.desk import Changes, Desk
from ui.i18n import tr, weekday_name


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class IssueLetterDialog(QDialog):
    issued = Signal(object)  # app.letters.IssuedLetter

    def __init__(self, desk: Desk, dossier_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk, self.dossier_id = desk, dossier_id
        self.proposal: letters.Proposal | None = None
        self.calendar = None
        self.result_letter: letters.IssuedLetter | None = None
        self.setWindowTitle(tr("Lập phiếu xin lỗi và hẹn lại ngày trả kết quả"))

        self.summary = QLabel(tr("Đang tải hồ sơ…"))
        self.summary.setWordWrap(True)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(list(letters.COMMON_REASONS))
        self.reason.setCurrentIndex(-1)
        self.reason.lineEdit().setPlaceholderText(tr("Chọn lý do thường gặp hoặc gõ lý do cụ thể"))
        self.reason.setMinimumWidth(460)
        self.new_date = QDateEdit()
        self.new_date.setCalendarPopup(True)
        self.new_date.setDisplayFormat("dd/MM/yyyy")
        self.added = QLabel()
        self.issued_on = QDateEdit()
        self.issued_on.setCalendarPopup(True)
        self.issued_on.setDisplayFormat("dd/MM/yyyy")
        self.late_warning = QLabel()
        self.late_warning.setWordWrap(True)
        self.late_warning.setStyleSheet("color: #a40000; font-weight: bold;")
        self.confirm_late = QCheckBox(tr("Tôi xác nhận phát hành phiếu muộn (phiếu sẽ được ghi nhận là gửi muộn)"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a40000;")
        self.signer = QLabel()
        self.signer.setWordWrap(True)
        self.pages_warning = QLabel()
        self.pages_warning.setWordWrap(True)
        self.pages_warning.setStyleSheet("color: #8a5a00;")
        self.pages_warning.hide()
        self.pages: int | None = None
        self._pages_timer = QTimer(self)
        self._pages_timer.setSingleShot(True)
        self._pages_timer.setInterval(300)
        self._pages_timer.timeout.connect(self._count_pages)

        form = QFormLayout()
        form.addRow(tr("Lý do chậm trả:"), self.reason)
        form.addRow(tr("Ngày hẹn trả mới:"), self.new_date)
        form.addRow("", self.added)
        form.addRow(tr("Ngày phát hành phiếu:"), self.issued_on)
        form.addRow(tr("Người ký:"), self.signer)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.issue_button = self.buttons.addButton(tr("Phát hành và xem phiếu"), QDialogButtonBox.AcceptRole)
        self.issue_button.setEnabled(False)
        self.buttons.accepted.connect(self._issue)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.late_warning)
        layout.addWidget(self.confirm_late)
        layout.addWidget(self.pages_warning)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for signal in (self.new_date.dateChanged, self.issued_on.dateChanged):
            signal.connect(self._update)
        self.confirm_late.toggled.connect(self._update)
        self.reason.editTextChanged.connect(self._update)
        self.late_warning.hide()
        self.confirm_late.hide()

        def load(session, ctx):
            return letters.propose(session, ctx, dossier_id), ctx.calendar

        desk.read(load, self._loaded, parent=self)

    def _loaded(self, result) -> None:
        self.proposal, self.calendar = result
        p = self.proposal
        lines = [f"<b>{p.code}</b> — {p.applicant_name}", p.procedure_name]
        if p.due_at:
            lines.append(tr("Hẹn trả hiện tại:") + f" <b>{datetime_vi(p.due_at)}</b> ({weekday_name(p.due_at.date())}); "
                         + tr("hạn gửi phiếu xin lỗi:") + f" <b>{weekday_name(p.deadline)}, {date_vi(p.deadline)}</b>")
        self.summary.setText("<br>".join(lines))
        if p.issuer is not None:
            signer = "<b>{title} {name}</b> — {body}".format(title=p.issuer.head_title, name=p.issuer.head_name,
                                                            body=p.issuer.name)
            if not p.can_sign:
                signer += "<br>" + tr("Anh/chị lập phiếu; bản in được trình người ký ký và đóng dấu.")
            self.signer.setText(signer)
            self.adjustSize()
        if p.refusal:
            self.error.setText(p.refusal)
            for widget in (self.reason, self.new_date, self.issued_on):
                widget.setEnabled(False)
            return
        self.new_date.setMinimumDate(_qdate(p.due_at.date() + dt.timedelta(days=1)))
        self.new_date.setDate(_qdate(p.new_date))
        self.issued_on.setMaximumDate(_qdate(p.today))
        self.issued_on.setDate(_qdate(p.today))
        self._update()

    def _update(self, *_args) -> None:
        p = self.proposal
        if p is None or p.refusal:
            return
        new_date, issued_on = _date(self.new_date.date()), _date(self.issued_on.date())
        if self.calendar.is_working_day(new_date):
            days = self.calendar.working_days_between(p.due_at.date(), new_date)
            self.added.setText(tr("Thêm {n} ngày làm việc — {weekday}, {date}, 17:00").format(
                n=days, weekday=weekday_name(new_date), date=date_vi(new_date)))
            self.added.setStyleSheet("")
        else:
            self.added.setText("⚠ " + tr("{date} là ngày nghỉ ({note}); hãy chọn ngày làm việc.").format(
                date=date_vi(new_date), note=self.calendar.day_note(new_date)))
            self.added.setStyleSheet("color: #a40000;")
        late = p.late(issued_on)            # the core's rule: made today, so never earlier than today
        self.late_warning.setVisible(late)
        self.confirm_late.setVisible(late)
        if late:
            text = tr("Phiếu này là muộn: hạn gửi phiếu xin lỗi là {weekday}, {deadline} (một ngày làm việc "
                      "trước ngày hẹn trả). Phiếu lập ngày {made} đã qua hạn đó; phiếu sẽ được ghi nhận là "
                      "gửi muộn.").format(weekday=weekday_name(p.deadline), deadline=date_vi(p.deadline),
                                          made=date_vi(max(issued_on, p.today)))
            if issued_on < p.today:
                text += " " + tr("Ghi lùi ngày phát hành không làm phiếu thành đúng hạn.")
            self.late_warning.setText("⚠ " + text)
            self.adjustSize()
        ready = (bool(self.reason.currentText().strip()) and self.calendar.is_working_day(new_date)
                 and (not late or self.confirm_late.isChecked()))
        self.issue_button.setEnabled(ready)
        self._pages_timer.start()

    def _count_pages(self) -> None:
        """How many pages the letter will take, asked of the core as it would print it now."""
        if self.proposal is None or self.proposal.refusal or not self.reason.currentText().strip():
            return
        request = self.request()

        def count(session, ctx):
            from app.errors import AppError

            try:
                return letters.proposed_pages(session, ctx, request)
            except AppError:
                return None              # the issue itself will say what is wrong

        self.desk.read(count, self._counted, parent=self)

    def _counted(self, pages: int | None) -> None:
        self.pages = pages
        long = bool(pages and pages > 1)
        self.pages_warning.setVisible(long)
        if long:
            self.pages_warning.setText("⚠ " + tr("Phiếu sẽ in thành {n} trang (lý do dài): phần ký nằm ở trang cuối "
                                                 "cùng đoạn kết; hãy rút gọn lý do nếu muốn phiếu một trang.")
                                       .format(n=pages))
        self.adjustSize()

    def request(self) -> letters.LetterRequest:
        return letters.LetterRequest(
            self.dossier_id, self.reason.currentText(), _date(self.new_date.date()), _date(self.issued_on.date()),
            confirm_late=self.confirm_late.isChecked(), expected_version=self.proposal.version)

    def _issue(self) -> None:
        request = self.request()
        self.issue_button.setEnabled(False)
        self.error.clear()
        self.desk.write(lambda session, ctx: letters.issue(session, ctx, request), self._done,
                        changes=Changes(dossier_ids=frozenset({self.dossier_id}), dossiers=True, letters=True,
                                        reason="letter"),
                        parent=self, label=tr("Đang phát hành phiếu…"), on_error=self._failed)

    def _done(self, issued: letters.IssuedLetter) -> None:
        self.result_letter = issued
        self.issued.emit(issued)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        from app.errors import AppError
        from ui.errors import show_error

        if isinstance(error, AppError):
            self.error.setText(str(error))  # stays open: the officer corrects and tries again
            self._update()
        else:
            show_error(self, error)
            self._update()

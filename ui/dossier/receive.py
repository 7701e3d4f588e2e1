"""Tiếp nhận hồ sơ: quick from the keyboard, the due date computed live as the officer types.

Each field is checked as the officer leaves it (by the same rules of app/validation.py that
``dossiers.receive`` applies), the message under the field, cleared as soon as the text is right;
Esc on a form with anything typed asks before throwing it away. After receiving, only the receipt
slip opens; its *Mở hồ sơ* button (Ctrl+O), or *Hồ sơ › Mở hồ sơ vừa tiếp nhận* (Ctrl+Shift+O) in
the main window, opens the dossier.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import dossiers, intake, validation
from app.dossiers import NewDossier
from app.errors import AppError
from app.formatting import date_vi
from app.lifecycle import ApplicantKind, Channel
from ui.desk import Changes, Desk
from ui.dossier.procedure_picker import ProcedurePicker
from ui.errors import show_error
from ui.i18n import QT_TR_NOOP, processing_text, tr, weekday_name
from ui.screen_fit import fit_to_screen, scrolling


def to_qt(moment: dt.datetime) -> QDateTime:
    return QDateTime(moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def from_qt(value: QDateTime) -> dt.datetime:
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second())


def datetime_edit(moment: dt.datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(to_qt(moment))
    edit.setDisplayFormat("dd/MM/yyyy HH:mm")
    edit.setCalendarPopup(True)
    return edit


ERROR_STYLE = "color: #b00020;"


class ReceiveDialog(QDialog):
    received = Signal(int)  # the new dossier's id
    DISCARD_TITLE = QT_TR_NOOP("Bỏ hồ sơ đang nhập?")

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(tr("Tiếp nhận hồ sơ"))
        self.setObjectName("receiveDialog")
        self.calendar = None
        self.received_code = ""
        # Seconds are kept (though not shown): 15:00:30 is after the 15:00 cut-off, here as in the register.
        now = desk.clock.now().replace(microsecond=0)

        self.procedure = ProcedurePicker()
        self.procedure.setObjectName("procedure")
        self.applicant_name = QLineEdit()
        self.applicant_name.setObjectName("applicantName")
        self.applicant_kind = QComboBox()
        for kind in ApplicantKind:
            self.applicant_kind.addItem(tr(kind.label), kind.value)
        self.id_number = QLineEdit()
        self.id_number.setObjectName("idNumber")
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.email = QLineEdit()
        self.address = QLineEdit()
        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        for channel in Channel:
            self.channel.addItem(tr(channel.label), channel.value)
        self.received_at = datetime_edit(now)
        self.received_at.setObjectName("receivedAt")
        self.due_label = QLabel(tr("Chọn thủ tục để tính ngày hẹn trả."))
        self.due_label.setObjectName("dueLabel")
        self.due_label.setTextFormat(Qt.RichText)
        self.due_label.setStyleSheet("font-size: 11pt;")
        self.apology_label = QLabel()
        self.apology_label.setObjectName("apologyLabel")
        self.manual_due = QCheckBox(tr("Hẹn ngày khác (phải ghi lý do)"))
        self.manual_due_at = datetime_edit(now)
        self.manual_reason = QLineEdit()
        self.manual_reason.setPlaceholderText(tr("Lý do hẹn ngày khác thời hạn của thủ tục"))
        for w in (self.manual_due_at, self.manual_reason):
            w.setEnabled(False)
        self.manual_due.toggled.connect(self.manual_due_at.setEnabled)
        self.manual_due.toggled.connect(self.manual_reason.setEnabled)
        self.fee_paid = QCheckBox(tr("Đã nộp phí, lệ phí"))
        self.paid_online = QCheckBox(tr("Thanh toán trực tuyến"))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(54)
        # The papers handed in, one per line, printed on the receipt slip: the procedure's list to start with.
        self.papers = QPlainTextEdit()
        self.papers.setObjectName("papers")
        self.papers.setFixedHeight(72)
        self.papers.setPlaceholderText(tr("Mỗi dòng một loại giấy tờ (in trên giấy tiếp nhận)"))
        self.print_receipt = QCheckBox(tr("In giấy tiếp nhận và hẹn trả kết quả sau khi tiếp nhận"))
        self.print_receipt.setObjectName("printReceipt")
        self.print_receipt.setChecked(True)

        # Under each checked field, its message as the officer leaves it (empty while the field is right).
        self.errors: dict[QWidget, QLabel] = {}
        form = QFormLayout()
        form.addRow(tr("Thủ tục (*)"), self._checked(self.procedure, self._procedure_problem))
        form.addRow(tr("Người nộp (*)"), self._checked(self.applicant_name, lambda: validation.required_text(
            self.applicant_name.text(), "họ tên người nộp", 300)))
        form.addRow(tr("Người nộp là"), self.applicant_kind)
        form.addRow(tr("Số CCCD / mã số"), self._checked(self.id_number, lambda: validation.identity_number(
            self.id_number.text(), self.applicant_kind.currentData() == ApplicantKind.ORGANISATION.value)))
        form.addRow(tr("Điện thoại"), self._checked(self.phone, lambda: validation.phone(self.phone.text())))
        form.addRow(tr("Thư điện tử"), self._checked(self.email, lambda: validation.email(self.email.text())))
        self.applicant_kind.currentIndexChanged.connect(lambda _: self._recheck(self.id_number))
        form.addRow(tr("Địa chỉ"), self.address)
        form.addRow(tr("Hình thức nộp"), self.channel)
        form.addRow(tr("Thời điểm tiếp nhận"), self.received_at)
        due_box = QGroupBox(tr("Ngày hẹn trả kết quả"))
        due_layout = QVBoxLayout(due_box)
        due_layout.addWidget(self.due_label)
        due_layout.addWidget(self.apology_label)
        manual = QHBoxLayout()
        manual.addWidget(self.manual_due)
        manual.addWidget(self.manual_due_at)
        due_layout.addLayout(manual)
        due_layout.addWidget(self.manual_reason)
        form.addRow(due_box)
        fees = QHBoxLayout()
        fees.addWidget(self.fee_paid)
        fees.addWidget(self.paid_online)
        fees.addStretch(1)
        form.addRow(fees)
        form.addRow(tr("Giấy tờ đã nhận"), self.papers)
        form.addRow(tr("Ghi chú"), self.notes)
        form.addRow(self.print_receipt)

        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton(tr("Tiếp nhận hồ sơ"), QDialogButtonBox.AcceptRole)
        self.ok.setObjectName("receiveButton")
        self.ok.setToolTip(tr("Ctrl+Enter"))
        self.buttons.addButton(tr("Hủy"), QDialogButtonBox.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.submit)
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=self.submit)

        fields = QWidget()
        fields.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(fields), 1)   # a small screen scrolls the form; the buttons stay in view
        layout.addWidget(self.buttons)
        fit_to_screen(self, (660, fields.sizeHint().height() + self.buttons.sizeHint().height() + 40))

        self._initial = self._snapshot()
        self.procedure.chosen.connect(lambda _: self.update_due())
        self.procedure.chosen.connect(lambda choice: self._recheck(self.procedure) if choice else None)
        self.procedure.chosen.connect(lambda _: self._fill_papers())
        self._papers_default = ""
        self.received_at.dateTimeChanged.connect(lambda _: self.update_due())
        self.desk.read(lambda session, ctx: (intake.procedure_choices(session), ctx.calendar), self._loaded)

    # --- checking as the officer goes -----------------------------------
    def _checked(self, field: QLineEdit, check) -> QWidget:
        """The field with its message line under it; checked on leaving, re-checked while a message shows."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        error = QLabel()
        error.setObjectName(f"{field.objectName() or 'field'}Error")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        column.addWidget(field)
        column.addWidget(error)
        self.errors[field] = error
        field.setProperty("check", check)
        field.editingFinished.connect(lambda f=field: self._recheck(f, leaving=True))
        field.textEdited.connect(lambda _text, f=field: self._recheck(f) if self.errors[f].isVisible() else None)
        return box

    def _recheck(self, field: QLineEdit, leaving: bool = False) -> bool:
        """Show (or clear) the field's message; True when it is right. An empty optional field is right."""
        error = self.errors[field]
        if not leaving and not error.isVisible():
            return True
        try:
            field.property("check")()
        except AppError as problem:
            error.setText(str(problem))
            error.show()
            return False
        error.clear()
        error.hide()
        return True

    def _procedure_problem(self) -> None:
        if self.procedure.current is not None or self.calendar is None:
            return
        typed = self.procedure.text().strip()
        if not typed:
            raise _FormError(tr("Chưa chọn thủ tục: gõ mã hoặc tên thủ tục rồi chọn trong danh sách."),
                             self.procedure)
        if not self.procedure.matches():
            raise _FormError(tr("Không có thủ tục nào khớp “{text}”: gõ mã hoặc vài chữ của tên thủ tục.")
                             .format(text=typed), self.procedure)
        raise _FormError(tr("“{text}” khớp {n} thủ tục: chọn một trong danh sách (mũi tên xuống rồi Enter).")
                         .format(text=typed, n=self.procedure.matches()), self.procedure)

    def field_error(self, field: QLineEdit) -> str:
        """The message shown under a field ('' when none)."""
        error = self.errors[field]
        return error.text() if error.isVisible() else ""

    # --- leaving without receiving ---------------------------------------
    def _snapshot(self) -> tuple:
        return (self.procedure.text(), self.applicant_name.text(), self.applicant_kind.currentIndex(),
                self.id_number.text(), self.phone.text(), self.email.text(), self.address.text(),
                self.channel.currentIndex(), self.manual_due.isChecked(), self.manual_reason.text(),
                self.fee_paid.isChecked(), self.paid_online.isChecked(), self.notes.toPlainText())

    def is_changed(self) -> bool:
        return self._snapshot() != self._initial

    def reject(self) -> None:
        """Esc or *Hủy*: a form with something typed is thrown away only when the officer says so."""
        if self.ok.isEnabled() and self.is_changed():
            answer = QMessageBox.question(
                self, tr(self.DISCARD_TITLE),
                tr("Hồ sơ đang nhập chưa được tiếp nhận. Bỏ những gì đã nhập và đóng?"),
                QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Cancel)
            if answer != QMessageBox.Discard:
                return
        super().reject()

    def _loaded(self, result) -> None:
        choices, self.calendar = result
        self.procedure.set_choices(choices)
        if not choices:
            self.procedure.setPlaceholderText(tr("Danh mục thủ tục còn trống: hãy nhập danh mục thủ tục trước "
                                                 "(Tệp → Nhập danh mục thủ tục)."))
        self.update_due()

    def _fill_papers(self) -> None:
        """The chosen procedure's list, unless the officer has already written their own."""
        choice = self.procedure.current
        if choice is None:
            return
        if self.papers.toPlainText().strip() in ("", self._papers_default.strip()):
            self.papers.setPlainText(choice.papers)
        self._papers_default = choice.papers

    def update_due(self) -> None:
        choice = self.procedure.current
        if choice is None or self.calendar is None:
            self.due_label.setText(tr("Chọn thủ tục để tính ngày hẹn trả."))
            self.apology_label.clear()
            return
        try:
            preview = intake.preview_due(self.calendar, from_qt(self.received_at.dateTime()), choice.processing)
        except AppError as error:
            self.due_label.setText(f"<span style='color:#b00020'>{error}</span>")
            self.apology_label.clear()
            return
        due = preview.due_at
        text = tr("{weekday}, {date} lúc {time} ({processing}; tính từ {start})").format(
            weekday=weekday_name(due.date()), date=date_vi(due), time=f"{due:%H:%M}",
            processing=processing_text(choice.processing), start=date_vi(preview.counting_from))
        note = (f"<br><span style='color:#8a5a00'>⚠ {html.escape(preview.provisional_note)}</span>"
                if preview.provisional_note else "")  # from app: the calendar's own words, in Vietnamese
        self.due_label.setText(f"<b>{text}</b>{note}")
        self.apology_label.setText(
            tr("Nếu không kịp, phải gửi phiếu xin lỗi chậm nhất ngày {day}.").format(
                day=preview.apology_by.strftime("%d/%m/%Y")))
        if not self.manual_due.isChecked():
            self.manual_due_at.setDateTime(to_qt(preview.due_at))

    def new_dossier(self) -> NewDossier:
        choice = self.procedure.current
        if choice is None:
            raise _FormError(tr("Chưa chọn thủ tục: gõ mã hoặc tên thủ tục rồi chọn trong danh sách."),
                             self.procedure)
        manual = self.manual_due.isChecked()
        return NewDossier(
            procedure_code=choice.code,
            applicant_name=self.applicant_name.text(),
            applicant_id_number=self.id_number.text(),
            applicant_address=self.address.text(),
            applicant_phone=self.phone.text(),
            applicant_email=self.email.text(),
            applicant_kind=self.applicant_kind.currentData(),
            channel=self.channel.currentData(),
            received_at=from_qt(self.received_at.dateTime()),
            due_at=from_qt(self.manual_due_at.dateTime()) if manual else None,
            due_reason=self.manual_reason.text() if manual else "",
            fee_paid=self.fee_paid.isChecked(),
            paid_online=self.paid_online.isChecked(),
            notes=self.notes.toPlainText(),
            papers_received=self.papers.toPlainText(),
        )

    def submit(self) -> None:
        if not self.ok.isEnabled():
            return
        wrong = [field for field in self.errors if not self._recheck(field, leaving=True)]
        if wrong:    # the messages are under the fields: the cursor goes to the first
            wrong[0].setFocus()
            return
        try:
            data = self.new_dossier()
        except _FormError as error:
            show_error(self, error)
            error.widget.setFocus()
            return
        self.ok.setEnabled(False)

        def done(view) -> None:
            self.received_code = view.code
            self.received.emit(view.id)
            # Only one thing opens: the receipt to print (its *Mở hồ sơ* button opens the dossier),
            # or, when no receipt is wanted, the dossier itself.
            if self.print_receipt.isChecked():
                from ui.letters.actions import print_receipt

                print_receipt(self.desk, view.id, self.parentWidget(),
                              open_dossier=lambda: self.desk.open_dossier.emit(view.id))
            else:
                self.desk.open_dossier.emit(view.id)
            self.accept()

        def failed(error: BaseException) -> None:
            self.ok.setEnabled(True)
            show_error(self, error)

        self.desk.write(lambda session, ctx: dossiers.receive(session, ctx, data), done,
                        changes=lambda view: Changes.dossier(view.id, "received"), parent=self, on_error=failed)


class _FormError(AppError):
    def __init__(self, message: str, widget):
        super().__init__(message)
        self.widget = widget

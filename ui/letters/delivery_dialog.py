"""How the apology letter reached the applicant: a line and a button on the letter tab, and the dialog that
records the delivery (at the counter, by post, text message, portal, phone) or sends the letter by e-mail.

All register work runs in the background through the desk (app.letter_delivery does the checking)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import letter_delivery
from app.formatting import datetime_vi
from app.letter_delivery import Delivery, DeliveryVia
from ui.desk import Changes
from ui.i18n import tr
from ui.tasks import describe


def _qdatetime(moment: dt.datetime) -> QDateTime:
    return QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))


def _changes(delivery: Delivery) -> Changes:
    return Changes(dossier_ids=frozenset({delivery.dossier_id}), dossiers=True, letters=True, reason="delivery")


class DeliveryBox(QWidget):
    """"Giao phiếu: …" and the button that opens the dialog; placed under the letter's details."""

    def __init__(self, desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.delivery: Delivery | None = None
        self.dialog: DeliveryDialog | None = None
        self.status = QLabel()
        self.status.setObjectName("letterDelivery")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.RichText)
        self.button = QPushButton(tr("Ghi nhận đã giao phiếu…"))
        self.button.setObjectName("recordDelivery")
        self.button.clicked.connect(self.open_dialog)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.status)
        layout.addLayout(row)

    def load(self, dossier_id: int) -> None:
        self.status.setText(tr("Giao phiếu") + ": " + tr("đang tải…"))
        self.button.setEnabled(False)
        self.desk.read(lambda session, ctx: letter_delivery.get_delivery(session, dossier_id), self._show, parent=self)

    def _show(self, delivery: Delivery | None) -> None:
        self.delivery = delivery
        if delivery is None:
            self.hide()
            return
        if delivery.delivered:
            text = "<b>" + tr("Đã giao") + "</b>: " + tr(delivery.via.label) + ", " + datetime_vi(delivery.at)
            if delivery.by:
                text += f" ({delivery.by})"
            if delivery.note:
                text += f" — {delivery.note}"
            self.button.setText(tr("Sửa thông tin giao phiếu…"))
        else:
            text = "<b style='color:#8a5a00'>" + tr("Chưa giao cho người nộp") + "</b>"
            if delivery.email_error:
                text += "<br>" + tr("Gửi thư lỗi") + ": " + delivery.email_error
            self.button.setText(tr("Ghi nhận đã giao phiếu…"))
        self.status.setText(tr("Giao phiếu") + ": " + text)
        self.button.setEnabled(True)
        self.show()

    def open_dialog(self) -> DeliveryDialog | None:
        if self.delivery is None:
            return None
        self.dialog = DeliveryDialog(self.desk, self.delivery, self)
        self.dialog.updated.connect(self._show)
        self.dialog.open()
        return self.dialog


class DeliveryDialog(QDialog):
    updated = Signal(object)   # the Delivery as it now stands (recorded, corrected, or an e-mail that failed)

    def __init__(self, desk, delivery: Delivery, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.delivery = delivery
        self.correcting = delivery.delivered
        self.setWindowTitle(tr("Sửa thông tin giao phiếu") if self.correcting else tr("Giao phiếu xin lỗi"))
        self.setMinimumWidth(520)
        intro = QLabel(tr("Phiếu xin lỗi số {number} — hồ sơ {code}").format(number=delivery.number_text,
                                                                          code=delivery.dossier_code))
        intro.setWordWrap(True)
        self.via = QComboBox()
        self.via.setObjectName("deliveryVia")
        for member in DeliveryVia:
            if self.correcting and (member is DeliveryVia.EMAIL) != (delivery.via is DeliveryVia.EMAIL):
                continue  # an e-mail's delivery is the server's word: never turned into or out of one
            self.via.addItem(tr(member.label), member.value)
        if self.correcting:
            self.via.setCurrentIndex(max(0, self.via.findData(delivery.via.value)))
        now = desk.clock.now()
        self.when = QDateTimeEdit(_qdatetime(delivery.at if self.correcting else now))
        self.when.setObjectName("deliveryAt")
        self.when.setDisplayFormat("HH:mm dd/MM/yyyy")
        self.when.setCalendarPopup(True)
        self.when.setMaximumDateTime(_qdatetime(now))
        self.note = QLineEdit(delivery.note if self.correcting else "")
        self.note.setObjectName("deliveryNote")
        self.note.setPlaceholderText(tr("Ví dụ: số vận đơn bưu chính, người nhận thay"))
        self.reason = QLineEdit()
        self.reason.setObjectName("correctionReason")
        self.reason.setPlaceholderText(tr("Vì sao sửa (bắt buộc)"))
        self.email_info = QLabel()
        self.email_info.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("deliveryError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b3261e")
        self.error.hide()

        form = QFormLayout()
        form.addRow(tr("Cách giao:"), self.via)
        form.addRow(tr("Thời điểm giao:"), self.when)
        form.addRow(tr("Ghi chú:"), self.note)
        if self.correcting:
            form.addRow(tr("Lý do sửa:"), self.reason)
        else:
            self.reason.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.Ok)
        self.ok.setObjectName("deliveryOk")
        self.buttons.button(QDialogButtonBox.Cancel).setText(tr("Hủy"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.email_info)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.via.currentIndexChanged.connect(lambda _i: self._on_via())
        self._on_via()

    def chosen(self) -> DeliveryVia:
        return DeliveryVia(self.via.currentData())

    def _by_email(self) -> bool:
        return self.chosen() is DeliveryVia.EMAIL and not self.correcting

    def _on_via(self) -> None:
        email = self._by_email()
        self.when.setEnabled(not email)
        self.email_info.setVisible(email)
        if email:
            address = self.delivery.applicant_email
            self.email_info.setText(
                tr("Phiếu (PDF) sẽ được gửi tới {address} qua máy chủ thư đi; chỉ ghi là đã giao khi máy chủ đã "
                   "nhận thư.").format(address=address) if address else
                tr("Hồ sơ chưa có địa chỉ thư điện tử của người nộp: hãy bổ sung vào hồ sơ, hoặc chọn cách giao khác."))
            self.ok.setText(tr("Gửi thư"))
        else:
            self.ok.setText(tr("Lưu") if self.correcting else tr("Ghi nhận"))
        self.adjustSize()

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.ok.setEnabled(True)
        self.adjustSize()   # the message may take several lines: never let it overlap the fields

    def _fail(self, error: BaseException) -> None:
        self._say(describe(error))

    def _done(self, delivery: Delivery) -> None:
        self.updated.emit(delivery)
        self.accept()

    def submit(self) -> None:
        self.error.hide()
        self.ok.setEnabled(False)
        dossier_id, via = self.delivery.dossier_id, self.chosen()
        if self._by_email():
            Session, clock, user_id = self.desk.Session, self.desk.clock, self.desk.user_id
            self.desk.run(lambda _progress: letter_delivery.send_by_email(Session, clock, user_id, dossier_id),
                          self._mailed, parent=self, label=tr("Đang gửi phiếu qua thư điện tử…"), on_error=self._fail)
            return
        at = self.when.dateTime().toPython().replace(second=0, microsecond=0)
        note, reason = self.note.text(), self.reason.text()
        if self.correcting:
            def action(session, ctx):
                return letter_delivery.correct(session, ctx, dossier_id, via, at, note, reason=reason)
        else:
            def action(session, ctx):
                return letter_delivery.record(session, ctx, dossier_id, via, at, note)
        self.desk.write(action, self._done, changes=_changes, parent=self, on_error=self._fail)

    def _mailed(self, outcome: letter_delivery.EmailOutcome) -> None:
        if outcome.sent:
            self.desk.announce(_changes(outcome.delivery))
            self._done(outcome.delivery)
            return
        self._say(tr("Chưa gửi được thư; phiếu vẫn là chưa giao và thư được giữ trong hộp thư đi để gửi lại.")
                  + "\n" + outcome.item.last_error)
        self.updated.emit(outcome.delivery)   # the box shows the failure too

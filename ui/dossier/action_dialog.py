"""The small dialog behind each lifecycle action: when, why, how the result went out."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from app.lifecycle import CLOSED_WITH_REASON, ResultDelivery, Status
from ui.dossier.receive import datetime_edit, from_qt
from ui.i18n import QT_TR_NOOP, tr


class ActionDialog(QDialog):
    def __init__(self, title: str, target: Status, now: dt.datetime, parent=None):
        super().__init__(parent)
        self.target = target
        self.setWindowTitle(tr(title))
        form = QFormLayout()
        self.at = datetime_edit(now.replace(second=0, microsecond=0))
        self.at.setObjectName("actionAt")
        label = {Status.RESULT_READY: QT_TR_NOOP("Thời điểm có kết quả"),
                 Status.RETURNED: QT_TR_NOOP("Thời điểm trả kết quả")}
        form.addRow(tr(label.get(target, QT_TR_NOOP("Thời điểm"))), self.at)
        self.reason = QLineEdit()
        self.reason.setObjectName("actionReason")
        reason_label = {Status.SUPPLEMENT: QT_TR_NOOP("Giấy tờ cần bổ sung (*)"),
                        Status.REFUSED: QT_TR_NOOP("Lý do từ chối (*)"),
                        Status.WITHDRAWN: QT_TR_NOOP("Lý do rút hồ sơ (*)"),
                        Status.STOPPED: QT_TR_NOOP("Lý do dừng xử lý (*)")}
        if target in CLOSED_WITH_REASON or target is Status.SUPPLEMENT:
            form.addRow(tr(reason_label[target]), self.reason)
        else:
            form.addRow(tr("Ghi chú"), self.reason)
        self.delivery = QComboBox()
        for delivery in ResultDelivery:
            self.delivery.addItem(tr(delivery.label), delivery.value)
        if target is Status.RETURNED:
            form.addRow(tr("Hình thức nhận kết quả"), self.delivery)
        # Returning the result is the moment the citizen judges the service: one keystroke, or skipped.
        self.rating = None
        if target is Status.RETURNED:
            from ui.ratings.picker import RatingPicker

            self.rating = RatingPicker(parent=self)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(tr("Thực hiện"))
        buttons.button(QDialogButtonBox.Cancel).setText(tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if target is Status.SUPPLEMENT:
            layout.addWidget(QLabel(tr("Thời gian chờ bổ sung không tính vào thời hạn giải quyết.")))
        layout.addLayout(form)
        if self.rating is not None:
            layout.addWidget(self.rating)
            self.rating.focus_first()   # the keys 1/2/3 work at once; Enter returns the result
        layout.addWidget(buttons)

    def values(self) -> dict:
        values = {"at": from_qt(self.at.dateTime()), "reason": self.reason.text()}
        if self.target is Status.RETURNED:
            values["result_delivery"] = self.delivery.currentData()
        return values

    def accept(self) -> None:
        if self.rating is not None and not self.rating.check():
            return   # "Không hài lòng" without a reason: said under the choices, the dialog stays
        super().accept()

    def rating_value(self) -> dict | None:
        """The citizen's rating taken with the result ({"level", "reasons", "note"}), or None (skipped)."""
        return self.rating.value() if self.rating is not None else None


class DueDialog(QDialog):
    """Change the due date by hand: allowed only with a recorded reason."""

    def __init__(self, due: dt.datetime, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Đổi ngày hẹn trả"))
        form = QFormLayout()
        self.due = datetime_edit(due)
        self.reason = QLineEdit()
        form.addRow(tr("Ngày hẹn trả mới"), self.due)
        form.addRow(tr("Lý do (*)"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(tr("Đổi hạn"))
        buttons.button(QDialogButtonBox.Cancel).setText(tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Trễ hạn do cơ quan thì phải gửi phiếu xin lỗi (thẻ “Phiếu xin lỗi”), "
                                   "không đổi hạn ở đây.")))
        layout.addLayout(form)
        layout.addWidget(buttons)

"""Record a rating given later (on paper, by phone, through the portal), or correct one with a reason."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from app.ratings import RatingView, Via
from ui.dossier.receive import datetime_edit, from_qt
from ui.i18n import tr
from ui.ratings.picker import RatingPicker


class RatingDialog(QDialog):
    def __init__(self, now: dt.datetime, existing: RatingView | None = None, parent=None):
        super().__init__(parent)
        self.existing = existing
        self.setWindowTitle(tr("Sửa đánh giá của người dân") if existing else tr("Ghi nhận đánh giá của người dân"))
        self.picker = RatingPicker(tr("Mức đánh giá (bấm phím số)"), self)
        self.via = QComboBox()
        self.via.setObjectName("ratingVia")
        for via in Via:
            self.via.addItem(tr(via.label), via.value)
        self.at = datetime_edit((existing.rated_at if existing else now).replace(second=0, microsecond=0))
        self.at.setObjectName("ratingAt")
        self.fix = QLineEdit()
        self.fix.setObjectName("ratingFix")
        form = QFormLayout()
        form.addRow(tr("Cách đánh giá"), self.via)
        form.addRow(tr("Thời điểm đánh giá"), self.at)
        if existing is not None:
            form.addRow(tr("Lý do sửa (*)"), self.fix)
            self.picker.set_value(existing.level, existing.reasons, existing.note)
            self.via.setCurrentIndex(self.via.findData(existing.via.value))
        else:
            self.via.setCurrentIndex(self.via.findData(Via.PHONE.value))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(tr("Lưu đánh giá"))
        buttons.button(QDialogButtonBox.Cancel).setText(tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.message = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.picker.focus_first()

    def accept(self) -> None:
        if self.picker.level is None:
            self.message.setText(tr("Chọn mức đánh giá (phím 1, 2 hoặc 3)."))
            return
        if not self.picker.check():
            return
        super().accept()

    def values(self) -> dict:
        value = self.picker.value()
        assert value is not None  # accept() needs a level
        values = {**value, "via": self.via.currentData(), "at": from_qt(self.at.dateTime())}
        if self.existing is not None:
            values["reason"] = self.fix.text()
        return values

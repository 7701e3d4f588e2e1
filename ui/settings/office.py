"""Cơ quan: the office's name, parent body, place, head and contacts, as printed on every paper."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit

from app.catalog import OFFICE_FIELDS, check_office_value
from ui.i18n import QT_TR_NOOP, tr
from ui.settings.base import Field, SettingsPage

LABELS = {
    "name": QT_TR_NOOP("Tên cơ quan (*)"),
    "parent_agency": QT_TR_NOOP("Cơ quan chủ quản"),
    "place_name": QT_TR_NOOP("Địa danh (ghi trên văn bản)"),
    "agency_code": QT_TR_NOOP("Mã định danh cơ quan"),
    "head_title": QT_TR_NOOP("Chức vụ người đứng đầu"),
    "head_name": QT_TR_NOOP("Họ tên người đứng đầu"),
    "letter_symbol": QT_TR_NOOP("Ký hiệu văn bản (ví dụ TTPVHCC)"),
    "address": QT_TR_NOOP("Địa chỉ"),
    "phone": QT_TR_NOOP("Điện thoại"),
    "email": QT_TR_NOOP("Thư điện tử"),
    "report_recipient": QT_TR_NOOP("Nơi nhận báo cáo"),
}


def _check(field: str, value: str) -> str:
    if field == "name" and not value.strip():
        from app.errors import ValidationError

        raise ValidationError("Tên cơ quan không được để trống.")
    return check_office_value(field, value)


class OfficePage(SettingsPage):
    key = "office"
    title = QT_TR_NOOP("Cơ quan")

    def __init__(self, desk, dialog):
        super().__init__(desk, dialog)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        intro = QLabel(tr("In ở đầu phiếu xin lỗi, giấy tiếp nhận và báo cáo. Đơn vị giải quyết có người ký riêng "
                          "thì phiếu của đơn vị in theo đơn vị (trang “Đơn vị giải quyết”)."))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.fields: dict[str, Field] = {}
        for key in ("name", "parent_agency", "place_name", "agency_code", "head_title", "head_name",
                    "letter_symbol", "address", "phone", "email", "report_recipient"):
            field = Field("office_" + key, QLineEdit(), lambda value, k=key: _check(k, value))
            field.edited.connect(self.edited)
            self.fields[key] = field
            form.addRow(tr(LABELS[key]), field)
        assert set(self.fields) == set(OFFICE_FIELDS)

    def load(self, snapshot) -> None:
        super().load(snapshot)
        for key, field in self.fields.items():
            field.set_value(getattr(snapshot.office, key))

    def office_changes(self) -> dict[str, str]:
        if self.snapshot is None:
            return {}
        return {key: field.value() for key, field in self.fields.items()
                if field.value() != getattr(self.snapshot.office, key)}

    def problem(self) -> str | None:
        for field in self.fields.values():
            reason = field.validate()
            if reason:
                return reason
        return None

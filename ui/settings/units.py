"""Đơn vị giải quyết: the deciding units with their own printed name, parent body, signer and symbol;
add, rename, merge an imported duplicate into another, retire. Each action is its own transaction."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app import units
from app.units import UNIT_FIELDS, UnitView
from ui.desk import Changes
from ui.errors import show_error
from ui.i18n import QT_TR_NOOP, tr
from ui.screen_fit import fit_to_screen
from ui.settings.base import HELP_STYLE, Field, SettingsPage

LABELS = {
    "name": QT_TR_NOOP("Tên đơn vị trong sổ (*)"),
    "full_name": QT_TR_NOOP("Tên in trên văn bản"),
    "parent_agency": QT_TR_NOOP("Cơ quan chủ quản"),
    "head_title": QT_TR_NOOP("Chức vụ người ký (ví dụ TRƯỞNG PHÒNG)"),
    "head_name": QT_TR_NOOP("Họ tên người ký"),
    "letter_symbol": QT_TR_NOOP("Ký hiệu văn bản"),
}
COLUMNS = (QT_TR_NOOP("Mã"), QT_TR_NOOP("Tên đơn vị"), QT_TR_NOOP("Tên in trên văn bản"),
           QT_TR_NOOP("Người ký"), QT_TR_NOOP("Ký hiệu"), QT_TR_NOOP("Hồ sơ"), QT_TR_NOOP("Lãnh đạo (tài khoản)"),
           QT_TR_NOOP("Trạng thái"))


class UnitDialog(QDialog):
    """A unit's fields, each checked as typed (the same checks as ``app.units``)."""

    def __init__(self, unit: UnitView | None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Đơn vị giải quyết") if unit is None else unit.name)
        self.fields: dict[str, Field] = {}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        for key in UNIT_FIELDS:
            field = Field("unit_" + key, QLineEdit(), lambda value, k=key: units.check_unit_value(k, value))
            field.set_value(getattr(unit, key) if unit is not None else "")
            self.fields[key] = field
            form.addRow(tr(LABELS[key]), field)
        self.leader = QLineEdit(unit.leader if unit is not None else "")
        self.leader.setObjectName("unit_leader")
        self.leader.setPlaceholderText(tr("tên đăng nhập của lãnh đạo đơn vị (được tự sửa thông tin đơn vị)"))
        form.addRow(tr("Tài khoản lãnh đạo đơn vị"), self.leader)
        note = QLabel(tr("Điền đủ tên in, cơ quan chủ quản, chức vụ và họ tên người ký thì phiếu xin lỗi của hồ sơ "
                         "thuộc đơn vị được in và ký theo đơn vị; thiếu một mục thì theo thông tin cơ quan."))
        note.setWordWrap(True)
        note.setStyleSheet(HELP_STYLE)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setObjectName("unitOk")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        fit_to_screen(self, (620, 360))

    def _accept(self) -> None:
        if not any([field.validate() for field in self.fields.values()]):
            self.accept()

    def values(self) -> dict[str, str]:
        return {key: field.value() for key, field in self.fields.items()}


class UnitsPage(SettingsPage):
    key = "units"
    title = QT_TR_NOOP("Đơn vị giải quyết")

    def __init__(self, desk, dialog):
        super().__init__(desk, dialog)
        self.units: list[UnitView] = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("unitsTable")
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setSelectionMode(QTableWidget.SingleSelection)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _: self.edit())
        self.table.setMinimumHeight(400)
        self.table.verticalHeader().hide()
        buttons = QHBoxLayout()
        self.buttons = {}
        for name, text, slot in (("add", tr("Thêm…"), self.add), ("edit", tr("Sửa tên, người ký…"), self.edit),
                                 ("merge", tr("Gộp vào đơn vị khác…"), self.merge),
                                 ("retire", tr("Ngừng dùng / dùng lại"), self.retire)):
            button = QPushButton(text)
            button.setObjectName("unit_" + name)
            button.clicked.connect(lambda _=False, act=slot: act())
            buttons.addWidget(button)
            self.buttons[name] = button
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Phiếu xin lỗi của hồ sơ được in và ký theo đơn vị giải quyết khi đơn vị có đủ tên in, "
                          "cơ quan chủ quản và người ký; nếu không, theo thông tin cơ quan."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def load(self, snapshot) -> None:
        super().load(snapshot)
        selected = self.selected()
        self.units = list(snapshot.units)
        self.table.setRowCount(len(self.units))
        for row, unit in enumerate(self.units):
            signer = f"{unit.head_title} {unit.head_name}".strip() if unit.issues_own_letters else \
                tr("theo cơ quan")
            if unit.merged_into:
                state = tr("đã gộp vào {name}").format(name=unit.merged_into)
            else:
                state = tr("đang dùng") if unit.active else tr("ngừng dùng")
            for column, text in enumerate((unit.code, unit.name, unit.full_name, signer, unit.letter_symbol,
                                           str(unit.dossiers), unit.leader, state)):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if selected is not None and unit.id == selected.id:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        for name in ("add", "merge", "retire"):
            self.buttons[name].setEnabled(snapshot.can_manage)
        # a head of unit may keep the unit they lead right (app.units refuses any other)
        self.buttons["edit"].setEnabled(snapshot.can_manage or snapshot.leads_unit is not None)

    def selected(self) -> UnitView | None:
        row = self.table.currentRow()
        return self.units[row] if 0 <= row < len(self.units) else None

    def select(self, name: str) -> None:
        for row, unit in enumerate(self.units):
            if unit.name == name:
                self.table.selectRow(row)
                return

    def _act(self, action, done_text: str) -> None:
        def done(_result) -> None:
            self.dialog.set_status(done_text)
            self.dialog.reload()

        self.desk.write(action, done, changes=Changes(dossiers=True, settings=True, reason="units"), parent=self,
                        on_error=lambda error: show_error(self, error))

    def add(self) -> None:
        dialog = UnitDialog(None, self)
        self.unit_dialog = dialog

        def accepted() -> None:
            values = dialog.values()
            name = values.pop("name")
            values = {k: v for k, v in values.items() if v}
            leader = dialog.leader.text().strip()

            def action(s, ctx):
                view = units.add_unit(s, ctx, name, **values)
                if leader:
                    units.set_unit_leader(s, ctx, view.id, leader)
            self._act(action, tr("Đã thêm đơn vị “{name}”.").format(name=name))
        dialog.accepted.connect(accepted)
        dialog.open()

    def edit(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        dialog = UnitDialog(unit, self)
        self.unit_dialog = dialog

        def accepted() -> None:
            values = dialog.values()
            leader = dialog.leader.text().strip()

            def action(s, ctx):
                if leader != unit.leader:
                    units.set_unit_leader(s, ctx, unit.id, leader)
                units.set_unit(s, ctx, unit.id, **values)
            self._act(action, tr("Đã lưu đơn vị “{name}”.").format(name=values["name"]))
        dialog.accepted.connect(accepted)
        dialog.open()

    def merge(self) -> None:
        unit = self.selected()
        if unit is None or unit.merged_into:
            return
        others = [u for u in self.units if u.id != unit.id and not u.merged_into]
        target_name, ok = QInputDialog.getItem(
            self, tr("Gộp đơn vị"), tr("Gộp “{name}” ({n} hồ sơ, {p} thủ tục) vào đơn vị:").format(
                name=unit.name, n=unit.dossiers, p=unit.procedures), [u.name for u in others], 0, False)
        target = next((u for u in others if u.name == target_name), None)
        if not ok or target is None:
            return
        self._act(lambda s, ctx: units.merge_units(s, ctx, unit.id, target.id),
                  tr("Đã gộp “{source}” vào “{target}”.").format(source=unit.name, target=target.name))

    def retire(self) -> None:
        unit = self.selected()
        if unit is None or unit.merged_into:
            return
        self._act(lambda s, ctx: units.retire_unit(s, ctx, unit.id, active=not unit.active),
                  tr("Đã cập nhật đơn vị “{name}”.").format(name=unit.name))

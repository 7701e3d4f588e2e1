"""Ghép cột: the officer says which column of the register each header of the file is."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.importing.columns import IGNORE, Column, HeaderMatch, duplicate_sentence, header_key
from ui.i18n import tr
from ui.screen_fit import fit_to_screen


class MappingDialog(QDialog):
    def __init__(self, match: HeaderMatch, columns: dict[str, Column], source: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Ghép cột của tệp với sổ hồ sơ"))
        self.columns = columns
        self.headers = [h for h in match.headers if h.strip()]
        chosen = {index: key for key, index in match.columns.items()}
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Chọn cột tương ứng cho từng tiêu đề của tệp (cột có dấu * là bắt buộc). "
                          "Cách ghép được ghi nhớ cho nguồn “{source}”: lần sau tệp cùng nguồn sẽ tự nhận.")
                       .format(source=source))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if match.missing:
            missing = QLabel(tr("Còn thiếu: ") + ", ".join(match.missing))
            missing.setStyleSheet("color: #a40000; font-weight: bold")
            layout.addWidget(missing)
        if match.duplicates:
            twice = QLabel(tr("Hai cột cho cùng một thông tin: ") + duplicate_sentence(match)
                           + tr(". Chọn “Bỏ qua” cho cột không dùng."))
            twice.setWordWrap(True)
            twice.setStyleSheet("color: #a40000; font-weight: bold")
            layout.addWidget(twice)
        self.table = QTableWidget(len(self.headers), 2)
        self.table.setHorizontalHeaderLabels([tr("Tiêu đề trong tệp"), tr("Là cột")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.combos: list[QComboBox] = []
        positions = [i for i, h in enumerate(match.headers) if h.strip()]
        for row, (position, header) in enumerate(zip(positions, self.headers)):
            self.table.setItem(row, 0, QTableWidgetItem(header))
            combo = QComboBox()
            combo.addItem(tr("— Bỏ qua —"), IGNORE)
            for column in columns.values():
                combo.addItem(tr(column.label) + (" *" if column.required else ""), column.key)
            combo.setCurrentIndex(max(0, combo.findData(chosen.get(position, IGNORE))))
            self.table.setCellWidget(row, 1, combo)
            self.combos.append(combo)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table)
        self.error = QLabel()
        self.error.setStyleSheet("color: #a40000")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(tr("Ghép và xem trước"))
        buttons.button(QDialogButtonBox.Cancel).setText(tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, (640, 180 + 34 * len(self.headers)))

    def choose(self, header: str, key: str) -> None:
        """Set one header's column (tests, keyboard users)."""
        row = self.headers.index(header)
        self.combos[row].setCurrentIndex(self.combos[row].findData(key))

    def mapping(self) -> dict[str, str]:
        return {header_key(h): combo.currentData() for h, combo in zip(self.headers, self.combos)}

    def accept(self) -> None:
        picked = [c.currentData() for c in self.combos if c.currentData() != IGNORE]
        twice = {k for k in picked if picked.count(k) > 1}
        if twice:
            self.error.setText(tr("Mỗi cột chỉ được chọn một lần: ") +
                               ", ".join(self.columns[k].label for k in twice))
            return
        missing = [c.label for c in self.columns.values() if c.required and c.key not in picked]
        if missing:
            self.error.setText(tr("Chưa chọn cột bắt buộc: ") + ", ".join(missing))
            return
        super().accept()

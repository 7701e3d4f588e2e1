"""Tab "Số hóa" of the dossier form: the checklist, who ticked each item and when, what is still missing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from app import digitization, dossiers
from app.digitization_rules import FLAGS, missing, required_flags
from app.dossiers import DossierView
from app.formatting import datetime_vi
from ui.desk import Changes
from ui.dossier.tabs import DossierTab
from ui.i18n import QT_TR_NOOP, tr


class DigitizationTab(DossierTab):
    title = QT_TR_NOOP("Số hóa")

    def __init__(self, desk, parent=None):
        super().__init__(desk, parent)
        self.boxes: dict[str, QCheckBox] = {}
        self.stamps: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row, (flag, label) in enumerate(FLAGS.items()):
            box = QCheckBox(tr(label))
            box.setObjectName(flag)
            box.toggled.connect(self._preview)
            stamp = QLabel()
            stamp.setStyleSheet("color: #555;")
            stamp.setTextInteractionFlags(Qt.TextSelectableByMouse)
            self.boxes[flag], self.stamps[flag] = box, stamp
            grid.addWidget(box, row, 0)
            grid.addWidget(stamp, row, 1)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.RichText)
        self.unsaved = QLabel("<i>" + tr("Có thay đổi chưa lưu.") + "</i>")
        self.unsaved.setVisible(False)
        self.save_button = QPushButton(tr("Lưu danh mục số hóa"))
        self.save_button.clicked.connect(self.save)
        self.undo_button = QPushButton(tr("Hoàn tác"))
        self.undo_button.clicked.connect(lambda: self.view and self._show_flags(self.view))
        buttons = QHBoxLayout()
        buttons.addWidget(self.unsaved)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.save_button)
        legend = QLabel(tr("Chữ đậm: mục bắt buộc với hồ sơ này (theo hình thức nộp và trạng thái)."))
        legend.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(legend)
        layout.addSpacing(8)
        layout.addWidget(self.verdict)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._preview()

    # ------------------------------------------------------------ showing
    def load(self, view: DossierView) -> None:
        super().load(view)
        self._show_flags(view)
        for stamp in self.stamps.values():
            stamp.setText("")
        dossier_id = view.id
        self.desk.read(lambda session, ctx: digitization.flag_stamps(session, dossier_id),
                       lambda stamps: self._show_stamps(dossier_id, stamps), parent=self)

    def _show_flags(self, view: DossierView) -> None:
        required = set(required_flags(view.channel, view.status))
        for flag, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(bool(getattr(view, flag)))
            box.blockSignals(False)
            font = box.font()
            font.setBold(flag in required)
            box.setFont(font)
            box.setToolTip(tr("Bắt buộc với hồ sơ này") if flag in required else "")
        self._preview()

    def _show_stamps(self, dossier_id: int, stamps: dict) -> None:
        if self.view is None or self.view.id != dossier_id:
            return  # another dossier was opened meanwhile
        for flag, label in self.stamps.items():
            stamp = stamps.get(flag)
            if stamp is None:
                label.setText("—")
                continue
            verb = tr("đánh dấu") if stamp.value else tr("bỏ đánh dấu")
            extra = f" ({tr(stamp.note)})" if stamp.note else ""
            who = stamp.user or tr("không rõ")
            label.setText(f"{verb}: {who}, {datetime_vi(stamp.at)}{extra}")

    def checked(self) -> dict[str, bool]:
        return {flag: box.isChecked() for flag, box in self.boxes.items()}

    def pending(self) -> dict[str, bool]:
        """The flags the officer changed and has not saved yet."""
        if self.view is None:
            return {}
        return {flag: value for flag, value in self.checked().items() if value != bool(getattr(self.view, flag))}

    def _preview(self) -> None:
        view = self.view
        dirty = bool(self.pending())
        self.save_button.setEnabled(dirty)
        self.undo_button.setEnabled(dirty)
        if view is None:
            self.verdict.setText("")
            return
        gaps = missing(view.channel, view.status, self.checked())
        if not gaps:
            html = "<p style='color:#1b7f3b'>✓ " + tr("Hồ sơ đáp ứng đủ yêu cầu số hóa.") + "</p>"
        else:
            items = "".join(f"<li>{tr(rule.sentence)}</li>" for rule in gaps)
            html = "<p style='color:#b3261e'><b>" + tr("Còn thiếu:") + f"</b></p><ul>{items}</ul>"
        self.verdict.setText(html)
        self.unsaved.setVisible(dirty)

    # ------------------------------------------------------------ saving
    def save(self) -> None:
        if self.view is None or not self.pending():
            return
        dossier_id, version, changes = self.view.id, self.view.version, self.pending()
        self.save_button.setEnabled(False)
        self.desk.write(
            lambda session, ctx: digitization.set_flags(session, ctx, dossier_id, changes, expected_version=version),
            self.load,
            changes=lambda view: Changes.dossier(view.id, "digitization"),
            parent=self, label=tr("Đang lưu…"),
            on_error=self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        from app.errors import StaleDataError
        from ui.errors import show_error

        show_error(self, error)
        if isinstance(error, StaleDataError) and self.view is not None:
            dossier_id = self.view.id  # a colleague saved first: show their version, the officer redoes the ticks
            self.desk.read(lambda session, ctx: dossiers.get(session, dossier_id), self.load, parent=self)
        else:
            self._preview()

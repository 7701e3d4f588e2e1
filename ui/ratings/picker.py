"""The citizen's rating as the officer takes it at the counter: one keystroke per choice, and skippable.

1 Rất hài lòng · 2 Hài lòng · 3 Không hài lòng · 0 bỏ qua; for "Không hài lòng", 4–8 tick the reasons.
The keys work anywhere in the dialog except while typing in a text field (which keeps its digits).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from app.ratings import LEVEL_KEYS, REASON_KEYS, Level, Reason
from ui.i18n import tr

SKIP_KEY = "0"


class RatingPicker(QGroupBox):
    changed = Signal()

    def __init__(self, title: str | None = None, parent=None):
        super().__init__(title if title is not None else tr("Người dân đánh giá (bấm phím số; có thể bỏ qua)"), parent)
        self.setObjectName("ratingPicker")
        self.level: Level | None = None
        self.level_buttons: dict[Level, QPushButton] = {}
        levels = QHBoxLayout()
        for level in Level:
            button = QPushButton(f"{LEVEL_KEYS[level.value]}  {tr(level.label)}")
            button.setObjectName(f"rating_{level.value}")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setMinimumHeight(34)
            button.setProperty("choice", level.value)
            button.clicked.connect(self._on_choice)
            levels.addWidget(button)
            self.level_buttons[level] = button
        # the chosen level stands out (green, red for "Không hài lòng"), beside its pressed look
        self.setStyleSheet("QPushButton:checked { background: #1b6e20; color: white; font-weight: bold; }"
                           " QPushButton#rating_unsatisfied:checked { background: #b3261e; }")
        self.skip_button = QPushButton(f"{SKIP_KEY}  " + tr("Bỏ qua"))
        self.skip_button.setObjectName("rating_skip")
        self.skip_button.setAutoDefault(False)
        self.skip_button.setProperty("choice", "")
        self.skip_button.clicked.connect(self._on_choice)
        levels.addWidget(self.skip_button)
        self.reasons_label = QLabel(tr("Lý do không hài lòng (chọn một hoặc nhiều):"))
        self.reason_boxes: dict[Reason, QCheckBox] = {}
        reasons = QGridLayout()
        for index, reason in enumerate(Reason):
            box = QCheckBox(f"{REASON_KEYS[reason.value]}  {tr(reason.label)}")
            box.setObjectName(f"reason_{reason.value}")
            box.toggled.connect(self.changed)
            reasons.addWidget(box, index // 3, index % 3)
            self.reason_boxes[reason] = box
        self.note = QLineEdit()
        self.note.setObjectName("ratingNote")
        self.note.setPlaceholderText(tr("Ý kiến của người dân (nếu có)"))
        self.state = QLabel()
        self.state.setObjectName("ratingState")
        self.state.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(levels)
        layout.addWidget(self.reasons_label)
        layout.addLayout(reasons)
        layout.addWidget(self.note)
        layout.addWidget(self.state)
        # One keystroke per choice, anywhere in the window (a text field being typed in keeps its digits).
        # Bound methods and the sender's property, not lambdas: no reference cycle through a connection.
        for level in Level:
            self._key(LEVEL_KEYS[level.value], level.value, self._on_choice)
        self._key(SKIP_KEY, "", self._on_choice)
        for reason in Reason:
            self._key(REASON_KEYS[reason.value], reason.value, self._on_reason_key)
        self._show()

    def _key(self, key: str, choice: str, slot) -> None:
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(Qt.WindowShortcut)
        shortcut.setProperty("choice", choice)
        shortcut.activated.connect(slot)

    def _on_choice(self) -> None:
        choice = self.sender().property("choice")
        self.choose(Level(choice) if choice else None)

    def _on_reason_key(self) -> None:
        if self.level is Level.UNSATISFIED:
            box = self.reason_boxes[Reason(self.sender().property("choice"))]
            box.setChecked(not box.isChecked())

    def choose(self, level: Level | None) -> None:
        self.level = level
        if level is not Level.UNSATISFIED:
            for box in self.reason_boxes.values():
                box.setChecked(False)
        self._show()
        self.changed.emit()

    def set_value(self, level: Level | None, reasons=(), note: str = "") -> None:
        self.choose(level)
        for reason, box in self.reason_boxes.items():
            box.setChecked(reason in reasons)
        self.note.setText(note)

    def _show(self) -> None:
        for level, button in self.level_buttons.items():
            button.setChecked(level is self.level)
        unhappy = self.level is Level.UNSATISFIED
        self.reasons_label.setEnabled(unhappy)
        for box in self.reason_boxes.values():
            box.setEnabled(unhappy)
        self.note.setEnabled(self.level is not None)
        if self.level is None:
            self.state.setText(tr("Chưa đánh giá — bỏ qua được; có thể ghi nhận sau ở thẻ “Đánh giá” của hồ sơ."))
        else:
            self.state.setText(tr("Đã chọn: {level}").format(level=tr(self.level.label)))

    def check(self) -> bool:
        """False (and says why) when "Không hài lòng" has no reason ticked."""
        if self.level is Level.UNSATISFIED and not self.reasons():
            self.state.setText("<span style='color:#b3261e'>" + tr(
                "Chọn ít nhất một lý do không hài lòng (phím 4–8), hoặc bấm 0 để bỏ qua đánh giá.") + "</span>")
            return False
        return True

    def reasons(self) -> list[str]:
        return [reason.value for reason, box in self.reason_boxes.items() if box.isChecked()]

    def value(self) -> dict | None:
        """{"level", "reasons", "note"} for app.ratings.record, or None when the citizen did not rate."""
        if self.level is None:
            return None
        return {"level": self.level.value, "reasons": self.reasons(), "note": self.note.text()}

    def focus_first(self) -> None:
        self.level_buttons[Level.VERY_SATISFIED].setFocus()

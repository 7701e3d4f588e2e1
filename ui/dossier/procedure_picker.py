"""Type-ahead over the procedure catalog: "ho tich" finds "Hộ tịch", "khai sinh" finds "Đăng ký khai sinh"."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from app.intake import ProcedureChoice
from app.text import fold
from ui.i18n import processing_text, tr

FOLDED_ROLE = Qt.UserRole + 1
CHOICE_ROLE = Qt.UserRole + 2


class _FoldedFilter(QSortFilterProxyModel):
    """Keeps the rows whose folded text holds every typed word, in any order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.words: list[str] = []

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self.words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row, parent):  # noqa: N802
        folded = self.sourceModel().index(row, 0, parent).data(FOLDED_ROLE) or ""
        return all(word in folded for word in self.words)


class ProcedurePicker(QLineEdit):
    chosen = Signal(object)  # ProcedureChoice, or None when the text no longer names one

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setPlaceholderText(tr("Gõ mã hoặc tên thủ tục (không cần dấu), rồi chọn"))
        self.source = QStandardItemModel(self)
        self.filter = _FoldedFilter(self)
        self.filter.setSourceModel(self.source)
        self.completer_ = QCompleter(self.filter, self)
        # The proxy already filters by folded words; the completer only shows the popup.
        self.completer_.setCompletionMode(QCompleter.UnfilteredPopupCompletion)
        self.completer_.setMaxVisibleItems(12)
        self.completer_.setWidget(self)
        self.completer_.activated.connect(self._activated_text)
        self.textEdited.connect(self._typed)
        self.current: ProcedureChoice | None = None
        self._by_display: dict[str, ProcedureChoice] = {}

    def set_choices(self, choices: list[ProcedureChoice]) -> None:
        self.source.clear()
        self._by_display = {}
        for choice in choices:
            item = QStandardItem(choice.display)
            item.setData(choice.folded, FOLDED_ROLE)
            item.setToolTip(f"{choice.field} · {choice.unit_name} · {processing_text(choice.processing)}")
            self.source.appendRow(item)
            self._by_display[choice.display] = choice

    def _typed(self, text: str) -> None:
        self.filter.set_query(text)
        if self.current is not None and text != self.current.display:
            self.current = None
            self.chosen.emit(None)
        if text.strip() and self.filter.rowCount():
            self.completer_.complete()
        else:
            self.completer_.popup().hide()
        exact = self._by_display.get(text)
        if exact is not None:
            self._choose(exact)
        elif self.filter.rowCount() == 1 and len(text.strip()) >= 2 and text.strip().upper() == \
                self.filter.index(0, 0).data().split(" — ")[0].upper():
            self._choose(self._by_display[self.filter.index(0, 0).data()])

    def _activated_text(self, text: str) -> None:
        choice = self._by_display.get(text)
        if choice is not None:
            self._choose(choice)

    def _choose(self, choice: ProcedureChoice) -> None:
        self.current = choice
        if self.text() != choice.display:
            self.setText(choice.display)
        self.completer_.popup().hide()
        self.chosen.emit(choice)

    def choose_code(self, code: str) -> bool:
        for choice in self._by_display.values():
            if choice.code == code:
                self._choose(choice)
                return True
        return False

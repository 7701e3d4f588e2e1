"""Type-ahead over the procedure catalog: "ho tich" finds "Hộ tịch", "khai sinh" finds "Đăng ký khai sinh"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, Signal
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
    """Tab or Enter takes the highlighted match, or the only one: "khai sinh" + Tab chooses "Đăng ký khai sinh"
    and the cursor moves on to the next field (Enter never submits a form whose procedure is not chosen)."""

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

    def matches(self) -> int:
        """How many procedures the typed words match (all of them when nothing is typed)."""
        return self.filter.rowCount()

    def take_match(self) -> bool:
        """Choose the highlighted match of the open list, or the only match; True if one is chosen now."""
        if self.current is not None or not self.text().strip():
            return False
        popup = self.completer_.popup()
        index = popup.currentIndex() if popup.isVisible() else None
        # Highlighted = selected with the arrow keys (the list's first row is "current" from the start,
        # without being highlighted: it is not a choice the officer made).
        if index is not None and index.isValid() and popup.selectionModel().isSelected(index):
            text = index.data()
        elif self.filter.rowCount() == 1:
            text = self.filter.index(0, 0).data()
        else:
            return False
        self._choose(self._by_display[text])
        return True

    def event(self, event) -> bool:  # noqa: D401 - Qt's name; Tab never reaches keyPressEvent
        if event.type() == QEvent.KeyPress and event.modifiers() in (Qt.NoModifier, Qt.KeypadModifier):
            key = event.key()
            if key == Qt.Key_Tab:
                self.take_match()
            elif key in (Qt.Key_Return, Qt.Key_Enter):
                if self.take_match() or self.current is None:
                    # Chosen: on to the next field. Not chosen: the list stays and Enter does not submit.
                    if self.current is not None:
                        self.focusNextChild()
                    else:
                        self._typed(self.text())
                    event.accept()
                    return True
        return super().event(event)

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

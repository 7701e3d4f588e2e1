"""Table columns as wide as what they show; when the table is narrower than that, only the columns of long
names (applicant, procedure, unit) give up width and end in "…", their full text in the tooltip.

One rule for every table of the window (the register, Today's lists, the digitization gaps, the history),
instead of widths fixed in pixels that cut "Bưu chính công ích" and push "Trạng thái" off the right edge.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

NARROWEST_LONG = 120   # a long-name column is never cut below this (a scroll bar rather than "Ng…")
PADDING = 4


def content_widths(view: QTableView) -> list[int]:
    """Each column's width for its header and the rows on screen (Qt's own measure, icons included)."""
    header = view.horizontalHeader()
    model = view.model()
    widths = []
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            widths.append(0)
            continue
        widths.append(max(header.sectionSizeFromContents(column).width(), view.sizeHintForColumn(column)) + PADDING)
    return widths


def shared_out(widths: list[int], available: int, long: Iterable[int]) -> list[int]:
    """``widths`` cut down to ``available``, taking only from the ``long`` columns, in proportion to what
    each has above NARROWEST_LONG; the other columns keep their whole content."""
    widths = list(widths)
    excess = sum(widths) - available
    spare = {c: widths[c] - NARROWEST_LONG for c in long if widths[c] > NARROWEST_LONG}
    total = sum(spare.values())
    if excess <= 0 or not total:
        return widths
    for column, room in spare.items():
        widths[column] -= min(room, -(-excess * room // total))
    return widths


def fit_columns(view: QTableView, long: Iterable[int]) -> None:
    """Size ``view``'s columns to their content within the width of the table (see the module)."""
    if view.model() is None:
        return
    long = list(long)
    available = view.viewport().width() or view.width()
    widths = shared_out(content_widths(view), available, long)
    header = view.horizontalHeader()
    for column, width in enumerate(widths):
        if width and header.sectionResizeMode(column) == QHeaderView.Interactive:
            header.resizeSection(column, width)
    view.setTextElideMode(Qt.ElideRight)


class _Refit(QObject):
    """Fits the columns again when the table's width changes (the window resized, a screen changed)."""

    def __init__(self, view: QTableView, long: list[int]):
        super().__init__(view)
        self.view, self.long, self.width = view, long, -1

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Resize and watched.width() != self.width:
            self.width = watched.width()
            fit_columns(self.view, self.long)
        return False


def keep_fitted(view: QTableView, long: Iterable[int]) -> None:
    """Fit now and whenever the table's width changes; the header keeps columns resizable by hand."""
    view.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
    view.horizontalHeader().setStretchLastSection(True)   # no grey strip after the last column
    # Measure the rows on screen only: a lazy model (the register) must not be asked for a thousand rows.
    view.verticalHeader().setResizeContentsPrecision(0)
    view.horizontalHeader().setResizeContentsPrecision(0)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollPerPixel)
    view.viewport().installEventFilter(_Refit(view, list(long)))
    fit_columns(view, long)

"""A lazily paged table model over the register.

Only the rows the view asks for are fetched, a page at a time, in the
background; a row not yet loaded shows "…" for the moment it takes. A change
of filter or sort starts a new generation: answers for an older one are
dropped, so a fast typist never sees stale rows.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from app import register_query as rq
from app.deadlines import WarningBounds, WarningLevel
from app.formatting import datetime_vi
from ui.desk import Desk
from ui.i18n import QT_TR_NOOP, remaining_text, tr
from ui.warning_style import level_brush, level_icon, level_text

PAGE_SIZE = 200
MAX_PAGES = 60  # ~12,000 rows kept; older pages are fetched again if scrolled back to


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    sort_key: str | None


COLUMNS = [
    Column("level", QT_TR_NOOP("Cảnh báo"), None),
    Column("code", QT_TR_NOOP("Mã hồ sơ"), "code"),
    Column("applicant_name", QT_TR_NOOP("Người nộp"), "applicant_name"),
    Column("procedure", QT_TR_NOOP("Thủ tục"), "procedure"),
    Column("unit", QT_TR_NOOP("Đơn vị"), "unit"),
    Column("channel", QT_TR_NOOP("Hình thức nộp"), "channel"),
    Column("status", QT_TR_NOOP("Trạng thái"), "status"),
    Column("received_at", QT_TR_NOOP("Ngày nhận"), "received_at"),
    Column("due_at", QT_TR_NOOP("Hẹn trả"), "due_at"),
    Column("remaining", QT_TR_NOOP("Thời gian còn lại"), "due_at"),
]


class RegisterModel(QAbstractTableModel):
    loaded = Signal(int)  # total rows, after a new filter or sort has its first page

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.filter = rq.RegisterFilter()
        self.sort_order = rq.RegisterSort()
        self.total = 0
        self.generation = 0
        self.pages: OrderedDict[int, list[rq.RegisterRow]] = OrderedDict()
        self.pending: set[int] = set()
        self.last_wanted_page = 0
        self._total_exact = False
        self.approximate = False   # the total is the server's estimate (a big register on PostgreSQL)
        self._early_count: int | None = None
        self._shown_generation = -1

    # --- queries -------------------------------------------------------
    def reload(self, flt: rq.RegisterFilter | None = None, sort: rq.RegisterSort | None = None) -> None:
        self.filter = flt if flt is not None else self.filter
        self.sort_order = sort if sort is not None else self.sort_order
        self.generation += 1
        self._early_count = None
        self.approximate = False
        generation, flt_, sort_ = self.generation, self.filter, self.sort_order

        def first(session, ctx):
            bounds = WarningBounds.at(ctx.calendar, ctx.now(), ctx.settings.due_soon_days)
            rows = rq.page(session, ctx.calendar, bounds, flt_, sort_, 0, PAGE_SIZE)
            total = len(rows) if len(rows) < PAGE_SIZE else None
            return rows, total

        self.desk.read(first, lambda result: self._first_page(generation, *result))
        self._count(generation, exact=False)

    def _count(self, generation: int, exact: bool) -> None:
        flt_ = self.filter

        def counted(session, ctx):
            bounds = WarningBounds.at(ctx.calendar, ctx.now(), ctx.settings.due_soon_days)
            return rq.count(session, flt_, bounds, exact=exact)

        self.desk.read(counted, lambda total: self._counted(generation, total))

    def count_exactly(self) -> None:
        """The exact total, on demand (the officer asks, or scrolls into the second half of an estimate)."""
        if self.approximate:
            self.approximate = False   # asked once
            self._count(self.generation, exact=True)

    def _first_page(self, generation: int, rows: list, total: int | None) -> None:
        if generation != self.generation:
            return
        if total is None and self._early_count is not None:
            total = self._early_count
            self.approximate = bool(getattr(total, "approximate", False))
        self.beginResetModel()
        self.pages.clear()
        self.pending.clear()
        self.pages[0] = rows
        self._shown_generation = generation
        # Until the count arrives, show what we have; the count then extends the table.
        self._total_exact = total is not None and not self.approximate
        self.total = total if total is not None else len(rows)
        self.endResetModel()
        self.loaded.emit(self.total)

    def _counted(self, generation: int, total: int) -> None:
        if generation != self.generation:
            return
        if self._shown_generation != generation:
            self._early_count = total  # the count beat the first page: used when the page arrives
            return
        self.approximate = bool(getattr(total, "approximate", False))
        self._total_exact = not self.approximate
        if total > self.total:
            self.beginInsertRows(QModelIndex(), self.total, total - 1)
            self.total = total
            self.endInsertRows()
        elif total < self.total:
            self.beginRemoveRows(QModelIndex(), total, self.total - 1)
            self.total = total
            self.endRemoveRows()
        self.loaded.emit(self.total)

    def _fetch(self, page_number: int) -> None:
        if page_number in self.pending:
            return
        if self.approximate and page_number * PAGE_SIZE > self.total // 2:
            self.count_exactly()   # near the end of an estimate: the real end is needed
        self.pending.add(page_number)
        generation, flt_, sort_, total = self.generation, self.filter, self.sort_order, self.total

        def query(session, ctx):
            # Scrolled past while waiting in the queue: skip it; the view asks again if it comes back.
            if generation != self.generation or abs(page_number - self.last_wanted_page) > 2:
                return None
            bounds = WarningBounds.at(ctx.calendar, ctx.now(), ctx.settings.due_soon_days)
            return rq.page(session, ctx.calendar, bounds, flt_, sort_, page_number * PAGE_SIZE, PAGE_SIZE,
                           total if self._total_exact else None)

        self.desk.read(query, lambda rows: self._page_arrived(generation, page_number, rows))

    def _page_arrived(self, generation: int, page_number: int, rows: list | None) -> None:
        if generation != self.generation:
            return
        self.pending.discard(page_number)
        if rows is None:
            return
        self.pages[page_number] = rows
        while len(self.pages) > MAX_PAGES:
            oldest = next(iter(self.pages))
            if oldest == page_number:
                break
            del self.pages[oldest]
        first = page_number * PAGE_SIZE
        last = min(first + len(rows), self.total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def row_at(self, row: int) -> rq.RegisterRow | None:
        page_number, offset = divmod(row, PAGE_SIZE)
        self.last_wanted_page = page_number
        page = self.pages.get(page_number)
        if page is None:
            self._fetch(page_number)
            return None
        self.pages.move_to_end(page_number)
        return page[offset] if offset < len(page) else None

    # --- Qt model ------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return tr(COLUMNS[section].title)
        if orientation == Qt.Vertical and role == Qt.DisplayRole:
            return section + 1
        return None

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        key = COLUMNS[index.column()].key
        if row is None:
            return "…" if role == Qt.DisplayRole and index.column() == 1 else None
        if role == Qt.DisplayRole:
            return self._display(row, key)
        if role == Qt.BackgroundRole:
            return level_brush(row.level)
        if role == Qt.ForegroundRole and key == "remaining" and row.level is WarningLevel.OVERDUE:
            return QBrush(QColor("#a30000"))
        if role == Qt.UserRole:
            return row.id
        if role == Qt.DecorationRole and key == "level" and row.level is not None:
            return level_icon(row.level)
        if role == Qt.ToolTipRole:   # the full words of a cell cut short (ui/columns.py)
            if key == "level":
                return tr(row.level.label) if row.level is not None else None
            return self._display(row, key) or None
        return None

    @staticmethod
    def _display(row: rq.RegisterRow, key: str) -> str:
        if key == "level":
            return level_text(row.level, short=True)
        if key == "code":
            return row.code
        if key == "applicant_name":
            return row.applicant_name
        if key == "procedure":
            return row.procedure_name
        if key == "unit":
            return row.unit_name
        if key == "channel":
            return tr(row.channel.label)
        if key == "status":
            return tr(row.status.label)
        if key == "received_at":
            return datetime_vi(row.received_at)
        if key == "due_at":
            return datetime_vi(row.due_at) if row.due_at else ""
        if key == "remaining":
            return remaining_text(row.remaining)
        return ""

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        key = COLUMNS[column].sort_key
        if key is None:
            return
        self.reload(sort=rq.RegisterSort(key, order == Qt.DescendingOrder))

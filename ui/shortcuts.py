"""*Trợ giúp › Phím tắt*: every key of the window, read from its actual actions and shortcuts.

The main window's keys are collected from its QActions and QShortcuts (menus, page switching, what
the hooks of ui/pages/__init__.py add), so a new menu key shows up here by itself. Keys that work
inside one box or dialog (the search box, the receive form) have no action to read them from; they
are listed in ``IN_PLACE`` and tests/ui/test_keyboard.py checks the receive dialog's own shortcuts
are among them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import QT_TR_NOOP, tr

# (where, keys, what): keys that act inside one place of the window.
IN_PLACE: tuple[tuple[str, str, str], ...] = (
    (QT_TR_NOOP("Sổ hồ sơ"), "Enter, ↓", QT_TR_NOOP("Từ ô tìm kiếm xuống danh sách kết quả (chọn dòng đầu)")),
    (QT_TR_NOOP("Sổ hồ sơ"), "Enter", QT_TR_NOOP("Mở hồ sơ đang chọn trong danh sách")),
    (QT_TR_NOOP("Sổ hồ sơ"), "Tab", QT_TR_NOOP("Rời danh sách sang các bộ lọc")),
    (QT_TR_NOOP("Tiếp nhận hồ sơ"), "Tab, Enter",
     QT_TR_NOOP("Trong ô Thủ tục: chọn thủ tục đang tô sáng, hoặc thủ tục duy nhất khớp chữ đã gõ")),
    (QT_TR_NOOP("Tiếp nhận hồ sơ"), "↓, ↑", QT_TR_NOOP("Trong ô Thủ tục: đi qua danh sách thủ tục khớp")),
    (QT_TR_NOOP("Tiếp nhận hồ sơ"), "Ctrl+Enter", QT_TR_NOOP("Tiếp nhận hồ sơ")),
    (QT_TR_NOOP("Tiếp nhận hồ sơ"), "Esc", QT_TR_NOOP("Đóng (hỏi trước nếu đã nhập gì)")),
    (QT_TR_NOOP("Giấy tiếp nhận"), "Ctrl+O", QT_TR_NOOP("Đóng giấy tiếp nhận và mở hồ sơ vừa tiếp nhận")),
    (QT_TR_NOOP("Cửa sổ hồ sơ"), "Ctrl+S", QT_TR_NOOP("Lưu thay đổi của hồ sơ")),
    (QT_TR_NOOP("Cửa sổ hồ sơ"), "Esc", QT_TR_NOOP("Đóng hồ sơ")),
)
PAGE_SWITCH = QT_TR_NOOP("Chuyển trang")
WINDOW = QT_TR_NOOP("Cửa sổ chính")


def _keys(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.NativeText)


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".").strip()


def window_shortcuts(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(where, keys, what) for every action and shortcut of the main window that has keys."""
    rows = []
    for action in window.findChildren(QAction):
        keys = [sequence for sequence in action.shortcuts() if not sequence.isEmpty()]
        if not keys or not action.text():
            continue
        menus = [owner for owner in action.associatedObjects() if isinstance(owner, QMenu)]
        where = _plain(menus[0].title()) if menus else tr(PAGE_SWITCH)
        rows.append((where, ", ".join(_keys(k) for k in keys), _plain(action.text())))
    for shortcut in window.findChildren(QShortcut):
        if shortcut.parent() is window and not shortcut.key().isEmpty():
            rows.append((tr(WINDOW), _keys(shortcut.key()), _plain(shortcut.whatsThis() or shortcut.objectName())))
    order = {title: i for i, title in enumerate(_plain(menu.title()) for menu in window.menuBar().findChildren(QMenu))}
    return sorted(set(rows), key=lambda row: (order.get(row[0], len(order)), row[0], row[1]))


def all_shortcuts(window: QMainWindow) -> list[tuple[str, str, str]]:
    return window_shortcuts(window) + [(tr(where), keys, tr(what)) for where, keys, what in IN_PLACE]


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.setWindowTitle(tr("Phím tắt"))
        self.setObjectName("shortcutsDialog")
        rows = all_shortcuts(window)
        self.table = QTableWidget(len(rows), 3)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([tr("Ở đâu"), tr("Phím"), tr("Việc")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().hide()
        for index, row in enumerate(rows):
            for column, text in enumerate(row):
                item = QTableWidgetItem(text)
                if column == 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(index, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        for column in (0, 1):
            self.table.setColumnWidth(column, self.table.columnWidth(column) + 16)
        self.table.resizeRowsToContents()
        width = sum(self.table.columnWidth(c) for c in range(2)) + 560
        height = self.table.horizontalHeader().height() + sum(
            self.table.rowHeight(r) for r in range(len(rows))) + 80
        self.resize(min(width, 960), min(height, 680))

    def rows(self) -> list[tuple[str, str, str]]:
        return [tuple(self.table.item(r, c).text() for c in range(3)) for r in range(self.table.rowCount())]


def install(window: QMainWindow, desk) -> None:
    action = QAction(tr("Phím tắt"), window)
    action.setObjectName("shortcutsAction")
    action.setShortcut(QKeySequence("F1"))
    action.triggered.connect(lambda: show_shortcuts(window))
    window.menus["help"].addAction(action)
    window.shortcuts_action = action


def show_shortcuts(window: QMainWindow) -> ShortcutsDialog:
    dialog = ShortcutsDialog(window)
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.open()
    window.shortcuts_dialog = dialog
    return dialog

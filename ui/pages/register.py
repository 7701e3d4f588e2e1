"""Sổ hồ sơ: every dossier, paged lazily from SQL, with filters and one search box."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import register_query as rq
from app.deadlines import WarningLevel
from app.lifecycle import FINISHED, OPEN, Channel, Status
from ui.columns import fit_columns, keep_fitted
from ui.desk import Changes
from ui.i18n import QT_TR_NOOP, thousands, tr
from ui.pages.base import Page
from ui.register_model import COLUMNS, RegisterModel
from ui.warning_style import level_icon, level_text

NO_DATE = QDate(2000, 1, 1)
LONG_COLUMNS = [i for i, column in enumerate(COLUMNS) if column.key in ("applicant_name", "procedure", "unit", "status")]
SEARCH_DELAY_MS = 250

STATUS_GROUPS = [
    (QT_TR_NOOP("Mọi trạng thái"), frozenset()),
    (QT_TR_NOOP("Đang giải quyết"), frozenset(OPEN)),
    (QT_TR_NOOP("Đã kết thúc"), frozenset(FINISHED)),
] + [(s.label, frozenset({s})) for s in Status]


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText("—")
    edit.setDate(NO_DATE)
    return edit


def _date_of(edit: QDateEdit) -> dt.date | None:
    value = edit.date()
    return None if value == NO_DATE else dt.date(value.year(), value.month(), value.day())


class RegisterPage(Page):
    key = "register"
    title = QT_TR_NOOP("Sổ hồ sơ")

    def __init__(self, desk, parent=None):
        super().__init__(desk, parent)
        self.model = RegisterModel(desk, self)
        self.search = QLineEdit()
        self.search.setObjectName("registerSearch")
        self.search.setPlaceholderText(tr("Tìm theo tên, mã hồ sơ, số điện thoại, CCCD (gõ có dấu hay không dấu đều được)"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        for label, _ in STATUS_GROUPS:
            self.status.addItem(tr(label))
        self.level = QComboBox()
        self.level.addItem(tr("Mọi mức cảnh báo"), None)
        for level in sorted(WarningLevel, reverse=True):
            self.level.addItem(level_icon(level), tr(level.label), int(level))
        self.unit = QComboBox()
        self.unit.addItem(tr("Mọi đơn vị"), None)
        self.field_box = QComboBox()
        self.field_box.addItem(tr("Mọi lĩnh vực"), None)
        self.channel = QComboBox()
        self.channel.addItem(tr("Mọi hình thức nộp"), None)
        for channel in Channel:
            self.channel.addItem(tr(channel.label), channel.value)
        self.received_from, self.received_to = _date_edit(), _date_edit()
        self.due_from, self.due_to = _date_edit(), _date_edit()
        for box in (self.status, self.level, self.unit, self.field_box, self.channel):
            # As wide as the row gives, not as the longest unit name: the page fits a 1366-px screen.
            box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(8)
        clear = QPushButton(tr("Bỏ lọc"))
        clear.clicked.connect(self.clear_filters)

        self.table = QTableView()
        self.table.setObjectName("registerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionsMovable(True)
        self.table.horizontalHeader().setSortIndicator(COLUMNS.index(next(c for c in COLUMNS if c.key == "received_at")),
                                                       Qt.DescendingOrder)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        # Columns as wide as their content; only names, procedures and units give way, their words in the
        # tooltip (ui/columns.py), once the first rows are in and whenever the table's width changes.
        keep_fitted(self.table, LONG_COLUMNS)
        self.count_label = QLabel()
        self.count_label.setObjectName("registerCount")

        # Two rows of about equal width, so that the page fits a 1366-px screen at 125 %.
        filters1 = QHBoxLayout()
        filters1.addWidget(self.search, 3)
        filters1.addWidget(self.status, 1)
        filters1.addWidget(self.level, 1)
        filters2 = QHBoxLayout()
        filters2.addWidget(self.unit, 2)
        filters2.addWidget(self.field_box, 2)
        filters2.addWidget(self.channel, 1)
        for row, label, edit in ((filters1, tr("Nhận từ"), self.received_from), (filters1, tr("đến"), self.received_to),
                                 (filters2, tr("Hẹn trả từ"), self.due_from), (filters2, tr("đến"), self.due_to)):
            row.addWidget(QLabel(label))
            row.addWidget(edit)
        filters2.addWidget(clear)
        layout = QVBoxLayout(self)
        layout.addLayout(filters1)
        layout.addLayout(filters2)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self._legend())
        layout.addLayout(bottom)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textEdited.connect(lambda _: self._search_timer.start())
        # Keyboard all the way: Enter or Down in the search box goes to the results (the first one
        # selected), Enter there opens the dossier (QAbstractItemView.activated), Tab leaves the table.
        self.search.installEventFilter(self)
        self.table.setTabKeyNavigation(False)
        QWidget.setTabOrder(self.search, self.table)
        QWidget.setTabOrder(self.table, self.status)
        self._to_results = False
        for box in (self.status, self.level, self.unit, self.field_box, self.channel):
            box.currentIndexChanged.connect(self.apply_filters)
        for edit in (self.received_from, self.received_to, self.due_from, self.due_to):
            edit.dateChanged.connect(self.apply_filters)
        self.model.loaded.connect(self._show_count)
        self.model.loaded.connect(self._results_loaded)
        self.count_label.linkActivated.connect(lambda _link: self.model.count_exactly())
        self._choices_loaded = False
        self._restore_layout()

    def _legend(self) -> QWidget:
        legend = QWidget()
        row = QHBoxLayout(legend)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(tr("Chú giải:")))
        for level in sorted(WarningLevel, reverse=True):
            icon = QLabel()
            icon.setPixmap(level_icon(level).pixmap(16, 16))
            row.addWidget(icon)
            row.addWidget(QLabel(level_text(level, short=True)))
        return legend

    # --- filters ---------------------------------------------------------
    def current_filter(self) -> rq.RegisterFilter:
        return rq.RegisterFilter(
            text=self.search.text().strip(),
            statuses=STATUS_GROUPS[self.status.currentIndex()][1],
            unit_id=self.unit.currentData(),
            field=self.field_box.currentData(),
            channel=Channel(self.channel.currentData()) if self.channel.currentData() else None,
            level=WarningLevel(self.level.currentData()) if self.level.currentData() is not None else None,
            received_from=_date_of(self.received_from), received_to=_date_of(self.received_to),
            due_from=_date_of(self.due_from), due_to=_date_of(self.due_to),
        )

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.count_label.setText(tr("Đang tìm…"))
        self.model.reload(self.current_filter())

    def clear_filters(self) -> None:
        widgets = (self.search, self.status, self.level, self.unit, self.field_box, self.channel,
                   self.received_from, self.received_to, self.due_from, self.due_to)
        for w in widgets:
            w.blockSignals(True)
        self.search.clear()
        for box in (self.status, self.level, self.unit, self.field_box, self.channel):
            box.setCurrentIndex(0)
        for edit in (self.received_from, self.received_to, self.due_from, self.due_to):
            edit.setDate(NO_DATE)
        for w in widgets:
            w.blockSignals(False)
        self.apply_filters()

    def activate(self, argument: object = None) -> None:
        if isinstance(argument, WarningLevel):
            self.level.blockSignals(True)
            self.level.setCurrentIndex(self.level.findData(int(argument)))
            self.level.blockSignals(False)
            self._stale = True
        super().activate(argument)

    def refresh(self) -> None:
        if not self._choices_loaded:
            self.desk.read(lambda session, ctx: rq.filter_choices(session), self._fill_choices)
        self.apply_filters()

    def touches(self, changes: Changes) -> bool:
        return changes.dossiers or changes.settings or changes.letters

    def _fill_choices(self, choices: rq.FilterChoices) -> None:
        self._choices_loaded = True
        for unit_id, name in choices.units:
            self.unit.addItem(name, unit_id)
        for field in choices.fields:
            self.field_box.addItem(field, field)

    def _show_count(self, total: int) -> None:
        flt = self.model.filter
        what = tr("hồ sơ") if flt.is_empty else tr("hồ sơ khớp bộ lọc")
        if self.model.approximate:   # the shared server's estimate: exact on demand
            self.count_label.setText(f"≈ {thousands(total)} {what} — <a href=\"count\">{tr('đếm chính xác')}</a>")
        else:
            self.count_label.setText(f"{thousands(total)} {what}")

    # --- from the search box to the results --------------------------------
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.search and event.type() == QEvent.KeyPress and \
                event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Down):
            if event.key() == Qt.Key_Down and not self._search_timer.isActive() and self.model.rowCount():
                self.go_to_results()          # the results already match what is typed
            else:
                self._to_results = True       # search now; the cursor follows when the rows arrive
                self.apply_filters()
            return True
        return super().eventFilter(watched, event)

    def go_to_results(self) -> None:
        if not self.model.rowCount():
            return
        current = self.table.currentIndex()
        row = current.row() if current.isValid() else 0
        self.table.setFocus(Qt.ShortcutFocusReason)
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.selectRow(row)

    def _results_loaded(self, total: int) -> None:
        fit_columns(self.table, LONG_COLUMNS)
        if self._to_results:
            self._to_results = False
            if total:
                self.table.setCurrentIndex(self.model.index(-1, -1))   # a new search starts at its first row
                self.go_to_results()

    def _open_index(self, index) -> None:
        dossier_id = self.model.data(index, Qt.UserRole)
        if dossier_id is not None:
            self.desk.open_dossier.emit(dossier_id)

    # --- layout memory ---------------------------------------------------
    def _restore_layout(self) -> None:
        state = QSettings().value("register/header")
        if state is not None:
            self.table.horizontalHeader().restoreState(state)

    def save_layout(self) -> None:
        QSettings().setValue("register/header", self.table.horizontalHeader().saveState())

    def hideEvent(self, event) -> None:  # noqa: N802
        self.save_layout()
        super().hideEvent(event)

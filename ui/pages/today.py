"""Hôm nay: what needs doing on this working day; each count opens its list, each row its dossier."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
)

from app import today
from app.deadlines import WarningLevel
from app.formatting import date_vi, datetime_vi
from ui.columns import fit_columns, keep_fitted
from ui.desk import Changes
from ui.i18n import QT_TR_NOOP, remaining_text, thousands, tr, weekday_name
from ui.pages.base import Page
from ui.warning_style import COLOURS, level_brush, level_icon, level_label_on, level_text

DIGITIZATION_GAPS = "digitization_gaps"  # opens the Số hóa page, where gaps are listed and fixed
APOLOGY_LISTS = (WarningLevel.APOLOGY_TODAY, WarningLevel.APOLOGY_TOMORROW, WarningLevel.APOLOGY_MISSED)

CARDS = [
    (WarningLevel.APOLOGY_TODAY, QT_TR_NOOP("Phải gửi phiếu xin lỗi hôm nay")),
    (WarningLevel.APOLOGY_TOMORROW, QT_TR_NOOP("Hạn gửi phiếu xin lỗi: ngày mai")),
    (WarningLevel.APOLOGY_MISSED, QT_TR_NOOP("Đã lỡ hạn gửi phiếu xin lỗi")),
    (WarningLevel.OVERDUE, QT_TR_NOOP("Quá hạn")),
    (WarningLevel.DUE_SOON, QT_TR_NOOP("Sắp đến hạn")),
    (WarningLevel.WAITING, QT_TR_NOOP("Chờ bổ sung")),
    (today.RECEIVED_TODAY, QT_TR_NOOP("Tiếp nhận hôm nay")),
    (today.RETURNED_TODAY, QT_TR_NOOP("Trả kết quả hôm nay")),
    (DIGITIZATION_GAPS, QT_TR_NOOP("Thiếu số hóa (từ đầu tháng)")),
    (today.LETTERS_UNDELIVERED, QT_TR_NOOP("Phiếu xin lỗi chưa giao")),
    # shown only when there are some: opens the list of unhappy citizens, with their reasons
    (today.UNHAPPY_NEW, QT_TR_NOOP("Người dân không hài lòng (mới từ hôm qua)")),
]
OPENS_ELSEWHERE = (DIGITIZATION_GAPS, today.UNHAPPY_NEW)


class Tile(QToolButton):
    """A count on the Today page: the number large, its words wrapped under it. ``text()`` is "12\nQuá hạn"
    as for a plain button; the button draws no text itself, two labels inside do."""

    def __init__(self, icon=None, parent=None):
        super().__init__(parent)
        self._text = ""
        self.number = QLabel("…")
        self.number.setObjectName("tileNumber")
        self.number.setStyleSheet("font-size: 22pt; font-weight: bold; border: none; background: transparent;")
        self.words = QLabel()
        self.words.setObjectName("tileWords")
        self.words.setWordWrap(True)
        self.words.setStyleSheet("font-size: 10pt; border: none; background: transparent;")
        top = QHBoxLayout()
        top.setSpacing(6)
        if icon is not None:
            picture = QLabel()
            picture.setPixmap(icon.pixmap(24, 24))
            picture.setStyleSheet("border: none; background: transparent;")
            top.addWidget(picture)
        top.addWidget(self.number)
        top.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 6, 10, 6)
        column.setSpacing(2)
        column.addLayout(top)
        column.addWidget(self.words)
        for label in self.findChildren(QLabel):
            label.setAttribute(Qt.WA_TransparentForMouseEvents)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._text = text
        number, _, words = text.partition("\n")
        self.number.setText(number)
        self.words.setText(words)
        self.setToolTip(words)
        self.setAccessibleName(f"{number} {words}")

    def sizeHint(self):  # noqa: N802 - Qt's name
        return self.layout().sizeHint()

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        hint = self.layout().minimumSize()
        hint.setWidth(max(hint.width(), 120))
        return hint


class TodayPage(Page):
    key = "today"
    title = QT_TR_NOOP("Hôm nay")
    summary_wanted = Signal()  # the page has no summary yet: the alert monitor computes one

    def __init__(self, desk, parent=None):
        super().__init__(desk, parent)
        self.summary_data: today.TodaySummary | None = None
        self.heading = QLabel(tr("Đang tải…"))
        self.heading.setObjectName("todayHeading")
        self.heading.setTextFormat(Qt.RichText)
        self.news = QLabel()
        self.news.setObjectName("todayNews")
        self.news.setWordWrap(True)
        self.news.setStyleSheet("background:#fff4d6; border:1px solid #e0b050; padding:6px;")
        self.news.hide()
        # The calendar's own notice (app.today): the coming Tết break is still provisional.
        self.calendar_notice = QLabel()
        self.calendar_notice.setObjectName("calendarNotice")
        self.calendar_notice.setWordWrap(True)
        self.calendar_notice.setStyleSheet("background:#eef4ff; border:1px solid #7a9be0; padding:6px;")
        self.calendar_notice.hide()
        self.cards: dict[object, QToolButton] = {}
        grid = QGridLayout()
        for i, (which, label) in enumerate(CARDS):
            card = Tile(level_icon(which) if isinstance(which, WarningLevel) else None)
            card.setObjectName(f"card_{which if isinstance(which, str) else which.name.lower()}")
            if isinstance(which, WarningLevel):
                border = COLOURS[which][1]
            elif which == today.UNHAPPY_NEW:
                border = "#b3261e"
                card.hide()   # shown only when there are new unhappy citizens since yesterday
            else:
                border = "#64748b"
            card.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
            card.setStyleSheet(f"QToolButton {{ border: 2px solid {border}; border-radius: 6px;"
                               f" min-height: 64px; }}"
                               f" QToolButton:checked {{ background: #e8eefc; }}")
            card.setCheckable(True)
            card.setAutoExclusive(True)
            card.setText(f"…\n{tr(label)}")
            card.clicked.connect(lambda _=False, w=which: self.show_list(w))
            grid.addWidget(card, i // 5, i % 5)
            self.cards[which] = card
        self.list_title = QLabel()
        self.list_title.setTextFormat(Qt.RichText)
        self.open_in_register = QPushButton(tr("Xem trong Sổ hồ sơ"))
        self.open_in_register.hide()
        # The apology lists lead straight to the letter: issue one, or print the day's batch.
        self.issue_button = QPushButton(tr("Lập phiếu xin lỗi cho hồ sơ đang chọn…"))
        self.issue_button.setObjectName("issueLetter")
        self.issue_button.clicked.connect(self._issue_selected)
        self.batch_button = QPushButton(tr("In các phiếu xin lỗi hôm nay…"))
        self.batch_button.setObjectName("printLettersToday")
        self.batch_button.clicked.connect(self._print_today)
        for button in (self.issue_button, self.batch_button):
            button.hide()
        self.open_in_register.clicked.connect(self._open_in_register)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("todayList")
        self.table.setHorizontalHeaderLabels([tr("Cảnh báo"), tr("Mã hồ sơ"), tr("Người nộp"), tr("Thủ tục"),
                                              tr("Hẹn trả"), tr("Thời gian còn lại")])
        keep_fitted(self.table, (2, 3))   # the applicant and the procedure give way on a narrow screen
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.itemActivated.connect(self._open_row)
        self.table.itemDoubleClicked.connect(self._open_row)
        self.current_list: object = None
        header_row = QHBoxLayout()
        header_row.addWidget(self.list_title, 1)
        header_row.addWidget(self.issue_button)
        header_row.addWidget(self.batch_button)
        header_row.addWidget(self.open_in_register)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.news)
        layout.addWidget(self.calendar_notice)
        layout.addLayout(grid)
        layout.addLayout(header_row)
        layout.addWidget(self.table, 1)

    # --- loading -------------------------------------------------------
    def refresh(self) -> None:
        # The summary is computed once per change, by the alert monitor (ui/alerts.py), which sends it
        # here (show_summary); the page only asks for it when it has none yet.
        if self.summary_data is None:
            self.summary_wanted.emit()
        if self.current_list is not None:
            self.show_list(self.current_list)

    def touches(self, changes: Changes) -> bool:
        return changes.dossiers or changes.letters or changes.settings

    def show_summary(self, summary: today.TodaySummary) -> None:
        self.summary_data = summary
        day = summary.now.date()
        heading = "<h2>" + tr("Hôm nay") + f": {weekday_name(day)}, {date_vi(day)}</h2>"
        if not summary.is_working_day:
            heading += ("<p>" + tr("Hôm nay là ngày nghỉ; ngày làm việc tiếp theo: {day}.")
                        .format(day=f"{weekday_name(summary.next_working_day)}, {date_vi(summary.next_working_day)}")
                        + "</p>")
        self.heading.setText(heading)
        if summary.undecided_tet is not None:
            year, first, last = summary.undecided_tet
            self.calendar_notice.setText("⚠ " + tr(
                "Lịch nghỉ Tết Nguyên Đán {year} chưa có quyết định chính thức: hạn giải quyết qua Tết đang tính "
                "theo lịch dự kiến ({first} – {last}). Khi có văn bản, cập nhật ở Công cụ › Lịch làm việc.").format(
                year=year, first=f"{first:%d/%m/%Y}", last=f"{last:%d/%m/%Y}"))
        self.calendar_notice.setVisible(summary.undecided_tet is not None)
        for which, _label in CARDS:
            if isinstance(which, WarningLevel):
                n = summary.counts.get(which, 0)
            else:
                n = self._count_of(which)
            self.cards[which].setText(f"{thousands(n)}\n{self._label(which)}")
        self.cards[today.UNHAPPY_NEW].setVisible(bool(summary.unhappy_new))
        self._open_most_urgent()

    def _label(self, which) -> str:
        """A card's words; the letter "tomorrow" names the real day when it is not tomorrow."""
        summary = self.summary_data
        if isinstance(which, WarningLevel) and summary is not None:
            if which is WarningLevel.APOLOGY_TOMORROW:
                return level_label_on(which, summary.now.date(), summary.next_working_day)
        return tr(dict(CARDS)[which])

    def _open_most_urgent(self) -> None:
        """On first sight, the list behind the most urgent non-zero count is already open."""
        if self.current_list is not None or self.summary_data is None:
            return
        for which, _label in CARDS:
            if which not in OPENS_ELSEWHERE and self._count_of(which):
                self.show_list(which)
                return

    def show_news(self, text: str) -> None:
        self.news.setText(text)
        self.news.setVisible(bool(text))

    def show_list(self, which) -> None:
        if which == DIGITIZATION_GAPS:
            self.cards[which].setChecked(False)
            self.desk.show_page.emit("digitization", None)
            return
        if which == today.UNHAPPY_NEW:
            self.cards[which].setChecked(False)
            self.open_unhappy()
            return
        if which != self.current_list:
            self.table.setRowCount(0)  # never show one list's rows under another's title
        self.current_list = which
        self.cards[which].setChecked(True)
        self.list_title.setText(f"<b>{self._label(which)}</b> — " + tr("đang tải…"))
        self.open_in_register.setVisible(isinstance(which, WarningLevel))
        apology = which in APOLOGY_LISTS
        self.issue_button.setVisible(apology)
        self.batch_button.setVisible(apology)
        self.desk.read(lambda session, ctx: today.rows(session, ctx, which),
                       lambda found, w=which: self._fill(w, found))

    def _fill(self, which, found: today.TodayList) -> None:
        if which != self.current_list:
            return
        # The list's own total, read with its rows: a summary computed a moment earlier or later
        # (before a letter was issued…) never makes the title disagree with the rows.
        rows, total = found.rows, found.total
        if total > len(rows):
            shown = tr("{shown} hồ sơ khẩn nhất trong {total}; xem tất cả trong Sổ hồ sơ").format(
                shown=thousands(len(rows)), total=thousands(total))
        else:
            shown = tr("{n} hồ sơ").format(n=thousands(len(rows)))
        self.list_title.setText(f"<b>{self._label(which)}</b> — {shown}")
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = (level_text(row.level, short=True), row.code, row.applicant_name, row.procedure_name,
                      datetime_vi(row.due_at) if row.due_at else "", remaining_text(row.remaining))
            brush = level_brush(row.level)
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.UserRole, row.id)
                item.setToolTip(value)
                if brush is not None:
                    item.setBackground(brush)
                if c == 0 and row.level is not None:
                    item.setIcon(level_icon(row.level))
                self.table.setItem(r, c, item)
        fit_columns(self.table, (2, 3))

    def _count_of(self, which) -> int | None:
        if self.summary_data is None:
            return None
        if isinstance(which, WarningLevel):
            return self.summary_data.counts.get(which, 0)
        if which == DIGITIZATION_GAPS:
            return self.summary_data.digitization_gaps
        if which == today.LETTERS_UNDELIVERED:
            return self.summary_data.letters_undelivered
        if which == today.UNHAPPY_NEW:
            return self.summary_data.unhappy_new
        return self.summary_data.received_today if which == today.RECEIVED_TODAY else self.summary_data.returned_today

    def open_unhappy(self) -> None:
        from ui.ratings.unhappy_dialog import UnhappyDialog

        self.unhappy_dialog = UnhappyDialog(self.desk, self)
        self.unhappy_dialog.show()

    def _open_row(self, item: QTableWidgetItem) -> None:
        self.desk.open_dossier.emit(item.data(Qt.UserRole))

    def _issue_selected(self) -> None:
        from ui.letters.actions import issue_letter

        item = self.table.currentItem()
        if item is None:
            self.list_title.setText(self.list_title.text().split(" ⟶ ")[0] + " ⟶ " + tr("chọn một hồ sơ trong danh sách"))
            return
        issue_letter(self.desk, item.data(Qt.UserRole), self)

    def _print_today(self) -> None:
        from ui.letters.actions import print_letters_due_today

        print_letters_due_today(self.desk, self)

    def _open_in_register(self) -> None:
        if isinstance(self.current_list, WarningLevel):
            self.desk.show_page.emit("register", self.current_list)

"""The settings pages that are their group's declarations, plus a button or two."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout

from app.settings import Group
from ui.i18n import QT_TR_NOOP, tr
from ui.settings.base import SettingsPage, SpecPage


class CalendarPage(SpecPage):
    """Lịch làm việc: office hours and the cut-off (saved with the dialog, checked as typed), and the
    calendar's year view (ui/calendar_page.py) with each day's source, where each day changed is
    applied at once after the officer has seen which open dossiers it moves."""

    key = "calendar"
    title = QT_TR_NOOP("Lịch làm việc")
    group = Group.CALENDAR

    def __init__(self, desk, dialog):
        super().__init__(desk, dialog)
        from ui.calendar_page import CalendarPage as YearView

        self.year_view = YearView(desk, self, with_hours=False)  # the hours are the fields above
        self.year_view.table.setMinimumHeight(300)
        self.form.addRow(self.year_view)

    def load(self, snapshot) -> None:
        super().load(snapshot)
        self.year_view.load()


class PrintingPage(SpecPage):
    key = "printing"
    title = QT_TR_NOOP("Phiếu và mẫu in")
    group = Group.PRINTING

    def __init__(self, desk, dialog):
        super().__init__(desk, dialog)
        button = QPushButton(tr("Sửa mẫu phiếu xin lỗi, giấy tiếp nhận…"))
        button.setObjectName("editTemplates")
        button.clicked.connect(self.edit_templates)
        self.form.addRow("", button)

    def edit_templates(self) -> None:
        from ui.letters.template_editor import TemplateEditor

        editor = TemplateEditor(self)
        self.template_editor = editor
        editor.open()


class AlertsPage(SpecPage):
    key = "alerts"
    title = QT_TR_NOOP("Cảnh báo và chỉ tiêu")
    group = Group.ALERTS


class RegisterPage(SpecPage):
    key = "register"
    title = QT_TR_NOOP("Sổ hồ sơ")
    group = Group.REGISTER


class AccountsPage(SettingsPage):
    key = "accounts"
    title = QT_TR_NOOP("Tài khoản")

    def __init__(self, desk, dialog):
        super().__init__(desk, dialog)
        layout = QVBoxLayout(self)
        text = QLabel(tr("Tài khoản cán bộ: tạo, đặt mật khẩu, khóa, đổi vai trò (quản trị viên). "
                         "Vai trò: cán bộ tiếp nhận, lãnh đạo đơn vị (ký phiếu), quản trị viên."))
        text.setWordWrap(True)
        layout.addWidget(text)
        users = QPushButton(tr("Tài khoản cán bộ…"))
        users.setObjectName("openUsers")
        users.clicked.connect(self.open_users)
        password = QPushButton(tr("Đổi mật khẩu của tôi…"))
        password.clicked.connect(self.change_password)
        for button in (users, password):
            layout.addWidget(button)
        layout.addStretch(1)

    def open_users(self) -> None:
        from ui.admin_hooks import manage_users

        manage_users(self, self.desk)

    def change_password(self) -> None:
        from ui.admin_hooks import change_own_password

        change_own_password(self, self.desk)

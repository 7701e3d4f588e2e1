"""Accounts, for administrators: create, reset a password, lock, change the role."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import accounts
from app.permissions import Role
from ui.errors import show_error
from ui.i18n import tr
from ui.screen_fit import fit_to_screen


def _role_text(role: Role) -> str:
    return {Role.OFFICER: tr("Cán bộ tiếp nhận"), Role.HEAD: tr("Lãnh đạo đơn vị"),
            Role.ADMIN: tr("Quản trị viên")}[role]


class NewUserDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Tài khoản mới"))
        self.username, self.full_name = QLineEdit(), QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(_role_text(role), role.value)
        form = QFormLayout(self)
        form.addRow(tr("Tên đăng nhập"), self.username)
        form.addRow(tr("Họ và tên"), self.full_name)
        form.addRow(tr("Vai trò"), self.role)
        form.addRow(tr("Mật khẩu (ít nhất 8 ký tự)"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class UsersDialog(QDialog):
    def __init__(self, desk, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(tr("Tài khoản cán bộ"))
        fit_to_screen(self, (720, 420))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([tr("Tên đăng nhập"), tr("Họ và tên"), tr("Vai trò"), tr("Trạng thái")])
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QHBoxLayout()
        for text, slot in ((tr("Thêm…"), self.add), (tr("Đặt mật khẩu…"), self.reset_password),
                           (tr("Khóa / mở khóa"), self.toggle_active), (tr("Đổi vai trò…"), self.change_role)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QPushButton(tr("Đóng"))
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.users: list[accounts.UserView] = []
        self.reload()

    def _act(self, action) -> None:
        """Run the account change on the desk's database lane; the list reloads when it is done.
        ``action`` must close over plain values only (read the widgets before, never inside)."""
        self.desk.write(action, lambda _result: self.reload(), parent=self,
                        on_error=lambda error: show_error(self, error))

    def reload(self) -> None:
        self.desk.read(lambda session, ctx: accounts.list_users(session), self._show, parent=self)

    def _show(self, users: list[accounts.UserView]) -> None:
        self.users = users
        self.table.setRowCount(len(self.users))
        for row, user in enumerate(self.users):
            state = tr("Đang dùng") if user.active else tr("Đã khóa")
            if not user.has_password:
                state += " · " + tr("chưa đặt mật khẩu")
            for column, text in enumerate((user.username, user.full_name, _role_text(user.role), state)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _selected(self) -> accounts.UserView | None:
        row = self.table.currentRow()
        return self.users[row] if 0 <= row < len(self.users) else None

    def add(self) -> None:
        dialog = NewUserDialog(self)
        if dialog.exec() == QDialog.Accepted:
            username, full_name = dialog.username.text(), dialog.full_name.text()
            role, password = dialog.role.currentData(), dialog.password.text()
            self._act(lambda s, ctx: accounts.create_user(s, ctx, username, full_name, role, password))

    def reset_password(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        user = self._selected()
        if user is None:
            return
        text, ok = QInputDialog.getText(self, tr("Đặt mật khẩu"), tr("Mật khẩu mới cho {name}:").format(
            name=user.username), echo=QLineEdit.Password)
        if ok:
            self._act(lambda s, ctx: accounts.set_password(s, ctx, user.id, text))

    def toggle_active(self) -> None:
        user = self._selected()
        if user is not None:
            self._act(lambda s, ctx: accounts.set_active(s, ctx, user.id, not user.active))

    def change_role(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        user = self._selected()
        if user is None:
            return
        names = [_role_text(r) for r in Role]
        chosen, ok = QInputDialog.getItem(self, tr("Đổi vai trò"), user.username, names,
                                          list(Role).index(user.role), False)
        if ok:
            role = list(Role)[names.index(chosen)]
            self._act(lambda s, ctx: accounts.set_role(s, ctx, user.id, role.value))

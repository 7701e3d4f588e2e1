"""Who is at the desk: the first administrator on a new register, then a login at every start."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app import accounts
from app.errors import AppError
from ui.i18n import LANGUAGES, chosen_language, tr

LAST_USER = "login/last_user"   # remembered per Windows/Linux user, like the window's language


def last_user() -> str:
    """The user name of the last officer who logged in on this PC (only the name, never a password)."""
    return str(QSettings().value(LAST_USER, "") or "")


def remember_user(username: str) -> None:
    QSettings().setValue(LAST_USER, username.strip())


class _Form(QDialog):
    def __init__(self, title: str, intro: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        from ui.about import app_icon

        self.setWindowIcon(app_icon())
        self.setMinimumWidth(420)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _password(self) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.Password)
        return field

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _submit(self) -> None:
        try:
            self.submit()
        except AppError as error:
            self.show_error(str(error))
            return
        self.accept()

    def submit(self) -> None:
        raise NotImplementedError


class FirstAdminDialog(_Form):
    """A new register has no administrator: whoever installs the desk creates one."""

    def __init__(self, Session, clock, parent: QWidget | None = None):
        super().__init__(tr("Tạo tài khoản quản trị"),
                         tr("Sổ hồ sơ này chưa có quản trị viên. Hãy tạo tài khoản quản trị: tài khoản này "
                            "tạo tài khoản cho các cán bộ, sửa lịch ngày nghỉ và thông tin cơ quan."), parent)
        self.Session, self.clock = Session, clock
        self.user_id: int | None = None
        self.username = QLineEdit("quantri")
        self.full_name = QLineEdit()
        self.password = self._password()
        self.repeat = self._password()
        self.form.addRow(tr("Tên đăng nhập"), self.username)
        self.form.addRow(tr("Họ và tên"), self.full_name)
        self.form.addRow(tr("Mật khẩu (ít nhất 8 ký tự)"), self.password)
        self.form.addRow(tr("Nhập lại mật khẩu"), self.repeat)
        self.buttons.button(QDialogButtonBox.Ok).setText(tr("Tạo tài khoản"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(tr("Thoát"))

    def submit(self) -> None:
        if self.password.text() != self.repeat.text():
            self.repeat.clear()
            raise AppError(tr("Hai lần nhập mật khẩu không giống nhau."))
        with self.Session.begin() as session:
            view = accounts.create_first_admin(session, self.clock, self.username.text(), self.full_name.text(),
                                               self.password.text())
        self.user_id = view.id
        remember_user(self.username.text())


class LoginDialog(_Form):
    def __init__(self, Session, clock, username: str = "", office_name: str = "", parent: QWidget | None = None):
        intro = tr("Đăng nhập để làm việc với sổ hồ sơ.")
        if office_name:
            intro = f"<b>{office_name}</b><br>{intro}"
        super().__init__(tr("Đăng nhập — MotCua Desk"), intro, parent)
        self.Session, self.clock = Session, clock
        self.user_id: int | None = None
        username = username or last_user()
        self.username = QLineEdit(username)
        self.password = self._password()
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(chosen_language()))
        self.language.setToolTip(tr("Ngôn ngữ giao diện; áp dụng từ lần mở sau."))
        self.form.addRow(tr("Tên đăng nhập"), self.username)
        self.form.addRow(tr("Mật khẩu"), self.password)
        self.form.addRow(tr("Ngôn ngữ"), self.language)
        self.buttons.button(QDialogButtonBox.Ok).setText(tr("Đăng nhập"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(tr("Thoát"))
        (self.password if username else self.username).setFocus(Qt.OtherFocusReason)

    def submit(self) -> None:
        from ui.i18n import choose_language

        choose_language(self.language.currentData())
        try:
            with self.Session.begin() as session:
                view = accounts.authenticate(session, self.clock, self.username.text(), self.password.text())
        except AppError:
            self.password.clear()
            self.password.setFocus(Qt.OtherFocusReason)
            raise
        self.user_id = view.id
        remember_user(self.username.text())


def login(Session, clock, username: str = "", office_name: str = "", parent: QWidget | None = None) -> int | None:
    """The id of the officer who logged in, or None if they chose to leave."""
    with Session() as session:
        first = accounts.needs_first_admin(session)
    if first:
        dialog = FirstAdminDialog(Session, clock, parent)
        if dialog.exec() != QDialog.Accepted:
            return None
        return dialog.user_id
    dialog = LoginDialog(Session, clock, username, office_name, parent)
    if dialog.exec() != QDialog.Accepted:
        return None
    return dialog.user_id



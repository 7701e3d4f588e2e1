"""The login remembers the last user name on this PC (never the password) (issue 18.8)."""

from PySide6.QtWidgets import QApplication

from ui.login import FirstAdminDialog, LoginDialog


def test_the_next_login_starts_with_the_last_user_name(qtbot, Session, clock):
    first = FirstAdminDialog(Session, clock)
    qtbot.addWidget(first)
    first.username.setText("quantri")
    first.full_name.setText("Nguyễn Thị Thu Hương")
    first.password.setText("mat-khau-dai-1")
    first.repeat.setText("mat-khau-dai-1")
    first._submit()
    assert first.user_id is not None

    login = LoginDialog(Session, clock)
    qtbot.addWidget(login)
    login.show()
    QApplication.processEvents()
    assert login.username.text() == "quantri"          # the administrator just created
    assert login.password.hasFocus() and login.password.text() == ""
    login.password.setText("mat-khau-dai-1")
    login._submit()
    assert login.user_id == first.user_id

    wrong = LoginDialog(Session, clock)
    qtbot.addWidget(wrong)
    wrong.username.setText("khong-co")
    wrong.password.setText("sai")
    wrong._submit()
    assert wrong.user_id is None
    again = LoginDialog(Session, clock)
    qtbot.addWidget(again)
    assert again.username.text() == "quantri"   # a failed attempt is not remembered

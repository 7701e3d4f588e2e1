"""Báo cáo cuối ngày: where the report goes (a folder, the higher office's mailbox), the reminder,
the SMTP password (to the system keyring, never shown again) and a test message."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app import administration
from app.errors import AppError
from app.reports import outbox
from app.settings import SPEC_BY_KEY, Group, coerce
from ui import file_choosers
from ui.i18n import QT_TR_NOOP, tr
from ui.settings.base import ERROR_STYLE, HELP_STYLE, LABEL_STYLE, SpecPage


class ReportPage(SpecPage):
    key = "report"
    title = QT_TR_NOOP("Báo cáo cuối ngày")
    group = Group.REPORT
    custom = ("report_folder",)
    test_finished = Signal(bool)   # the test message went (True) or not

    def __init__(self, desk, dialog):
        super().__init__(desk, dialog)
        folder_edit = QLineEdit()
        choose = QPushButton(tr("Chọn thư mục…"))
        choose.setObjectName("chooseFolder")
        choose.clicked.connect(self.choose_folder)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.folder = self.add_spec(SPEC_BY_KEY["report_folder"], folder_edit, row, position=0)
        line.addWidget(self.folder, 1)
        line.addWidget(choose)
        self.password = QLineEdit()
        self.password.setObjectName("smtp_password")
        self.password.setEchoMode(QLineEdit.Password)
        self.password.textChanged.connect(self.edited)
        label = QLabel(tr("Mật khẩu SMTP (lưu trong kho mật khẩu của máy, không bao giờ hiện lại)"))
        label.setStyleSheet(LABEL_STYLE)
        self.form.addRow(label, self.password)
        test_row = QWidget()
        test_line = QHBoxLayout(test_row)
        test_line.setContentsMargins(0, 0, 0, 0)
        self.test_button = QPushButton(tr("Gửi thử"))
        self.test_button.setObjectName("sendTest")
        self.test_button.clicked.connect(self.send_test)
        test_line.addWidget(self.test_button)
        test_line.addStretch(1)
        self.form.addRow("", test_row)
        self.answer = QLabel()
        self.answer.setObjectName("testAnswer")
        self.answer.setWordWrap(True)
        self.form.addRow("", self.answer)

    # ── the folder ──────────────────────────────────────────────────────────────────────────
    def choose_folder(self) -> None:
        chosen = file_choosers.choose_folder(self, tr("Thư mục nhận báo cáo"), self.folder.value())
        if chosen:
            self.folder.editor.setText(str(Path(chosen)))

    # ── the password ────────────────────────────────────────────────────────────────────────
    def load(self, snapshot) -> None:
        super().load(snapshot)
        self.password.clear()
        if not snapshot.keyring:
            self.password.setEnabled(False)
            self.password.setPlaceholderText(tr("Máy này không có kho mật khẩu (keyring): không lưu được mật khẩu"))
        elif snapshot.password_stored:
            self.password.setPlaceholderText(tr("Đã lưu (không hiển thị); nhập để thay"))
        else:
            self.password.setPlaceholderText(tr("Chưa lưu"))

    def extra_work(self):
        password = self.password.text()
        if not password:
            return []
        return [lambda session, ctx: administration.store_smtp_password(session, ctx, password)]

    def saved(self) -> None:
        self.password.clear()

    # ── the test message ────────────────────────────────────────────────────────────────────
    def send_test(self) -> None:
        problem = self.problem()
        if problem:
            self._answer(problem, ok=False)
            return
        try:
            values = {key: coerce(key, field.value()) for key, field in self.fields.items()}
        except AppError as error:
            self._answer(str(error), ok=False)
            return
        settings = self.snapshot.settings.replace(**values)
        password = self.password.text() or None
        self.test_button.setEnabled(False)
        self.answer.setStyleSheet(HELP_STYLE)
        self.answer.setText(tr("Đang gửi thư thử…"))

        def failed(error: BaseException) -> None:
            self.test_button.setEnabled(True)
            self._answer(str(error) if isinstance(error, AppError) else repr(error), ok=False)

        def done(answer: str) -> None:
            self.test_button.setEnabled(True)
            self._answer(answer, ok=True)

        self.desk.run(lambda progress: outbox.send_test(settings, self.desk.clock.now(), password), done,
                      on_error=failed)

    def _answer(self, text: str, ok: bool) -> None:
        self.answer.setStyleSheet("color: #1b5e20;" if ok else ERROR_STYLE)
        self.answer.setText(text)
        self.test_finished.emit(ok)

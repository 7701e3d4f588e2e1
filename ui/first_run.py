"""First run on an empty register: set up the office, and offer a demo register to learn on."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout)
from sqlalchemy import func, select

from app.catalog import get_office, save_office
from app.demo import generate
from db.models import Dossier
from ui.desk import Changes, Desk
from ui.errors import show_error
from ui.i18n import QT_TR_NOOP, tr

DEMO_COUNT = 2000


def needs_setup(session) -> bool:
    return not get_office(session).name and not session.scalar(select(func.count()).select_from(Dossier))


class FirstRunDialog(QDialog):
    FIELDS = [("name", QT_TR_NOOP("Tên cơ quan (*)"), "Bộ phận Một cửa UBND phường …"),
              ("parent_agency", QT_TR_NOOP("Cơ quan chủ quản"), "UBND phường …"),
              ("place_name", QT_TR_NOOP("Địa danh (ghi trên văn bản)"), "Trần Biên"),
              ("agency_code", QT_TR_NOOP("Mã định danh cơ quan"), "000.00.16.H19"),
              ("head_name", QT_TR_NOOP("Người đứng đầu"), "Nguyễn Thị Thu Hương"),
              ("head_title", QT_TR_NOOP("Chức vụ"), "Giám đốc")]

    def __init__(self, desk: Desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(tr("Chào mừng đến MotCua Desk"))
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, label, example in self.FIELDS:
            edit = QLineEdit()
            edit.setObjectName(key)
            edit.setPlaceholderText(tr("Ví dụ: {example}").format(example=example))
            self.edits[key] = edit
            form.addRow(tr(label), edit)
        self.demo = QCheckBox(tr("Nạp sổ hồ sơ mẫu ({n} hồ sơ) để làm quen — có thể xóa sau").format(n="2.000"))
        self.demo.setObjectName("loadDemo")
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(tr("Bắt đầu"), QDialogButtonBox.AcceptRole)
        later = buttons.addButton(tr("Để sau"), QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.submit)
        later.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Sổ hồ sơ còn trống. Nhập thông tin cơ quan để in phiếu, báo cáo đúng tên; "
                          "hoặc nạp sổ mẫu để xem ngay bàn làm việc hoạt động thế nào."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.demo)
        layout.addWidget(buttons)
        self.demo.toggled.connect(lambda on: self.edits["name"].setPlaceholderText(
            tr("Để trống: dùng thông tin cơ quan mẫu") if on else tr("Ví dụ: {example}").format(
                example=self.FIELDS[0][2])))

    def submit(self) -> None:
        values = {key: edit.text() for key, edit in self.edits.items() if edit.text().strip()}
        demo = self.demo.isChecked()
        if not values.get("name") and not demo:
            self.edits["name"].setFocus()
            self.edits["name"].setPlaceholderText(tr("Cần nhập tên cơ quan (hoặc chọn nạp sổ mẫu)"))
            return
        self.ok.setEnabled(False)

        def action(session, ctx):
            if demo:
                generate(session, ctx.calendar, ctx.now(), DEMO_COUNT)
            if values.get("name"):
                save_office(session, **values)

        def failed(error: BaseException) -> None:
            self.ok.setEnabled(True)
            show_error(self, error)

        self.desk.write(action, lambda _: self.accept(), changes=Changes(dossiers=True, settings=True),
                        parent=self, label=tr("Đang chuẩn bị sổ hồ sơ…"), on_error=failed)


def offer_setup(window, desk: Desk) -> None:
    """Ask, off the UI thread, whether the register is new; if so, open the welcome dialog."""

    def open_if_new(new: bool) -> None:
        if new:
            dialog = FirstRunDialog(desk, window)
            window.first_run_dialog = dialog
            dialog.open()

    desk.read(lambda session, ctx: needs_setup(session), open_if_new)

"""First run on an empty register: set up the office, and offer a separate demo register to learn on.

The demo never goes into the office's register: "Xem thử với sổ mẫu" starts a second
window on a throw-away register (``--demo``: a temporary file, removed when that window
closes), and this register stays empty until the office is set up.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from app import window_command
from app.catalog import save_office
from app.clock import FixedClock
from app.upkeep import needs_setup
from ui.desk import Changes, Desk
from ui.errors import show_error
from ui.i18n import QT_TR_NOOP, tr


def demo_command(clock=None) -> tuple[str, list[str]]:
    """The program and arguments that open the window on a demo register (the frozen build is its own program).
    A desk run at a fixed moment (``--now``) opens its demo at that moment too: the sample dossiers are
    generated around "now", and a demo dated today beside a desk dated last month would not match."""
    fixed = getattr(clock, "moment", None) if isinstance(clock, FixedClock) else None
    extra = ["--now", fixed.strftime("%Y-%m-%d %H:%M")] if fixed is not None else []
    if getattr(sys, "frozen", False):
        return sys.executable, [*extra, "--demo"]
    return sys.executable, [str(Path(__file__).resolve().parents[1] / "main.py"), *extra, "--demo"]


def launch_demo(clock=None) -> bool:
    """Start the demo window as a process of its own; True when it started."""
    program, arguments = demo_command(clock)
    started, _pid = QProcess.startDetached(program, arguments)
    return bool(started)


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
        self.setMinimumWidth(560)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, label, example in self.FIELDS:
            edit = QLineEdit()
            edit.setObjectName(key)
            edit.setPlaceholderText(tr("Ví dụ: {example}").format(example=example))
            self.edits[key] = edit
            form.addRow(tr(label), edit)
        self.demo = QPushButton(tr("Xem thử với sổ mẫu…"))
        self.demo.setObjectName("openDemo")
        self.demo.setToolTip(tr("Mở một cửa sổ riêng trên sổ mẫu {n} hồ sơ trong tệp tạm; sổ của cơ quan "
                                "không bị thay đổi.").format(n="2.000"))
        self.demo.clicked.connect(self.open_demo)
        self.demo_note = QLabel()
        self.demo_note.setObjectName("demoNote")
        self.demo_note.setWordWrap(True)
        self.demo_note.hide()
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(tr("Bắt đầu"), QDialogButtonBox.AcceptRole)
        later = buttons.addButton(tr("Để sau"), QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.submit)
        later.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Sổ hồ sơ còn trống. Nhập thông tin cơ quan để in phiếu, báo cáo đúng tên. "
                          "Muốn xem bàn làm việc hoạt động thế nào, mở sổ mẫu trong một cửa sổ riêng: "
                          "sổ của cơ quan vẫn trống."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.demo)
        layout.addWidget(self.demo_note)
        layout.addWidget(buttons)

    def open_demo(self) -> None:
        if launch_demo(self.desk.clock):
            self.demo_note.setText(tr("Sổ mẫu đang mở trong một cửa sổ riêng (đăng nhập sẵn); đóng cửa sổ đó là "
                                      "sổ mẫu được xóa. Sổ của cơ quan vẫn trống."))
        else:
            self.demo_note.setText(tr("Không mở được cửa sổ sổ mẫu. Có thể chạy: python main.py --demo")
                                   .replace("python main.py", window_command()))   # MotCuaDesk in the build
        self.demo_note.show()

    def submit(self) -> None:
        values = {key: edit.text() for key, edit in self.edits.items() if edit.text().strip()}
        if not values.get("name"):
            self.edits["name"].setFocus()
            self.edits["name"].setPlaceholderText(tr("Cần nhập tên cơ quan"))
            return
        self.ok.setEnabled(False)

        def action(session, ctx):
            save_office(session, **values)

        def failed(error: BaseException) -> None:
            self.ok.setEnabled(True)
            show_error(self, error)

        self.desk.write(action, lambda _: self.accept(), changes=Changes(settings=True),
                        parent=self, label=tr("Đang chuẩn bị sổ hồ sơ…"), on_error=failed)


def offer_setup(window, desk: Desk) -> None:
    """Ask, off the UI thread, whether the register is new; if so, open the welcome dialog."""

    def open_if_new(new: bool) -> None:
        if new:
            dialog = FirstRunDialog(desk, window)
            window.first_run_dialog = dialog
            dialog.open()

    desk.read(lambda session, ctx: needs_setup(session), open_if_new)

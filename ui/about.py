"""The application icon and the About box (name, version, where the register and backups live)."""

from __future__ import annotations

import platform
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app import __version__
from ui.i18n import tr


def resources_dir() -> Path:
    return Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[1])) / "resources"


def app_icon() -> QIcon:
    icons = resources_dir() / "icons"
    icon = QIcon()
    for name in ("motcua.svg", "motcua-256.png"):
        if (icons / name).exists():
            icon.addFile(str(icons / name))
    return icon


class AboutDialog(QDialog):
    def __init__(self, register: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Giới thiệu MotCua Desk"))
        self.setWindowIcon(app_icon())
        picture = QLabel()
        picture.setPixmap(app_icon().pixmap(96, 96))
        version = tr("Phiên bản")
        summary = tr("Sổ theo dõi hồ sơ thủ tục hành chính cho Bộ phận Một cửa: hạn giải quyết theo ngày làm việc, "
                     "phiếu xin lỗi, số hóa, báo cáo.")
        where = tr("Sổ hồ sơ")
        text = QLabel(
            f"<h2>MotCua Desk</h2><p>{version} <b>{__version__}</b></p><p>{summary}</p>"
            f"<p style='color:#555'>{where}: {register or '—'}<br>"
            f"Python {platform.python_version()} · Qt for Python {pyside_version}</p>")
        text.setObjectName("about_text")
        text.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(picture)
        row.addWidget(text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.Close).setText(tr("Đóng"))
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

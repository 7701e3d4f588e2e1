"""Edit the wording of the printed forms with a live preview; a broken template is never saved."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.printing import letter, receipt, templates
from ui.i18n import tr
from ui.letters.preview import PdfPane
from ui.screen_fit import fit_to_screen

_D = dt.datetime
SAMPLE_LETTER = letter.LetterData(
    number_text="07/PXL-TP", issued_on=dt.date(2026, 2, 5), reason="Hồ sơ phải lấy ý kiến của cơ quan, đơn vị liên quan",
    previous_due_at=_D(2026, 2, 6, 17), new_due_at=_D(2026, 2, 13, 17), signer_name="Nguyễn Thị Thu Hương",
    signer_title="Giám đốc", office_name="Trung tâm Phục vụ hành chính công phường Trần Biên",
    parent_agency="UBND phường Trần Biên", place_name="Trần Biên", dossier_code="000.00.16.H19-260202-010042",
    procedure_name="Đăng ký biến động quyền sử dụng đất", applicant_name="Đặng Văn Đức",
    applicant_id_number="079203001234", applicant_address="12 Nguyễn Ái Quốc, phường Trần Biên",
    applicant_phone="0912345678", unit_name="Bộ phận Địa chính - Đất đai", officer_name="Nguyễn Thị Lan",
    received_at=_D(2026, 2, 2, 9, 30), desk_name="Trung tâm Phục vụ hành chính công phường Trần Biên",
    recipients=("Như trên;", "Bộ phận Một cửa;", "Lưu: VT."),
)
SAMPLE_RECEIPT = receipt.ReceiptData(
    office_name=SAMPLE_LETTER.office_name, parent_agency=SAMPLE_LETTER.parent_agency, place_name="Trần Biên",
    dossier_code=SAMPLE_LETTER.dossier_code, procedure_name=SAMPLE_LETTER.procedure_name,
    processing="10 ngày làm việc", applicant_name=SAMPLE_LETTER.applicant_name,
    applicant_id_number="079203001234", applicant_address=SAMPLE_LETTER.applicant_address,
    applicant_phone="0912345678", applicant_email="duc@example.vn", channel="Trực tiếp",
    unit_name=SAMPLE_LETTER.unit_name, officer_name="Nguyễn Thị Lan", received_at=_D(2026, 2, 2, 9, 30),
    due_at=_D(2026, 2, 6, 17), number="0042/TNHS",
    papers="Đơn đăng ký biến động đất đai (bản chính)\nGiấy chứng nhận quyền sử dụng đất (bản gốc)",
    new_due_at=_D(2026, 2, 13, 17), letter_number="07/PXL-TP",
)


class TemplateEditor(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Mẫu phiếu in"))
        self.form = QComboBox()
        for spec in templates.FORMS.values():
            self.form.addItem(tr(spec.title), spec.key)
        self.editor = QPlainTextEdit()
        self.placeholders = QLabel()
        self.placeholders.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.preview = PdfPane()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(400)
        self.timer.timeout.connect(self._render)
        self.editor.textChanged.connect(self.timer.start)
        self.form.currentIndexChanged.connect(self._load)

        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(self.form)
        column.addWidget(self.editor, 3)
        column.addWidget(self.placeholders, 1)
        column.addWidget(self.status)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setSizes([520, 480])
        self.save_button = QPushButton(tr("Lưu mẫu của cơ quan"))
        self.reset_button = QPushButton(tr("Khôi phục mẫu gốc"))
        self.save_button.clicked.connect(self._save)
        self.reset_button.clicked.connect(self._reset)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.reset_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(row)
        fit_to_screen(self, (1100, 760))
        self._load()

    @property
    def spec(self) -> templates.FormSpec:
        return templates.FORMS[self.form.currentData()]

    def _load(self, *_args) -> None:
        text, source = templates.current_text(self.spec)
        self.editor.setPlainText(text)
        self.placeholders.setText(tr("Chỗ điền (* bắt buộc):") + " " + "; ".join(
            f"{{{p.name}}}{'*' if p.required else ''} — {p.description}" for p in self.spec.placeholders))
        self.reset_button.setEnabled(source == "office")
        self._render()

    def _render(self) -> None:
        try:
            template = templates.parse(self.spec, self.editor.toPlainText())
            if self.spec is templates.APOLOGY:
                pdf = letter.render([SAMPLE_LETTER], "A5", template)
            else:
                pdf = receipt.render(SAMPLE_RECEIPT, "A5", template)
        except AppError as error:
            self.status.setText("⚠ " + str(error))
            self.status.setStyleSheet("color: #a40000;")
            self.save_button.setEnabled(False)
            return
        self.status.setText(tr("Mẫu hợp lệ. Bản xem trước dùng dữ liệu mẫu."))
        self.status.setStyleSheet("")
        self.save_button.setEnabled(True)
        self.preview.show_pdf(pdf)

    def _save(self) -> None:
        try:
            path = templates.save_office_copy(self.spec, self.editor.toPlainText())
        except (AppError, OSError) as error:
            QMessageBox.warning(self, tr("Không lưu được mẫu"), str(error))
            return
        self.reset_button.setEnabled(True)
        self.status.setText(tr("Đã lưu mẫu của cơ quan vào") + f" {path}")

    def _reset(self) -> None:
        templates.reset_office_copy(self.spec)
        self._load()

"""The dossier form's "Phiếu xin lỗi" tab: the letter if one was issued, else a button to issue one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from app import letters
from app.dossiers import DossierView
from app.formatting import date_vi, datetime_vi
from app.letters import LETTER_STATUSES
from ui.dossier.tabs import DossierTab
from ui.i18n import QT_TR_NOOP, tr
from ui.letters.delivery_dialog import DeliveryBox


class LetterTab(DossierTab):
    title = QT_TR_NOOP("Phiếu xin lỗi")

    def __init__(self, desk, parent=None):
        super().__init__(desk, parent)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.RichText)
        self.issue_button = QPushButton(tr("Lập phiếu xin lỗi…"))
        self.show_button = QPushButton(tr("Xem và in phiếu"))
        self.issue_button.clicked.connect(self._issue)
        self.show_button.clicked.connect(self._show)
        buttons = QHBoxLayout()
        buttons.addWidget(self.issue_button)
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        self.details = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addLayout(self.details)
        layout.addLayout(buttons)
        self.delivery = DeliveryBox(desk)   # how the letter reached the applicant (ui/letters/delivery_dialog.py)
        layout.addWidget(self.delivery)
        layout.addStretch(1)
        self.letter: letters.LetterView | None = None
        self.setMinimumSize(560, 260)

    def load(self, view: DossierView) -> None:
        super().load(view)
        self.info.setText(tr("Đang tải…"))
        self.issue_button.hide()
        self.show_button.hide()
        self.delivery.hide()
        self.desk.read(lambda session, ctx: (letters.get_letter(session, view.id),
                                             letters.issuer_of_dossier(session, view.id)),
                       self._show_letter, parent=self)

    def _clear_details(self) -> None:
        while self.details.rowCount():
            self.details.removeRow(0)

    def _show_letter(self, found) -> None:
        letter, issuer = found
        self.letter = letter
        view = self.view
        self._clear_details()
        if letter is None:
            can = view.status in LETTER_STATUSES and view.due_at is not None
            self.info.setText(tr("Hồ sơ chưa có phiếu xin lỗi.") + ("" if can else " " + tr(
                "Chỉ lập được phiếu cho hồ sơ đang giải quyết (không chờ bổ sung, chưa kết thúc).")))
            signer = QLabel(f"{issuer.head_title} {issuer.head_name} — {issuer.name}")
            signer.setWordWrap(True)
            self.details.addRow(tr("Người ký phiếu (nếu lập)") + ":", signer)
            self.issue_button.setVisible(True)
            self.issue_button.setEnabled(can)
            return
        late = " <b style='color:#a40000'>(" + tr("gửi muộn") + ")</b>" if letter.late else ""
        rows = [
            (tr("Số phiếu"), f"<b>{letter.number_text}</b>{late}"),
            (tr("Ngày phát hành"), date_vi(letter.issued_on)),
            (tr("Lý do"), letter.reason),
            (tr("Hẹn trả trước phiếu"), datetime_vi(letter.previous_due_at)),
            (tr("Hẹn trả mới"), f"<b>{datetime_vi(letter.new_due_at)}</b>"),
            (tr("Người ký"), f"{letter.signer_title} {letter.signer_name}"
                             + (f" — {letter.issuer_name}" if letter.issuer_name else "")),
            (tr("SHA-256 bản PDF"), f"<code>{letter.sha256[:16]}…</code>"),
        ]
        self.info.setText(tr("Phiếu xin lỗi đã phát hành:"))
        for key, value in rows:
            label = QLabel(value)
            label.setTextFormat(Qt.RichText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextSelectableByMouse)
            if key == tr("SHA-256 bản PDF"):
                label.setToolTip(letter.sha256)
            self.details.addRow(key + ":", label)
        self.show_button.setVisible(True)
        self.delivery.load(letter.dossier_id)

    def _issue(self) -> None:
        from ui.letters.actions import issue_letter

        issue_letter(self.desk, self.view.id, self)

    def _show(self) -> None:
        from ui.letters.actions import show_issued_letter

        show_issued_letter(self.desk, self.view.id, self)

"""Tab "Đánh giá" of the dossier form: how the citizen judged the service; record it later, or correct it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from app import ratings
from app.dossiers import DossierView
from app.formatting import datetime_vi
from ui.desk import Changes
from ui.dossier.tabs import DossierTab
from ui.errors import show_error
from ui.i18n import QT_TR_NOOP, tr
from ui.ratings.dialog import RatingDialog


class RatingTab(DossierTab):
    title = QT_TR_NOOP("Đánh giá")

    def __init__(self, desk, parent=None):
        super().__init__(desk, parent)
        self.rating: ratings.RatingView | None = None
        self.text = QLabel()
        self.text.setObjectName("ratingText")
        self.text.setTextFormat(Qt.RichText)
        self.text.setWordWrap(True)
        self.record_button = QPushButton(tr("Ghi nhận đánh giá…"))
        self.record_button.setObjectName("recordRating")
        self.record_button.clicked.connect(self.open_dialog)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def load(self, view: DossierView) -> None:
        super().load(view)
        self.text.setText(tr("Đang tải…"))
        self.record_button.setEnabled(False)
        dossier_id = view.id
        self.desk.read(lambda session, ctx: ratings.get_rating(session, dossier_id),
                       lambda found: self._show(dossier_id, found), parent=self)

    def _show(self, dossier_id: int, rating: ratings.RatingView | None) -> None:
        if self.view is None or self.view.id != dossier_id:
            return
        self.rating = rating
        has_result = self.view.status in ratings.WITH_RESULT
        if rating is None:
            self.text.setText(tr("Người dân chưa đánh giá hồ sơ này.") if has_result else
                              tr("Hồ sơ chưa có kết quả nên chưa đánh giá được."))
            self.record_button.setText(tr("Ghi nhận đánh giá…"))
        else:
            lines = [tr("Mức đánh giá") + f": <b>{tr(rating.level.label)}</b>"]
            if rating.reasons:
                lines.append(tr("Lý do") + ": " + "; ".join(tr(r.label) for r in rating.reasons))
            if rating.note:
                lines.append(tr("Ý kiến") + f": {rating.note}")
            lines.append(tr("Cách đánh giá") + f": {tr(rating.via.label)}, {datetime_vi(rating.rated_at)}")
            lines.append(tr("Người ghi nhận") + f": {rating.recorded_by or '—'}, {datetime_vi(rating.recorded_at)}")
            self.text.setText("<br>".join(lines))
            self.record_button.setText(tr("Sửa đánh giá…"))
        self.record_button.setEnabled(has_result)

    def open_dialog(self) -> None:
        if self.view is None:
            return
        dialog = RatingDialog(self.desk.clock.now(), self.rating, self)
        if dialog.exec() != QDialog.Accepted:
            return
        values = dialog.values()
        dossier_id = self.view.id
        if self.rating is None:
            def action(session, ctx):
                return ratings.record(session, ctx, dossier_id, **values)
        else:
            def action(session, ctx):
                return ratings.correct(session, ctx, dossier_id, **values)
        self.desk.write(action, changes=Changes.dossier(dossier_id, "rating"), parent=self,
                        on_error=lambda error: show_error(self, error))

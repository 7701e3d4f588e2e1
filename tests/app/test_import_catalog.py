"""Catalog import: the procedure list with the same preview and all-or-nothing write."""

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from app.errors import ValidationError
from app.importing import service
from db.models import Procedure
from tests.support.import_files import read_report

HEADER = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Lĩnh vực", "Thời hạn giải quyết", "Đơn vị tính",
          "Mức độ DVC", "Phí, lệ phí", "Kết quả bản giấy"]


def workbook(path, rows, header=HEADER):
    book = Workbook()
    sheet = book.active
    sheet.append(["DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP XÃ"])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def procedures(Session):
    with Session() as session:
        return {p.code: (p.name, p.field, p.processing_value, p.processing_unit, p.online_level, p.fee_bearing,
                         p.result_on_paper, p.online_eligible)
                for p in session.scalars(select(Procedure).order_by(Procedure.code))}


def run(Session, make_ctx, path, **options):
    with Session.begin() as session:
        return service.import_catalog(session, make_ctx(), path, **options)


def test_new_and_changed_procedures(Session, make_ctx, tmp_path):
    path = workbook(tmp_path / "dm.xlsx", [
        [1, "1.000894", "Đăng ký khai sinh", "Hộ tịch", "Trong ngày", "", "Toàn trình", "Không", "Có"],
        [2, "2.000908", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", 4, "giờ", "Một phần", "Có", "Không"],
        [3, "D10", "Đăng ký biến động đất đai", "Đất đai", 15, "ngày", 3, "Có", "Có"],   # in the catalog: 10 days
        [4, "P3", "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch", 3, "ngày", "Toàn trình", "", ""],  # same
    ])
    with Session() as session:
        plan = service.preview_catalog(session, path)
    assert (plan.added, plan.updated, plan.unchanged, plan.rejected) == (2, 1, 1, 0)
    _plan, result = run(Session, make_ctx, path)
    stored = procedures(Session)
    assert stored["1.000894"] == ("Đăng ký khai sinh", "Hộ tịch", 0, "day", "full", False, True, True)
    assert stored["2.000908"] == ("Cấp bản sao trích lục hộ tịch", "Hộ tịch", 4, "hour", "partial", True, False, True)
    assert stored["D10"][2:4] == (15, "day")
    assert ("Thêm mới", 2) in read_report(result.report_path)["Tóm tắt"]


@pytest.mark.parametrize("row, fragment", [
    ([1, "X1", "Thủ tục A", "", "ba ngày", "", "", "", ""], "“ba ngày” không phải là số ngày hoặc số giờ"),
    ([1, "X1", "Thủ tục A", "", -2, "", "", "", ""], "là số âm"),
    ([1, "X1", "", "", 3, "", "", "", ""], "Chưa nhập tên thủ tục"),
    ([1, "X1", "Thủ tục A", "", 3, "tuần", "", "", ""], "Đơn vị thời hạn “tuần”"),
    ([1, "X1", "Thủ tục A", "", 3, "", "mức 9 đặc biệt", "", ""], "Mức độ trực tuyến “mức 9 đặc biệt”"),
    ([1, "X1", "Thủ tục A", "", 3, "", "", "tùy", ""], "Có phí, lệ phí “tùy” không rõ"),
    ([1, "X1", "Thủ tục A", "", "=2+1", "", "", "", ""], "Ô E4 chứa công thức"),
])
def test_bad_rows_refuse_the_whole_catalog(Session, make_ctx, tmp_path, row, fragment):
    before = procedures(Session)
    good = [2, "X2", "Thủ tục B", "", 3, "", "", "", ""]
    with pytest.raises(ValidationError) as error:
        run(Session, make_ctx, workbook(tmp_path / "dm.xlsx", [good, row]))
    assert fragment in str(error.value)
    assert procedures(Session) == before


def test_duplicate_codes_and_missing_columns(Session, make_ctx, tmp_path):
    rows = [[1, "X1", "A", "", 3, "", "", "", ""], [2, "X1", "B", "", 3, "", "", "", ""]]
    with pytest.raises(ValidationError, match="“X1” lặp lại trong tệp"):
        run(Session, make_ctx, workbook(tmp_path / "dm.xlsx", rows))
    with pytest.raises(ValidationError, match="thiếu cột bắt buộc: “Thời hạn giải quyết”"):
        run(Session, make_ctx, workbook(tmp_path / "dm2.xlsx", [[1, "X1", "A"]], header=HEADER[:3]))

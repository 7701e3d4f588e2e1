import datetime as dt

import pytest

from app.importing import values
from app.importing.columns import DOSSIER_COLUMNS, header_key, match_headers
from app.importing.reading import column_letter, detect_encoding
from app.lifecycle import Channel, OnlineLevel, Status


@pytest.mark.parametrize("cell, expected", [
    ("25/11/2026", dt.datetime(2026, 11, 25)),
    ("5/1/2026 7:05", dt.datetime(2026, 1, 5, 7, 5)),
    ("25-11-2026 14:30:15", dt.datetime(2026, 11, 25, 14, 30, 15)),
    ("14:30 25/11/2026", dt.datetime(2026, 11, 25, 14, 30)),
    ("2026-11-25", dt.datetime(2026, 11, 25)),
    ("2026-11-25T08:15:00", dt.datetime(2026, 11, 25, 8, 15)),
    (46351.5, dt.datetime(2026, 11, 25, 12, 0)),
    ("46351", dt.datetime(2026, 11, 25)),
    (dt.date(2026, 2, 3), dt.datetime(2026, 2, 3)),
    ("", None),
])
def test_dates_in_the_forms_exports_use(cell, expected):
    assert values.moment(cell, "Ngày") == expected


@pytest.mark.parametrize("cell, fragment", [
    ("29/02/2026", "không có ngày 29"), ("10/13/2026", "không có tháng 13"), ("12", "không phải ngày"),
    ("mai", "không phải ngày hợp lệ"), ("25/11/2026 25:00", "giờ"),
])
def test_impossible_dates_say_why(cell, fragment):
    with pytest.raises(values.CellError, match=fragment):
        values.moment(cell, "Ngày tiếp nhận")


@pytest.mark.parametrize("cell, expected", [
    ("Đang xử lý", Status.PROCESSING), ("DANG XU LY", Status.PROCESSING), ("Đã tiếp nhận", Status.ACCEPTED),
    (4.0, Status.PROCESSING), ("10", Status.RETURNED), ("Từ chối", Status.REFUSED),
    ("Yêu cầu bổ sung giấy tờ", Status.SUPPLEMENT), ("Đã trả kết quả", Status.RETURNED), ("", None),
])
def test_statuses_from_their_vietnamese_words(cell, expected):
    assert values.status(cell) == expected


@pytest.mark.parametrize("cell, expected", [
    ("Trực tiếp", Channel.IN_PERSON), ("TRUC TUYEN", Channel.ONLINE), ("Dịch vụ công trực tuyến", Channel.ONLINE),
    ("Qua bưu chính công ích", Channel.POSTAL), ("Nộp tại quầy", Channel.IN_PERSON),
])
def test_channels(cell, expected):
    assert values.channel(cell) == expected


@pytest.mark.parametrize("value, unit, expected", [
    ("3", "", (3.0, "day")), (5.0, "giờ", (5.0, "hour")), ("4 giờ", "", (4.0, "hour")),
    ("Trong ngày", "", (0.0, "day")), ("0,5 ngày", "", (0.5, "day")), ("15 ngày làm việc", "", (15.0, "day")),
])
def test_processing_times(value, unit, expected):
    assert values.processing_time(value, unit) == expected


def test_text_where_a_number_belongs():
    with pytest.raises(values.CellError, match="“ba ngày” không phải là số ngày"):
        values.processing_time("ba ngày", "")
    with pytest.raises(values.CellError, match="không phải là số"):
        values.number("mười", "Thời hạn")


def test_online_levels():
    assert values.online_level("Toàn trình") is OnlineLevel.FULL
    assert values.online_level("DVC mức độ 3") is OnlineLevel.PARTIAL
    assert values.online_level(2) is OnlineLevel.NONE


def test_headers_match_whatever_the_spelling():
    rows = [["DANH SÁCH"], [], ["STT", "MÃ HỒ SƠ (*)", "Ngay nhan", "Chủ hồ sơ", "Tên TTHC", "Cột lạ"]]
    match = match_headers(rows, DOSSIER_COLUMNS)
    assert match.header_row == 3
    assert match.columns == {"code": 1, "received_at": 2, "applicant_name": 3, "procedure_name": 4}
    assert match.unknown == ("Cột lạ",)
    assert header_key("Số CCCD/CMND") == "so cccd cmnd"
    assert header_key("Đơn vị") == "don vi"


def test_encodings_are_recognised():
    text = "Người nộp,Địa chỉ\nĐặng Văn Đức,Phố Huế\n"
    assert detect_encoding(text.encode("utf-8")) == "utf-8"
    assert detect_encoding(text.encode("utf-8-sig")) == "utf-8-sig"
    assert detect_encoding(text.encode("utf-16")) == "utf-16"
    from tests.support.import_files import to_cp1258

    assert detect_encoding(to_cp1258(text)) == "cp1258"
    assert [column_letter(i) for i in (0, 25, 26, 701)] == ["A", "Z", "AA", "ZZ"]

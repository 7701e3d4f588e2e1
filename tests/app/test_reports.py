"""The workbooks, reopened with openpyxl: sheets, cells, dates, escaping, print set-up, atomic writes."""

import datetime as dt
import os
from io import BytesIO

import openpyxl
import pytest
from sqlalchemy import update

from app import dossiers
from app.dossiers import NewDossier
from app.due_dates import recompute_deadlines
from app.errors import ConfigurationError, ValidationError
from app.lifecycle import Status
from app.measures import Period
from app.reports.daily import daily_report
from app.reports.period import logbook, period_report
from app.reports.xlsx import safe_text, write_atomically
from app.settings import save_setting
from db.models import Dossier

EVENING = dt.datetime(2026, 11, 25, 16, 0)


@pytest.fixture
def day_register(Session, make_ctx, clock):
    """Today: three receipts (one name that looks like a formula), one returned, one digitization gap."""
    with Session.begin() as session:
        # An office that lets a paper result be finished before it is scanned (with a warning): the gap
        # this register needs for the digitization sheet.
        save_setting(session, "paper_result_guard", "warn")
    ctx = make_ctx()
    with Session.begin() as session:
        a = dossiers.receive(session, ctx, NewDossier("P3", "=HYPERLINK(\"http://x\",\"Bấm\")",
                                                      applicant_phone="+84 912 345 678",
                                                      applicant_address="@Số 5 đường Đồng Khởi",
                                                      received_at=dt.datetime(2026, 11, 25, 8, 15)))
        b = dossiers.receive(session, ctx, NewDossier("D10", "Trần Thị Bích", channel="online",
                                                      received_at=dt.datetime(2026, 11, 25, 8, 40)))
        c = dossiers.receive(session, ctx, NewDossier("P0", "Lê Văn Đức", received_at=dt.datetime(2026, 11, 25, 8, 5)))
        v = dossiers.get(session, c.id)
        v = dossiers.change_status(session, ctx, c.id, Status.RESULT_READY, expected_version=v.version,
                                   at=dt.datetime(2026, 11, 25, 8, 50))
        dossiers.change_status(session, ctx, c.id, Status.RETURNED, expected_version=v.version,
                               at=dt.datetime(2026, 11, 25, 8, 55), result_delivery="desk")
        # an imported phone keeps its "+": it must not become a formula either
        session.execute(update(Dossier).where(Dossier.id == a.id).values(applicant_phone="+84 912 345 678"))
    clock.moment = EVENING
    return {"ids": (a.id, b.id, c.id), "codes": (a.code, b.code, c.code)}


def open_book(content: bytes):
    return openpyxl.load_workbook(BytesIO(content))


def table(ws, header_row=None):
    header_row = header_row or int(ws.freeze_panes[1:]) - 1
    header = [c.value for c in ws[header_row]]
    return header, [[c.value for c in row] for row in ws.iter_rows(min_row=header_row + 1)]


def test_daily_workbook_sheets_titles_and_layout(Session, make_ctx, day_register):
    with Session() as session:
        report = daily_report(session, make_ctx())
    assert report.workbook.file_name == \
        "bao-cao-cuoi-ngay-bo-phan-mot-cua-phuong-tran-bien-2026-11-25.xlsx"
    book = open_book(report.workbook.content)
    assert book.sheetnames == ["Tổng hợp ngày", "Lũy kế tháng", "Chỉ tiêu", "Tiếp nhận hôm nay",
                               "Trả kết quả hôm nay", "Sắp đến hạn", "Cần xin lỗi", "Quá hạn",
                               "Phiếu xin lỗi hôm nay", "Thiếu số hóa", "Hài lòng", "Không hài lòng hôm nay",
                               "Mốc nhật ký"]
    ws = book["Tổng hợp ngày"]
    assert ws["A1"].value == "BÁO CÁO CUỐI NGÀY 25/11/2026 — KẾT QUẢ TRONG NGÀY"
    assert ws["A1"].font.b
    assert ws["A3"].value == "Đơn vị báo cáo: Bộ phận Một cửa phường Trần Biên"
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert str(sheet.page_setup.paperSize) == "9"  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        header_row = int(sheet.freeze_panes[1:]) - 1
        assert sheet.auto_filter.ref.startswith(f"A{header_row}:")
        assert sheet.cell(header_row, 1).value == "STT" or sheet.title == "Chỉ tiêu"
        assert sheet.cell(header_row, 1).font.b
        assert sheet.column_dimensions["B"].width >= 12


def test_daily_summary_cells(Session, make_ctx, day_register):
    with Session() as session:
        report = daily_report(session, make_ctx())
    ws = open_book(report.workbook.content)["Tổng hợp ngày"]
    header, rows = table(ws)
    assert header[:7] == ["STT", "Đơn vị", "Tổng số hồ sơ tiếp nhận", "Trong kỳ: trực tuyến",
                          "Trong kỳ: trực tiếp, bưu chính", "Từ kỳ trước chuyển sang", "Đã giải quyết: tổng số"]
    by_unit = {row[1]: row for row in rows}
    # TP: P3 in person (open) and P0 in person (finished today, due today → on time)
    assert by_unit["Phòng Tư pháp - Hộ tịch"][2:14] == [2, 0, 2, 0, 1, 0, 1, 0, 1, 1, 0, 100.0]
    assert by_unit["Bộ phận Địa chính - Đất đai"][2:13] == [1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0]
    assert by_unit["Tổng cộng"][2] == 3
    assert ws.cell(ws.max_row, 2).font.b


def test_daily_lists_have_real_dates_and_escaped_text(Session, make_ctx, day_register):
    with Session() as session:
        report = daily_report(session, make_ctx())
    book = open_book(report.workbook.content)
    ws = book["Tiếp nhận hôm nay"]
    header, rows = table(ws, 7)
    assert header[:4] == ["STT", "Mã hồ sơ", "Tên thủ tục", "Người nộp"]
    assert [r[1] for r in rows] == [day_register["codes"][2], day_register["codes"][0], day_register["codes"][1]]
    formula_row = rows[1]
    assert formula_row[3] == "'=HYPERLINK(\"http://x\",\"Bấm\")"
    assert formula_row[4] == "'@Số 5 đường Đồng Khởi"
    assert formula_row[5] == "'+84 912 345 678"
    received_cell = ws.cell(8 + 1, 9)
    assert received_cell.value == dt.datetime(2026, 11, 25, 8, 15)
    assert received_cell.number_format == "dd/mm/yyyy hh:mm"
    for row in ws.iter_rows(min_row=8):
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
    returned = table(book["Trả kết quả hôm nay"], 7)[1]
    assert len(returned) == 1 and returned[0][1] == day_register["codes"][2]
    assert returned[0][8] == dt.datetime(2026, 11, 25, 8, 55)
    assert returned[0][9] == "Tại Bộ phận Một cửa"
    header, gaps = table(book["Thiếu số hóa"], 8)
    assert header[9] == "Còn thiếu"
    missing = {row[1]: row[9] for row in gaps}
    assert missing[day_register["codes"][0]] == "Chưa số hóa thành phần; Chưa xác thực định danh"
    assert missing[day_register["codes"][2]] == ("Chưa số hóa thành phần; Chưa số hóa kết quả; "
                                                 "Chưa xác thực định danh")
    # online: arrives digital, but the applicant's identity was not checked at reception either
    assert missing[day_register["codes"][1]] == "Chưa xác thực định danh"


def test_daily_digitization_gaps_are_the_rules_gaps(Session, make_ctx, day_register):
    """The workbook's gaps are app.digitization_rules' gaps, as the Today tile and the Số hóa page count
    them. The old "simple rule" (paper components, finished result) missed the identity check and the request
    letter of a refused or withdrawn dossier: it listed 2 of these 4 dossiers."""
    from app import digitization

    ctx = make_ctx()
    a, b, c = day_register["ids"]
    with Session.begin() as session:
        # a: components scanned and identity checked → compliant; b: identity checked → compliant
        session.execute(update(Dossier).where(Dossier.id.in_((a, b)))
                        .values(digitized_components=True, identity_checked=True))
        d = dossiers.receive(session, ctx, NewDossier("P3", "Phạm Văn Rút", received_at=dt.datetime(2026, 11, 25, 9)))
        session.execute(update(Dossier).where(Dossier.id == d.id).values(
            digitized_components=True, identity_checked=True, status=int(Status.WITHDRAWN),
            finished_at=dt.datetime(2026, 11, 25, 10)))
    with Session() as session:
        report = daily_report(session, make_ctx())
        tile = digitization.gap_counts(session, make_ctx(), dt.date(2026, 11, 25), dt.date(2026, 11, 25))
    rows = table(open_book(report.workbook.content)["Thiếu số hóa"], 8)[1]
    missing = {row[1]: row[9] for row in rows}
    assert missing == {day_register["codes"][2]: "Chưa số hóa thành phần; Chưa số hóa kết quả; "
                                                 "Chưa xác thực định danh",
                       d.code: "Chưa đính kèm văn bản đề nghị"}
    assert report.counts.digitization_gaps == tile.dossiers == 2


def test_late_and_apology_sheets(Session, make_ctx, day_register):
    a, b, _ = day_register["ids"]
    with Session.begin() as session:
        session.execute(update(Dossier).where(Dossier.id == a).values(due_at=dt.datetime(2026, 11, 24, 17)))
        session.execute(update(Dossier).where(Dossier.id == b).values(due_at=dt.datetime(2026, 11, 26, 17)))
        recompute_deadlines(session, make_ctx().calendar, [a, b])  # the stored apology deadlines follow
    with Session() as session:
        report = daily_report(session, make_ctx())
    book = open_book(report.workbook.content)
    late = table(book["Quá hạn"], 7)[1]
    assert [r[1] for r in late] == [day_register["codes"][0]]
    assert late[0][7] == "Quá hạn"
    apology = table(book["Cần xin lỗi"], 7)[1]
    assert [r[1] for r in apology] == [day_register["codes"][1]]
    assert apology[0][7] == "Phải gửi phiếu xin lỗi hôm nay"  # due tomorrow: the letter is due today
    assert report.counts.late == 1 and report.counts.apology == 1


def test_period_report_and_logbook(Session, make_ctx, day_register):
    ctx = make_ctx()
    with Session() as session:
        summary, rates, workbook = period_report(session, ctx, Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30)))
        book = logbook(session, ctx, Period(dt.date(2026, 11, 25), dt.date(2026, 11, 25)))
    assert workbook.file_name.startswith("bieu-II.06a-bo-phan-mot-cua-phuong-tran-bien-2026-11-01-den-2026-11-30")
    ws = open_book(workbook.content)["Biểu II.06a"]
    assert ws["A1"].value.startswith("KẾT QUẢ GIẢI QUYẾT TTHC")
    assert any(c.value == "Từ ngày 01/11/2026 đến ngày 30/11/2026" for c in ws["A"])
    rates_ws = open_book(workbook.content)["Chỉ tiêu"]
    header, rows = table(rates_ws, int(rates_ws.freeze_panes[1:]) - 1)
    online = next(r for r in rows if r[0] == "Hồ sơ nộp trực tuyến")
    assert online[1:6] == [1, 3, 33.3, 50, "Chưa đạt"]
    log = open_book(book.content)["Sổ theo dõi hồ sơ"]
    header, rows = table(log, 6)
    assert header == ["STT", "Mã hồ sơ", "Tên thủ tục", "Tên người nộp", "Địa chỉ, số điện thoại",
                      "Cơ quan chủ trì giải quyết", "Ngày, giờ nhận", "Ngày, giờ hẹn trả", "Ngày, giờ trả kết quả",
                      "Hình thức nhận kết quả", "Ký nhận"]
    assert [r[0] for r in rows] == [1, 2, 3]
    assert rows[0][8] == dt.datetime(2026, 11, 25, 8, 55) and rows[0][9] == "Tại Bộ phận Một cửa"
    assert rows[1][4] == "'@Số 5 đường Đồng Khởi; +84 912 345 678"


@pytest.mark.parametrize("text, safe", [
    ("=1+1", "'=1+1"), ("+84", "'+84"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("\r=1", "'\r=1"), ("Nguyễn Văn A", "Nguyễn Văn A"), ("a=b", "a=b"), ("x\x07y", "xy"),
])
def test_safe_text(text, safe):
    assert safe_text(text) == safe


def test_atomic_write_replaces_whole_or_not_at_all(tmp_path, monkeypatch):
    target = tmp_path / "bao-cao.xlsx"
    write_atomically(target, b"old")
    assert target.read_bytes() == b"old"

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ConfigurationError, match="Không ghi được tệp"):
        write_atomically(target, b"new and longer")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.xlsx"]  # no temp file left behind
    monkeypatch.undo()
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.xlsx"]


def test_atomic_write_into_an_unwritable_place_says_so(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ConfigurationError, match="Không ghi được vào thư mục"):
        write_atomically(blocker / "sub" / "a.xlsx", b"x")


def test_reports_for_days_that_have_not_come_are_refused(Session, make_ctx):
    """25/11/2026 09:00: Christmas has no figures yet, nor has December; November so far has."""
    ctx = make_ctx()
    with Session() as session:
        with pytest.raises(ValidationError, match="chưa đến"):
            daily_report(session, ctx, dt.date(2026, 12, 25))
        with pytest.raises(ValidationError, match="chưa có số liệu"):
            period_report(session, ctx, Period(dt.date(2026, 12, 1), dt.date(2026, 12, 31)))


def test_the_total_row_stays_out_of_the_filter(Session, make_ctx, day_register):
    """Sorting a unit summary must never move "Tổng cộng" in among the units it adds up."""
    with Session() as session:
        report = daily_report(session, make_ctx())
    ws = open_book(report.workbook.content)["Tổng hợp ngày"]
    last_filtered = int(ws.auto_filter.ref.split(":")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    assert ws.cell(last_filtered + 1, 2).value == "Tổng cộng"
    assert ws.cell(last_filtered, 2).value != "Tổng cộng"


def test_the_month_to_date_is_the_day_on_the_first_and_more_after(Session, make_ctx, clock, day_register):
    """On the 1st the month's sheet repeats the day's figures (counted once); on the 2nd it adds the 1st."""
    first, second = dt.datetime(2026, 12, 1, 9, 0), dt.datetime(2026, 12, 2, 9, 0)
    clock.moment = first.replace(hour=10)
    ctx = make_ctx()
    with Session.begin() as session:
        dossiers.receive(session, ctx, NewDossier("P3", "Phạm Thị Thu", received_at=first))
        dossiers.receive(session, ctx, NewDossier("P0", "Đỗ Văn Hùng", received_at=first))
    sheets = {}
    for moment in (first, second):
        clock.moment = moment.replace(hour=16)
        with Session() as session:
            book = open_book(daily_report(session, make_ctx()).workbook.content)
        # per unit: on hand, received online, received in person, carried over, …
        sheets[moment.day] = [{row[1]: row[2:] for row in table(book[name])[1]} for name in ("Tổng hợp ngày",
                                                                                          "Lũy kế tháng")]
    day, month = sheets[1]
    assert day == month and day["Tổng cộng"][1:4] == [0, 2, 2]   # received in person 2, carried over 2
    day, month = sheets[2]
    assert day["Tổng cộng"][1:4] == [0, 0, 4] and month["Tổng cộng"][1:4] == [0, 2, 2]

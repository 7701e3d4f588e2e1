"""Dossier import: generated exports in several spellings and encodings, checked in the register afterwards."""

import datetime as dt
import unicodedata

import pytest
from sqlalchemy import func, select

from app import dossiers, worklists
from app.deadlines import ProcessingTime, due_from_receipt
from app.errors import ValidationError
from app.importing import service
from app.importing.columns import load_mapping, save_mapping, source_key
from app.importing.dossier_file import ImportCancelled
from app.lifecycle import Channel, Status, TimeUnit
from db.models import Dossier, DossierEvent, Procedure
from tests.support.import_files import dossier_rows, read_report, write_csv, write_xlsx


def snapshot(Session):
    """Everything an import may touch, to prove a refused import changed nothing."""
    with Session() as session:
        rows = session.execute(select(Dossier.__table__).order_by(Dossier.id)).all()
        events = session.execute(select(DossierEvent.__table__).order_by(DossierEvent.id)).all()
        procedures = session.execute(select(Procedure.__table__).order_by(Procedure.id)).all()
        fts = []
        if session.get_bind().dialect.name == "sqlite":
            fts = session.connection().exec_driver_sql("SELECT rowid, search_text FROM dossier_fts ORDER BY rowid").all()
    return rows, events, procedures, fts


def run_import(Session, make_ctx, path, **options):
    with Session.begin() as session:
        return service.import_dossiers(session, make_ctx(), path, **options)


def preview(Session, make_ctx, path, source=None):
    with Session() as session:
        return service.preview_dossiers(session, make_ctx(), path, source)


@pytest.mark.parametrize("headers", ["standard", "folded", "variant"])
@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "utf-16", "cp1258"])
def test_csv_variants_land_in_the_register(Session, make_ctx, tmp_path, headers, encoding):
    rows = dossier_rows(25, seed=3)
    path = write_csv(tmp_path / "hoso.csv", rows, headers=headers, encoding=encoding,
                     delimiter=";" if encoding == "utf-16" else ",", title=headers == "variant")
    plan, result = run_import(Session, make_ctx, path)
    assert (result.added, result.updated, result.rejected) == (25, 0, 0)
    with Session() as session:
        for row in rows:
            view = dossiers.get(session, dossiers.find_id(session, row["code"]))
            assert view.applicant_name == row["applicant_name"]
            assert unicodedata.is_normalized("NFC", view.applicant_name)
            assert view.applicant_id_number == row["id_number"]
            assert view.applicant_phone == row["phone"]
            assert view.received_at == row["received_at"]
            assert view.due_at == row["due_at"]
            assert view.procedure_code == row["procedure_code"]
            assert view.channel is (Channel.ONLINE if "tuyến" in row["channel"] else
                                    Channel.POSTAL if "Bưu" in row["channel"] else Channel.IN_PERSON)
            assert view.status is (Status.PROCESSING if row["status"].startswith("Đang") else Status.ACCEPTED)
        # the folded search finds "Đặng Văn Đức" typed without marks
        expected = sum(1 for r in rows if r["applicant_name"] == "Đặng Văn Đức")
        assert len(worklists.search_ids(session, "dang van duc", 100)) == expected


@pytest.mark.parametrize("date_style", ["native", "dmy", "iso"])
def test_xlsx_with_date_cells_text_dates_and_iso(Session, make_ctx, tmp_path, date_style):
    rows = dossier_rows(30, seed=5)
    path = write_xlsx(tmp_path / "hoso.xlsx", rows, headers="folded", date_style=date_style)
    _plan, result = run_import(Session, make_ctx, path)
    assert result.added == 30
    with Session() as session:
        stored = dict(session.execute(select(Dossier.code, Dossier.received_at)).all())
    assert stored == {r["code"]: r["received_at"] for r in rows}


def test_spreadsheet_serial_numbers_and_numeric_identity_cells(Session, make_ctx, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Mã hồ sơ", "Ngày tiếp nhận", "Mã thủ tục", "Người nộp", "Số CCCD", "Số điện thoại"])
    # 46350.375 is 24/11/2026 09:00; the identity number and phone lost their leading 0 as numbers.
    sheet.append(["HS-1", 46350.375, "P3", "Lê Thị Hoà", 79123456789, 912345678])
    workbook.save(tmp_path / "so.xlsx")
    run_import(Session, make_ctx, tmp_path / "so.xlsx")
    with Session() as session:
        view = dossiers.get(session, dossiers.find_id(session, "HS-1"))
    assert view.received_at == dt.datetime(2026, 11, 24, 9, 0)
    assert view.applicant_id_number == "079123456789"
    assert view.applicant_phone == "0912345678"


def test_due_dates_follow_the_office_calendar_when_the_file_has_none(Session, make_ctx, tmp_path):
    rows = dossier_rows(40, seed=8, with_due=False)
    path = write_csv(tmp_path / "khong-han.csv", rows)
    run_import(Session, make_ctx, path)
    ctx = make_ctx()
    with Session() as session:
        procedures = {p.code: ProcessingTime(p.processing_value, TimeUnit(p.processing_unit))
                      for p in session.scalars(select(Procedure))}
        for row in rows:
            view = dossiers.get(session, dossiers.find_id(session, row["code"]))
            assert view.due_at == due_from_receipt(ctx.calendar, row["received_at"], procedures[row["procedure_code"]])
            # as at the desk, the dossier goes to its procedure's deciding unit
            assert view.unit_name == ("Bộ phận Địa chính - Đất đai" if row["procedure_code"] == "D10"
                                      else "Phòng Tư pháp - Hộ tịch")


def test_reimport_updates_changed_dossiers_with_events_by_the_importing_officer(Session, make_ctx, tmp_path,
                                                                                 catalog):
    rows = dossier_rows(10, seed=2)
    run_import(Session, make_ctx, write_csv(tmp_path / "a.csv", rows))
    rows[3]["phone"] = "0987654321"
    rows[3]["status"] = "Đang xử lý"
    rows[3]["applicant_name"] = "Trịnh Văn Đông"
    before = snapshot(Session)
    plan, result = run_import(Session, make_ctx, write_csv(tmp_path / "a.csv", rows))
    assert (result.added, result.updated, result.unchanged) == (0, 1, 9)
    with Session() as session:
        view = dossiers.get(session, dossiers.find_id(session, rows[3]["code"]))
        assert (view.applicant_phone, view.applicant_name) == ("0987654321", "Trịnh Văn Đông")
        assert view.version == 2
        events = session.scalars(select(DossierEvent).where(DossierEvent.dossier_id == view.id,
                                                            DossierEvent.kind == "import",
                                                            DossierEvent.field != "")).all()
        changed = {e.field: (e.old_value, e.new_value) for e in events}
        assert changed["applicant_phone"][1] == "0987654321"
        assert changed["applicant_name"] == (before[0][[r.code for r in before[0]].index(rows[3]["code"])]
                                             .applicant_name, "Trịnh Văn Đông")
        assert {e.user_id for e in events} == {catalog["user_id"]}
        assert worklists.search_ids(session, "trinh van dong") == [view.id]
        assert worklists.search_ids(session, "0987654321") == [view.id]


def test_an_empty_cell_never_erases_what_the_register_knows(Session, make_ctx, tmp_path):
    rows = dossier_rows(3, seed=4)
    run_import(Session, make_ctx, write_csv(tmp_path / "a.csv", rows))
    rows[0]["phone"] = ""
    rows[0]["address"] = ""
    _plan, result = run_import(Session, make_ctx, write_csv(tmp_path / "a.csv", rows))
    assert result.unchanged == 3


def test_a_receipt_moved_after_the_registers_result_is_refused_and_changes_nothing(Session, make_ctx, tmp_path):
    """The file's receipt date with the register's result date it leaves empty would make a dossier finished
    before it was received; the row is refused as a new row with such dates would be."""
    from sqlalchemy import update

    rows = dossier_rows(3, seed=6)
    run_import(Session, make_ctx, write_csv(tmp_path / "a.csv", rows))
    finished = rows[1]["received_at"] + dt.timedelta(days=1)
    with Session.begin() as session:
        session.execute(update(Dossier).where(Dossier.code == rows[1]["code"]).values(
            status=int(Status.RESULT_READY), finished_at=finished))
    rows[1]["received_at"] = finished + dt.timedelta(days=2)
    rows[1]["status"] = ""
    before = snapshot(Session)
    with pytest.raises(ValidationError) as refused:
        run_import(Session, make_ctx, write_csv(tmp_path / "a.csv", rows))
    assert f"ngày có kết quả ({finished:%H:%M %d/%m/%Y}) trước ngày tiếp nhận" in str(refused.value)
    assert snapshot(Session) == before


def test_a_date_without_its_time_keeps_the_registers_time_on_that_day(Session, make_ctx, tmp_path):
    """An export that drops times must not rewrite 07:54 as 00:00; another day is a real change."""
    rows = dossier_rows(2, seed=5)
    run_import(Session, make_ctx, write_csv(tmp_path / "a.csv", rows))
    kept, moved = rows[0]["received_at"], rows[1]["received_at"]
    rows[0]["received_at"] = dt.datetime.combine(kept.date(), dt.time())
    rows[1]["received_at"] = dt.datetime.combine(moved.date() - dt.timedelta(days=1), dt.time())
    _plan, result = run_import(Session, make_ctx, write_csv(tmp_path / "a.csv", rows))
    assert result.unchanged == 1
    with Session() as session:
        times = dict(session.execute(select(Dossier.code, Dossier.received_at)).all())
    assert times[rows[0]["code"]] == kept
    assert times[rows[1]["code"]] == rows[1]["received_at"]


# -- bad input: a clear message, and the register exactly as before --------------------------------

def _bad(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


HEAD = "Mã hồ sơ,Ngày tiếp nhận,Hạn xử lý,Mã thủ tục,Người nộp\n"


@pytest.mark.parametrize("name, content, fragment", [
    ("rong.csv", b"", "trống (0 byte)"),
    ("khoangtrang.csv", "  \n\n", "không có dữ liệu"),
    ("anh.xlsx", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "không phải bảng tính"),
    ("hong.xlsx", b"PK\x03\x04" + b"\x00garbage" * 50, "không phải bảng tính đọc được"),
    ("nhiphan.csv", bytes(range(256)) * 20, "nhị phân"),
    ("thieucot.csv", "Mã hồ sơ,Người nộp\nHS-1,An\n", "thiếu cột bắt buộc: “Ngày tiếp nhận”"),
    ("chitieude.csv", HEAD, "không có hồ sơ nào"),
    ("khongthutuc.csv", "Mã hồ sơ,Ngày tiếp nhận,Người nộp\nHS-1,20/11/2026,An\n", "thiếu cột thủ tục"),
    ("trungma.csv", HEAD + "HS-1,20/11/2026,,P3,An\nHS-1,21/11/2026,,P3,Bình\n", "lặp lại trong tệp (các dòng 2, 3)"),
    ("ngaysai.csv", HEAD + "HS-1,31/02/2026,,P3,An\n", "không có ngày 31"),
    ("thang13.csv", HEAD + "HS-1,01/13/2026,,P3,An\n", "không có tháng 13"),
    ("chu.csv", HEAD + "HS-1,hôm qua,,P3,An\n", "“hôm qua” không phải ngày hợp lệ"),
    ("hantruoc.csv", HEAD + "HS-1,20/11/2026 10:00,19/11/2026,P3,An\n", "trước ngày tiếp nhận"),
    ("tuonglai.csv", HEAD + "HS-1,20/12/2026,,P3,An\n", "ở tương lai"),
    ("congthuc.csv", HEAD + "HS-1,20/11/2026,,P3,=HYPERLINK(\"x\")\n", "chứa công thức"),
    ("trangthai.csv", "Mã hồ sơ,Ngày tiếp nhận,Mã thủ tục,Người nộp,Trạng thái\nHS-1,20/11/2026,P3,An,abc\n",
     "Trạng thái “abc” không nhận ra"),
    ("dienthoai.csv", "Mã hồ sơ,Ngày tiếp nhận,Mã thủ tục,Người nộp,Số điện thoại\nHS-1,20/11/2026,P3,An,gọi anh Ba\n",
     "Số điện thoại “gọi anh Ba” không hợp lệ"),
    ("datra.csv", "Mã hồ sơ,Ngày tiếp nhận,Mã thủ tục,Người nộp,Trạng thái\nHS-1,20/11/2026,P3,An,Đã trả kết quả\n",
     "chưa có ngày trả kết quả"),
    ("tuchoi.csv", "Mã hồ sơ,Ngày tiếp nhận,Mã thủ tục,Người nộp,Trạng thái,Ngày kết thúc\n"
                   "HS-1,20/11/2026,P3,An,Từ chối,21/11/2026\n", "phải có lý do"),
])
def test_bad_files_are_refused_with_a_clear_message_and_change_nothing(Session, make_ctx, tmp_path, name, content,
                                                                       fragment):
    run_import(Session, make_ctx, write_csv(tmp_path / "co-san.csv", dossier_rows(5)))
    before = snapshot(Session)
    path = _bad(tmp_path, name, content)
    with pytest.raises(ValidationError) as error:
        run_import(Session, make_ctx, path)
    assert fragment in str(error.value)
    assert "Traceback" not in str(error.value)
    assert snapshot(Session) == before


def test_formula_cells_in_a_workbook_are_named_by_their_cell(Session, make_ctx, tmp_path):
    rows = dossier_rows(3)
    path = write_xlsx(tmp_path / "cong-thuc.xlsx", rows,
                      extra=[[4, "HS-F", "=TODAY()", "", "P3", "", "An", "", "", "", "", ""]])
    plan = preview(Session, make_ctx, path)
    assert [(p.row, p.reason[:24]) for p in plan.problems] == [(5, "Ô C5 chứa công thức; hãy")]
    assert plan.added == 3
    before = snapshot(Session)
    with pytest.raises(ValidationError, match="1 dòng không nhập được"):
        run_import(Session, make_ctx, path)
    assert snapshot(Session) == before


def test_skipping_rejected_rows_takes_the_good_ones_and_reports_the_rest(Session, make_ctx, tmp_path):
    path = _bad(tmp_path, "tron.csv", HEAD + "HS-1,20/11/2026,,P3,An\nHS-2,31/02/2026,,P3,Bình\n")
    plan, result = run_import(Session, make_ctx, path, skip_rejected=True)
    assert (result.added, result.rejected) == (1, 1)
    report = read_report(result.report_path)
    assert any(row[:2] == (3, "HS-2") and row[2].startswith("Ngày “31/02/2026” không tồn tại")
               for row in report["Dòng không nhập được"])
    assert ("Thêm mới", 1) in report["Tóm tắt"]


def test_unknown_procedures_are_listed_and_created_only_when_confirmed(Session, make_ctx, tmp_path):
    content = ("Mã hồ sơ,Ngày tiếp nhận,Hạn xử lý,Mã thủ tục,Tên thủ tục,Lĩnh vực,Người nộp\n"
               "HS-1,20/11/2026,27/11/2026,X9,Cấp phép xây dựng,Xây dựng,An\n"
               "HS-2,20/11/2026,,,cấp giấy xác nhận TÌNH TRANG hôn nhân,,Bình\n")
    path = _bad(tmp_path, "la.csv", content)
    plan = preview(Session, make_ctx, path)
    assert [(u.code, u.name, u.rows) for u in plan.unknown_procedures] == [("X9", "Cấp phép xây dựng", 1)]
    assert plan.added == 2  # the second matched "P3" by its folded name
    before = snapshot(Session)
    with pytest.raises(ValidationError, match="1 thủ tục chưa có trong danh mục"):
        run_import(Session, make_ctx, path)
    assert snapshot(Session) == before
    _plan, result = run_import(Session, make_ctx, path, create_procedures=True)
    assert result.procedures_created == 1
    with Session() as session:
        assert dossiers.get(session, dossiers.find_id(session, "HS-1")).procedure_name == "Cấp phép xây dựng"
        assert dossiers.get(session, dossiers.find_id(session, "HS-1")).due_at == dt.datetime(2026, 11, 27, 17, 0)
        assert dossiers.get(session, dossiers.find_id(session, "HS-2")).procedure_code == "P3"


def test_unknown_headers_mapped_once_are_remembered_for_the_source(Session, make_ctx, tmp_path):
    content = "Mã biên nhận,Thời điểm nộp,Mã thủ tục,Công dân\nHS-1,20/11/2026 08:30,P3,An\n"
    path = _bad(tmp_path, "XuatTuTinh_25-11-2026.csv", content)
    with pytest.raises(ValidationError, match="thiếu cột bắt buộc"):
        preview(Session, make_ctx, path)
    with Session.begin() as session:
        save_mapping(session, path.name, {"Mã biên nhận": "code", "Thời điểm nộp": "received_at",
                                          "Công dân": "applicant_name"})
    # the next day's file from the same source needs no mapping
    other = _bad(tmp_path, "XuatTuTinh_26-11-2026.csv", content)
    assert source_key(other.name) == source_key(path.name) == "xuattutinh"
    assert preview(Session, make_ctx, other).added == 1
    with Session() as session:
        assert load_mapping(session, "khac") == {}


def test_cancel_leaves_the_register_unchanged(Session, make_ctx, tmp_path):
    run_import(Session, make_ctx, write_csv(tmp_path / "co-san.csv", dossier_rows(5, prefix="OLD-")))
    before = snapshot(Session)
    calls = []

    def cancel_on_write():
        calls.append(1)
        return len(calls) > 4  # somewhere in the write, after the FTS trigger was dropped

    path = write_csv(tmp_path / "lon.csv", dossier_rows(25_000, seed=9))
    with pytest.raises(ImportCancelled, match="Đã hủy"):
        run_import(Session, make_ctx, path, check=cancel_on_write)
    assert snapshot(Session) == before
    with Session() as session:  # the FTS trigger is back: a dossier received by hand is searchable
        assert session.get_bind().dialect.name != "sqlite" or session.connection().exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE name = 'dossiers_fts_insert'").scalar() == 1


def test_counts_add_up_and_progress_reaches_the_end(Session, make_ctx, tmp_path):
    seen = []
    with Session.begin() as session:
        plan, result = service.import_dossiers(session, make_ctx(), write_csv(tmp_path / "a.csv", dossier_rows(12)),
                                               progress=lambda d, t, text: seen.append((d, t, text)))
    assert seen[-1][0] == seen[-1][1] == 12
    with Session() as session:
        assert session.scalar(select(func.count()).select_from(Dossier)) == 12


def test_after_an_apology_letter_the_file_cannot_move_the_due_date_again(Session, make_ctx, tmp_path):
    from sqlalchemy import update

    from db.models import ApologyLetter

    rows = dossier_rows(2, seed=6)
    path = write_csv(tmp_path / "a.csv", rows)
    run_import(Session, make_ctx, path)
    new_due = dt.datetime(2026, 12, 4, 17, 0)
    with Session.begin() as session:
        dossier_id = dossiers.find_id(session, rows[0]["code"])
        session.execute(update(Dossier).where(Dossier.id == dossier_id).values(due_at=new_due))
        session.add(ApologyLetter(dossier_id=dossier_id, year=2026, number=1, number_text="1/PXL",
                                  issued_on=dt.date(2026, 11, 24), issued_at=dt.datetime(2026, 11, 24, 9),
                                  reason="Cần xác minh thực địa", previous_due_at=rows[0]["due_at"],
                                  new_due_at=new_due))
    _plan, result = run_import(Session, make_ctx, path)
    assert result.unchanged == 2
    with Session() as session:
        assert dossiers.get(session, dossier_id).due_at == new_due


# -- the deciding unit named in the file ----------------------------------------------------------------

def test_units_from_the_file_matched_folded_new_ones_created_only_when_confirmed(Session, make_ctx, tmp_path,
                                                                                  catalog):
    """"Đơn vị xử lý" names the deciding unit: matched folded (case, marks, đ/d, dashes, spaces, "UBND"),
    listed when new, created with create_units; the file's unit wins over the procedure's default."""
    from db.models import Unit

    with Session.begin() as session:
        from app.catalog import ensure_unit
        ensure_unit(session, "PH", "UBND xã Phú Hoà")
    content = ("Mã hồ sơ,Ngày tiếp nhận,Hạn xử lý,Mã thủ tục,Người nộp,Đơn vị xử lý\n"
               "HS-1,20/11/2026,27/11/2026,P3,An,PHÒNG TƯ PHÁP – HỘ TỊCH\n"          # the procedure's own unit
               "HS-2,20/11/2026,27/11/2026,P3,Bình,bo phan dia chinh  -  dat dai\n"  # not P3's default (TP)
               "HS-3,20/11/2026,27/11/2026,P3,Chi,Ủy ban nhân dân xã Phú Hòa\n"      # "UBND xã Phú Hoà"
               "HS-4,20/11/2026,27/11/2026,D10,Dũng,Phòng Kinh tế\n"                 # new
               "HS-5,20/11/2026,27/11/2026,D10,Đào,PHÒNG KINH TẾ\n"                  # the same new one
               "HS-6,20/11/2026,27/11/2026,D10,Em,\n")                                # blank: procedure's unit
    path = _bad(tmp_path, "donvi.csv", content)
    plan = preview(Session, make_ctx, path)
    assert "Đơn vị xử lý" not in plan.file.unknown_headers
    assert [(u.name, u.rows) for u in plan.unknown_units] == [("Phòng Kinh tế", 2)]
    before = snapshot(Session)
    with pytest.raises(ValidationError, match="1 đơn vị giải quyết chưa có trong danh sách đơn vị"):
        run_import(Session, make_ctx, path)
    assert snapshot(Session) == before
    _plan, result = run_import(Session, make_ctx, path, create_units=True)
    assert result.units_created == 1
    with Session() as session:
        units = dict(session.execute(select(Dossier.code, Unit.name).join(Unit, Unit.id == Dossier.unit_id)).all())
        assert session.scalar(select(func.count()).select_from(Unit)) == 4
    assert units == {"HS-1": "Phòng Tư pháp - Hộ tịch", "HS-2": "Bộ phận Địa chính - Đất đai",
                     "HS-3": "UBND xã Phú Hoà", "HS-4": "Phòng Kinh tế", "HS-5": "Phòng Kinh tế",
                     "HS-6": "Bộ phận Địa chính - Đất đai"}


def test_reimporting_with_units_fills_them_in_on_dossiers_imported_before(Session, make_ctx, tmp_path, catalog):
    without = _bad(tmp_path, "truoc.csv", "Mã hồ sơ,Ngày tiếp nhận,Hạn xử lý,Mã thủ tục,Người nộp\n"
                                          "HS-1,20/11/2026,27/11/2026,P3,An\nHS-2,20/11/2026,27/11/2026,P3,Bình\n")
    run_import(Session, make_ctx, without)
    with_units = _bad(tmp_path, "sau.csv", "Mã hồ sơ,Ngày tiếp nhận,Hạn xử lý,Mã thủ tục,Người nộp,Cơ quan giải quyết\n"
                                           "HS-1,20/11/2026,27/11/2026,P3,An,Bộ phận Địa chính - Đất đai\n"
                                           "HS-2,20/11/2026,27/11/2026,P3,Bình,Phòng Tư pháp - Hộ tịch\n")
    plan, result = run_import(Session, make_ctx, with_units)
    assert (plan.updated, plan.unchanged) == (1, 1)
    with Session() as session:
        hs1 = dossiers.find_id(session, "HS-1")
        assert session.scalar(select(Dossier.unit_id).where(Dossier.id == hs1)) == catalog["units"]["DD"]
        event = session.execute(select(DossierEvent.old_value, DossierEvent.new_value)
                                .where(DossierEvent.dossier_id == hs1, DossierEvent.field == "unit_id")).one()
    assert tuple(event) == ("Phòng Tư pháp - Hộ tịch", "Bộ phận Địa chính - Đất đai")

"""The portal's evaluation column in the dossier import: words and 1–3 / 1–5 points, checked in the register and
in the rates; a bad value refuses the whole file in one line naming the row and the value."""

import csv
import datetime as dt

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from app.errors import ValidationError
from app.importing import service
from app.measures import Period
from app.rates import rates
from app.settings import Settings
from db.models import AuditEvent, Dossier, DossierEvent, Rating

HEADER = ["STT", "Mã hồ sơ", "Ngày tiếp nhận", "Hạn xử lý", "Mã thủ tục", "Người nộp", "Trạng thái",
          "Ngày có kết quả", "Ngày trả kết quả"]
NOVEMBER = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))


def line(n, procedure, status, rating, *, code=None):
    finished = "" if status.startswith("Đang") else "10/11/2026 09:00"
    returned = "12/11/2026 10:00" if status == "Đã trả kết quả" else ""
    return [n, code or f"000.00.16.H19-261102-01{n:04d}", "02/11/2026 09:00", "16/11/2026 17:00", procedure,
            f"Người nộp {n}", status, finished, returned, rating]


def write_xlsx(path, header, rows):
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def run_import(Session, make_ctx, path, **options):
    with Session.begin() as session:
        return service.import_dossiers(session, make_ctx(), path, **options)


def levels(Session):
    with Session() as session:
        return dict(session.execute(select(Dossier.code, Rating.level).join(Rating, Rating.dossier_id == Dossier.id))
                    .all())


def everything(Session):
    with Session() as session:
        return (session.execute(select(Dossier.__table__).order_by(Dossier.id)).all(),
                session.execute(select(Rating.__table__).order_by(Rating.id)).all(),
                session.scalar(select(func.count()).select_from(DossierEvent)))


def code(n):
    return f"000.00.16.H19-261102-01{n:04d}"


def test_words_are_imported_as_portal_ratings_and_counted_in_the_rates(Session, make_ctx, tmp_path):
    rows = [line(1, "P3", "Đã trả kết quả", "Rất hài lòng"), line(2, "P3", "Đã trả kết quả", "HÀI LÒNG"),
            line(3, "P3", "Đã xử lý xong", "Không hài lòng"), line(4, "P3", "Đã trả kết quả", ""),
            line(5, "D10", "Đã trả kết quả", "hai long"), line(6, "D10", "Đã trả kết quả", "Chưa hài lòng"),
            line(7, "D10", "Đang xử lý", "")]
    path = write_xlsx(tmp_path / "ds.xlsx", HEADER + ["Mức độ hài lòng"], rows)
    plan, result = run_import(Session, make_ctx, path)
    assert (result.added, result.rejected, result.ratings) == (7, 0, 5)
    assert levels(Session) == {code(1): "very_satisfied", code(2): "satisfied", code(3): "unsatisfied",
                               code(5): "satisfied", code(6): "unsatisfied"}
    with Session() as session:
        rating = session.scalars(select(Rating).join(Dossier).where(Dossier.code == code(1))).one()
        assert rating.via == "portal" and rating.rated_at == dt.datetime(2026, 11, 12, 10)
        assert rating.recorded_at == dt.datetime(2026, 11, 25, 9)
        assert session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.table_name == "ratings")) == 5
        assert session.scalar(select(func.count()).select_from(DossierEvent).where(DossierEvent.kind == "rating")) == 5
        # 6 dossiers with a result, 5 rated, 3 satisfied → 60,0 %; land (D10): 1 of 2 → 50,0 %, both rated
        plan_rates = rates(session, NOVEMBER, Settings(), dt.datetime(2026, 11, 25, 9))
    overall, land = plan_rates["satisfaction"], plan_rates["satisfaction_land"]
    assert (overall.part, overall.whole, overall.text, overall.rated, overall.returned) == (3, 5, "60,0 %", 5, 6)
    assert (land.part, land.whole, land.text, land.rated, land.returned) == (1, 2, "50,0 %", 2, 2)


def test_points_on_the_five_and_three_point_scales(Session, make_ctx, tmp_path):
    five = [line(n, "P3", "Đã trả kết quả", points) for n, points in ((1, 5), (2, 4), (3, 3), (4, 2), (5, 1))]
    path = write_xlsx(tmp_path / "sao.xlsx", HEADER + ["Đánh giá"], five)
    plan, result = run_import(Session, make_ctx, path)
    assert plan.file.rating_scale == 5 and result.ratings == 5
    assert levels(Session) == {code(1): "very_satisfied", code(2): "satisfied", code(3): "satisfied",
                               code(4): "unsatisfied", code(5): "unsatisfied"}
    # the same dossiers again from a 1–3 export: 3 rất hài lòng, 2 hài lòng, 1 không; unchanged ones stay
    three = [line(n, "P3", "Đã trả kết quả", points) for n, points in ((1, "3"), (2, "2"), (3, "3"), (4, "1"),
                                                                        (5, "2"), (6, "3"))]
    path = write_csv(tmp_path / "diem.csv", HEADER + ["Kết quả đánh giá"], three)
    plan, result = run_import(Session, make_ctx, path)
    assert plan.file.rating_scale == 3
    assert (result.added, result.updated, result.unchanged, result.ratings) == (1, 0, 3, 3)  # 3, 5 changed; 6 new
    assert levels(Session) == {code(1): "very_satisfied", code(2): "satisfied", code(3): "very_satisfied",
                               code(4): "unsatisfied", code(5): "satisfied", code(6): "very_satisfied"}
    with Session() as session:
        changed = session.scalars(select(DossierEvent).join(Dossier).where(
            Dossier.code == code(3), DossierEvent.kind == "rating").order_by(DossierEvent.id)).all()[-1]
        assert (changed.old_value, changed.new_value) == ("Hài lòng", "Rất hài lòng")
        assert "dòng 4" in changed.note


@pytest.mark.parametrize("header, value, reason", [
    ("Đánh giá", 6, "dòng 3: Điểm đánh giá “6” nằm ngoài thang điểm 1–5"),
    ("Kết quả đánh giá", "0", "dòng 3: Điểm đánh giá “0” nằm ngoài thang điểm 1–3"),
    ("Mức độ hài lòng", "Rất vui", "dòng 3: Đánh giá “Rất vui” không nhận ra"),
    ("Mức độ hài lòng", "2.5", "dòng 3: Điểm đánh giá “2.5” nằm ngoài thang điểm 1–3"),
])
def test_a_bad_value_refuses_the_file_in_one_line_naming_row_and_value(Session, make_ctx, tmp_path, header, value,
                                                                       reason):
    run_import(Session, make_ctx, write_csv(tmp_path / "truoc.csv", HEADER, [line(9, "P3", "Đã trả kết quả", "")]))
    before = everything(Session)
    rows = [line(1, "P3", "Đã trả kết quả", 5 if header == "Đánh giá" else "2"),
            line(2, "P3", "Đã trả kết quả", value)]
    path = write_xlsx(tmp_path / "loi.xlsx", HEADER + [header], rows)
    with pytest.raises(ValidationError) as caught:
        run_import(Session, make_ctx, path)
    message = str(caught.value)
    assert reason in message and "Chưa ghi gì vào sổ" in message and "\n" not in message
    assert everything(Session) == before


def test_a_rating_for_a_dossier_without_its_result_is_refused(Session, make_ctx, tmp_path):
    before = everything(Session)
    path = write_csv(tmp_path / "mo.csv", HEADER + ["Mức độ hài lòng"],
                     [line(1, "P3", "Đã trả kết quả", "Hài lòng"), line(2, "P3", "Đang xử lý", "Hài lòng")])
    with pytest.raises(ValidationError, match="dòng 3: Hồ sơ “Đang xử lý” chưa có kết quả nên chưa có đánh giá"):
        run_import(Session, make_ctx, path)
    assert everything(Session) == before
    # without a status column the register's status decides: a new dossier is only received
    path = write_csv(tmp_path / "khong-trang-thai.csv", HEADER[:6] + ["Mức độ hài lòng"],
                     [line(3, "P3", "", "Hài lòng")[:6] + ["Hài lòng"]])
    with pytest.raises(ValidationError, match="dòng 2: Hồ sơ “Được tiếp nhận” chưa có kết quả"):
        run_import(Session, make_ctx, path)
    assert everything(Session) == before

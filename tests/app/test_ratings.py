"""Citizens' satisfaction: a rating per dossier, recorded once and corrected with a reason, and the satisfaction
rates against their targets (90 % overall, 85 % for land and construction), checked against hand-computed figures.

"Now" is Wednesday 25/11/2026 09:00 (tests/conftest.py), later moved within the day.
"""

import datetime as dt
import json

import pytest
from sqlalchemy import func, insert, select

from app import dossiers, ratings, today
from app.catalog import ensure_procedure
from app.dossiers import NewDossier
from app.errors import ValidationError
from app.lifecycle import Status
from app.measures import Period, percent_text
from app.rates import rates, report
from app.settings import Settings
from db.models import AuditEvent, Dossier, DossierEvent, Procedure, Rating

D = dt.datetime


def returned_dossier(Session, make_ctx, clock, name="Đặng Văn Đức", *, returned=True):
    """A dossier received Mon 23/11, its result ready Tue 25/11 08:00 and (by default) returned at 08:30."""
    ctx = make_ctx()
    with Session.begin() as session:
        view = dossiers.receive(session, ctx, NewDossier("P3", name, applicant_id_number="079203001234",
                                                         received_at=D(2026, 11, 23, 9)))
        dossiers.update_fields(session, ctx, view.id, {"digitized_result": True}, expected_version=None)
        dossiers.change_status(session, ctx, view.id, Status.RESULT_READY, expected_version=None,
                               at=D(2026, 11, 25, 8))
        if returned:
            dossiers.change_status(session, ctx, view.id, Status.RETURNED, expected_version=None,
                                   at=D(2026, 11, 25, 8, 30))
    return view.id


def snapshot(Session):
    with Session() as session:
        return (session.execute(select(Rating.level, Rating.reasons, Rating.via, Rating.note, Rating.rated_at)
                                .order_by(Rating.id)).all(),
                session.scalar(select(func.count()).select_from(DossierEvent)))


def test_a_rating_is_recorded_with_who_how_and_when_in_the_history_and_the_audit(Session, make_ctx, clock):
    dossier_id = returned_dossier(Session, make_ctx, clock)
    with Session.begin() as session:
        view = ratings.record(session, make_ctx(), dossier_id, "khong-hai-long", ["thoi-gian", "thái độ"],
                              via="counter", note="Chờ lâu ở quầy")
    assert view.level is ratings.Level.UNSATISFIED
    assert view.reasons == (ratings.Reason.TIME, ratings.Reason.ATTITUDE)
    assert view.recorded_by == "Nguyễn Thị Lan" and view.rated_at == D(2026, 11, 25, 9, 0)
    with Session() as session:
        got = ratings.get_rating(session, dossier_id)
        assert got == view
        event = session.scalars(select(DossierEvent).where(DossierEvent.kind == "rating")).one()
        assert event.new_value == "Không hài lòng"
        assert "Thời gian giải quyết; Thái độ phục vụ" in event.note and "tại quầy" in event.note
        audited = session.scalars(select(AuditEvent).where(AuditEvent.table_name == "ratings")).one()
        assert audited.action == "insert" and audited.dossier_id == dossier_id
        assert json.loads(audited.changes)["level"] == [None, "unsatisfied"]


@pytest.mark.parametrize("level, reasons, via, message", [
    ("rat-vui", (), "counter", "Mức đánh giá “rat-vui” không có"),
    ("khong-hai-long", (), "counter", "phải chọn ít nhất một lý do"),
    ("hai-long", ("thoi-gian",), "counter", "Lý do chỉ ghi cho đánh giá “Không hài lòng”"),
    ("khong-hai-long", ("cham",), "counter", "Lý do không hài lòng “cham” không có"),
    ("hai-long", (), "email", "Cách đánh giá “email” không có"),
])
def test_bad_values_are_refused_in_one_vietnamese_line_and_change_nothing(Session, make_ctx, clock, level, reasons,
                                                                            via, message):
    dossier_id = returned_dossier(Session, make_ctx, clock)
    before = snapshot(Session)
    with pytest.raises(ValidationError) as caught:
        with Session.begin() as session:
            ratings.record(session, make_ctx(), dossier_id, level, reasons, via=via)
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert snapshot(Session) == before


def test_a_dossier_without_its_result_cannot_be_rated(Session, make_ctx, clock):
    ctx = make_ctx()
    with Session.begin() as session:
        open_id = dossiers.receive(session, ctx, NewDossier("P3", "Lê Thị Hoa", received_at=D(2026, 11, 24, 9))).id
    before = snapshot(Session)
    with pytest.raises(ValidationError, match="chưa có kết quả .*Được tiếp nhận.* nên chưa ghi nhận đánh giá"):
        with Session.begin() as session:
            ratings.record(session, make_ctx(), open_id, "hai-long")
    assert snapshot(Session) == before


def test_a_result_ready_but_not_yet_returned_can_be_rated_by_phone_not_before_the_result(Session, make_ctx, clock):
    dossier_id = returned_dossier(Session, make_ctx, clock, returned=False)
    with pytest.raises(ValidationError, match="trước khi hồ sơ .* có kết quả"):
        with Session.begin() as session:
            ratings.record(session, make_ctx(), dossier_id, "hai-long", via="phone", at=D(2026, 11, 25, 7))
    with Session.begin() as session:
        view = ratings.record(session, make_ctx(), dossier_id, "rất hài lòng", via="phone", at=D(2026, 11, 25, 8, 45))
    assert view.level is ratings.Level.VERY_SATISFIED and view.via is ratings.Via.PHONE


def test_rated_once_then_corrected_with_a_reason_never_twice(Session, make_ctx, clock):
    dossier_id = returned_dossier(Session, make_ctx, clock)
    with Session.begin() as session:
        ratings.record(session, make_ctx(), dossier_id, "hai-long", via="paper")
    before = snapshot(Session)
    with pytest.raises(ValidationError, match="đã có đánh giá “Hài lòng”.*chỉ đánh giá một lần"):
        with Session.begin() as session:
            ratings.record(session, make_ctx(), dossier_id, "rat-hai-long")
    with pytest.raises(ValidationError, match="Chưa nhập lý do sửa đánh giá"):
        with Session.begin() as session:
            ratings.correct(session, make_ctx(), dossier_id, "rat-hai-long", reason=" ")
    assert snapshot(Session) == before
    with Session.begin() as session:
        fixed = ratings.correct(session, make_ctx(), dossier_id, "rat-hai-long",
                                reason="Phiếu giấy ghi nhầm ô")
    assert fixed.level is ratings.Level.VERY_SATISFIED and fixed.via is ratings.Via.PAPER
    with Session() as session:
        event = session.scalars(select(DossierEvent).where(DossierEvent.kind == "rating_fix")).one()
        assert event.old_value.startswith("Hài lòng — phiếu giấy") and event.new_value.startswith("Rất hài lòng")
        assert "Phiếu giấy ghi nhầm ô" in event.note
        update = session.scalars(select(AuditEvent).where(AuditEvent.table_name == "ratings",
                                                          AuditEvent.action == "update")).one()
        assert json.loads(update.changes)["level"] == ["satisfied", "very_satisfied"]
        assert session.scalar(select(func.count()).select_from(Rating)) == 1


# --- the rates, by hand --------------------------------------------------------------------------------------
#
# November 2026, dossiers that got their result in the month, by field (unit), and their ratings:
#   Hộ tịch (TP, P3)      10 returned, 8 rated: 4 rất hài lòng, 2 hài lòng, 2 không  → 6/8 = 75,0 %
#   Chứng thực (TP, P0)    5 returned, none rated                                     → —
#   Đất đai (DD, D10)      6 returned, 5 rated: 1 rất hài lòng, 3 hài lòng, 1 không  → 4/5 = 80,0 %
#   Xây dựng (DD, X7)      4 returned, 3 rated: 3 hài lòng                           → 3/3 = 100,0 %
# overall: 13 satisfied / 16 rated = 81,25 → 81,3 % (target 90: not met); rated 16 of 25 returned = 64,0 %
# land and construction: 7/8 = 87,5 % (target 85: met); rated 8 of 10 = 80,0 %
# by unit: TP 6/8 = 75,0 %, rated 8/15 = 53,3 %; DD 7/8 = 87,5 %, rated 8/10 = 80,0 %
# Not counted: a rated dossier returned in October, and an open one.

FIELDS = {  # procedure: (returned, very satisfied, satisfied, unsatisfied)
    "P3": (10, 4, 2, 2), "P0": (5, 0, 0, 0), "D10": (6, 1, 3, 1), "X7": (4, 0, 3, 0),
}


@pytest.fixture
def rated_november(Session, catalog):
    with Session.begin() as session:
        ensure_procedure(session, "X7", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Xây dựng", 15, "day", "partial",
                         unit_id=catalog["units"]["DD"])
        ids = dict(session.execute(select(Procedure.code, Procedure.id, )).all())
        units = dict(session.execute(select(Procedure.code, Procedure.unit_id)).all())
    dossier_rows, rating_rows, n = [], [], 0

    def add(code, received, finished, status, level=None):
        nonlocal n
        n += 1
        dossier_rows.append({"id": n, "code": f"R-{n:05d}", "procedure_id": ids[code], "unit_id": units[code],
                             "applicant_name": f"Người nộp {n}", "channel": "in_person", "received_at": received,
                             "due_at": received + dt.timedelta(days=10), "status": status, "finished_at": finished,
                             "returned_at": finished if status == 10 else None, "created_at": received,
                             "updated_at": received, "version": 1})
        if level:
            rating_rows.append({"dossier_id": n, "level": level, "reasons": "time" if level == "unsatisfied" else "",
                                "via": "counter", "rated_at": finished or received, "recorded_at": finished or received})

    for code, (returned, very, fine, unhappy) in FIELDS.items():
        levels = ["very_satisfied"] * very + ["satisfied"] * fine + ["unsatisfied"] * unhappy
        for k in range(returned):
            add(code, D(2026, 11, 2, 9) + dt.timedelta(days=k % 10), D(2026, 11, 16, 10) + dt.timedelta(hours=k),
                10 if k % 3 else 9, levels[k] if k < len(levels) else None)
    add("P3", D(2026, 10, 1, 9), D(2026, 10, 20, 9), 10, "unsatisfied")  # returned in October
    add("D10", D(2026, 11, 20, 9), None, 4)                               # still open
    with Session.begin() as session:
        session.execute(insert(Dossier.__table__), dossier_rows)
        session.execute(insert(Rating.__table__), rating_rows)
    return Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))


NOW = D(2026, 11, 25, 16)


def test_overall_and_land_satisfaction_with_the_rated_share_against_hand_computed_figures(Session, rated_november):
    with Session() as session:
        plan = rates(session, rated_november, Settings(), NOW)
    overall, land = plan["satisfaction"], plan["satisfaction_land"]
    assert (overall.part, overall.whole, overall.text, overall.target, overall.meets_target) == \
        (13, 16, "81,3 %", 90, False)
    assert (overall.rated, overall.returned, percent_text(overall.rated_share)) == (16, 25, "64,0 %")
    assert overall.rated_text == "đánh giá 16/25 hồ sơ có kết quả (64,0 %)"
    assert (land.part, land.whole, land.text, land.target, land.meets_target) == (7, 8, "87,5 %", 85, True)
    assert (land.rated, land.returned, percent_text(land.rated_share)) == (8, 10, "80,0 %")


def test_per_field_lines_carry_the_land_target_and_per_unit_the_overall_one(Session, rated_november):
    with Session() as session:
        _summary, by_field = report(session, rated_november, Settings(), NOW, "field")
        _summary, by_unit = report(session, rated_november, Settings(), NOW, "unit")
    fields = {line.name: line for line in by_field.satisfaction}
    got = {name: (line.returned, line.rated, percent_text(line.value), percent_text(line.rated_share), line.target,
                  line.meets_target) for name, line in fields.items()}
    assert got == {
        "Hộ tịch": (10, 8, "75,0 %", "80,0 %", 90, False),
        "Chứng thực": (5, 0, "—", "0,0 %", 90, None),
        "Đất đai": (6, 5, "80,0 %", "83,3 %", 85, False),
        "Xây dựng": (4, 3, "100,0 %", "75,0 %", 85, True),
    }
    assert fields["Đất đai"].land and fields["Xây dựng"].land and not fields["Hộ tịch"].land
    units = {line.key: (line.returned, line.rated, percent_text(line.value), percent_text(line.rated_share),
                        line.target) for line in by_unit.satisfaction}
    assert units == {"TP": (15, 8, "75,0 %", "53,3 %", 90), "DD": (10, 8, "87,5 %", "80,0 %", 90)}
    # the overall rates do not depend on the grouping
    assert by_field["satisfaction"] == by_unit["satisfaction"]


def test_the_land_fields_and_targets_are_the_office_settings(Session, rated_november):
    settings = Settings(satisfaction_land_fields="đất  ĐAI", target_satisfaction=80, target_satisfaction_land=90)
    with Session() as session:
        plan = rates(session, rated_november, settings, NOW)
    assert (plan["satisfaction"].text, plan["satisfaction"].meets_target) == ("81,3 %", True)
    land = plan["satisfaction_land"]
    assert (land.part, land.whole, land.text, land.returned, land.meets_target) == (4, 5, "80,0 %", 6, False)


def test_one_unit_rates_count_that_unit_only(Session, rated_november, catalog):
    with Session() as session:
        plan = rates(session, rated_november, Settings(), NOW, unit_id=catalog["units"]["DD"])
    assert (plan["satisfaction"].part, plan["satisfaction"].whole, plan["satisfaction"].returned) == (7, 8, 10)


def test_no_ratings_is_no_rate_not_zero(Session, catalog):
    with Session() as session:
        plan = rates(session, Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30)), Settings(), NOW)
    assert plan["satisfaction"].value is None and plan["satisfaction"].meets_target is None
    assert plan["satisfaction"].text == "—"


def test_unhappy_list_with_reasons_and_what_is_new_since_yesterday(Session, make_ctx, clock):
    first = returned_dossier(Session, make_ctx, clock, "Trần Văn Hùng")
    second = returned_dossier(Session, make_ctx, clock, "Lê Thị Hoa")
    with Session.begin() as session:
        ratings.record(session, make_ctx(), first, "khong-hai-long", "huong-dan,bo-sung", note="Phải đi lại 3 lần")
        ratings.record(session, make_ctx(), second, "hai-long")
    with Session() as session:
        rows, total = ratings.unhappy(session, clock.now())
        assert total == 1 and [r.dossier_id for r in rows] == [first]
        assert rows[0].reasons == "Hướng dẫn; Hồ sơ phải bổ sung nhiều lần" and rows[0].new
        assert ratings.unhappy_count(session, ratings.new_since(clock.now())) == 1
        assert today.summary(session, make_ctx()).unhappy_new == 1      # the Today page's count
    clock.moment = D(2026, 11, 26, 16)  # tomorrow it is still new (since yesterday)
    with Session() as session:
        assert today.summary(session, make_ctx()).unhappy_new == 1
    clock.moment = D(2026, 11, 27, 9)  # two days later: no longer new
    with Session() as session:
        assert ratings.unhappy_count(session, ratings.new_since(clock.now())) == 0
        assert today.summary(session, make_ctx()).unhappy_new == 0
        assert ratings.unhappy(session, clock.now())[0][0].new is False


def _table(ws):
    header_row = int(ws.freeze_panes[1:]) - 1
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=header_row)]
    return rows[0], rows[1:]


def test_the_period_workbook_has_the_rates_with_the_rated_share_and_a_satisfaction_sheet(Session, make_ctx,
                                                                                        rated_november):
    import io

    import openpyxl

    from app.reports.period import period_report

    with Session() as session:
        _s, _r, workbook = period_report(session, make_ctx(), rated_november, "field")
    book = openpyxl.load_workbook(io.BytesIO(workbook.content))
    header, rows = _table(book["Chỉ tiêu"])
    assert header[6:] == ["Hồ sơ được đánh giá / có kết quả", "Tỷ lệ được đánh giá (%)"]
    overall = next(r for r in rows if r[0] == ratings_label("satisfaction"))
    assert overall[1:] == [13, 16, 81.3, 90, "Chưa đạt", "16/25", 64.0]
    land = next(r for r in rows if r[0] == ratings_label("satisfaction_land"))
    assert land[1:] == [7, 8, 87.5, 85, "Đạt", "8/10", 80.0]
    header, rows = _table(book["Hài lòng"])
    assert header[:5] == ["STT", "Lĩnh vực", "Hồ sơ có kết quả", "Được đánh giá", "Tỷ lệ được đánh giá (%)"]
    by_name = {r[1]: r[2:] for r in rows}
    assert by_name["Đất đai (đất đai, xây dựng)"] == [6, 5, 83.3, 1, 3, 1, 80.0, 85, "Chưa đạt"]
    assert by_name["Hộ tịch"] == [10, 8, 80.0, 4, 2, 2, 75.0, 90, "Chưa đạt"]
    assert by_name["Tổng cộng"] == [25, 16, 64.0, None, None, 3, 81.3, 90, "Chưa đạt"]
    assert by_name["Các lĩnh vực đất đai, xây dựng"] == [10, 8, 80.0, None, None, 1, 87.5, 85, "Đạt"]


def test_the_end_of_day_workbook_has_the_days_satisfaction_and_its_unhappy_ratings(Session, make_ctx, clock,
                                                                                  rated_november):
    import io

    import openpyxl

    from app.reports.daily import daily_report

    with Session() as session:
        report_ = daily_report(session, make_ctx(), dt.date(2026, 11, 16))
    book = openpyxl.load_workbook(io.BytesIO(report_.workbook.content))
    header, rows = _table(book["Hài lòng"])
    assert header[1] == "Đơn vị"
    by_name = {r[1]: r[2:] for r in rows}
    assert by_name["Phòng Tư pháp - Hộ tịch"][:3] == [15, 8, 53.3]
    assert by_name["Tổng cộng"] == [25, 16, 64.0, None, None, 3, 81.3, 90, "Chưa đạt"]
    header, rows = _table(book["Không hài lòng hôm nay"])
    assert len(rows) == 3 and {r[6] for r in rows} == {"Thời gian giải quyết"}


def ratings_label(key):
    from app.rates import RATE_LABELS

    return RATE_LABELS[key]

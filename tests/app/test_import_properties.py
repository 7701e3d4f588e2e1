"""Property-based: random rows and random files never crash the import, never half-write, and
valid rows round-trip exactly."""

import csv
import datetime as dt
import io
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from app import dossiers
from app.errors import ValidationError
from app.importing import service, values
from db.models import Dossier, DossierEvent
from tests.app.test_import_dossiers import snapshot

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
HEAD = ["Mã hồ sơ", "Ngày tiếp nhận", "Hạn xử lý", "Mã thủ tục", "Người nộp", "Số điện thoại", "Trạng thái"]
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

names = st.lists(st.text(VIETNAMESE + VIETNAMESE.upper(), min_size=1, max_size=8), min_size=1, max_size=4) \
    .map(" ".join)
moments = st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2026, 11, 25, 8, 0)) \
    .map(lambda m: m.replace(second=0, microsecond=0))
anything = st.one_of(st.text(max_size=20), st.integers(-10**6, 10**12).map(str), st.just(""),
                     st.sampled_from(["31/02/2026", "=1+1", "2026-13-01", "hôm nay", "Đang xử lý", "P3", "0912345678",
                                      "01/01/1999", "25/11/2026 16:00", "abc", "Đã trả kết quả", "Từ chối"]))


def _write(path, rows):
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([HEAD, *rows])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _clear(Session):
    with Session.begin() as session:
        session.execute(delete(DossierEvent))
        session.execute(delete(Dossier))


@SETTINGS
@given(rows=st.lists(st.lists(anything, min_size=7, max_size=7), min_size=1, max_size=30))
def test_random_rows_give_reasons_never_a_crash_and_refusal_changes_nothing(Session, make_ctx, tmp_path, rows):
    path = _write(tmp_path / "ngau-nhien.csv", rows)
    before = snapshot(Session)
    try:
        with Session() as session:
            plan = service.preview_dossiers(session, make_ctx(), path)
    except ValidationError as error:
        assert str(error) and "Traceback" not in str(error)
        assert snapshot(Session) == before
        return
    # every row is accounted for exactly once, and every refusal has a row number and a reason
    assert plan.added + plan.updated + plan.unchanged + plan.rejected == plan.file.data_rows
    assert all(p.reason and p.row >= 2 for p in plan.problems)
    if plan.problems or plan.unknown_procedures:
        try:
            with Session.begin() as session:
                service.import_dossiers(session, make_ctx(), path)
        except ValidationError:
            pass
        else:
            raise AssertionError("a file with refused rows was written")
        assert snapshot(Session) == before


@SETTINGS
@given(data=st.lists(st.tuples(names, moments, st.integers(1, 30), st.sampled_from(["P3", "P0", "D10", "H4"]),
                               st.integers(10**8, 10**9 - 1)), min_size=1, max_size=25))
def test_valid_random_rows_round_trip(Session, make_ctx, tmp_path, data):
    _clear(Session)
    rows = [[f"HS-{i}", received.strftime("%d/%m/%Y %H:%M"),
             (received + dt.timedelta(days=days)).strftime("%d/%m/%Y 17:00"), procedure, name, f"0{phone}", ""]
            for i, (name, received, days, procedure, phone) in enumerate(data)]
    path = _write(tmp_path / "hop-le.csv", rows)
    with Session.begin() as session:
        _plan, result = service.import_dossiers(session, make_ctx(), path)
    assert result.added == len(rows) and result.rejected == 0
    with Session() as session:
        for row, (name, received, days, _procedure, phone) in zip(rows, data):
            view = dossiers.get(session, dossiers.find_id(session, row[0]))
            assert view.applicant_name == " ".join(name.split())
            assert view.received_at == received
            assert view.due_at.date() == (received + dt.timedelta(days=days)).date()
            assert view.applicant_phone == f"0{phone}"
    # the same file again changes nothing
    with Session.begin() as session:
        _plan, again = service.import_dossiers(session, make_ctx(), path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, len(rows))


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(string.printable, max_size=25), st.floats(allow_nan=True), st.integers(), st.none(),
                 st.datetimes(), st.booleans()))
def test_cell_parsers_answer_a_value_or_a_reason(cell):
    for parse in (lambda v: values.moment(v, "Ngày"), values.status, values.channel,
                  lambda v: values.number(v, "Số"), values.online_level, lambda v: values.yes_no(v, "Phí")):
        try:
            parse(cell)
        except values.CellError as error:
            assert str(error)


def test_ten_thousand_random_rows(Session, make_ctx, tmp_path):
    import random

    rng = random.Random(7)
    pool = ["", "31/02/2026", "=SUM(A1)", "hôm qua", "P3", "Nguyễn Văn A", "20/11/2026 10:00", "0912345678",
            "Đang xử lý", "xyz", "2026-11-20", "46346", "-5", "Đã trả kết quả"]
    rows = [[f"R-{rng.randrange(8000)}"] + [rng.choice(pool) for _ in range(6)] for _ in range(10_000)]
    path = _write(tmp_path / "muoi-nghin.csv", rows)
    before = snapshot(Session)
    with Session() as session:
        plan = service.preview_dossiers(session, make_ctx(), path)
    assert plan.added + plan.updated + plan.unchanged + plan.rejected == 10_000
    assert plan.rejected > 0
    try:
        with Session.begin() as session:
            service.import_dossiers(session, make_ctx(), path)
    except ValidationError as error:
        assert "dòng không nhập được" in str(error)
    assert snapshot(Session) == before
    with Session.begin() as session:
        _plan, result = service.import_dossiers(session, make_ctx(), path, skip_rejected=True, create_procedures=True)
    with Session() as session:
        assert len(session.scalars(select(Dossier.code)).all()) == result.added

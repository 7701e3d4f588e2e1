"""Receiving dossiers and the lifecycle guards, on a real (temporary) register.

"Now" is Wednesday 25/11/2026 09:00. Tuesday 24/11/2026 is a day off for the
test office, which confirmed Ngày Văn hóa Việt Nam (tests/conftest.py); several
cases lean on it.
"""

import datetime as dt
import re
import unicodedata

import pytest
from sqlalchemy import func, select

from app import dossiers, worklists
from app.dossiers import NewDossier
from app.errors import NotFoundError, StaleDataError, TransitionError, ValidationError
from app.lifecycle import Status
from app.settings import save_setting
from db.models import Dossier, DossierEvent, SupplementPeriod

D = dt.datetime


def receive(Session, ctx, **fields):
    data = {"procedure_code": "P3", "applicant_name": "Nguyễn Văn An", **fields}
    with Session.begin() as session:
        return dossiers.receive(session, ctx, NewDossier(**data))


def count_dossiers(Session):
    with Session() as session:
        return session.scalar(select(func.count()).select_from(Dossier))


def test_receive_computes_due_date_generates_code_and_records_who(Session, make_ctx, catalog):
    ctx = make_ctx()
    view = receive(Session, ctx, applicant_id_number="079203001234", applicant_phone="0912 345 678")
    # Wed 25/11 09:00 + 3 working days: Thu 26, Fri 27, Mon 30/11 → 17:00
    assert view.due_at == D(2026, 11, 30, 17, 0)
    assert view.status is Status.ACCEPTED
    assert re.fullmatch(r"000\.00\.16\.H19-261125-01\d{4,}", view.code)
    assert view.applicant_phone == "0912345678"
    assert view.unit_name == "Phòng Tư pháp - Hộ tịch"
    with Session() as session:
        events = session.execute(select(DossierEvent.kind, DossierEvent.user_id)
                                 .where(DossierEvent.dossier_id == view.id)).all()
    assert events == [("receive", catalog["user_id"])]


def test_generated_codes_are_sequential_per_day(Session, make_ctx):
    ctx = make_ctx()
    first = receive(Session, ctx)
    second = receive(Session, ctx)
    assert first.code.endswith("-010001")
    assert second.code.endswith("-010002")


@pytest.mark.parametrize("code, received, expected_due", [
    ("P3", D(2026, 11, 24, 10, 0), D(2026, 11, 30, 17, 0)),  # on a day off: counted from Wed 25
    # Fri 20/11 after the cut-off: as if received Mon 23 → Wed 25, Thu 26, Fri 27 (Tue 24 off)
    ("P3", D(2026, 11, 20, 15, 30), D(2026, 11, 27, 17, 0)),
    # Fri 20/11 before the cut-off: Mon 23, Wed 25, Thu 26
    ("P3", D(2026, 11, 20, 14, 59), D(2026, 11, 26, 17, 0)),
    # "after 15:00": 15:00 itself is still the same day, 15:01 is not
    ("P3", D(2026, 11, 20, 15, 0), D(2026, 11, 26, 17, 0)),
    ("P3", D(2026, 11, 20, 15, 1), D(2026, 11, 27, 17, 0)),
])
def test_receipt_moment_and_cut_off_shift_the_due_date(Session, make_ctx, code, received, expected_due):
    view = receive(Session, make_ctx(), procedure_code=code, received_at=received)
    assert view.due_at == expected_due


def test_within_the_day_and_working_hour_procedures(Session, make_ctx):
    ctx = make_ctx()
    assert receive(Session, ctx, procedure_code="P0").due_at == D(2026, 11, 25, 17, 0)
    # 09:00 + 4 working hours: 2h30 to 11:30, then 1h30 after 13:00
    assert receive(Session, ctx, procedure_code="H4").due_at == D(2026, 11, 25, 14, 30)


def test_text_is_nfc_and_search_ignores_marks_case_and_d(Session, make_ctx):
    ctx = make_ctx()
    decomposed = unicodedata.normalize("NFD", "Đặng Văn Đức")
    view = receive(Session, ctx, applicant_name=decomposed, applicant_phone="0912 345 678",
                   applicant_id_number="079203001234")
    receive(Session, ctx, applicant_name="Dương Thị Dung")
    assert view.applicant_name == unicodedata.normalize("NFC", "Đặng Văn Đức")
    with Session() as session:
        assert worklists.search_ids(session, "dang van duc") == [view.id]
        assert worklists.search_ids(session, "ĐẶNG VĂN") == [view.id]
        assert worklists.search_ids(session, "dang van d") == [view.id]  # still typing
        assert worklists.search_ids(session, "0912345678") == [view.id]
        assert worklists.search_ids(session, "079203001234") == [view.id]
        assert worklists.search_ids(session, view.code) == [view.id]
        assert worklists.search_ids(session, "nguyen") == []
        assert worklists.search_ids(session, '"; DROP TABLE dossiers; --') == []


@pytest.mark.parametrize("fields, message", [
    ({"applicant_name": "   "}, "Chưa nhập họ tên người nộp"),
    ({"applicant_phone": "12345"}, "Số điện thoại"),
    ({"applicant_id_number": "12345"}, "12 chữ số"),
    ({"applicant_email": "khong-phai-email"}, "thư điện tử"),
    ({"channel": "fax"}, "Hình thức nộp không hợp lệ"),
    ({"received_at": D(2026, 11, 26, 9, 0)}, "không được ở tương lai"),
    ({"procedure_code": "KHONG-CO"}, "Không có thủ tục mã"),
    ({"due_at": D(2026, 12, 10, 17, 0)}, "phải ghi rõ lý do"),
    ({"due_at": D(2026, 11, 28, 17, 0), "due_reason": "Theo quy chế phối hợp"}, "là ngày nghỉ"),
    ({"due_at": D(2026, 11, 20, 17, 0), "due_reason": "Nhầm"}, "phải sau thời điểm tiếp nhận"),
    ({"code": "mã có dấu cách"}, "không hợp lệ"),
])
def test_bad_input_is_refused_with_the_reason_and_writes_nothing(Session, make_ctx, fields, message):
    with pytest.raises((ValidationError, NotFoundError)) as error:
        receive(Session, make_ctx(), **fields)
    assert message in str(error.value)
    assert count_dossiers(Session) == 0


def test_duplicate_code_is_refused(Session, make_ctx):
    ctx = make_ctx()
    receive(Session, ctx, code="H19-0001")
    with pytest.raises(ValidationError, match="đã có trong sổ"):
        receive(Session, ctx, code="H19-0001")
    assert count_dossiers(Session) == 1


def test_manual_due_date_needs_a_working_day_and_a_reason_and_is_recorded(Session, make_ctx):
    view = receive(Session, make_ctx(), due_at=D(2026, 12, 10, 17, 0), due_reason="Theo quy chế phối hợp liên thông")
    assert view.due_at == D(2026, 12, 10, 17, 0)
    assert view.due_manual_reason == "Theo quy chế phối hợp liên thông"


def change(Session, ctx, view, target, **kwargs):
    with Session.begin() as session:
        return dossiers.change_status(session, ctx, view.id, target, expected_version=view.version, **kwargs)


def test_finishing_needs_a_real_result_moment(Session, make_ctx):
    ctx = make_ctx()
    view = receive(Session, ctx, received_at=D(2026, 11, 23, 8, 0))
    with pytest.raises(ValidationError, match="thời điểm có kết quả"):
        change(Session, ctx, view, Status.RESULT_READY)
    with pytest.raises(ValidationError, match="tương lai"):
        change(Session, ctx, view, Status.RESULT_READY, at=D(2026, 11, 25, 16, 0))
    with pytest.raises(ValidationError, match="trước thời điểm tiếp nhận"):
        change(Session, ctx, view, Status.RESULT_READY, at=D(2026, 11, 20, 16, 0))
    with Session.begin() as session:  # a paper result must be digitized before finishing (app.digitization_rules)
        view = dossiers.update_fields(session, ctx, view.id, {"digitized_result": True},
                                      expected_version=view.version)
    done = change(Session, ctx, view, Status.RESULT_READY, at=D(2026, 11, 25, 8, 30))
    assert done.status is Status.RESULT_READY and done.finished_at == D(2026, 11, 25, 8, 30)
    returned = change(Session, ctx, done, Status.RETURNED, result_delivery="postal")
    assert returned.returned_at == D(2026, 11, 25, 9, 0) and returned.result_delivery == "postal"
    with Session() as session:
        history = worklists.history(session, view.id)
    assert [(e.kind, e.old_value, e.new_value) for e in history] == [
        ("receive", "", "Được tiếp nhận"),
        ("edit", "Không", "Có"),
        ("status", "Được tiếp nhận", "Đã xử lý xong"),
        ("status", "Đã xử lý xong", "Đã trả kết quả"),
    ]
    assert {e.user for e in history} == {"Nguyễn Thị Lan"}


def test_lifecycle_refuses_impossible_moves(Session, make_ctx):
    ctx = make_ctx()
    view = receive(Session, ctx)
    with pytest.raises(TransitionError, match="Không thể chuyển"):
        change(Session, ctx, view, Status.RETURNED)
    with pytest.raises(ValidationError, match="phải ghi rõ lý do"):
        change(Session, ctx, view, Status.WITHDRAWN)
    withdrawn = change(Session, ctx, view, Status.WITHDRAWN, reason="Công dân có đơn xin rút")
    assert withdrawn.finished_at == D(2026, 11, 25, 9, 0)
    with pytest.raises(TransitionError, match="đã ở trạng thái"):
        change(Session, ctx, withdrawn, Status.PROCESSING)


@pytest.mark.parametrize("mode, expected_due", [
    # Received Mon 02/11 09:00, 10 working days → due Mon 16/11. Papers asked Wed 04/11: 8 working days
    # left (05, 06, 09–13, 16). Back Mon 09/11 14:00 → 10, 11, 12, 13, 16, 17, 18, 19 → Thu 19/11.
    ("pause", D(2026, 11, 19, 17, 0)),
    # Restart: 10 full working days from Mon 09/11 → 10–13, 16–20, 23 → Mon 23/11.
    ("restart", D(2026, 11, 23, 17, 0)),
])
def test_supplementation_time_does_not_count(Session, clock, catalog, mode, expected_due):
    from app.context import load_context

    with Session.begin() as session:
        save_setting(session, "supplement_mode", mode)
    with Session() as session:
        ctx = load_context(session, clock, catalog["user_id"])
    view = receive(Session, ctx, procedure_code="D10", received_at=D(2026, 11, 2, 9, 0))
    assert view.due_at == D(2026, 11, 16, 17, 0)
    with pytest.raises(ValidationError, match="giấy tờ cần bổ sung"):
        change(Session, ctx, view, Status.SUPPLEMENT, at=D(2026, 11, 4, 10, 0))
    waiting = change(Session, ctx, view, Status.SUPPLEMENT, at=D(2026, 11, 4, 10, 0), reason="Bản sao sổ hộ khẩu")
    with pytest.raises(ValidationError, match="trước ngày yêu cầu bổ sung"):
        change(Session, ctx, waiting, Status.PROCESSING, at=D(2026, 11, 3, 10, 0))
    resumed = change(Session, ctx, waiting, Status.PROCESSING, at=D(2026, 11, 9, 14, 0))
    assert resumed.due_at == expected_due
    with Session() as session:
        period = session.scalar(select(SupplementPeriod).where(SupplementPeriod.dossier_id == view.id))
        assert (period.requested_at, period.completed_at) == (D(2026, 11, 4, 10, 0), D(2026, 11, 9, 14, 0))


def test_a_stale_edit_is_refused_and_never_overwrites(Session, make_ctx):
    ctx = make_ctx()
    view = receive(Session, ctx)
    with Session.begin() as session:
        fresh = dossiers.update_fields(session, ctx, view.id, {"applicant_address": "Số 12, Khu phố 3"},
                                       expected_version=view.version)
    assert fresh.version == view.version + 1
    with pytest.raises(StaleDataError, match="vừa được người khác cập nhật"):
        with Session.begin() as session:
            dossiers.update_fields(session, ctx, view.id, {"applicant_address": "Địa chỉ cũ"},
                                   expected_version=view.version)
    with Session() as session:
        assert dossiers.get(session, view.id).applicant_address == "Số 12, Khu phố 3"


def test_concurrent_sessions_cannot_both_save(Session, make_ctx):
    """Two desks loaded the same version; the second flush is refused by the version column."""
    ctx = make_ctx()
    view = receive(Session, ctx)
    first, second = Session(), Session()
    try:
        dossiers.update_fields(first, ctx, view.id, {"notes": "Bàn 1"}, expected_version=view.version)
        loaded = second.get(Dossier, view.id)
        assert loaded.version == view.version
        first.commit()
        loaded.notes = "Bàn 2"
        with pytest.raises(StaleDataError):
            dossiers._save(second, loaded)
    finally:
        first.close()
        second.close()
    with Session() as session:
        assert dossiers.get(session, view.id).notes == "Bàn 1"


def test_edits_become_events_with_old_and_new_values(Session, make_ctx):
    ctx = make_ctx()
    view = receive(Session, ctx, applicant_name="Lê Thị Mai")
    with Session.begin() as session:
        dossiers.update_fields(session, ctx, view.id, {"applicant_name": "Lê Thị Mai Anh",
                                                       "digitized_components": True},
                               expected_version=view.version)
    with Session() as session:
        edits = [(e.field, e.old_value, e.new_value) for e in worklists.history(session, view.id) if e.kind == "edit"]
        assert worklists.search_ids(session, "le thi mai anh") == [view.id]
    assert sorted(edits) == [("applicant_name", "Lê Thị Mai", "Lê Thị Mai Anh"),
                             ("digitized_components", "Không", "Có")]


def test_unknown_field_and_missing_dossier(Session, make_ctx):
    ctx = make_ctx()
    view = receive(Session, ctx)
    with pytest.raises(ValidationError, match="Không thể sửa trực tiếp: status"):
        with Session.begin() as session:
            dossiers.update_fields(session, ctx, view.id, {"status": 9}, expected_version=None)
    with pytest.raises(NotFoundError):
        with Session() as session:
            dossiers.find_id(session, "KHONG-CO-MA")


def test_a_promise_may_be_corrected_on_the_day_but_only_a_letter_postpones_it_later(Session, make_ctx):
    from app.dossiers import set_due_manually

    ctx = make_ctx()
    with Session.begin() as session:
        today_ = dossiers.receive(session, ctx, NewDossier("P3", "Vũ Thị Hạnh", received_at=dt.datetime(2026, 11, 25, 8)))
        older = dossiers.receive(session, ctx, NewDossier("P3", "Mai Văn Tú", received_at=dt.datetime(2026, 11, 20, 8)))
    # Corrected on the day of receipt (the slip is reprinted): allowed, with its reason.
    with Session.begin() as session:
        view = set_due_manually(session, ctx, today_.id, dt.datetime(2026, 12, 4, 17), "Thủ tục cần lấy ý kiến liên ngành",
                                expected_version=today_.version)
    assert view.due_at == dt.datetime(2026, 12, 4, 17)
    # Days later the date may come earlier, never later: that is the apology letter's one move.
    with Session.begin() as session:
        with pytest.raises(ValidationError, match="hãy lập phiếu xin lỗi"):
            set_due_manually(session, ctx, older.id, dt.datetime(2026, 12, 16, 17), "Chưa xong",
                             expected_version=older.version)
    with Session() as session:
        assert session.get(Dossier, older.id).due_at == older.due_at
    with Session.begin() as session:
        earlier = set_due_manually(session, ctx, older.id, older.due_at - dt.timedelta(hours=2), "Trả sớm theo đề nghị",
                                   expected_version=older.version)
    assert earlier.due_at < older.due_at

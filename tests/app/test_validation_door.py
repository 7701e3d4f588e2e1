"""Values validated at the door (issue 20, point 8): the import, the receive and edit operations of the
forms and the command line share app/validation.py, so a value refused by one is refused by all."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import func, select

from app import dossiers, validation
from app.deadlines import ProcessingTime
from app.dossiers import NewDossier
from app.errors import ValidationError
from app.importing import service
from app.lifecycle import TimeUnit
from db.models import Dossier

HEAD = "Mã hồ sơ,Ngày tiếp nhận,Hạn xử lý,Mã thủ tục,Người nộp,Địa chỉ\n"

HOSTILE_NAMES = [
    ("Nguyễn Văn\x01An", "ký tự điều khiển U+0001"),
    ("\x1b[31mTrần Thị Bích\x1b[0m", "ký tự điều khiển U+001B"),
    ("Lê Văn \u202eTám", "ký tự đảo chiều chữ U+202E"),
    ("Phạm Thị Hường\U000e0041\U000e0042", "ký tự ẩn (tag) U+E0041"),
    ("Đỗ Minh Khôi 😀", "biểu tượng cảm xúc “😀”"),
]


def _count(Session) -> int:
    with Session() as session:
        return session.scalar(select(func.count()).select_from(Dossier))


@pytest.mark.parametrize("name, reason", HOSTILE_NAMES)
def test_import_refuses_names_and_addresses_that_poison_later_commands(Session, make_ctx, tmp_path, name, reason):
    path = tmp_path / "ten.csv"
    path.write_text(HEAD + f'HS-1,20/11/2026,27/11/2026,P3,"{name}",Phố Huế\n'
                           f'HS-2,20/11/2026,27/11/2026,P3,An,"{name}"\n'
                           "HS-3,20/11/2026,27/11/2026,P3,Bình,Phố Huế\n", encoding="utf-8")
    with Session.begin() as session:
        plan, result = service.import_dossiers(session, make_ctx(), path, skip_rejected=True)
    assert [(p.row, p.code) for p in plan.problems] == [(2, "HS-1"), (3, "HS-2")]
    assert reason in plan.problems[0].reason and plan.problems[0].reason.startswith("Họ tên người nộp “")
    assert reason in plan.problems[1].reason and plan.problems[1].reason.startswith("Địa chỉ “")
    assert "\x1b" not in plan.problems[0].reason   # the reason quotes the name with its control shown
    assert result.added == 1


@pytest.mark.parametrize("name, reason", HOSTILE_NAMES)
def test_the_receive_form_and_the_edit_form_refuse_them_too(Session, make_ctx, name, reason):
    ctx = make_ctx()
    with Session.begin() as session:
        with pytest.raises(ValidationError, match=re.escape(reason)):
            dossiers.receive(session, ctx, NewDossier(procedure_code="P3", applicant_name=name))
    with Session.begin() as session:
        view = dossiers.receive(session, ctx, NewDossier(procedure_code="P3", applicant_name="Nguyễn Văn An"))
    for field in ("applicant_name", "applicant_address", "notes"):
        with Session.begin() as session:
            with pytest.raises(ValidationError, match=re.escape("có " + reason)):
                dossiers.update_fields(session, ctx, view.id, {field: name}, expected_version=view.version)
    with Session() as session:
        assert dossiers.get(session, view.id).applicant_name == "Nguyễn Văn An"


def test_text_is_nfc_and_free_of_invisible_characters(Session, make_ctx):
    decomposed = "Nguye\u0302\u0303n Va\u0306n\u200b An\u00ad"
    with Session.begin() as session:
        view = dossiers.receive(session, make_ctx(), NewDossier(procedure_code="P3", applicant_name=decomposed,
                                                               applicant_address="Phố\ufeff Huế"))
    assert (view.applicant_name, view.applicant_address) == ("Nguyễn Văn An", "Phố Huế")


def test_letters_the_letter_font_cannot_draw_are_refused_when_the_font_is_known():
    from app.printing.fonts import discover

    try:
        family = discover()
    except Exception:  # noqa: BLE001
        pytest.skip("no letter font on this machine")
    assert family.missing("中") == {"中"}
    with pytest.raises(ValidationError, match="phông chữ của phiếu, thư không in được"):
        validation.required_text("Lý 中文", "họ tên người nộp", 300)
    assert validation.required_text("José Müller", "họ tên người nộp", 300) == "José Müller"


def test_a_due_date_of_31_12_9999_is_refused_by_the_import(Session, make_ctx, tmp_path):
    path = tmp_path / "han.csv"
    path.write_text(HEAD + "HS-1,20/11/2026,31/12/9999,P3,An,\nHS-2,20/11/2026,27/11/2031,P3,Bình,\n"
                           "HS-3,20/11/2026,27/11/2026,P3,Chi,\n", encoding="utf-8")
    with Session() as session:
        plan = service.preview_dossiers(session, make_ctx(), path)
    reasons = {p.code: p.reason for p in plan.problems}
    assert "ngoài khoảng lịch làm việc hỗ trợ (2000–2100)" in reasons["HS-1"]
    assert "không hợp lý: quá 3 năm sau ngày tiếp nhận 20/11/2026" in reasons["HS-2"]
    assert plan.added == 1


def test_a_manual_due_date_far_away_is_refused_by_the_form(Session, make_ctx):
    ctx = make_ctx()
    with Session.begin() as session:
        with pytest.raises(ValidationError, match="quá 3 năm sau ngày tiếp nhận"):
            dossiers.receive(session, ctx, NewDossier(procedure_code="P3", applicant_name="An",
                                                      due_at=dt.datetime(2035, 11, 27, 17), due_reason="hẹn xa"))
    assert _count(Session) == 0


@pytest.mark.parametrize("value, words", [
    (float("inf"), "không phải là số giờ hữu hạn"), (float("nan"), "không phải là số giờ hữu hạn"),
    (1e308, "quá dài (tối đa 3000 giờ làm việc)"), (-1, "không được âm"),
])
def test_processing_times_are_finite_and_bounded(value, words):
    with pytest.raises(ValidationError, match=re.escape(words)):
        validation.processing_amount(value, "hour")
    if value != 1e308:   # a stored time is read as it is, but never an endless one
        with pytest.raises(ValidationError, match=re.escape(words)):
            ProcessingTime(value, TimeUnit.HOUR)
    assert ProcessingTime(4, TimeUnit.HOUR).value == 4


def test_a_procedure_saved_with_an_endless_time_is_refused(Session):
    from app.catalog import ensure_procedure

    with Session.begin() as session:
        with pytest.raises(ValidationError, match="quá dài"):
            ensure_procedure(session, "X1", "Thủ tục X", "", 1e308, "hour")


def test_printable_shows_controls_instead_of_sending_them():
    assert validation.printable("A\x1b[2JB\u202eC") == "A<U+001B>[2JB<U+202E>C"
    assert validation.printable("Nguyễn Văn An") == "Nguyễn Văn An"

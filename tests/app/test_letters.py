"""Issuing apology letters on a real (temporary) register.

"Now" is Wednesday 25/11/2026 09:00; Tuesday 24/11/2026 is a day off
(Ngày Văn hóa Việt Nam in the holidays package).
"""

import datetime as dt
import hashlib

import pytest
from sqlalchemy import func, select

from app import dossiers, letters
from app.catalog import save_office
from app.dossiers import NewDossier
from app.errors import ConfigurationError, StaleDataError, ValidationError
from app.letters import LateLetterError, LetterRequest
from app.lifecycle import Status
from app.settings import save_setting
from db.models import ApologyLetter, Dossier, DossierEvent
from tests.support.pdf import readings

D = dt.datetime
DAY = dt.date


def receive(Session, ctx, received=D(2026, 11, 23, 9), **fields):
    data = {"procedure_code": "P3", "applicant_name": "Đặng Văn Đức", "applicant_id_number": "079203001234",
            "received_at": received, **fields}
    with Session.begin() as session:
        return dossiers.receive(session, ctx, NewDossier(**data))


def issue(Session, ctx, dossier_id, **fields):
    data = {"reason": "Cần xác minh thực địa", "new_date": DAY(2026, 12, 2), **fields}
    with Session.begin() as session:
        return letters.issue(session, ctx, LetterRequest(dossier_id, **data))


def snapshot(Session):
    """What a refused issue must leave untouched: letters, dossiers' deadlines and versions, events."""
    with Session() as session:
        return (session.execute(select(ApologyLetter.id, ApologyLetter.number_text)).all(),
                session.execute(select(Dossier.id, Dossier.due_at, Dossier.version)).all(),
                session.scalar(select(func.count()).select_from(DossierEvent)))


def test_propose_a_working_day_after_the_due_date(Session, make_ctx):
    ctx = make_ctx()
    view = receive(Session, ctx)  # Mon 23/11 + 3 working days (Tue 24 off) → Fri 27/11 17:00
    assert view.due_at == D(2026, 11, 27, 17)
    with Session() as session:
        proposal = letters.propose(session, ctx, view.id)
    assert proposal.deadline == DAY(2026, 11, 26)
    assert not proposal.late_if_today and proposal.refusal == ""
    # The procedure's own 3 working days again: Mon 30/11, Tue 1/12, Wed 2/12.
    assert proposal.new_date == DAY(2026, 12, 2) and proposal.days_added == 3


def test_issue_records_letter_moves_deadline_and_writes_event_in_one_go(Session, make_ctx, catalog):
    ctx = make_ctx()
    view = receive(Session, ctx)
    issued = issue(Session, ctx, view.id)
    assert issued.number_text == "01/PXL" and not issued.late
    assert issued.previous_due_at == D(2026, 11, 27, 17) and issued.new_due_at == D(2026, 12, 2, 17)
    assert issued.sha256 == hashlib.sha256(issued.pdf).hexdigest()
    with Session() as session:
        letter = session.scalar(select(ApologyLetter))
        assert (letter.year, letter.number, letter.issued_on) == (2026, 1, DAY(2026, 11, 25))
        assert letter.signer_name == "Nguyễn Thị Thu Hương" and letter.signer_title == "Giám đốc"
        assert letter.pdf_sha256 == issued.sha256 and letter.created_by == catalog["user_id"]
        assert dossiers.get(session, view.id).due_at == D(2026, 12, 2, 17)
        assert dossiers.get(session, view.id).letter_number == "01/PXL"
        event = session.scalar(select(DossierEvent).where(DossierEvent.kind == "letter"))
        assert (event.old_value, event.new_value) == ("17:00 27/11/2026", "17:00 02/12/2026")
        assert "01/PXL" in event.note and "Cần xác minh thực địa" in event.note
    for text in readings(issued.pdf):
        assert "ngày 02 tháng 12 năm 2026" in text and "Số: 01/PXL" in text


def test_reprint_gives_the_same_bytes_as_issued(Session, make_ctx):
    ctx = make_ctx()
    view = receive(Session, ctx)
    issued = issue(Session, ctx, view.id)
    with Session() as session:
        letter, pdf, same = letters.reprint(session, ctx, view.id)
    assert same and pdf == issued.pdf and letter.number_text == "01/PXL"


def test_a_reprint_keeps_the_recipients_printed_that_day(Session, make_ctx):
    """'Nơi nhận' changed after a letter was issued: the reprint is still the paper that was sent
    (same bytes, so the e-mail delivery's SHA-256 check still passes), and new letters take the new list."""
    with Session.begin() as session:
        save_setting(session, "letter_recipients", "Như trên;\nPhòng Tư pháp;\nLưu: VT.")
    ctx = make_ctx()
    view = receive(Session, ctx)
    issued = issue(Session, ctx, view.id)
    with Session.begin() as session:
        save_setting(session, "letter_recipients", "Như trên;\nChủ tịch UBND phường;\nLưu: VT, BPMC.")
    ctx = make_ctx()
    with Session() as session:
        _letter, pdf, same = letters.reprint(session, ctx, view.id)
    assert same and pdf == issued.pdf
    assert any("- Phòng Tư pháp;" in text for text in readings(pdf))
    later = issue(Session, ctx, receive(Session, ctx).id, new_date=DAY(2026, 12, 3))
    assert any("- Chủ tịch UBND phường;" in text for text in readings(later.pdf))


def test_numbers_run_per_year_in_the_configured_format(Session, make_ctx, clock):
    with Session.begin() as session:
        save_setting(session, "letter_number_format", "{number:03d}/{year}/PXL-TTPVHCC")
    ctx = make_ctx()
    first = issue(Session, ctx, receive(Session, ctx).id)
    second = issue(Session, ctx, receive(Session, ctx).id, new_date=DAY(2026, 12, 3))
    assert (first.number_text, second.number_text) == ("001/2026/PXL-TTPVHCC", "002/2026/PXL-TTPVHCC")
    clock.moment = D(2027, 1, 4, 9)  # a new year starts again at 1
    ctx = make_ctx()
    view = receive(Session, ctx, received=D(2027, 1, 4, 8))  # due Thu 07/01/2027
    assert issue(Session, ctx, view.id, new_date=DAY(2027, 1, 12)).number_text == "001/2027/PXL-TTPVHCC"


def test_a_second_letter_is_refused_with_the_reason(Session, make_ctx):
    ctx = make_ctx()
    view = receive(Session, ctx)
    issue(Session, ctx, view.id)
    before = snapshot(Session)
    with pytest.raises(ValidationError, match="đã có phiếu xin lỗi số 01/PXL.*chỉ được đổi một lần"):
        issue(Session, ctx, view.id, new_date=DAY(2026, 12, 9))
    assert snapshot(Session) == before


def test_late_letter_needs_confirmation_and_is_recorded_late(Session, make_ctx, clock):
    ctx = make_ctx()
    view = receive(Session, ctx, received=D(2026, 11, 16, 9))  # due Thu 19/11: deadline Wed 18/11, missed
    before = snapshot(Session)
    with pytest.raises(LateLetterError, match="hạn gửi phiếu xin lỗi .* là Thứ Tư, 18/11/2026") as refused:
        issue(Session, ctx, view.id)
    assert refused.value.deadline == DAY(2026, 11, 18)
    assert snapshot(Session) == before
    issued = issue(Session, ctx, view.id, confirm_late=True)
    assert issued.late
    with Session() as session:
        assert session.scalar(select(ApologyLetter.late)) is True
        assert "gửi muộn" in session.scalar(select(DossierEvent.note).where(DossierEvent.kind == "letter"))


def test_back_dated_issue_on_the_deadline_is_in_time(Session, make_ctx):
    ctx = make_ctx()
    view = receive(Session, ctx)  # deadline Thu 26/11
    issued = issue(Session, ctx, view.id, issued_on=DAY(2026, 11, 23))
    assert not issued.late and issued.issued_on == DAY(2026, 11, 23)


def test_back_dating_a_late_letter_does_not_make_it_in_time(Session, make_ctx):
    """Made and numbered today (25/11): dating it 18/11, the missed deadline, changes nothing."""
    ctx = make_ctx()
    view = receive(Session, ctx, received=D(2026, 11, 16, 9))  # due Thu 19/11: deadline Wed 18/11
    before = snapshot(Session)
    with pytest.raises(LateLetterError):
        issue(Session, ctx, view.id, issued_on=DAY(2026, 11, 18))
    assert snapshot(Session) == before
    issued = issue(Session, ctx, view.id, issued_on=DAY(2026, 11, 18), confirm_late=True)
    assert issued.late


def test_letter_numbers_follow_their_dates(Session, make_ctx):
    ctx = make_ctx()
    first = receive(Session, ctx)
    second = receive(Session, ctx, applicant_name="Lê Thị Hoa")
    issue(Session, ctx, first.id)  # today, 25/11: number 1
    before = snapshot(Session)
    with pytest.raises(ValidationError, match="trước phiếu đã phát hành gần nhất .25/11/2026"):
        issue(Session, ctx, second.id, issued_on=DAY(2026, 11, 23))
    assert snapshot(Session) == before


@pytest.mark.parametrize("fields, message", [
    ({"reason": "   "}, "Chưa nhập lý do"),
    ({"reason": "abc"}, "quá ngắn"),
    ({"new_date": DAY(2026, 11, 27)}, "phải sau ngày hẹn trả hiện tại"),
    ({"new_date": DAY(2026, 11, 20)}, "phải sau ngày hẹn trả hiện tại"),
    ({"new_date": DAY(2026, 11, 28)}, "là ngày nghỉ .*Thứ Hai, 30/11/2026"),
    ({"new_date": DAY(2028, 1, 5)}, "quá một năm"),
    ({"issued_on": DAY(2026, 11, 26)}, "ở tương lai"),
    ({"issued_on": DAY(2026, 11, 20)}, "trước ngày tiếp nhận"),
    ({"expected_version": 7}, "vừa được người khác cập nhật"),
])
def test_bad_input_is_refused_and_changes_nothing(Session, make_ctx, fields, message):
    ctx = make_ctx()
    view = receive(Session, ctx)
    before = snapshot(Session)
    with pytest.raises((ValidationError, StaleDataError), match=message):
        issue(Session, ctx, view.id, **fields)
    assert snapshot(Session) == before


@pytest.mark.parametrize("status, message", [
    (Status.SUPPLEMENT, "chờ bổ sung"),
    (Status.WITHDRAWN, "đã kết thúc"),
])
def test_no_letter_for_a_dossier_without_a_running_clock(Session, make_ctx, status, message):
    ctx = make_ctx()
    view = receive(Session, ctx)
    with Session.begin() as session:
        dossiers.change_status(session, ctx, view.id, status, expected_version=view.version, reason="Thiếu giấy tờ")
    before = snapshot(Session)
    with pytest.raises(ValidationError, match=message):
        issue(Session, ctx, view.id)
    assert snapshot(Session) == before


def test_no_signer_in_the_office_settings_is_a_clear_error(Session, make_ctx):
    ctx = make_ctx()
    view = receive(Session, ctx)
    with Session.begin() as session:
        save_office(session, head_name="")
    with pytest.raises(ConfigurationError, match="họ tên người ký"):
        issue(Session, ctx, view.id)


def test_today_lists_dossiers_needing_a_letter_and_letters_issued(Session, make_ctx):
    ctx = make_ctx()
    due_tomorrow = receive(Session, ctx, received=D(2026, 11, 20, 9))  # due Thu 26/11: apologise today
    missed = receive(Session, ctx, received=D(2026, 11, 17, 9))        # due Fri 20/11? overdue: not listed
    later = receive(Session, ctx)                                       # due Fri 27/11: tomorrow
    with Session() as session:
        needing = letters.needing_letter(session, ctx)
    assert due_tomorrow.id in needing and later.id not in needing and missed.id not in needing
    issue(Session, ctx, due_tomorrow.id, new_date=DAY(2026, 12, 1))
    with Session() as session:
        assert letters.needing_letter(session, ctx) == []
        ids = letters.issued_on_day(session, DAY(2026, 11, 25))
        pdf = letters.render_issued(session, ctx, ids)
    assert len(ids) == 1 and pdf.startswith(b"%PDF")


# -- issuer, addressee, number, layout (issue 14) -------------------------------------------------------

def set_up_unit(Session, unit_id):
    from db.models import Unit

    with Session.begin() as session:
        unit = session.get(Unit, unit_id)
        unit.full_name, unit.parent_agency = "Phòng Tư pháp", "UBND phường Trần Biên"
        unit.head_title, unit.head_name, unit.letter_symbol = "Trưởng phòng", "Lê Văn Bình", "TP"


def pages_text(pdf):
    """Each page's words (pdftotext when installed, else pypdf), flattened."""
    import io

    from pypdf import PdfReader

    from tests.support.pdf import flat

    return [flat(page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages]


def test_the_deciding_unit_issues_and_its_head_signs(Session, make_ctx, catalog):
    set_up_unit(Session, catalog["units"]["TP"])
    ctx = make_ctx()
    view = receive(Session, ctx)                       # P3 belongs to Phòng Tư pháp - Hộ tịch (TP)
    issued = issue(Session, ctx, view.id)
    assert issued.number_text == "01/PXL-TP"
    with Session() as session:
        letter = session.scalar(select(ApologyLetter))
        assert (letter.issuer_name, letter.issuer_parent) == ("Phòng Tư pháp", "UBND phường Trần Biên")
        assert (letter.signer_title, letter.signer_name) == ("Trưởng phòng", "Lê Văn Bình")
    for text in readings(issued.pdf):
        assert "Số: 01/PXL-TP" in text and "PHÒNG TƯ PHÁP" in text and "UBND PHƯỜNG TRẦN BIÊN" in text
        assert "TRƯỞNG PHÒNG" in text and "Lê Văn Bình" in text and "Nguyễn Thị Thu Hương" not in text
        assert "Phòng Tư pháp xin lỗi Ông/Bà" in text
        assert "Bộ phận Một cửa phường Trần Biên tiếp nhận hồ sơ" in text     # the desk received it
    # The unit's head changes later: the reprint is still the paper that was issued.
    from db.models import Unit

    with Session.begin() as session:
        session.get(Unit, catalog["units"]["TP"]).head_name = "Trần Văn Mới"
    with Session() as session:
        _letter, pdf, same = letters.reprint(session, ctx, view.id)
    assert same and pdf == issued.pdf


def test_numbers_below_ten_take_a_leading_zero_and_the_office_symbol():
    assert letters.number_text("{number}/PXL", 7, 2026) == "07/PXL"
    assert letters.number_text("{number}/PXL", 12, 2026, "TTPVHCC") == "12/PXL-TTPVHCC"
    assert letters.number_text("{number:03d}/{year}/PXL", 7, 2026, "TP") == "007/2026/PXL-TP"


@pytest.mark.parametrize("kind, name, addressed, body", [
    ("person", "Phạm Minh Ánh", "Kính gửi: Ông/Bà Phạm Minh Ánh", "cảm thông của Ông/Bà./."),
    ("organisation", "Hợp tác xã Nông nghiệp Tân Phú", "Kính gửi: Hợp tác xã Nông nghiệp Tân Phú",
     "cảm thông của Quý cơ quan/tổ chức./."),
])
def test_the_applicant_is_addressed_as_a_person_or_an_organisation(Session, make_ctx, kind, name, addressed, body):
    ctx = make_ctx()
    view = receive(Session, ctx, applicant_name=name, applicant_kind=kind,
                   applicant_id_number="079203001234" if kind == "person" else "0312345678")
    issued = issue(Session, ctx, view.id)
    for text in readings(issued.pdf):
        assert addressed in text and body in text
        assert "Ông/Bà/Tổ chức" not in text and "Ông/Bà Hợp tác xã" not in text


def test_number_line_recipients_and_one_page(Session, make_ctx):
    with Session.begin() as session:
        save_setting(session, "letter_recipients", "Như trên;\nPhòng Tư pháp;\nLưu: VT, BPMC.")
    ctx = make_ctx()
    issued = issue(Session, ctx, receive(Session, ctx).id)
    assert len(pages_text(issued.pdf)) == 1
    for text in readings(issued.pdf):
        assert "Số: 01/PXL" in text and "Nơi nhận:" in text and "- Phòng Tư pháp;" in text
        assert "- Lưu: VT, BPMC." in text


def test_a_long_reason_gives_two_pages_with_the_signature_beside_text_and_numbered(Session, make_ctx):
    ctx = make_ctx()
    view = receive(Session, ctx)
    reason = ("Hồ sơ phải lấy ý kiến của nhiều cơ quan, đơn vị có liên quan và chờ kết quả xác minh; " * 20)[:1000]
    request = LetterRequest(view.id, reason, DAY(2026, 12, 2))
    with Session() as session:
        assert letters.proposed_pages(session, ctx, request) == 2
        assert letters.proposed_pages(session, ctx, LetterRequest(view.id, "Cần xác minh", DAY(2026, 12, 2))) == 1
    issued = issue(Session, ctx, view.id, reason=reason)
    first, second = pages_text(issued.pdf)
    assert "PHIẾU XIN LỖI" in first and "2/2" not in first and "GIÁM ĐỐC" not in first
    assert "2/2" in second.split()
    assert "GIÁM ĐỐC" in second and "Nguyễn Thị Thu Hương" in second
    assert "Rất mong nhận được sự cảm thông" in second            # the signature is not alone on its page

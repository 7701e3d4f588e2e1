"""Official decisions as data, the provenance of each day, confirming and loading, and what a change touches.

The expected days are DOMAIN.md §4's table, worked by hand; each one also
names the decision (its number) it must come from in resources/calendar/decisions.json.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from app import calendar_changes, dossiers
from app.catalog import ensure_user
from app.clock import FixedClock
from app.context import load_context
from app.deadlines import ProcessingTime
from app.dossiers import NewDossier
from app.errors import ValidationError
from app.holiday_decisions import Occasion, Source, parse_decisions, shipped
from app.intake import preview_due
from app.permissions import PermissionDenied
from app.workcalendar import WorkCalendar
from db.models import CalendarOverride, Dossier, DossierEvent, Setting
from tests.conftest import CULTURE_DAY_NOTE

D = dt.date
T = dt.datetime


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar()


# (first day, last day, working?, source, reference number the day must cite)
ANNOUNCED = [
    (D(2024, 2, 8), D(2024, 2, 14), False, Source.DECISION, "5015/TB-LĐTBXH"),       # Tết 2024
    (D(2024, 4, 27), D(2024, 5, 1), False, Source.DECISION, "2450/VPCP-KGVX"),       # 30/4 2024, Mon 29/4 swapped
    (D(2024, 5, 4), D(2024, 5, 4), True, Source.DECISION, "2450/VPCP-KGVX"),         # worked Sat 04/05
    (D(2024, 8, 31), D(2024, 9, 3), False, Source.DECISION, "5015/TB-LĐTBXH"),       # National Day 2024
    (D(2024, 4, 18), D(2024, 4, 18), False, Source.LAW, ""),                         # Hùng Kings 2024
    (D(2025, 1, 25), D(2025, 2, 2), False, Source.DECISION, "8726/VPCP-KGVX"),       # Tết 2025
    (D(2025, 4, 7), D(2025, 4, 7), False, Source.LAW, ""),                           # Hùng Kings 2025
    (D(2025, 4, 30), D(2025, 5, 4), False, Source.DECISION, "8726/VPCP-KGVX"),       # 30/4 2025, Fri 2/5 swapped
    (D(2025, 4, 26), D(2025, 4, 26), True, Source.DECISION, "8726/VPCP-KGVX"),       # worked Sat 26/04
    (D(2025, 8, 30), D(2025, 9, 2), False, Source.DECISION, "8726/VPCP-KGVX"),       # National Day 2025
    (D(2026, 1, 1), D(2026, 1, 4), False, Source.DECISION, "12729/VPCP-KGVX"),       # New Year 2026
    (D(2026, 1, 10), D(2026, 1, 10), True, Source.DECISION, "12729/VPCP-KGVX"),      # worked Sat 10/01
    (D(2026, 2, 14), D(2026, 2, 22), False, Source.DECISION, "13/10/2025"),          # Tết 2026
    (D(2026, 4, 26), D(2026, 4, 27), False, Source.LAW, ""),                         # Hùng Kings + substitute
    (D(2026, 4, 30), D(2026, 5, 1), False, Source.LAW, ""),                          # 30/4–1/5 2026
    (D(2026, 8, 29), D(2026, 9, 2), False, Source.DECISION, "13/10/2025"),           # National Day 2026
    (D(2026, 8, 22), D(2026, 8, 22), True, Source.DECISION, "13/10/2025"),           # worked Sat 22/08
]


@pytest.mark.parametrize("first, last, working, source, reference", ANNOUNCED,
                         ids=[f"{c[0]:%d/%m/%Y}" for c in ANNOUNCED])
def test_announced_days_come_from_their_decision(cal, first, last, working, source, reference):
    day = first
    while day <= last:
        info = cal.day_info(day)
        assert info.working is working, day
        listed = {d.day: d for d in cal.special_days(day.year)}
        assert listed[day].source is source, day
        assert reference in listed[day].reference, (day, listed[day].reference)
        day += dt.timedelta(days=1)


def test_the_shipped_file_holds_the_2026_new_year_swap():
    decision = shipped().for_year(2026)[Occasion.NEW_YEAR]
    assert decision.official and decision.reference.number == "12729/VPCP-KGVX"
    assert decision.reference.date == D(2025, 12, 25)
    assert [d for d, _ in decision.make_up_days] == [D(2026, 1, 10)]


def test_due_dates_across_the_2026_new_year(cal):
    assert cal.due_after_days(T(2025, 12, 31, 10, 0), 1) == T(2026, 1, 5, 17, 0)   # Mon 05/01
    assert cal.due_after_days(T(2026, 1, 9, 10, 0), 1) == T(2026, 1, 10, 17, 0)    # Sat 10/01, worked


def test_2027_tet_is_provisional_and_flagged_from_1_november(cal):
    tet = [d for d in cal.special_days(2027) if d.occasion is Occasion.TET]
    assert tet and all(d.source is Source.PROVISIONAL for d in tet)
    assert D(2027, 2, 8) in {d.day for d in tet}
    assert not cal.tet_decided(2027) and cal.tet_decided(2026)
    assert cal.undecided_tet_notice(D(2026, 10, 31)) == ""
    assert "Tết Nguyên Đán 2027" in cal.undecided_tet_notice(D(2026, 11, 1))
    # A due date across it says so in the receive form.
    preview = preview_due(cal, T(2027, 2, 3, 9, 0), ProcessingTime(3))
    assert preview.provisional_note == "Hạn trả tính theo lịch nghỉ Tết Nguyên Đán 2027 dự kiến"
    assert preview_due(cal, T(2026, 3, 3, 9, 0), ProcessingTime(3)).provisional_note == ""


BAD_FILES = [
    ("{", "không phải JSON"),
    ('{"decisions": []}', "không có quyết định"),
    ('{"decisions": [{"year": 2027, "occasion": "tet", "status": "official", "reference": {"issuer": "VPCP", '
     '"date": "2026-10-01"}, "days_off": ["2027-02-30"]}]}', "không hợp lệ"),
    ('{"decisions": [{"year": 2027, "occasion": "le-hoi", "status": "official", "reference": {"issuer": "VPCP", '
     '"date": "2026-10-01"}, "days_off": ["2027-02-08"]}]}', "dịp"),
    ('{"decisions": [{"year": 2027, "occasion": "tet", "status": "official", "reference": {"date": "2026-10-01"},'
     ' "days_off": ["2027-02-08"]}]}', "issuer"),
    ('{"decisions": [{"year": 2027, "occasion": "tet", "status": "official", "reference": {"issuer": "VPCP", '
     '"date": "2026-10-01"}, "days_off": ["2027-02-08"], "make_up_days": ["2027-02-09"]}]}', "thứ Bảy"),
]


@pytest.mark.parametrize("text, fragment", BAD_FILES)
def test_a_bad_decisions_file_is_refused_whole(text, fragment):
    with pytest.raises(ValidationError, match=fragment):
        parse_decisions(text)


TET_2027 = json.dumps({"format": 1, "decisions": [{
    "year": 2027, "occasion": "tet", "name": "Tết Nguyên Đán", "status": "official",
    "reference": {"number": "999/VPCP-KGVX", "date": "2026-11-26", "issuer": "Văn phòng Chính phủ"},
    "days_off": [f"2027-02-{d:02d}" for d in range(5, 15)], "make_up_days": []}]}, ensure_ascii=False)


@pytest.fixture
def admin_ctx(Session, clock, catalog):
    with Session.begin() as session:
        admin = ensure_user(session, "quantri", "Quản trị", role="admin")

    def build(now=None):
        with Session() as session:
            return load_context(session, FixedClock(now) if now else clock, admin)
    return build


def test_loading_a_decisions_file_fixes_tet_2027_and_survives_a_restart(Session, admin_ctx):
    with Session.begin() as session:
        impact = calendar_changes.load_decisions(session, admin_ctx(), TET_2027)
    # 04/02 was computed off and is now a working day; 11/02–14/02 are now off.
    changed = {c.day: c.after.working for c in impact.changes}
    assert changed[D(2027, 2, 4)] is True and changed[D(2027, 2, 12)] is False
    cal = admin_ctx().calendar  # a fresh context reads the file kept in the register
    assert cal.tet_decided(2027)
    info = cal.day_info(D(2027, 2, 12))
    assert info.source is Source.DECISION and "999/VPCP-KGVX" in info.reference and not info.working
    assert cal.day_info(D(2026, 1, 2)).source is Source.DECISION  # the shipped decisions stay


def test_a_bad_file_changes_nothing(Session, admin_ctx):
    before = admin_ctx().calendar
    with pytest.raises(ValidationError):
        with Session.begin() as session:
            calendar_changes.load_decisions(session, admin_ctx(), TET_2027.replace("2027-02-05", "2027-13-05"))
    with Session() as session:
        assert session.get(Setting, "calendar.decisions") is None
    assert admin_ctx().calendar is before and not before.tet_decided(2027)


def test_only_an_administrator_loads_or_confirms(Session, make_ctx):
    with pytest.raises(PermissionDenied):
        with Session.begin() as session:
            calendar_changes.load_decisions(session, make_ctx(), TET_2027)


def receive(Session, ctx, received_at, code="P3"):
    with Session.begin() as session:
        return dossiers.receive(session, ctx, NewDossier(procedure_code=code, applicant_name="Trần Thị Bình",
                                                         received_at=received_at))


def test_confirming_24_11_lists_and_moves_only_the_dossiers_not_yet_promised_on_paper(Session, admin_ctx):
    # The test office confirmed 24/11/2026 off (conftest); take that back to the unconfirmed state first.
    with Session.begin() as session:
        calendar_changes.change_day(session, admin_ctx(), D(2026, 11, 24), None)
    now = T(2026, 11, 23, 14, 0)  # Mon 23/11
    ctx = admin_ctx(now)
    assert ctx.calendar.is_working_day(D(2026, 11, 24))
    earlier = receive(Session, ctx, T(2026, 11, 20, 9, 0))   # Fri 20/11 + 3: Mon 23, Tue 24, Wed 25
    on_the_day = receive(Session, ctx, T(2026, 11, 19, 9, 0))  # Thu 19/11 + 3: Fri 20, Mon 23, Tue 24
    today = receive(Session, ctx, T(2026, 11, 23, 10, 0))   # Mon 23/11 + 3: Tue 24, Wed 25, Thu 26
    assert earlier.due_at == T(2026, 11, 25, 17, 0) and today.due_at == T(2026, 11, 26, 17, 0)
    assert on_the_day.due_at == T(2026, 11, 24, 17, 0)

    with Session() as session:
        impact = calendar_changes.preview_day(session, admin_ctx(now), D(2026, 11, 24), False, "NQ sửa Điều 112")
    by_code = {d.code: d for d in impact.dossiers}
    assert set(by_code) == {earlier.code, on_the_day.code, today.code}
    assert by_code[today.code].recompute and by_code[today.code].new_slip
    assert by_code[today.code].new_due_at == T(2026, 11, 27, 17, 0)
    assert not by_code[earlier.code].recompute and by_code[earlier.code].new_due_at == T(2026, 11, 26, 17, 0)
    assert by_code[on_the_day.code].due_on_day_off and not by_code[on_the_day.code].recompute

    with Session.begin() as session:
        done = calendar_changes.confirm_day(session, admin_ctx(now), D(2026, 11, 24), False, "NQ sửa Điều 112")
    assert done.applied and "tính lại" in done.summary()
    with Session() as session:
        due = dict(session.execute(select(Dossier.code, Dossier.due_at)).all())
        promised = session.scalar(select(Dossier.original_due_at).where(Dossier.code == today.code))
        override = session.scalar(select(CalendarOverride).where(CalendarOverride.day == D(2026, 11, 24)))
        events = session.scalars(select(DossierEvent.note).where(DossierEvent.dossier_id == today.id,
                                                                 DossierEvent.kind == "due")).all()
    assert due[today.code] == T(2026, 11, 27, 17, 0) and promised == T(2026, 11, 27, 17, 0)
    assert due[earlier.code] == T(2026, 11, 25, 17, 0)        # promised on paper: kept
    assert due[on_the_day.code] == T(2026, 11, 24, 17, 0)      # kept, flagged as falling on a day off
    # The stored apology deadlines follow the new calendar, for the moved promise and the kept ones alike.
    with Session() as session:
        apology = dict(session.execute(select(Dossier.code, Dossier.apology_deadline_at)).all())
    assert apology[today.code] == T(2026, 11, 26, 17, 0)
    assert apology[earlier.code] == T(2026, 11, 23, 17, 0)  # was Tue 24/11, now a day off
    assert override.working is False and override.note.startswith("Ngày Văn hóa Việt Nam: NQ sửa Điều 112")
    assert events and "in lại giấy tiếp nhận" in events[0]
    assert admin_ctx(now).calendar.day_info(D(2026, 11, 24)).source is Source.OFFICE


def test_confirm_refuses_a_day_that_is_not_unconfirmed(Session, admin_ctx):
    with pytest.raises(ValidationError, match="không phải ngày chưa xác nhận"):
        with Session.begin() as session:
            calendar_changes.confirm_day(session, admin_ctx(), D(2026, 9, 2), True, "x")


def test_the_test_office_has_confirmed_the_culture_day(make_ctx):
    info = make_ctx().calendar.day_info(D(2026, 11, 24))
    assert info.source is Source.OFFICE and info.reference == CULTURE_DAY_NOTE and not info.working


def test_the_today_page_gets_the_undecided_tet_notice_from_1_november(Session, admin_ctx):
    from app import today

    with Session() as session:
        before = today.summary(session, admin_ctx(T(2026, 10, 30, 9, 0)))
        after = today.summary(session, admin_ctx(T(2026, 11, 25, 9, 0)))
    assert before.calendar_notice == ""
    assert "Tết Nguyên Đán 2027" in after.calendar_notice and "dự kiến" in after.calendar_notice
    with Session.begin() as session:
        calendar_changes.load_decisions(session, admin_ctx(), TET_2027)
    with Session() as session:
        assert today.summary(session, admin_ctx(T(2026, 11, 25, 9, 0))).calendar_notice == ""

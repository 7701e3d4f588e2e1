"""Digitization compliance on a register built by hand, with every expected figure worked out below.

Now is Wed 25/11/2026 09:00; the period is 01/11/2026–25/11/2026.

    id  unit  proc (field)       channel    received  state, finished        comp res  id   reuse  letter  officer
    A   TP    P3 (Hộ tịch)       in_person  02/11     result ready 05/11     ✓    ✓    ✓    store         Lan
    B   TP    P3 (Hộ tịch)       online     03/11     returned     06/11     ✓    ✗    ✗                  Lan
    C   TP    P0 (Chứng thực)    in_person  04/11     result ready 04/11     ✗    ✓    ✓    national      Lan
    D   TP    P3 (Hộ tịch)       in_person  10/11     processing             ✓    ✗    ✓                  Minh
    E   DD    D10 (Đất đai)      postal     02/11     result ready 20/11     ✓    ✓    ✓                  Minh
    F   DD    D10 (Đất đai)      in_person  05/11     withdrawn    09/11     ✓    ✗    ✓           ✗      Minh
    G   DD    D10 (Đất đai)      in_person  20/10     result ready 03/11     ✓    ✓    ✗                  Lan
    H   DD    D10 (Đất đai)      in_person  15/10     result ready 20/10     ✗    ✗    ✗                  Lan
"""

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from app import digitization, dossiers
from app.catalog import ensure_procedure, ensure_user
from app.context import load_context
from app.digitization_rules import RULES, missing, required_flags
from app.dossiers import NewDossier
from app.errors import StaleDataError, ValidationError
from app.lifecycle import Status
from app.measures import Period, percent, percent_text
from app.settings import save_setting
from db.models import Dossier, DossierEvent

D = dt.datetime
NOVEMBER = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 25))


def add(Session, ctx, procedure, channel, received, status=Status.PROCESSING, finished=None, officer=None, **flags):
    with Session.begin() as session:
        view = dossiers.receive(session, ctx, NewDossier(procedure, "Nguyễn Văn An", channel=channel,
                                                         received_at=received))
        values = {"status": int(status), "finished_at": finished,
                  "digitized_components": False, **flags}
        if officer:
            values["officer_id"] = officer
        session.execute(update(Dossier).where(Dossier.id == view.id).values(**values))
    return view.id


@pytest.fixture
def register(Session, make_ctx, catalog):
    ctx = make_ctx()
    with Session.begin() as session:
        minh = ensure_user(session, "minh.lv", "Lê Văn Minh")
    lan = catalog["user_id"]
    ids = {
        "A": add(Session, ctx, "P3", "in_person", D(2026, 11, 2, 8), Status.RESULT_READY, D(2026, 11, 5, 10), lan,
                 digitized_components=True, digitized_result=True, identity_checked=True, reused_from_store=True),
        "B": add(Session, ctx, "P3", "online", D(2026, 11, 3, 8), Status.RETURNED, D(2026, 11, 6, 10), lan,
                 digitized_components=True),
        "C": add(Session, ctx, "P0", "in_person", D(2026, 11, 4, 8), Status.RESULT_READY, D(2026, 11, 4, 16), lan,
                 digitized_result=True, identity_checked=True, taken_from_national_store=True),
        "D": add(Session, ctx, "P3", "in_person", D(2026, 11, 10, 8), Status.PROCESSING, None, minh,
                 digitized_components=True, identity_checked=True),
        "E": add(Session, ctx, "D10", "postal", D(2026, 11, 2, 8), Status.RESULT_READY, D(2026, 11, 20, 10), minh,
                 digitized_components=True, digitized_result=True, identity_checked=True),
        "F": add(Session, ctx, "D10", "in_person", D(2026, 11, 5, 8), Status.WITHDRAWN, D(2026, 11, 9, 10), minh,
                 digitized_components=True, identity_checked=True),
        "G": add(Session, ctx, "D10", "in_person", D(2026, 10, 20, 8), Status.RESULT_READY, D(2026, 11, 3, 10), lan,
                 digitized_components=True, digitized_result=True),
        "H": add(Session, ctx, "D10", "in_person", D(2026, 10, 15, 8), Status.RESULT_READY, D(2026, 10, 20, 10), lan),
    }
    return {"ids": ids, "lan": lan, "minh": minh, "ctx": ctx}


def test_rounding_is_half_up_to_one_decimal():
    assert percent(3, 7) == Decimal("42.9")           # DOMAIN §8: 7 dossiers, 3 online → 42.9%
    assert percent(3606, 9044) == Decimal("39.9")     # 39.87…
    assert percent(1, 16) == Decimal("6.3")           # 6.25 rounds up, not to even
    assert percent(150, 155) == Decimal("96.8")
    assert percent(0, 0) is None
    assert percent_text(Decimal("42.9")) == "42,9 %" and percent_text(None) == "—"


def test_rates_per_unit_against_the_target(Session, register, catalog):
    with Session() as session:
        report = digitization.rates(session, register["ctx"], NOVEMBER, "unit")
    rows = {row.name: row for row in report.rows}
    tp, dd = rows["Phòng Tư pháp - Hộ tịch"], rows["Bộ phận Địa chính - Đất đai"]
    # TP handled (result in November): A, B, C = 3; both digitized: A → 1/3 = 33.3%
    assert (tp.handled, tp.digitized, tp.digitization_rate) == (3, 1, Decimal("33.3"))
    # TP received in November: A, B, C, D = 4; identity A, C, D = 3 → 75.0%; reuse A (store) + C (national) → 50.0%
    assert (tp.received, tp.identity_checked, tp.identity_rate, tp.reused, tp.reuse_rate) == (4, 3, 75.0, 2, 50.0)
    # DD handled: E and G (received in October, finished 03/11); F withdrew (no result), H finished in October
    assert (dd.handled, dd.digitized, dd.digitization_rate) == (2, 2, 100.0)
    # DD received in November: E, F → identity 2/2, reuse 0/2
    assert (dd.received, dd.identity_rate, dd.reuse_rate) == (2, 100.0, 0.0)
    # Office: 3/5 = 60.0%; identity 5/6 = 83.3%; reuse 2/6 = 33.3%
    total = report.total
    assert (total.digitization_rate, total.identity_rate, total.reuse_rate) == (60.0, Decimal("83.3"), Decimal("33.3"))
    assert report.target == 80
    assert report.meets_target(tp) is False and report.meets_target(dd) is True


def test_rates_follow_the_target_setting_and_group_by_field_and_officer(Session, register):
    with Session.begin() as session:
        save_setting(session, "digitization_target", 30)
    with Session() as session:
        ctx = load_context(session, register["ctx"].clock)
        by_field = digitization.rates(session, ctx, NOVEMBER, "field")
        by_officer = digitization.rates(session, ctx, NOVEMBER, "officer")
    fields = {row.name: row.digitization_rate for row in by_field.rows}
    # Hộ tịch: A ✓, B ✗ → 50.0%; Chứng thực: C ✗ → 0.0%; Đất đai: E ✓, G ✓ → 100.0%
    assert fields == {"Chứng thực": 0.0, "Hộ tịch": 50.0, "Đất đai": 100.0}
    assert by_field.target == 30 and by_field.meets_target(by_field.rows[0]) is False
    officers = {row.name: row for row in by_officer.rows}
    # Lan handled A, B, C, G → digitized A, G = 2/4 = 50.0%; received A, B, C → identity A, C = 66.7%
    lan = officers["Nguyễn Thị Lan"]
    assert (lan.handled, lan.digitized, lan.digitization_rate, lan.identity_rate) == (4, 2, 50.0, Decimal("66.7"))
    # Minh handled E → 1/1; received D, E, F → identity 3/3
    minh = officers["Lê Văn Minh"]
    assert (minh.digitization_rate, minh.identity_rate) == (100.0, 100.0)


def test_weekly_trend_counts_every_week_of_the_period(Session, register, catalog):
    with Session() as session:
        points = digitization.weekly_trend(session, NOVEMBER)
    # 01/11 is a Sunday: its week starts Monday 26/10. Week of 02/11: C (04), G (03), A (05), B (06) → A, G = 2/4;
    # week of 09/11: F withdrew (no result) → nothing; week of 16/11: E → 1/1.
    assert [(p.week_start, p.handled, p.digitized, p.rate) for p in points] == [
        (dt.date(2026, 10, 26), 0, 0, None),
        (dt.date(2026, 11, 2), 4, 2, 50.0),
        (dt.date(2026, 11, 9), 0, 0, None),
        (dt.date(2026, 11, 16), 1, 1, 100.0),
        (dt.date(2026, 11, 23), 0, 0, None),
    ]
    with Session() as session:
        dd_only = digitization.weekly_trend(session, NOVEMBER, unit_id=catalog["units"]["DD"])
    # Đất đai alone: G (03/11) and E (20/11)
    assert [(p.handled, p.digitized) for p in dd_only] == [(0, 0), (1, 1), (0, 0), (1, 1), (0, 0)]


def test_gap_counts_by_cause(Session, register):
    with Session() as session:
        counts = digitization.gap_counts(session, register["ctx"], NOVEMBER.start, NOVEMBER.end)
    # In scope (received or finished in November): A–G; H is all October.
    # components: paper dossiers not scanned → C; result: B; identity: B, G; request letter: F (withdrawn)
    assert counts.by_rule == {"components": 1, "result": 1, "identity": 2, "request_letter": 1}
    assert counts.dossiers == 4  # B, C, F, G
    with Session() as session:
        # Default period: the month to date, the same here.
        assert digitization.gap_counts(session, register["ctx"]).by_rule == counts.by_rule
        october = digitization.gap_counts(session, register["ctx"], dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    # October: G (received 20/10: identity) and H (components, result, identity)
    assert october.by_rule == {"components": 1, "result": 1, "identity": 2, "request_letter": 0}


def test_gap_list_filters_and_explains(Session, register, catalog):
    ids = register["ids"]
    with Session() as session:
        listed = digitization.gap_list(session, register["ctx"], NOVEMBER.start, NOVEMBER.end)
        identity = digitization.gap_list(session, register["ctx"], NOVEMBER.start, NOVEMBER.end, cause="identity")
        dd = digitization.gap_list(session, register["ctx"], NOVEMBER.start, NOVEMBER.end,
                                   unit_id=catalog["units"]["DD"])
        with pytest.raises(ValidationError, match="Không có nguyên nhân"):
            digitization.gap_list(session, register["ctx"], cause="scan")
    # newest received first: F (05/11), C (04/11), B (03/11), G (20/10)
    assert [r.id for r in listed.rows] == [ids["F"], ids["C"], ids["B"], ids["G"]] and listed.total == 4
    b = next(r for r in listed.rows if r.id == ids["B"])
    assert b.missing == ("result", "identity")
    assert b.sentences == ["Hồ sơ đã có kết quả nhưng chưa số hóa kết quả giải quyết",
                           "Chưa xác thực định danh điện tử (VNeID) của người nộp khi tiếp nhận"]
    assert {r.id for r in identity.rows} == {ids["B"], ids["G"]}
    assert {r.id for r in dd.rows} == {ids["F"], ids["G"]}


def test_rules_per_channel_and_status():
    # An online dossier arrives digital; an in-person one needs scanning; finishing needs the result.
    assert required_flags("online", Status.PROCESSING) == ["identity_checked"]
    assert required_flags("in_person", Status.PROCESSING) == ["digitized_components", "identity_checked"]
    assert required_flags("postal", Status.RETURNED) == ["digitized_components", "digitized_result",
                                                         "identity_checked"]
    assert required_flags("in_person", Status.STOPPED) == ["digitized_components", "identity_checked",
                                                           "request_letter_attached"]
    assert required_flags("in_person", Status.REFUSED) == ["identity_checked", "request_letter_attached"]
    assert required_flags("online", Status.REGISTERED) == []
    gaps = missing("in_person", Status.PROCESSING, {"identity_checked": True})
    assert [r.sentence for r in gaps] == ["Hồ sơ nộp trực tiếp hoặc qua bưu chính chưa số hóa thành phần hồ sơ"]
    assert all(r.sentence and r.short for r in RULES)


def test_one_dossier_compliance_and_who_set_the_flags(Session, register, clock):
    ids = register["ids"]
    ctx = register["ctx"]
    with Session() as session:
        before = digitization.compliance(session, ids["B"])
        version = session.get(Dossier, ids["B"]).version
    assert not before.compliant and [r.key for r in before.missing] == ["result", "identity"]
    with Session.begin() as session:
        view = digitization.set_flags(session, ctx, ids["B"], {"digitized_result": True, "identity_checked": True},
                                      expected_version=version)
    assert view.digitized_result and view.identity_checked
    with Session() as session:
        after = digitization.compliance(session, ids["B"])
        stamps = digitization.flag_stamps(session, ids["B"])
    assert after.compliant and after.sentences == []
    assert stamps["digitized_result"].user == "Nguyễn Thị Lan" and stamps["digitized_result"].at == clock.now()
    assert stamps["identity_checked"].value is True
    # B is online: the components flag came with the dossier
    assert stamps["digitized_components"].note == "nộp trực tuyến"
    # a stale screen changes nothing
    with Session.begin() as session, pytest.raises(StaleDataError):
        digitization.set_flags(session, ctx, ids["B"], {"reused_from_store": True}, expected_version=version)
    with Session.begin() as session, pytest.raises(ValidationError, match="Không phải mục kiểm tra số hóa"):
        digitization.set_flags(session, ctx, ids["B"], {"notes": "x"}, expected_version=None)
    with Session.begin() as session, pytest.raises(ValidationError, match="chỉ nhận có hoặc không"):
        digitization.set_flags(session, ctx, ids["B"], {"identity_checked": "yes"}, expected_version=None)
    with Session() as session:
        assert session.get(Dossier, ids["B"]).reused_from_store is False


def test_period_must_run_forwards():
    with pytest.raises(ValidationError, match="không được trước ngày đầu kỳ"):
        Period(dt.date(2026, 11, 25), dt.date(2026, 11, 1))


def test_unknown_grouping_is_refused(Session, register):
    with Session() as session, pytest.raises(ValidationError, match="Không có cách nhóm “ward”"):
        digitization.rates(session, register["ctx"], NOVEMBER, "ward")


# ---------------------------------------------------------------- the finishing guard

def _new(Session, ctx, procedure="P3"):
    with Session.begin() as session:
        return dossiers.receive(session, ctx, NewDossier(procedure, "Trần Thị Bích", received_at=D(2026, 11, 23, 8)))


def _finish(Session, ctx, view):
    with Session.begin() as session:
        return dossiers.change_status(session, ctx, view.id, Status.RESULT_READY, expected_version=view.version,
                                      at=D(2026, 11, 25, 8, 30))


def _events(Session, dossier_id):
    with Session() as session:
        return session.execute(select(DossierEvent.kind, DossierEvent.note)
                               .where(DossierEvent.dossier_id == dossier_id).order_by(DossierEvent.id)).all()


def test_finishing_a_paper_result_without_digitizing_it_is_refused(Session, make_ctx):
    ctx = make_ctx()
    view = _new(Session, ctx)
    with pytest.raises(ValidationError, match="phải số hóa kết quả"):
        _finish(Session, ctx, view)
    with Session() as session:
        stored = session.get(Dossier, view.id)
        assert stored.status == Status.ACCEPTED and stored.finished_at is None
        assert digitization.finish_check(session, ctx, view.id) is not None
    assert [kind for kind, _ in _events(Session, view.id)] == ["receive"]
    with Session.begin() as session:
        view = digitization.set_flags(session, ctx, view.id, {"digitized_result": True}, expected_version=view.version)
    done = _finish(Session, ctx, view)
    assert done.status is Status.RESULT_READY


def test_finishing_without_digitizing_is_only_warned_when_the_office_says_so(Session, make_ctx):
    with Session.begin() as session:
        save_setting(session, "paper_result_guard", "warn")
    ctx = make_ctx()
    assert ctx.settings.paper_result_guard == "warn"
    view = _new(Session, ctx)
    done = _finish(Session, ctx, view)
    assert done.status is Status.RESULT_READY
    assert ("warning", "Kết thúc hồ sơ khi kết quả giấy chưa được số hóa") in _events(Session, view.id)


def test_an_electronic_result_does_not_need_the_paper_guard(Session, make_ctx):
    with Session.begin() as session:
        ensure_procedure(session, "E1", "Cấp bản sao điện tử", "Hộ tịch", 1, "day", "full", result_on_paper=False)
    ctx = make_ctx()
    view = _new(Session, ctx, "E1")
    assert _finish(Session, ctx, view).status is Status.RESULT_READY


def test_the_guard_setting_is_checked(Session):
    with Session.begin() as session, pytest.raises(ValidationError, match="refuse, warn"):
        save_setting(session, "paper_result_guard", "ignore")

"""An office keeps itself right: settings, office information and units, checked, permitted and audited."""

import datetime as dt
import json

import pytest
from sqlalchemy import select

from app import administration, audit, dossiers, units
from app.catalog import ensure_user, get_office
from app.context import load_context
from app.dossiers import NewDossier
from app.errors import NotFoundError, ValidationError
from app.issuer import issuer_for_unit
from app.permissions import PermissionDenied
from app.settings import Settings, load_settings
from db.models import AuditEvent, Dossier, Procedure, Setting, Unit


@pytest.fixture
def admin_ctx(Session, clock, catalog):
    with Session.begin() as session:
        admin = ensure_user(session, "quantri", "Nguyễn Văn Quản", role="admin")
    with Session() as session:
        return load_context(session, clock, admin)


def act(Session, ctx, action, *args, **kwargs):
    with Session.begin() as session:
        return action(session, load_context(session, ctx.clock, ctx.user_id), *args, **kwargs)


def stored_settings(Session):
    with Session() as session:
        return dict(session.execute(select(Setting.key, Setting.value)).all())


@pytest.mark.parametrize("key, value, fragment", [
    ("smtp_port", "70000", "1–65535"),
    ("smtp_sender", "motcua@", "không hợp lệ"),
    ("smtp_recipient", "vp@dongnai.gov.vn, sai dia chi", "“sai dia chi” không hợp lệ"),
    ("khong_co", "1", "Không có thiết lập “khong_co”"),
    ("cutoff", "25:00", "Giờ không hợp lệ"),
    ("report_folder", "/khong/co/thu-muc-nay", "không tồn tại"),
    ("alert_hours", "07:00-11:00,13:00-17:00", "Chỉ một khoảng giờ"),
    ("smtp_host", "smtp dongnai", "không hợp lệ"),
])
def test_bad_settings_are_refused_in_one_line_and_change_nothing(Session, admin_ctx, key, value, fragment):
    with pytest.raises(ValidationError) as error:
        act(Session, admin_ctx, administration.change_settings, {"smtp_host": "mail.dongnai.gov.vn", key: value})
    assert fragment in str(error.value) and "\n" not in str(error.value)
    assert stored_settings(Session) == {}


def test_a_folder_that_cannot_be_written_is_refused(Session, admin_ctx, tmp_path, monkeypatch):
    folder = tmp_path / "chi-doc"
    folder.mkdir()

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr("app.files.temporary_beside", refuse)   # the one writable-folder check writes a file
    with pytest.raises(ValidationError, match="Không ghi được vào thư mục"):
        act(Session, admin_ctx, administration.change_setting, "report_folder", str(folder))


def test_settings_changes_are_permitted_to_administrators_and_audited_old_to_new(Session, admin_ctx, make_ctx,
                                                                                   tmp_path_factory):
    folder = tmp_path_factory.mktemp("bao cao")
    with pytest.raises(PermissionDenied, match="không có quyền sửa thông tin cơ quan và thiết lập"):
        act(Session, make_ctx(), administration.change_setting, "smtp_port", 25)
    act(Session, admin_ctx, administration.change_setting, "smtp_port", "2525")
    act(Session, admin_ctx, administration.change_setting, "smtp_port", "465")
    act(Session, admin_ctx, administration.change_setting, "report_folder", str(folder))
    assert list(folder.iterdir()) == []   # the trial file is gone
    with Session() as session:
        settings = load_settings(session)
        rows = audit.history(session)
    assert (settings.smtp_port, settings.report_folder) == (465, str(folder))
    port = [row for row in rows if row.what == "Thiết lập Cổng SMTP"]
    assert [row.changes for row in port] == ["Giá trị: 2525 → 465", "Giá trị: 587 → 2525"]
    assert {row.user for row in port} == {"Nguyễn Văn Quản"}
    assert any(row.changes == f"Giá trị: (trống) → {folder}" for row in rows)


def test_office_information_is_checked_and_audited(Session, admin_ctx):
    with pytest.raises(ValidationError, match="Địa chỉ thư điện tử “motcua.tranbien” không hợp lệ"):
        act(Session, admin_ctx, administration.change_office, name="Trung tâm mới", email="motcua.tranbien")
    with pytest.raises(ValidationError, match="Tên cơ quan không được để trống"):
        act(Session, admin_ctx, administration.change_office, name="  ")
    with pytest.raises(ValidationError, match="Ký hiệu “PXL/TT”"):
        act(Session, admin_ctx, administration.change_office, letter_symbol="PXL/TT")
    with Session() as session:
        assert get_office(session).name == "Bộ phận Một cửa phường Trần Biên"
    info = act(Session, admin_ctx, administration.change_office, name="Trung tâm Phục vụ hành chính công phường",
               email="motcua@tranbien.gov.vn", phone="0251 3822 123", letter_symbol="TTPVHCC")
    assert (info.name, info.phone, info.letter_symbol) == ("Trung tâm Phục vụ hành chính công phường",
                                                          "0251 3822 123", "TTPVHCC")
    with Session() as session:
        row = next(r for r in audit.history(session) if r.what.startswith("Thông tin cơ quan"))
    assert "Tên cơ quan: Bộ phận Một cửa phường Trần Biên → Trung tâm Phục vụ hành chính công phường" in row.changes
    assert "Thư điện tử: motcua@tranbien.gov.vn" in row.changes


def test_units_are_found_by_folded_name_and_an_ambiguous_name_lists_the_candidates(Session, admin_ctx):
    act(Session, admin_ctx, units.add_unit, "Ủy ban nhân dân xã Phú Hòa")
    act(Session, admin_ctx, units.add_unit, "UBND xã Phú Lâm")
    with Session() as session:
        phu_hoa = units.find_unit(session, "ubnd  xa phu hoa")
        assert session.get(Unit, phu_hoa).name == "Ủy ban nhân dân xã Phú Hòa"
        assert units.find_unit(session, "phong tu phap – ho tich") == units.find_unit(session, "TP")
        with pytest.raises(ValidationError) as error:
            units.find_unit(session, "UBND xã Phú")
        assert "khớp 2 đơn vị" in str(error.value) and "“UBND xã Phú Lâm”" in str(error.value)
        with pytest.raises(NotFoundError, match="Không có đơn vị nào tên “Phòng Kinh tế”"):
            units.find_unit(session, "Phòng Kinh tế")
    with pytest.raises(ValidationError, match="Đã có đơn vị “UBND xã Phú Lâm”"):
        act(Session, admin_ctx, units.add_unit, "Uỷ ban nhân dân xã Phú Lâm")


def test_two_units_sign_their_own_letters_after_unit_set(Session, admin_ctx, catalog):
    tp, dd = catalog["units"]["TP"], catalog["units"]["DD"]
    act(Session, admin_ctx, units.set_unit, tp, full_name="PHÒNG TƯ PHÁP - HỘ TỊCH", parent_agency="UBND phường",
        head_title="TRƯỞNG PHÒNG", head_name="Trần Văn Bình", letter_symbol="TP")
    view = act(Session, admin_ctx, units.set_unit, dd, full_name="BỘ PHẬN ĐỊA CHÍNH", parent_agency="UBND phường",
               head_title="PHÓ CHỦ TỊCH", head_name="Lê Thị Mai", name=None)
    assert view.issues_own_letters and view.name == "Bộ phận Địa chính - Đất đai"
    with Session() as session:
        assert issuer_for_unit(session, tp).head_name == "Trần Văn Bình"
        assert issuer_for_unit(session, dd).head_title == "PHÓ CHỦ TỊCH"
        events = [r for r in audit.history(session) if r.what.startswith("Đơn vị")]
    assert any("Thủ trưởng: Trần Văn Bình" in r.changes for r in events)
    with pytest.raises(ValidationError, match="Tên đơn vị quá dài"):
        act(Session, admin_ctx, units.set_unit, tp, name="x" * 301)


def test_merging_a_duplicate_moves_its_dossiers_and_procedures_in_one_audited_transaction(Session, admin_ctx,
                                                                                        catalog):
    tp = catalog["units"]["TP"]
    dup = act(Session, admin_ctx, units.add_unit, "Phòng Tư pháp (nhập từ tệp)", code="TP-NHAP").id
    with Session.begin() as session:
        session.get(Procedure, session.scalar(select(Procedure.id).where(Procedure.code == "P0"))).unit_id = dup
    for name in ("Đặng Văn Đức", "Lê Thị Hoa"):
        act(Session, admin_ctx, dossiers.receive, NewDossier("P0", name, "079203001234",
                                                            received_at=dt.datetime(2026, 11, 24, 9)))
    with pytest.raises(ValidationError, match="còn 1 thủ tục"):
        act(Session, admin_ctx, units.retire_unit, dup)
    with Session() as session:
        before = session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1))
    result = act(Session, admin_ctx, units.merge_units, dup, tp)
    assert (result.dossiers, result.procedures) == (2, 1)
    with Session() as session:
        assert set(session.scalars(select(Dossier.unit_id))) == {tp}
        source = session.get(Unit, dup)
        assert (source.active, source.merged_into_id) == (False, tp)
        events = session.scalars(select(AuditEvent).where(AuditEvent.id > before)).all()
        assert {(e.table_name, e.action) for e in events} >= {("dossiers", "update"),
                                                              ("procedures", "update"), ("units", "update")}
        # the bulk UPDATE is recorded row by row, old → new, so audit verify --deep can replay it
        moved = [json.loads(e.changes)["unit_id"] for e in events if e.table_name == "dossiers"]
        assert moved == [[dup, tp], [dup, tp]]
        assert len({e.at for e in events}) == 1 and audit.verify_chain(session).intact
        listed = {u.id: u for u in units.list_units(session)}
        words = {(r.what, r.action, r.changes) for r in audit.history(session) if r.id > before}
    # each moved row reads as the move it was, by the units' names (app/audit_words.py)
    moved_words = "Đơn vị giải quyết: Phòng Tư pháp (nhập từ tệp) → Phòng Tư pháp - Hộ tịch"
    assert sum(1 for what, action, changes in words
               if what.startswith("Hồ sơ 000.") and action == "Sửa" and changes == moved_words) == 2
    assert any(what.startswith("Thủ tục") and action == "Sửa" and changes == moved_words
               for what, action, changes in words), words
    assert listed[dup].merged_into == "Phòng Tư pháp - Hộ tịch" and listed[tp].dossiers == 2
    with pytest.raises(ValidationError, match="đã được gộp"):
        act(Session, admin_ctx, units.merge_units, dup, tp)
    with pytest.raises(ValidationError, match="vào chính nó"):
        act(Session, admin_ctx, units.merge_units, tp, tp)


def test_nothing_changes_for_an_officer(Session, make_ctx, catalog):
    for action, args in ((units.add_unit, ("Phòng mới",)), (units.merge_units, tuple(catalog["units"].values())),
                         (administration.change_office, ())):
        with pytest.raises(PermissionDenied):
            act(Session, make_ctx(), action, *args)
    with Session() as session:
        assert load_settings(session) == Settings()
        assert len(units.list_units(session)) == 2


def test_a_head_of_unit_keeps_their_own_unit_right_and_nothing_else(Session, admin_ctx, clock, catalog):
    tp, dd = catalog["units"]["TP"], catalog["units"]["DD"]
    with Session.begin() as session:
        head = ensure_user(session, "binh.tv", "Trần Văn Bình", role="head")
        officer = ensure_user(session, "lan.nt")
    with pytest.raises(ValidationError, match="không phải lãnh đạo đơn vị"):
        act(Session, admin_ctx, units.set_unit_leader, tp, "lan.nt")
    assert act(Session, admin_ctx, units.set_unit_leader, tp, "binh.tv").leader == "binh.tv"
    with Session() as session:
        head_ctx = load_context(session, clock, head)
    view = act(Session, head_ctx, units.set_unit, tp, head_title="TRƯỞNG PHÒNG", head_name="Trần Văn Bình")
    assert view.head_name == "Trần Văn Bình"
    for action, args in ((units.set_unit, (dd,)), (units.set_unit_leader, (dd, "binh.tv")),
                         (units.merge_units, (dd, tp)), (administration.change_setting, ("smtp_port", 25))):
        with pytest.raises(PermissionDenied):
            act(Session, head_ctx, action, *args, **({"head_name": "X"} if action is units.set_unit else {}))
    # Merging a unit moves its leader along.
    act(Session, admin_ctx, units.merge_units, tp, dd)
    with Session() as session:
        assert next(u for u in units.list_units(session) if u.id == dd).leader == "binh.tv"
        assert officer != head

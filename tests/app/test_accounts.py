"""Accounts and permissions at the level of app/: who may do what, and passwords that are never kept in clear."""

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from app import accounts, administration, dossiers
from app.context import load_context
from app.dossiers import NewDossier
from app.errors import ValidationError
from app.permissions import Permission, PermissionDenied, require
from db.models import AuditEvent, CalendarOverride, Dossier, User

PASSWORD = "Mật-khẩu-dài-1"


@pytest.fixture
def people(Session, clock, catalog):
    """An administrator, a head of unit and an officer, all able to log in."""
    with Session.begin() as session:
        admin = accounts.create_first_admin(session, clock, "quantri", "Nguyễn Văn Quản", PASSWORD)
        ctx = load_context(session, clock, admin.id)
        head = accounts.create_user(session, ctx, "huong.ntt", "Nguyễn Thị Thu Hương", "head", PASSWORD)
        officer = accounts.create_user(session, ctx, "binh.tv", "Trần Văn Bình", "officer", PASSWORD)
    return {"admin": admin.id, "head": head.id, "officer": officer.id}


def ctx_of(Session, clock, user_id):
    with Session() as session:
        return load_context(session, clock, user_id)


def test_password_hash_is_salted_scrypt_with_its_parameters():
    first, second = accounts.hash_password(PASSWORD), accounts.hash_password(PASSWORD)
    assert first != second                      # a fresh salt each time
    scheme, n, r, p, salt, digest = first.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1") and len(bytes.fromhex(salt)) == 16
    assert PASSWORD not in first
    assert accounts.check_password(PASSWORD, first)
    assert not accounts.check_password("Mật-khẩu-dài-2", first)
    assert not accounts.check_password(PASSWORD, "md5$abc")
    # Parameters travel with the hash: a hash made with other parameters still checks.
    assert accounts.check_password(PASSWORD, accounts.hash_password(PASSWORD, n=2 ** 12))


def test_first_run_creates_the_administrator_only_once(Session, clock):
    with Session.begin() as session:
        assert accounts.needs_first_admin(session)
        admin = accounts.create_first_admin(session, clock, "QuanTri", "Nguyễn Văn Quản", PASSWORD)
    assert admin.username == "quantri" and admin.role.value == "admin"
    with Session.begin() as session:
        assert not accounts.needs_first_admin(session)
        with pytest.raises(PermissionDenied, match="đã có quản trị viên"):
            accounts.create_first_admin(session, clock, "ke-gian", "", PASSWORD)
        assert session.scalar(select(func.count()).select_from(User)) == 1


def test_login_checks_the_password_and_does_not_say_which_half_was_wrong(Session, clock, people):
    with Session.begin() as session:
        assert accounts.authenticate(session, clock, "binh.tv", PASSWORD).id == people["officer"]
        assert session.get(User, people["officer"]).last_login_at == clock.now()
    for name, password in (("binh.tv", "sai-mat-khau"), ("khong-co", PASSWORD), ("binh.tv", "")):
        with Session() as session, pytest.raises(PermissionDenied) as error:
            accounts.authenticate(session, clock, name, password)
        assert str(error.value) == "Tên đăng nhập hoặc mật khẩu không đúng."


def test_weak_or_repeated_passwords_and_bad_names_are_refused(Session, clock, people):
    ctx = ctx_of(Session, clock, people["admin"])
    with Session() as session:
        for name, password, message in (("moi", "ngan", "ít nhất 8"), ("co dau cach", PASSWORD, "khoảng trắng"),
                                        ("binh.tv", PASSWORD, "đã có"), ("moi.ten.dai", "Moi.Ten.Dai", "trùng")):
            with pytest.raises(ValidationError, match=message):
                accounts.create_user(session, ctx, name, "", "officer", password)


@pytest.mark.parametrize("who, allowed", [("officer", False), ("head", False), ("admin", True)])
def test_only_an_administrator_changes_the_calendar_settings_and_users(Session, clock, people, who, allowed):
    ctx = ctx_of(Session, clock, people[who])
    actions = [
        lambda s: administration.set_calendar_day(s, ctx, dt.date(2026, 12, 24), False, "Nghỉ bù"),
        lambda s: administration.change_setting(s, ctx, "cutoff", "16:00"),
        lambda s: administration.change_office(s, ctx, head_name="Lê Văn Tám"),
        lambda s: accounts.create_user(s, ctx, "moi.cb", "Cán bộ mới", "officer", PASSWORD),
        lambda s: accounts.set_active(s, ctx, people["officer"], False),
    ]
    for action in actions:
        if allowed:
            with Session.begin() as session:
                action(session)
        else:
            with Session() as session, pytest.raises(PermissionDenied, match="không có quyền"):
                action(session)
    with Session() as session:
        overrides = session.scalar(select(func.count()).select_from(CalendarOverride)
                                   .where(CalendarOverride.day == dt.date(2026, 12, 24)))
    assert overrides == (1 if allowed else 0)


def test_signing_letters_needs_a_head_of_unit(Session, clock, people):
    with Session() as session:
        with pytest.raises(PermissionDenied, match="ký phiếu xin lỗi"):
            require(session, ctx_of(Session, clock, people["officer"]), Permission.SIGN_LETTERS)
        assert require(session, ctx_of(Session, clock, people["head"]), Permission.SIGN_LETTERS).id == people["head"]


def test_a_locked_account_cannot_act_on_dossiers_and_changes_nothing(Session, clock, people):
    officer = ctx_of(Session, clock, people["officer"])
    with Session.begin() as session:
        view = dossiers.receive(session, officer, NewDossier("P3", "Lê Thị Hồng", received_at=clock.now()))
    with Session.begin() as session:
        accounts.set_active(session, ctx_of(Session, clock, people["admin"]), people["officer"], False)
    with Session() as session, pytest.raises(PermissionDenied, match="đã bị khóa"):
        dossiers.receive(session, officer, NewDossier("P3", "Phạm Văn Đông", received_at=clock.now()))
    with Session() as session:
        assert session.scalar(select(func.count()).select_from(Dossier)) == 1
        with pytest.raises(PermissionDenied, match="Chưa đăng nhập"):
            dossiers.receive(session, ctx_of(Session, clock, None), NewDossier("P3", "Ai Đó",
                                                                                 received_at=clock.now()))
    with Session() as session:
        assert session.get(Dossier, view.id) is not None


def test_the_last_administrator_cannot_be_locked_or_demoted(Session, clock, people):
    ctx = ctx_of(Session, clock, people["admin"])
    with Session() as session:
        with pytest.raises(ValidationError, match="cuối cùng"):
            accounts.set_active(session, ctx, people["admin"], False)
        with pytest.raises(ValidationError, match="cuối cùng"):
            accounts.set_role(session, ctx, people["admin"], "officer")


def test_an_officer_changes_only_their_own_password_and_must_know_the_old_one(Session, clock, people):
    officer = ctx_of(Session, clock, people["officer"])
    with Session() as session:
        with pytest.raises(PermissionDenied, match="hiện tại không đúng"):
            accounts.set_password(session, officer, people["officer"], "Mật-khẩu-mới-1", old_password="sai")
        with pytest.raises(PermissionDenied, match="quản lý tài khoản"):
            accounts.set_password(session, officer, people["head"], "Mật-khẩu-mới-1")
    with Session.begin() as session:
        accounts.set_password(session, officer, people["officer"], "Mật-khẩu-mới-1", old_password=PASSWORD)
    with Session() as session:
        assert accounts.authenticate(session, clock, "binh.tv", "Mật-khẩu-mới-1").id == people["officer"]


def test_no_password_or_hash_reaches_the_audit_trail(Session, clock, people):
    with Session() as session:
        texts = session.scalars(select(AuditEvent.changes).where(AuditEvent.table_name == "users")).all()
        hashes = session.scalars(select(User.password_hash)).all()
    assert texts and all(PASSWORD not in t for t in texts)
    assert all(h[-20:] not in t for h in hashes if h for t in texts)
    assert any(json.loads(t).get("password_hash") == [None, "***"] for t in texts)


def test_a_setting_changed_by_the_administrator_is_audited_with_old_and_new(Session, clock, people):
    ctx = ctx_of(Session, clock, people["admin"])
    with Session.begin() as session:
        administration.change_setting(session, ctx, "cutoff", "16:00")
    with Session.begin() as session:
        administration.change_setting(session, ctx, "cutoff", "15:30")
    with Session() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.table_name == "settings")
                                 .order_by(AuditEvent.id)).all()
    assert [e.action for e in events] == ["insert", "update"]
    assert json.loads(events[1].changes)["value"] == ['"16:00"', '"15:30"']
    assert {e.user_id for e in events} == {people["admin"]} and events[0].row_key == "cutoff"

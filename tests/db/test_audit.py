"""The audit trail records who changed what, and a change behind the app's back breaks the chain."""

import datetime as dt
import json

from sqlalchemy import select, text, update

from app import audit as audit_view
from app import dossiers
from app.demo import generate
from app.dossiers import NewDossier
from app.lifecycle import Status
from db import audit
from db.models import AuditEvent, Dossier


def _receive(Session, make_ctx, name="Trần Thị Bích"):
    ctx = make_ctx()
    with Session.begin() as session:
        return dossiers.receive(session, ctx, NewDossier("D10", name, received_at=dt.datetime(2026, 11, 24, 9)))


def test_a_dossier_change_is_recorded_with_who_when_and_old_and_new_values(Session, make_ctx, catalog, clock):
    view = _receive(Session, make_ctx)
    ctx = make_ctx()
    with Session.begin() as session:
        dossiers.change_status(session, ctx, view.id, Status.PROCESSING, expected_version=view.version)
    rows = None
    with Session() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.dossier_id == view.id)
                                 .order_by(AuditEvent.id)).all()
        rows = audit_view.history(session, dossier_code=view.code)
    assert [e.action for e in events] == ["insert", "update"]
    assert all(e.user_id == catalog["user_id"] and e.at == clock.now() for e in events)
    assert json.loads(events[0].changes)["applicant_name"] == [None, "Trần Thị Bích"]
    assert json.loads(events[1].changes)["status"] == [2, 4]
    assert rows[0].user == "Nguyễn Thị Lan" and rows[0].what == f"Hồ sơ {view.code}" and "Trạng thái: Được tiếp nhận → Đang xử lý" in rows[0].changes


def test_the_chain_is_intact_then_an_edit_behind_the_apps_back_is_named(Session, make_ctx, engine):
    for name in ("Trần Thị Bích", "Lê Văn Cường", "Phạm Thị Dung"):
        _receive(Session, make_ctx, name)
    with Session() as session:
        report = audit_view.verify_chain(session)
        assert report.intact and report.message.startswith("Nguyên vẹn")
        target = session.scalar(select(AuditEvent.id).where(AuditEvent.changes.contains("Lê Văn Cường")))
    with engine.begin() as connection:   # someone edits the file with a SQLite tool
        connection.execute(text("UPDATE audit_events SET changes = replace(changes, 'Lê Văn Cường', 'Lê Văn Cương') "
                                "WHERE id = :id"), {"id": target})
    with Session() as session:
        report = audit_view.verify_chain(session)
    assert not report.intact and report.broken_id == target
    assert f"sự kiện số {target}" in report.message and "đã bị sửa" in report.message


def test_deleting_an_event_breaks_the_chain_at_the_next_one(Session, make_ctx, engine):
    for name in ("Trần Thị Bích", "Lê Văn Cường"):
        _receive(Session, make_ctx, name)
    with Session() as session:
        ids = session.scalars(select(AuditEvent.id).order_by(AuditEvent.id)).all()
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_events WHERE id = :id"), {"id": ids[-2]})
    with Session() as session:
        report = audit_view.verify_chain(session)
    assert not report.intact and report.broken_id == ids[-1] and "đã bị xóa" in report.message


def test_rewriting_an_event_and_its_hash_without_the_office_key_is_caught_at_that_event(Session, make_ctx, engine):
    for name in ("Trần Thị Bích", "Lê Văn Cường"):
        _receive(Session, make_ctx, name)
    with Session() as session:
        first = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).first()
        assert first.seal is not None   # sealed by the office secret of the keyring
        changes = first.changes.replace("0", "1")
        forged = audit.event_hash(first.id, first.at, first.user_id, first.table_name, first.row_key, first.action,
                                  first.dossier_id, changes, first.prev_hash)   # all a file writer can compute
    with engine.begin() as connection:
        connection.execute(text("UPDATE audit_events SET changes = :c, hash = :h WHERE id = :id"),
                           {"c": changes, "h": forged, "id": first.id})
    with Session() as session:
        report = audit_view.verify_chain(session)
    assert not report.intact and report.broken_id == first.id and "đã bị sửa" in report.message


def test_orm_bulk_updates_leave_an_event_per_row_and_demo_rows_a_summary(Session, make_ctx, clock):
    view = _receive(Session, make_ctx)
    with Session.begin() as session:
        session.execute(update(Dossier).where(Dossier.id == view.id).values(notes="sửa hàng loạt"))
    with Session.begin() as session:
        ctx = make_ctx()
        generate(session, ctx.calendar, clock.now(), 50)
    with Session() as session:
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
        assert audit_view.verify_chain(session).intact
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    notes = [json.loads(e.changes).get("notes") for e in events if e.action == "update"]
    assert notes == [["", "sửa hàng loạt"]]   # the ORM bulk UPDATE, row by row with old → new
    assert last.action == "bulk-insert" and json.loads(last.changes)["demo_dossiers"] == [None, 50]


def test_a_rolled_back_action_leaves_no_event(Session, make_ctx):
    ctx = make_ctx()
    with Session() as session:
        before = session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1))
    try:
        with Session.begin() as session:
            dossiers.receive(session, ctx, NewDossier("D10", "Ngô Văn Em", received_at=dt.datetime(2026, 11, 24, 9)))
            raise RuntimeError("mất điện")
    except RuntimeError:
        pass
    with Session() as session:
        assert session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1)) == before


def test_a_rolled_back_savepoint_leaves_no_event_but_the_rest_of_the_transaction_does(Session, make_ctx):
    ctx = make_ctx()
    with Session.begin() as session:
        kept = dossiers.receive(session, ctx, NewDossier("D10", "Ngô Văn Em", received_at=dt.datetime(2026, 11, 24, 9)))
        savepoint = session.begin_nested()
        dropped = dossiers.receive(session, ctx, NewDossier("D10", "Đỗ Thị Phương",
                                                            received_at=dt.datetime(2026, 11, 24, 9)))
        savepoint.rollback()
    with Session() as session:
        dossier_ids = set(session.scalars(select(AuditEvent.dossier_id).where(AuditEvent.table_name == "dossiers")))
        assert audit_view.verify_chain(session).intact
    assert kept.id in dossier_ids and dropped.id not in dossier_ids

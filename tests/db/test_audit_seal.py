"""Issue 20, point 9: an audit trail that a file writer cannot rewrite unseen.

The forger here is anyone who can write the register file (a SQLite tool, a script): they can edit any
row and recompute SHA-256, but they do not have the office secret of the keyring.
"""

import datetime as dt
import json
from io import BytesIO

import openpyxl
import pytest
from keyring.backends import fail
from sqlalchemy import select, text

from app import audit as audit_view
from app import dossiers, letters, units
from app.audit_deep import deep_check
from app.catalog import ensure_user
from app.dossiers import NewDossier
from app.importing import service
from app.letters import LetterRequest
from app.lifecycle import Status
from app.reports.daily import HEAD_SHEET, daily_report
from app.settings import save_setting
from db import audit, audit_seal, backup
from db.engine import sqlite_file
from db.models import AuditEvent, Dossier
from tests.support.import_files import dossier_rows, write_csv


def _receive(Session, ctx, name="Trần Thị Bích", code="P3"):
    with Session.begin() as session:
        return dossiers.receive(session, ctx, NewDossier(code, name, "079203001234",
                                                         received_at=dt.datetime(2026, 11, 23, 9)))


def _busy_register(Session, make_ctx, tmp_path, catalog):
    """A register worked on only through the app: received, edited, moved, a letter, settings, an import,
    a unit merge (an ORM bulk UPDATE)."""
    ctx = make_ctx()
    first = _receive(Session, ctx)
    second = _receive(Session, ctx, "Lê Văn Cường")
    with Session.begin() as session:
        dossiers.change_status(session, ctx, first.id, Status.PROCESSING, expected_version=first.version)
    with Session.begin() as session:
        letter = letters.issue(session, ctx, LetterRequest(second.id, reason="Cần xác minh thực địa",
                                                           new_date=dt.date(2026, 12, 2)))
    with Session.begin() as session:
        save_setting(session, "cutoff", "15:30")
    with Session.begin() as session:
        service.import_dossiers(session, ctx, write_csv(tmp_path / "a.csv", dossier_rows(6, seed=3)))
    rows = dossier_rows(6, seed=3)
    rows[2]["applicant_name"] = "Trịnh Văn Đông"
    with Session.begin() as session:
        service.import_dossiers(session, ctx, write_csv(tmp_path / "a.csv", rows))
    with Session.begin() as session:
        admin = ensure_user(session, "quantri", "Nguyễn Văn Quản", role="admin")
    admin_ctx = make_ctx(admin)
    with Session.begin() as session:
        dup = units.add_unit(session, admin_ctx, "Phòng Tư pháp (nhập từ tệp)", code="TP-NHAP").id
    with Session.begin() as session:
        units.merge_units(session, admin_ctx, dup, catalog["units"]["TP"])
    return first, second, letter


def test_a_register_worked_only_through_the_app_passes_the_deep_check(Session, make_ctx, tmp_path, catalog):
    _busy_register(Session, make_ctx, tmp_path, catalog)
    with Session() as session:
        report = deep_check(session)
        chain = audit_view.verify_chain(session)
    assert chain.intact and chain.sealed, chain.message
    assert report.intact, report.lines
    assert report.rows > 15 and "khớp" in report.message


def test_deep_check_names_a_direct_update_a_deleted_letter_and_an_inserted_user(Session, make_ctx, engine,
                                                                              tmp_path, catalog):
    first, second, letter = _busy_register(Session, make_ctx, tmp_path, catalog)
    with Session() as session:
        imported = session.scalar(select(text("id")).select_from(text("dossiers"))
                                  .where(text("applicant_name = 'Trịnh Văn Đông'")))
    with engine.begin() as connection:   # a SQLite tool, behind the app's back
        connection.execute(text("UPDATE dossiers SET applicant_name = 'Trần Thị Bính' WHERE id = :id"),
                           {"id": first.id})
        connection.execute(text("UPDATE dossiers SET due_at = '2027-01-30 17:00:00.000000' WHERE id = :id"),
                           {"id": imported})
        connection.execute(text("DELETE FROM apology_letters WHERE dossier_id = :id"), {"id": second.id})
        connection.execute(text("INSERT INTO users (username, full_name, role, active) "
                                "VALUES ('ke.gian', 'Kẻ Gian', 'admin', :t)"), {"t": True})
    with Session() as session:
        chain = audit_view.verify_chain(session)
        report = deep_check(session)
    assert chain.intact   # the trail itself was not touched: only the deep check sees this
    assert not report.intact and report.found == 4
    lines = "\n".join(report.lines)
    assert (f"Hồ sơ #{first.id} (Mã hồ sơ {first.code}, Họ tên người nộp Trần Thị Bính): bị sửa ngoài ứng dụng — "
            "Họ tên người nộp: theo nhật ký “Trần Thị Bích”, trong sổ “Trần Thị Bính”") in lines
    assert f"Hồ sơ #{imported}" in lines and "Hẹn trả kết quả: theo nhật ký" in lines   # an imported row too
    assert f"Phiếu xin lỗi #{letter.letter_id}" in lines and "bị xóa ngoài ứng dụng" in lines
    assert "Tài khoản" in lines and "Tên đăng nhập ke.gian" in lines and "thêm ngoài ứng dụng" in lines


def test_deep_check_from_the_command_line_exits_7_and_names_the_row(Session, make_ctx, engine, db_url, run_cli):
    view = _receive(Session, make_ctx())
    with engine.begin() as connection:
        connection.execute(text("UPDATE dossiers SET applicant_name = 'Ai Đó' WHERE id = :id"), {"id": view.id})
    result = run_cli("--user", "lan.nt", "audit", "verify", "--deep", db=db_url)
    assert result.returncode == 7, result.stderr
    assert "Nguyên vẹn" in result.stdout and "bị sửa ngoài ứng dụng" in result.stdout
    assert "theo nhật ký “Trần Thị Bích”, trong sổ “Ai Đó”" in result.stdout


@pytest.mark.sqlite_only
def test_truncating_the_newest_events_is_caught_against_the_last_backup(Session, make_ctx, engine, clock):
    ctx = make_ctx()
    for name in ("Trần Thị Bích", "Lê Văn Cường", "Phạm Thị Dung"):
        _receive(Session, ctx, name)
    taken = backup.make_backup(sqlite_file(engine), clock.now())
    with Session() as session:
        last = session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1))
        assert audit_view.verify_against(session, taken.path).intact
    for cut in (1, 3):
        with engine.begin() as connection:   # the newest events go; what is left still links up
            connection.execute(text("DELETE FROM audit_events WHERE id > :id"), {"id": last - cut})
        audit_seal.forget_checkpoint(engine.url)   # and the forger deletes the checkpoint file too
        with Session() as session:
            assert audit_view.verify_chain(session).intact
            report = audit_view.verify_against(session, taken.path)
        assert not report.intact
        assert f"ghi đến sự kiện số {last}" in report.message and f"chỉ còn đến số {last - cut}" in report.message
        assert "bản sao lưu" in report.message and "đã bị xóa" in report.message


def test_truncating_then_writing_on_is_caught_against_the_last_sent_report(Session, make_ctx, engine, tmp_path):
    ctx = make_ctx()
    for name in ("Trần Thị Bích", "Lê Văn Cường"):
        _receive(Session, ctx, name)
    with Session() as session:
        report = daily_report(session, ctx)
        last = session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1))
    sent = tmp_path / report.workbook.file_name
    sent.write_bytes(report.workbook.content)
    sheet = openpyxl.load_workbook(BytesIO(report.workbook.content))[HEAD_SHEET]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(i for i, row in enumerate(rows) if row[0] == "STT")
    assert rows[header][:4] == ["STT", "Sự kiện số", "Mã băm", "Khóa niêm phong"]
    assert rows[header + 1][1] == last and len(rows[header + 1][2]) == 64 and len(rows[header + 1][3]) == 16
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_events WHERE id > :id"), {"id": last - 1})
    audit_seal.forget_checkpoint(engine.url)
    with Session() as session:
        assert not audit_view.verify_against(session, sent).intact
    _receive(Session, ctx, "Phạm Thị Dung")   # a new event now takes the number of the deleted one
    with Session() as session:
        assert audit_view.verify_chain(session).intact
        again = audit_view.verify_against(session, sent)
    assert not again.intact and f"Sự kiện số {last} khác với báo cáo" in again.message


def test_the_checkpoint_file_catches_truncation_by_itself(Session, make_ctx, engine):
    ctx = make_ctx()
    for name in ("Trần Thị Bích", "Lê Văn Cường"):
        _receive(Session, ctx, name)
    path = audit_seal.checkpoint_path(engine.url)
    head = json.loads(path.read_text(encoding="utf-8"))["motcua_audit_head"]
    assert head["seal"] and head["mac"]
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_events WHERE id = :id"), {"id": head["event"]})
    with Session() as session:
        report = audit_view.verify_chain(session)
    assert not report.intact and "bị cắt bớt" in report.message and "mốc ghi trong thư mục dữ liệu" in report.message
    # a forger who moves the checkpoint back cannot sign it
    head["event"] -= 1
    path.write_text(json.dumps({"motcua_audit_head": head}), encoding="utf-8")
    with Session() as session:
        report = audit_view.verify_chain(session)
    assert not report.intact and "mã xác thực" in report.message


def _forge_from(Session, engine, start: int, key: bytes | None = None, seal: str | None = None):
    """What a file writer does: edit event ``start`` and recompute every hash after it."""
    with Session() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.id >= start).order_by(AuditEvent.id)).all()
        prev = session.scalar(select(AuditEvent.hash).where(AuditEvent.id == start - 1)) or audit.GENESIS
    with engine.begin() as connection:
        for index, event in enumerate(events):
            changes = event.changes.replace("Lê Văn Cường", "Lê Văn Cương") if index == 0 else event.changes
            digest = audit.event_hash(event.id, event.at, event.user_id, event.table_name, event.row_key,
                                      event.action, event.dossier_id, changes, prev, seal, key)
            connection.execute(text("UPDATE audit_events SET changes = :c, prev_hash = :p, hash = :h, seal = :s "
                                    "WHERE id = :id"), {"c": changes, "p": prev, "h": digest, "s": seal,
                                                        "id": event.id})
            prev = digest


def test_recomputing_the_chain_without_the_keyring_secret_is_caught(Session, make_ctx, engine):
    ctx = make_ctx()
    for name in ("Trần Thị Bích", "Lê Văn Cường", "Phạm Thị Dung"):
        _receive(Session, ctx, name)
    with Session() as session:
        target = session.scalar(select(AuditEvent.id).where(AuditEvent.changes.contains("Lê Văn Cường")))
        kid = session.scalar(select(AuditEvent.seal).where(AuditEvent.id == target))
    # 1. recomputed as SHA-256 (what the old version allowed): the first unsealed event after sealed ones
    _forge_from(Session, engine, target)
    with Session() as session:
        report = audit_view.verify_chain(session)
    assert not report.intact and report.broken_id == target and "không có dấu niêm phong" in report.message
    # 2. recomputed with a key of the forger's own, under the office key's id
    _forge_from(Session, engine, target, key=b"k" * 32, seal=kid)
    with Session() as session:
        report = audit_view.verify_chain(session)
    assert not report.intact and report.broken_id == target and "đã bị sửa" in report.message
    # 3. the whole chain recomputed as SHA-256 from the first event: nothing sealed is left to compare,
    #    but the checkpoint written at the last commit no longer matches
    _forge_from(Session, engine, 1)
    with Session() as session:
        report = audit_view.verify_chain(session)
    assert not report.intact and "khác với mốc ghi trong thư mục dữ liệu" in report.message


def test_an_old_sha256_chain_keeps_verifying_and_new_events_are_sealed_after_it(Session, make_ctx, engine):
    ctx = make_ctx()
    _receive(Session, ctx)
    with engine.begin() as connection:   # as a register of the version before: every event SHA-256
        connection.execute(text("UPDATE audit_events SET seal = NULL"))
    _forge_from(Session, engine, 1)       # (the same computation the old version made)
    audit_seal.forget_checkpoint(engine.url)
    with Session() as session:
        old = audit_view.verify_chain(session)
        legacy = session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1))
    assert old.intact and not old.sealed and "chuỗi băm khớp" in old.message
    _receive(Session, ctx, "Lê Văn Cường")
    with Session() as session:
        report = audit_view.verify_chain(session)
        seals = session.scalars(select(AuditEvent.seal).order_by(AuditEvent.id)).all()
    assert seals[:legacy] == [None] * legacy and all(seals[legacy:])
    assert report.intact and report.sealed
    assert f"({legacy} sự kiện đầu ghi trước khi có niêm phong, nối bằng SHA-256)" in report.message


@pytest.fixture
def no_keyring(memory_keyring):
    """A machine without a keyring (Linux without a Secret Service): the fail backend."""
    import keyring

    keyring.set_keyring(fail.Keyring())
    audit_seal.forget_cached_secrets()


def test_without_a_keyring_the_chain_falls_back_to_sha256_and_verify_says_so(no_keyring, Session, make_ctx,
                                                                            db_url, run_cli):
    _receive(Session, make_ctx())
    with Session() as session:
        seals = set(session.scalars(select(AuditEvent.seal)))
        report = audit_view.verify_chain(session)
    assert seals == {None}
    assert report.intact and not report.sealed
    assert any("không có kho mật khẩu" in note and "SHA-256" in note and "--against" in note
               for note in report.notes)
    printed = run_cli("--user", "lan.nt", "audit", "verify", db=db_url)
    assert printed.returncode == 0
    assert "Nguyên vẹn" in printed.stdout
    assert "Lưu ý: Máy này không có kho mật khẩu của hệ điều hành (keyring): nhật ký chỉ được nối bằng SHA-256" \
        in printed.stdout


def test_audit_key_export_is_for_administrators_and_is_audited(Session, make_ctx, db_url, run_cli, tmp_path,
                                                               memory_keyring):
    _receive(Session, make_ctx())
    refused = run_cli("--user", "lan.nt", "audit", "key", "export", db=db_url)
    assert refused.returncode == 6 and "Khóa" not in refused.stdout
    run_cli("user", "add", "quantri", "--role", "admin", "--password-stdin", db=db_url, input="mat-khau-dai-12\n")
    out = tmp_path / "khoa.txt"
    done = run_cli("--user", "quantri", "audit", "key", "export", "--out", str(out), db=db_url)
    assert done.returncode == 0, done.stderr
    secret = out.read_text(encoding="utf-8")
    with Session() as session:
        kid = session.scalar(select(AuditEvent.seal).order_by(AuditEvent.id.desc()).limit(1))
        exported = session.scalars(select(AuditEvent).where(AuditEvent.table_name == "audit_key")).all()
    assert f"Mã khóa: {kid}" in secret
    assert [e.action for e in exported] == ["export"] and json.loads(exported[0].changes) == {"key_id": [None, kid]}
    assert secret.split("Khóa: ")[1][:64] not in exported[0].changes
    # another desk of the register (a new keyring): it cannot check the seals until it imports the key
    import keyring

    from tests.support.memory_keyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    audit_seal.forget_cached_secrets()
    with Session() as session:
        before = audit_view.verify_chain(session)
    assert any(f"khóa {kid} mà máy này không giữ" in note for note in before.notes)
    imported = run_cli("--user", "quantri", "audit", "key", "import", str(out), db=db_url)
    assert imported.returncode == 0 and kid in imported.stdout
    with Session() as session:
        after = audit_view.verify_chain(session)
    assert after.intact and after.sealed and not after.notes


@pytest.fixture
def run_cli(tmp_path, memory_keyring):
    """The command line in this process (the in-memory keyring is the machine's keyring)."""
    import contextlib
    import io
    import subprocess

    from app.cli import commands
    from main import main

    def run(*args, db, input=""):
        stdout, stderr = io.StringIO(), io.StringIO()
        import sys

        old_stdin, old_defaults = sys.stdin, commands.run.__defaults__
        sys.stdin = io.StringIO(input)
        commands.run.__defaults__ = (stdout,)   # its stream is sys.stdout as it was at import
        try:
            with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
                code = main(["--db", db, "--now", "2026-11-25 09:00", *args])
        finally:
            sys.stdin, commands.run.__defaults__ = old_stdin, old_defaults
        return subprocess.CompletedProcess(args, code, stdout.getvalue(), stderr.getvalue())
    return run


def test_demo_rows_are_counted_not_compared_and_their_removal_is_no_finding(Session, make_ctx, catalog):
    from app import demo_removal
    from app.demo import generate

    with Session.begin() as session:
        admin = ensure_user(session, "quantri", "Nguyễn Văn Quản", role="admin")
    ctx = make_ctx(admin)
    with Session.begin() as session:
        generate(session, ctx.calendar, ctx.now(), 60, seed=4, in_worker=False)
    kept = _receive(Session, ctx, "Ngô Văn Em")
    with Session() as session:
        report = deep_check(session)
    assert report.intact, report.lines
    assert any("60 dòng dữ liệu mẫu" in note or "dòng dữ liệu mẫu" in note for note in report.notes)
    with Session.begin() as session:
        demo_removal.remove(session, make_ctx(admin))
    with Session() as session:
        report = deep_check(session)
        assert audit_view.verify_chain(session).intact
    assert report.intact, report.lines
    with Session() as session:
        assert session.get(Dossier, kept.id) is not None

"""The change history in words (app/audit_words.py): every audited field named in Vietnamese, every value
as the officer knows it, never a snake_case identifier or an enum's raw value.

"Now" is Wednesday 25/11/2026 09:00 (tests/conftest.py)."""

import datetime as dt
import enum
import json
import re
import sys
from types import SimpleNamespace

import pytest
from sqlalchemy import Boolean, Date, DateTime, Float, Integer, select

from app import accounts, audit, dossiers, letter_delivery, letters, worklists
from app.audit_words import (
    _ENUMS,
    EMPTY,
    FIELD_LABELS,
    QUIET_FIELDS,
    TABLE_LABELS,
    Names,
    describe,
)
from app.catalog import ensure_user
from app.context import load_context
from app.dossiers import NewDossier
from app.letter_delivery import DeliveryVia
from app.letters import LetterRequest
from app.lifecycle import ApplicantKind, Channel, OnlineLevel, ResultDelivery, Status, TimeUnit
from app.permissions import Role
from db import audit as db_audit
from db.models import Base, Procedure

SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
ENUM_OF_FIELD = {"status": Status, "applicant_kind": ApplicantKind, "channel": Channel, "online_level": OnlineLevel,
                 "processing_unit": TimeUnit, "result_delivery": ResultDelivery, "role": Role,
                 "delivered_via": DeliveryVia}


def audited_columns():
    """What db/audit.py records: every column of the audited tables but the skipped ones."""
    for table in sorted(db_audit.AUDITED_TABLES):
        for column in Base.metadata.tables[table].columns:
            if column.name not in db_audit.SKIPPED_COLUMNS:
                yield table, column


def sample_values(name, column):
    """Values as the audit listener stores them (db.audit._plain): enums by value, moments in ISO."""
    if name in ENUM_OF_FIELD:
        return [member.value for member in ENUM_OF_FIELD[name]]
    if isinstance(column.type, Boolean):
        return [True, False]
    if isinstance(column.type, DateTime):
        return [dt.datetime(2026, 11, 25, 9, 30).isoformat()]
    if isinstance(column.type, Date):
        return [dt.date(2026, 11, 25).isoformat()]
    if isinstance(column.type, Float):
        return [3.5]
    if isinstance(column.type, Integer):
        return [7]
    return ["giá trị", ""]


NAMES = Names(users={7: "Nguyễn Thị Lan"}, units={7: "Phòng Tư pháp - Hộ tịch"},
              procedures={7: "Cấp Giấy xác nhận tình trạng hôn nhân"}, dossiers={7: "000.00.16.H19-261125-0001"},
              letters={7: "30/PXL"}, days={7: dt.date(2026, 9, 2)})


def event(table, action, changes, row_key="7", dossier_id=7):
    return SimpleNamespace(table_name=table, row_key=row_key, action=action, dossier_id=dossier_id,
                           changes=json.dumps(changes, ensure_ascii=False))


def test_every_audited_column_has_a_vietnamese_label():
    missing = [f"{table}.{column.name}" for table, column in audited_columns()
               if column.name not in QUIET_FIELDS and column.name not in FIELD_LABELS.get(table, {})]
    assert missing == [], "give them a label in app/audit_words.py FIELD_LABELS (or list them as quiet)"
    # plus the office key's export and import, audited under a name of their own (app/audit_keys.py)
    assert set(TABLE_LABELS) == set(db_audit.AUDITED_TABLES) | {"audit_key"}
    for labels in FIELD_LABELS.values():
        assert not [label for label in labels.values() if SNAKE.search(label)]


@pytest.mark.parametrize("action", ["insert", "update", "delete"])
def test_no_field_or_value_reaches_the_screen_as_an_identifier(action):
    seen = 0
    for table, column in audited_columns():
        for value in sample_values(column.name, column):
            other = value if not isinstance(value, bool) else not value
            old, new = {"insert": (None, value), "update": (other, value), "delete": (value, None)}[action]
            if action == "update" and old == new:
                old = None
            words = describe(event(table, action, {column.name: [old, new]}), NAMES)
            text = f"{words.what} {words.action} {words.changes}"
            assert not SNAKE.search(text), (table, column.name, text)
            assert "∅" not in text and "None" not in text and "True" not in text and "False" not in text
            if column.name in ENUM_OF_FIELD and column.name not in QUIET_FIELDS:
                member = ENUM_OF_FIELD[column.name](value)
                label = member.label
                assert label in words.changes, (table, column.name, words.changes)
                if isinstance(value, str):
                    assert not re.search(rf"(?<![\w/]){re.escape(value)}(?![\w/])", words.changes), words.changes
                else:
                    assert f": {value}" not in words.changes
            if isinstance(column.type, (DateTime, Date)) and column.name not in QUIET_FIELDS:
                assert "25/11/2026" in words.changes and "2026-11-25" not in words.changes
            seen += 1
    assert seen > 100


def test_ids_are_shown_by_what_they_stand_for():
    letter = describe(event("apology_letters", "update", {"delivered_by": [None, 7], "delivered_via": [None, "post"],
                                                          "dossier_id": [7, 7]}), NAMES)
    assert letter.what == "Phiếu xin lỗi 30/PXL"
    assert "Người giao: Nguyễn Thị Lan" in letter.changes and "Hình thức giao: Bưu chính" in letter.changes
    user = describe(event("users", "update", {"role": ["officer", "head"], "password_hash": ["***", "***"]},
                          dossier_id=None), NAMES)
    assert user.what == "Tài khoản Nguyễn Thị Lan"
    assert user.changes == "Vai trò: Cán bộ tiếp nhận → Lãnh đạo đơn vị; Mật khẩu: đã đặt mới"
    day = describe(event("calendar_overrides", "insert", {"day": [None, "2026-09-02"], "working": [None, False],
                                                          "note": [None, "Nghỉ lễ"]}, dossier_id=None), NAMES)
    assert day.what == "Lịch nghỉ/làm bù 02/09/2026" and day.changes == "Ngày: 02/09/2026; Loại ngày: Ngày nghỉ; Ghi chú: Nghỉ lễ"
    setting = describe(event("settings", "update", {"value": ['3', '5']}, row_key="due_soon_days",
                             dossier_id=None), NAMES)
    assert setting.what == "Thiết lập Cảnh báo sắp đến hạn trước (ngày làm việc)"
    assert setting.changes == "Giá trị: 3 → 5"
    procedure = describe(event("procedures", "update", {"fee_bearing": [False, True], "unit_id": [None, 7],
                                                        "online_level": ["partial", "full"]}, dossier_id=None), NAMES)
    assert procedure.what == "Thủ tục Cấp Giấy xác nhận tình trạng hôn nhân"
    assert procedure.changes == ("Mức độ trực tuyến: Một phần → Toàn trình; Có phí, lệ phí: Không → Có; "
                                 "Đơn vị giải quyết: Phòng Tư pháp - Hộ tịch")


def test_a_demo_summary_and_its_removal_read_as_counts_and_labels():
    added = describe(event("dossiers", "bulk-insert", {"demo_dossiers": [None, 50], "first_id": [None, 1],
                                                       "letters": [None, 3], "seed": [None, 7], "marked": [None, True],
                                                       "office": [None, True]}, row_key="", dossier_id=None), NAMES)
    assert (added.what, added.action) == ("Hồ sơ", "Thêm hàng loạt")
    assert added.changes == "Hồ sơ mẫu: 50; Phiếu xin lỗi: 3; Điền thông tin cơ quan mẫu: Có"
    removed = describe(event("dossiers", "demo-remove", {"demo_dossiers": [None, -50], "units": [None, "Phòng A"],
                                                         "office": [None, "name, place_name"],
                                                         "runs": [None, "4"]}, row_key="", dossier_id=None), NAMES)
    assert removed.changes == "Hồ sơ mẫu: 50; Đơn vị: Phòng A; Thông tin cơ quan: Tên cơ quan, Địa danh"


# --- on a real register: what an officer did, read back from the history -----------------------------------

def test_a_day_at_the_desk_reads_in_words(Session, clock, make_ctx, catalog):
    ctx = make_ctx()
    with Session.begin() as session:
        admin = ensure_user(session, "quantri", "Nguyễn Văn Quản", role="admin")
    with Session.begin() as session:
        view = dossiers.receive(session, ctx, NewDossier("P3", "Đặng Văn Đức", "079203001234",
                                                         received_at=dt.datetime(2026, 11, 23, 9)))
    with Session.begin() as session:
        view = dossiers.update_fields(session, ctx, view.id, {"applicant_kind": "organisation", "fee_paid": True},
                                      expected_version=view.version)
    with Session.begin() as session:
        issued = letters.issue(session, ctx, LetterRequest(view.id, reason="Cần xác minh thực địa",
                                                           new_date=dt.date(2026, 12, 2)))
    with Session.begin() as session:
        letter_delivery.record(session, ctx, view.id, "counter", dt.datetime(2026, 11, 25, 8, 15))
    with Session.begin() as session:
        admin_ctx = load_context(session, clock, admin)
        accounts.set_role(session, admin_ctx, catalog["user_id"], "head")
        session.scalar(select(Procedure).where(Procedure.code == "P3")).fee_bearing = True
    with Session() as session:
        rows = audit.history(session)
        events = worklists.history(session, view.id)
    for row in rows:
        assert not SNAKE.search(f"{row.what} {row.action} {row.changes}"), row
    texts = {(row.what, row.action): row.changes for row in rows}
    assert issued.number_text == "01/PXL"
    letter = texts[("Phiếu xin lỗi 01/PXL", "Thêm")]
    assert f"Hồ sơ: {view.code}" in letter and "Ngày phiếu: 25/11/2026" in letter
    assert "Hẹn trả mới: 17:00 02/12/2026" in letter and "Người ký: Nguyễn Thị Thu Hương" in letter
    assert "Hình thức giao: Tại quầy" in texts[("Phiếu xin lỗi 01/PXL", "Sửa")]
    assert "Người giao: Nguyễn Thị Lan" in texts[("Phiếu xin lỗi 01/PXL", "Sửa")]
    assert texts[("Tài khoản Nguyễn Thị Lan", "Sửa")] == "Vai trò: Cán bộ tiếp nhận → Lãnh đạo đơn vị"
    assert texts[("Thủ tục Cấp Giấy xác nhận tình trạng hôn nhân", "Sửa")] == "Có phí, lệ phí: Không → Có"
    received = [row.changes for row in rows if row.what == f"Hồ sơ {view.code}" and row.action == "Thêm"][0]
    assert "Loại người nộp: Cá nhân" in received and "Hình thức nộp: Trực tiếp" in received
    assert "Trạng thái: Được tiếp nhận" in received and "Ngày tiếp nhận: 09:00 23/11/2026" in received
    assert "Thủ tục: Cấp Giấy xác nhận tình trạng hôn nhân" in received
    edited = [row.changes for row in rows if row.what == f"Hồ sơ {view.code}" and row.action == "Sửa"]
    assert any("Loại người nộp: Cá nhân → Tổ chức" in text for text in edited)
    # The dossier's own history tab says the same in the same words.
    changes = [e.change for e in events]
    assert "Loại người nộp: Cá nhân → Tổ chức" in changes
    assert "Đã nộp phí, lệ phí: Không → Có" in changes
    assert any(c.startswith("Hẹn trả kết quả: 17:00 27/11/2026 → 17:00 02/12/2026") for c in changes)
    assert not [c for c in changes if SNAKE.search(c)]
    assert all(e.note != "Loại người nộp" for e in events)   # the label is in the change, not repeated
    assert EMPTY not in changes


def test_the_cli_prints_the_same_words(Session, clock, make_ctx, catalog, capsys):
    from app.cli.admin_commands import cmd_audit
    from app.cli.output import Output

    ctx = make_ctx()
    with Session.begin() as session:
        dossiers.receive(session, ctx, NewDossier("P3", "Đặng Văn Đức", "079203001234"))
    args = SimpleNamespace(audit_action="log", by=None, code=None, start=None, end=None, limit=0)
    assert cmd_audit(args, Session, clock, Output(sys.stdout, False)) == 0
    out = capsys.readouterr().out
    assert "Loại người nộp: Cá nhân" in out and "Trạng thái: Được tiếp nhận" in out
    assert not SNAKE.search(out)


def test_every_enum_field_maps_every_member():
    for name, kind in ENUM_OF_FIELD.items():
        for member in kind:
            assert _ENUMS[name](member.value) == member.label
    assert all(issubclass(kind, enum.Enum) for kind in ENUM_OF_FIELD.values())

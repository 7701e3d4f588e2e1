"""The command line on the inputs of issue 20, point 8: each ends in one clear Vietnamese line and the
documented exit code, never "Lỗi không mong đợi"."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest

UNEXPECTED = "Lỗi không mong đợi"


@pytest.mark.parametrize("hours, words", [("inf", "không phải là số giờ hữu hạn"),
                                          ("nan", "không phải là số giờ hữu hạn"),
                                          ("1e308", "quá dài (tối đa 3000 giờ làm việc)")])
def test_due_with_hours_that_never_end_is_refused(cli, hours, words):
    result = cli("due", "--received", "2026-11-20 09:00", "--hours", hours)
    assert result.returncode == 2 and UNEXPECTED not in result.stderr
    assert result.stderr.startswith("Lỗi: Thời hạn giải quyết") and words in result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_db_at_a_device_is_refused(cli):
    result = cli("--db", "sqlite:////dev/zero", "warnings")
    assert result.returncode == 5, result.stderr
    assert result.stderr.strip() == ("Lỗi: “/dev/zero” là thiết bị, không phải tệp sổ hồ sơ; hãy chỉ --db tới tệp "
                                     "register.sqlite3.")


def test_db_at_another_programs_database_is_refused_and_left_as_it_was(cli, tmp_path):
    other = tmp_path / "khac.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE ghi_chu (noi_dung TEXT)")
    result = cli("--db", f"sqlite:///{other}", "warnings")
    assert result.returncode == 5, result.stdout
    assert "là cơ sở dữ liệu SQLite của chương trình khác (có bảng ghi_chu), không phải sổ hồ sơ" in result.stderr
    with sqlite3.connect(other) as connection:   # the old command migrated our tables into it
        assert [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["ghi_chu"]


def test_move_register_to_an_unreachable_server_names_it(cli):
    result = cli("move-register", "--to", "postgresql+psycopg://motcua@127.0.0.1:1/motcua")
    assert result.returncode == 5 and UNEXPECTED not in result.stderr
    assert result.stderr.startswith("Lỗi: Không kết nối được cơ sở dữ liệu đích "
                                    "postgresql+psycopg://motcua@127.0.0.1:1/motcua: ")
    assert "Sổ nguồn không thay đổi." in result.stderr


def test_audit_verify_with_the_audit_table_dropped_reports_a_broken_chain(cli, tmp_path):
    assert cli("demo", "--count", "5").returncode == 0
    with sqlite3.connect(tmp_path / "r.sqlite3") as connection:
        connection.execute("DROP TABLE audit_events")
    result = cli("audit", "verify")
    assert result.returncode == 7 and UNEXPECTED not in result.stderr   # was 1: a broken chain is 7
    assert "Bị phá vỡ: bảng nhật ký thay đổi (audit_events) không còn trong sổ hồ sơ" in result.stdout


def _code(cli) -> str:
    return json.loads(cli("search", "a", "--json").stdout)[0]["code"]


def test_show_prints_a_stored_escape_sequence_without_obeying_it(cli, tmp_path):
    """A name written before the door was closed (an old import, an edit behind the app's back)."""
    assert cli("demo", "--count", "5").returncode == 0
    code = _code(cli)
    with sqlite3.connect(tmp_path / "r.sqlite3") as connection:
        connection.execute("UPDATE dossiers SET applicant_name = ? WHERE code = ?",
                           ("An\x1b[2J\x1b]0;hack\x07\u202eBình", code))
    result = cli("show", code)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout and "\x07" not in result.stdout
    assert "An<U+001B>[2J<U+001B>]0;hack<U+0007><U+202E>Bình" in result.stdout

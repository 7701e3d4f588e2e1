"""The CLI as an officer (or a scheduled task) runs it: a real process, real output, real exit codes."""

import functools
import json

import pytest


def assert_one_line_error(result, fragment):
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Lỗi: ")
    assert fragment in lines[0]
    assert "Traceback" not in result.stderr


def test_due_across_tet(cli):
    result = cli("due", "--received", "2026-02-12 10:00", "--days", "3")
    assert result.returncode == 0, result.stderr
    assert "Hẹn trả kết quả:  17:00 Thứ Ba, 24/02/2026" in result.stdout
    data = json.loads(cli("due", "--received", "2026-02-12 10:00", "--days", "3", "--json").stdout)
    assert data["due_at"] == "2026-02-24T17:00:00"
    assert data["apology_deadline"] == "2026-02-23"


def test_due_in_working_hours_after_the_cut_off(cli):
    data = json.loads(cli("due", "--received", "2026-11-27 15:30", "--hours", "4", "--json").stdout)
    assert data["counting_from"] == "2026-11-30"
    assert data["due_at"] == "2026-11-30T11:30:00"


@pytest.mark.parametrize("args, fragment", [
    (["due", "--received", "2026-02-30 10:00", "--days", "3"], "không có ngày 30"),
    (["due", "--received", "hôm qua", "--days", "3"], "không hợp lệ"),
    (["due", "--received", "2026-02-12 10:00"], "Cần một trong các tham số"),
    (["due", "--received", "2026-02-12 10:00", "--days", "-2"], "số âm"),
    (["due", "--received", "2026-02-12 10:00", "--days", "ba"], "không phải số nguyên"),
    (["calendar", "--year", "1850"], "ngoài khoảng"),
    (["show", "KHONG-CO"], "Không tìm thấy hồ sơ"),
    (["lenh-la"], "Tham số LỆNH"),
    (["warnings", "--date", "2026-13-01"], "không có tháng 13"),
])
def test_bad_input_exits_non_zero_with_one_vietnamese_line(cli, args, fragment):
    assert_one_line_error(cli(*args), fragment)


def test_calendar_lists_official_days_and_takes_office_overrides(cli):
    data = json.loads(cli("calendar", "--year", "2026", "--json").stdout)
    days = {d["date"]: d for d in data["days"]}
    assert days["2026-02-17"]["note"] == "Tết Nguyên Đán" and not days["2026-02-17"]["working"]
    assert days["2026-08-22"]["working"] is True  # make-up Saturday
    # 24/11 is listed, unconfirmed, and a working day until the office confirms it.
    assert days["2026-11-24"]["source"] == "chua_xac_nhan" and days["2026-11-24"]["working"] is True
    # Only an administrator changes the office's calendar.
    assert_one_line_error(cli("--user", "lan.nt", "calendar", "--add-off", "2026-11-24"), "Không có tài khoản")
    assert cli("user", "add", "quantri", "--role", "admin", "--password-stdin", input="mat-khau-dai\n").returncode == 0
    cli = functools.partial(cli, "--user", "quantri")
    # The office makes 24/11 a day off on its own, then changes its mind.
    result = cli("calendar", "--add-off", "2026-11-24", "--note", "Nghỉ theo thông báo của tỉnh")
    assert result.returncode == 0, result.stderr
    due = json.loads(cli("due", "--received", "2026-11-23 09:00", "--days", "1", "--json").stdout)
    assert due["due_at"] == "2026-11-25T17:00:00"
    assert cli("calendar", "--remove", "2026-11-24").returncode == 0
    due = json.loads(cli("due", "--received", "2026-11-23 09:00", "--days", "1", "--json").stdout)
    assert due["due_at"] == "2026-11-24T17:00:00"
    assert_one_line_error(cli("calendar", "--remove", "2026-11-24"), "không có điều chỉnh")


def test_demo_then_warnings_and_show(cli):
    result = cli("demo", "--count", "3000", "--seed", "7", "--json")
    assert result.returncode == 0, result.stderr
    made = json.loads(result.stdout)
    assert made["dossiers"] == 3000 and 0 < made["open"] < 600
    warnings = json.loads(cli("warnings", "--json").stdout)
    levels = warnings["levels"]
    assert set(levels) == {"overdue", "apology_missed", "apology_today", "apology_tomorrow", "due_soon"}
    assert sum(level["count"] for level in levels.values()) > 0
    some = next(level["dossiers"][0] for level in levels.values() if level["dossiers"])
    shown = cli("show", some["code"])
    assert shown.returncode == 0, shown.stderr
    assert some["code"] in shown.stdout and "Lịch sử:" in shown.stdout and "Được tiếp nhận" in shown.stdout
    text = cli("warnings", "--limit", "1").stdout
    assert "Quá hạn" in text or "Sắp đến hạn" in text


def test_a_broken_database_url_is_one_line(cli):
    result = cli("--db", "khong-phai-url", "warnings")
    assert_one_line_error(result, "không hợp lệ")


def test_help_is_in_vietnamese(cli):
    result = cli("--help")
    assert result.returncode == 0
    assert "Cách dùng:" in result.stdout and "tính hạn giải quyết" in result.stdout


def test_a_nested_command_points_to_its_own_help(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, str(root / "main.py"), "--db", f"sqlite:///{tmp_path / 'r.sqlite3'}",
                             "user", "add"], capture_output=True, encoding="utf-8", errors="replace", cwd=root)
    assert result.returncode != 0
    assert "Xem “python main.py user add --help”." in result.stderr

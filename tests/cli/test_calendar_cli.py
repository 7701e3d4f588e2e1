"""``calendar`` as an administrator runs it: provenance, confirming, loading a province's file, the impact list."""

import functools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cli(tmp_path):
    env = {**os.environ, "MOTCUA_DATA_DIR": str(tmp_path / "data"), "MOTCUA_DB": f"sqlite:///{tmp_path / 'r.sqlite3'}"}

    def run(*args, now="2026-11-20 09:00", input=None):
        command = [sys.executable, str(ROOT / "main.py"), "--now", now, *args]
        return subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, encoding="utf-8", errors="replace", timeout=120,
                              input=input)
    assert run("user", "add", "quantri", "--role", "admin", "--password-stdin", input="mat-khau-dai\n").returncode == 0
    return functools.partial(run, "--user", "quantri")


def days_of(result):
    assert result.returncode == 0, result.stderr
    return {d["date"]: d for d in json.loads(result.stdout)["days"]}


def test_due_dates_across_the_2026_new_year(cli):
    first = json.loads(cli("due", "--received", "2025-12-31 10:00", "--days", "1", "--json").stdout)
    assert first["due_at"] == "2026-01-05T17:00:00"
    second = json.loads(cli("due", "--received", "2026-01-09 10:00", "--days", "1", "--json").stdout)
    assert second["due_at"] == "2026-01-10T17:00:00"


def test_2027_tet_is_provisional(cli):
    result = cli("calendar", "--year", "2027", "--json")
    data = json.loads(result.stdout)
    assert data["tet_decided"] is False
    days = days_of(result)
    for day in ("2027-02-04", "2027-02-08", "2027-02-10"):
        assert days[day]["source"] == "du_kien" and days[day]["working"] is False
    assert days["2027-01-01"]["source"] == "theo_luat"
    assert "chưa có quyết định" in cli("calendar", "--year", "2027").stdout


def test_24_11_is_unconfirmed_until_confirmed(cli, tmp_path):
    days = days_of(cli("calendar", "--year", "2026", "--json"))
    assert days["2026-11-24"]["source"] == "chua_xac_nhan" and days["2026-11-24"]["working"] is True
    assert days["2026-01-02"]["source"] == "quyet_dinh" and "12729/VPCP-KGVX" in days["2026-01-02"]["reference"]
    # A dossier received before, due on 24/11 (Thu 19/11 + 3 working days: Fri 20, Mon 23, Tue 24).
    assert cli("import-catalog", str(_catalog(tmp_path))).returncode == 0
    received = cli("import", str(_register(tmp_path)), "--json")
    assert received.returncode == 0, received.stderr
    dry = json.loads(cli("calendar", "--confirm", "2026-11-24", "--off", "--note", "Luật sửa đổi",
                         "--dry-run", "--json").stdout)
    assert dry["change"]["applied"] is False
    assert [d["code"] for d in dry["change"]["dossiers"]] == ["000.00.16.H19-261119-010001"]
    assert dry["change"]["dossiers"][0]["due_on_day_off"] is True
    assert days_of(cli("calendar", "--year", "2026", "--json"))["2026-11-24"]["source"] == "chua_xac_nhan"
    assert "--off" in cli("calendar", "--confirm", "2026-11-24", "--note", "x").stderr
    done = cli("calendar", "--confirm", "2026-11-24", "--off", "--note", "Luật sửa đổi")
    assert done.returncode == 0, done.stderr
    assert "000.00.16.H19-261119-010001" in done.stdout and "ngày hẹn rơi vào ngày nghỉ" in done.stdout
    days = days_of(cli("calendar", "--year", "2026", "--json"))
    assert days["2026-11-24"]["source"] == "co_quan" and days["2026-11-24"]["working"] is False
    refused = cli("calendar", "--confirm", "2026-09-02", "--work", "--note", "x")
    assert refused.returncode != 0 and "không phải ngày chưa xác nhận" in refused.stderr


def test_loading_a_file_all_or_nothing(cli, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"decisions": [{"year": 2027, "occasion": "tet", "status": "official", '
                   '"reference": {"issuer": "VPCP", "date": "2026-11-26"}, "days_off": ["2027-02-31"]}]}',
                   encoding="utf-8")
    result = cli("calendar", "--load", str(bad))
    assert result.returncode != 0 and result.stderr.startswith("Lỗi: ") and len(result.stderr.splitlines()) == 1
    assert json.loads(cli("calendar", "--year", "2027", "--json").stdout)["tet_decided"] is False
    good = tmp_path / "tet2027.json"
    good.write_text(json.dumps({"decisions": [{
        "year": 2027, "occasion": "tet", "status": "official", "name": "Tết Nguyên Đán",
        "reference": {"number": "999/VPCP-KGVX", "date": "2026-11-26", "issuer": "Văn phòng Chính phủ"},
        "days_off": [f"2027-02-{d:02d}" for d in range(5, 15)]}]}, ensure_ascii=False), encoding="utf-8")
    result = cli("calendar", "--load", str(good), "--year", "2027", "--json")
    data = json.loads(result.stdout)
    assert data["tet_decided"] is True and data["change"]["applied"] is True
    days = {d["date"]: d for d in data["days"]}
    assert days["2027-02-12"]["source"] == "quyet_dinh" and "999/VPCP-KGVX" in days["2027-02-12"]["reference"]
    assert "2027-02-04" not in days  # the computed eve is a working day now
    assert json.loads(cli("calendar", "--year", "2027", "--json").stdout)["tet_decided"] is True  # kept


def test_add_work_on_a_holiday_is_a_working_day_not_a_make_up(cli):
    days = days_of(cli("calendar", "--add-work", "2026-09-01", "--json"))
    assert days["2026-09-01"]["working"] is True and "làm bù" not in days["2026-09-01"]["name"].lower()
    days = days_of(cli("calendar", "--add-work", "2026-11-28", "--json"))
    assert days["2026-11-28"]["name"] == "Ngày làm bù"  # a Saturday the office works


def _catalog(tmp_path):
    path = tmp_path / "catalog.csv"
    path.write_text("Mã thủ tục,Tên thủ tục,Lĩnh vực,Thời hạn giải quyết,Mức độ\n"
                    "P3,Cấp Giấy xác nhận tình trạng hôn nhân,Hộ tịch,3 ngày làm việc,Toàn trình\n", encoding="utf-8")
    return path


def _register(tmp_path):
    path = tmp_path / "ho-so.csv"
    path.write_text("Mã hồ sơ,Mã thủ tục,Ngày tiếp nhận,Người nộp\n"
                    "000.00.16.H19-261119-010001,P3,19/11/2026 09:00,Trần Thị Bình\n", encoding="utf-8")
    return path

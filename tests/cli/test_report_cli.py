"""Reports from the command line, as a scheduled task runs them: real processes, files, exit codes."""

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cli(tmp_path):
    env = {**os.environ, "MOTCUA_DATA_DIR": str(tmp_path / "data"), "MOTCUA_DB": f"sqlite:///{tmp_path / 'r.sqlite3'}"}

    def run(*args, now="2026-11-25 16:00"):
        command = [sys.executable, str(ROOT / "main.py"), "--now", now, *args]
        return subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, encoding="utf-8", errors="replace", timeout=180)
    return run


def one_line_error(result, fragment):
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Lỗi: ") and fragment in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_export_daily_report_and_outbox(cli, tmp_path):
    assert cli("demo", "--count", "3000", now="2026-11-25 09:00").returncode == 0
    out = tmp_path / "bao cao"
    result = cli("export-daily", "--date", "2026-11-25", "--out", str(out))
    assert result.returncode == 0, result.stderr
    [written] = list(out.iterdir())
    assert written.name == "bao-cao-cuoi-ngay-trung-tam-phuc-vu-hanh-chinh-cong-phuong-tran-bien-2026-11-25.xlsx"
    assert f"Đã ghi: {written}" in result.stdout
    book = openpyxl.load_workbook(written, read_only=True)
    assert "Tổng hợp ngày" in book.sheetnames and "Thiếu số hóa" in book.sheetnames

    result = cli("report", "--from", "2026-01-01", "--to", "2026-11-25", "--json")
    data = json.loads(result.stdout)
    total = data["total"]
    assert total["received"] == total["finished"] + total["in_progress"]
    assert sum(g["received"] for g in data["groups"]) == total["received"]
    assert set(data["rates"]) == {"full_online", "procedures_online", "online_dossiers", "online_processing",
                                  "on_time_finished", "on_time_overdue_counted", "digitization",
                                  "online_payment", "apology", "satisfaction", "satisfaction_land"}
    target = tmp_path / "bieu.xlsx"
    result = cli("report", "--from", "2026-11-01", "--to", "2026-11-25", "--by", "field", "--out", str(target))
    assert result.returncode == 0, result.stderr
    assert "Biểu II.06a — từ ngày 01/11/2026 đến ngày 25/11/2026" in result.stdout
    assert openpyxl.load_workbook(target)["Biểu II.06a"]["A1"].value.startswith("KẾT QUẢ GIẢI QUYẾT TTHC")

    result = cli("outbox", "--json")
    [item] = json.loads(result.stdout)["items"]
    assert item["status"] == "sent" and item["attempts"] == 1


def test_sending_without_a_mail_server_keeps_the_report_and_fails_loudly(cli, tmp_path):
    assert cli("demo", "--count", "200", now="2026-11-25 09:00").returncode == 0
    one_line_error(cli("export-daily", "--send"), "smtp_recipient")
    one_line_error(cli("export-daily"), "Chưa có nơi nhận báo cáo")
    listing = json.loads(cli("outbox", "--json").stdout)
    assert listing["items"] == []  # refused before anything was made


@pytest.mark.parametrize("args, fragment", [
    (("report", "--from", "2026-11-30", "--to", "2026-11-01"), "không được trước ngày đầu kỳ"),
    (("report", "--from", "2026-02-30", "--to", "2026-03-01"), "không tồn tại"),
    (("report", "--from", "2026-11-01", "--to", "2026-11-30", "--out", "bieu.csv"), ".xlsx"),
    (("export-daily", "--date", "hom-nay", "--out", "x"), "không hợp lệ"),
])
def test_bad_input_is_one_vietnamese_line(cli, args, fragment):
    one_line_error(cli(*args), fragment)

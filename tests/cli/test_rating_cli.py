"""`import` with an evaluation column, `rate`, `show`, `unhappy` and `report --json` as an officer runs them:
real processes on a real register, the rates checked against hand-computed figures."""

import csv
import json
import sqlite3

import pytest

from tests.cli.test_cli import assert_one_line_error

HEADER = ["STT", "Mã hồ sơ", "Ngày tiếp nhận", "Hạn xử lý", "Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Người nộp",
          "Trạng thái", "Ngày có kết quả", "Ngày trả kết quả", "Đánh giá"]
PROCEDURES = {"HT": ("Đăng ký khai sinh", "Hộ tịch"), "DD": ("Đăng ký biến động đất đai", "Đất đai"),
              "XD": ("Cấp giấy phép xây dựng", "Xây dựng")}


def code(n):
    return f"000.00.16.H19-261102-01{n:04d}"


@pytest.fixture
def register(cli, tmp_path):
    """Ten returned dossiers from a 1–5 star export and one still in progress; returns the database path.

    Hộ tịch: 5★ 4★ 2★ and one unrated · Đất đai: 5★ 3★ 1★ · Xây dựng: 4★ and one unrated."""
    lines = [(1, "HT", 5), (2, "HT", 4), (3, "HT", 2), (4, "HT", ""), (5, "DD", 5), (6, "DD", 3), (7, "DD", 1),
             (8, "XD", 4), (9, "XD", ""), (10, "HT", "")]
    path = tmp_path / "hoso.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for n, procedure, stars in lines:
            name, field = PROCEDURES[procedure]
            open_ = n == 10
            writer.writerow([n, code(n), "02/11/2026 09:00", "20/11/2026 17:00", procedure, name, field,
                             f"Người nộp {n}", "Đang xử lý" if open_ else "Đã trả kết quả",
                             "" if open_ else "10/11/2026 09:00", "" if open_ else "12/11/2026 10:00", stars])
    result = cli("import", str(path), "--create-procedures", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["added"], data["ratings"], data["rating_scale"]) == (10, 7, 5)
    return tmp_path / "r.sqlite3"


def counts(db):
    with sqlite3.connect(db) as connection:
        return (connection.execute("SELECT dossier_id, level, reasons, via, note FROM ratings ORDER BY id").fetchall(),
                connection.execute("SELECT count(*) FROM dossier_events").fetchone())


def test_rate_show_unhappy_and_the_report(cli, register):
    result = cli("rate", code(4), "--level", "khong-hai-long", "--reason", "thoi-gian", "--reason", "thai-do",
                 "--via", "phone", "--note", "Phải chờ lâu")
    assert result.returncode == 0, result.stderr
    assert (f"Đã ghi nhận đánh giá của hồ sơ {code(4)}: Không hài lòng (Thời gian giải quyết; Thái độ phục vụ) — "
            "điện thoại, 09:00 25/11/2026") in result.stdout
    result = cli("rate", code(9), "--level", "rat-hai-long", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["via"] == "counter"

    shown = cli("show", code(4))
    assert "Đánh giá:     Không hài lòng (Thời gian giải quyết; Thái độ phục vụ) — điện thoại" in shown.stdout
    assert "Phải chờ lâu" in shown.stdout
    data = json.loads(cli("show", code(4), "--json").stdout)["rating"]
    assert data["level"] == "khong-hai-long" and data["reasons"] == ["thoi-gian", "thai-do"]
    assert "chưa có (ghi nhận bằng lệnh “rate”)" not in shown.stdout
    assert json.loads(cli("show", code(10), "--json").stdout)["rating"] is None

    unhappy = cli("unhappy")
    assert unhappy.returncode == 0, unhappy.stderr
    assert "Hồ sơ người dân không hài lòng: 3, 3 mới từ hôm qua (*)." in unhappy.stdout
    assert code(4) in unhappy.stdout and "Thời gian giải quyết; Thái độ phục vụ — Phải chờ lâu" in unhappy.stdout

    # November: 9 dossiers with a result, all 9 rated now.
    # Hộ tịch 5★ 4★ 2★ + unhappy by phone: 2/4 · Đất đai 5★ 3★ 1★: 2/3 · Xây dựng 4★ + rất hài lòng: 2/2
    # overall 6/9 = 66,7 % (target 90); land and construction 4/5 = 80,0 % (target 85); rated 9/9 = 100,0 %
    report = json.loads(cli("report", "--from", "2026-11-01", "--to", "2026-11-30", "--by", "field",
                            "--json").stdout)
    overall, land = report["rates"]["satisfaction"], report["rates"]["satisfaction_land"]
    assert (overall["part"], overall["whole"], overall["percent"], overall["target"], overall["meets_target"]) == \
        (6, 9, 66.7, 90, False)
    assert (overall["rated"], overall["returned"], overall["rated_share"]) == (9, 9, 100.0)
    assert (land["part"], land["whole"], land["percent"], land["target"], land["meets_target"]) == \
        (4, 5, 80.0, 85, False)
    fields = {line["name"]: (line["rated"], line["percent"], line["target"]) for line in report["satisfaction"]}
    assert fields == {"Hộ tịch": (4, 50.0, 90), "Đất đai": (3, 66.7, 85), "Xây dựng": (2, 100.0, 85)}
    text = cli("report", "--from", "2026-11-01", "--to", "2026-11-30").stdout
    assert "đánh giá 9/9 hồ sơ có kết quả (100,0 %)" in text and "Mức độ hài lòng theo đơn vị:" in text


@pytest.mark.parametrize("args, fragment", [
    (["--level", "rat-vui"], "Mức đánh giá “rat-vui” không có; chọn một trong: rat-hai-long (rất hài lòng)"),
    (["--level", "khong-hai-long"], "phải chọn ít nhất một lý do"),
    (["--level", "hai-long", "--via", "email"], "Cách đánh giá “email” không có"),
    (["--level", "hai-long", "--reason", "thoi-gian"], "Lý do chỉ ghi cho đánh giá “Không hài lòng”"),
])
def test_bad_values_are_refused_in_one_line_and_change_nothing(cli, register, args, fragment):
    before = counts(register)
    assert_one_line_error(cli("rate", code(4), *args), fragment)
    assert counts(register) == before


def test_no_result_yet_already_rated_and_a_correction(cli, register):
    before = counts(register)
    assert_one_line_error(cli("rate", code(10), "--level", "hai-long"),
                          f"Hồ sơ {code(10)} chưa có kết quả (đang “Đang xử lý”) nên chưa ghi nhận đánh giá được.")
    assert_one_line_error(cli("rate", code(1), "--level", "hai-long"), "mỗi hồ sơ chỉ đánh giá một lần")
    assert_one_line_error(cli("rate", "KHONG-CO", "--level", "hai-long"), "Không tìm thấy hồ sơ mã “KHONG-CO”")
    assert counts(register) == before
    fixed = cli("rate", code(1), "--level", "hai-long", "--fix", "Cổng ghi nhầm mức")
    assert fixed.returncode == 0, fixed.stderr
    assert f"Đã sửa đánh giá của hồ sơ {code(1)}: Hài lòng — cổng dịch vụ công" in fixed.stdout
    history = cli("show", code(1)).stdout.split("Lịch sử:")[1]
    assert "Sửa đánh giá của người dân; lý do: Cổng ghi nhầm mức" in history

"""`import` and `import-catalog` as a real process."""

import json

from tests.cli.test_cli import assert_one_line_error
from tests.support.import_files import dossier_rows, write_csv

CATALOG = "Mã thủ tục;Tên thủ tục;Lĩnh vực;Thời hạn giải quyết;Mức độ\n" \
          "P3;Cấp Giấy xác nhận tình trạng hôn nhân;Hộ tịch;3;Toàn trình\n" \
          "P0;Chứng thực bản sao từ bản chính;Chứng thực;Trong ngày;Một phần\n" \
          "D10;Đăng ký biến động đất đai;Đất đai;10 ngày;Một phần\n" \
          "H4;Cấp bản sao trích lục hộ tịch;Hộ tịch;4 giờ;Toàn trình\n"


def test_catalog_then_dossiers_dry_run_then_for_real(cli, tmp_path):
    (tmp_path / "danhmuc.csv").write_text(CATALOG, encoding="utf-8")
    result = cli("import-catalog", str(tmp_path / "danhmuc.csv"))
    assert result.returncode == 0, result.stderr
    assert "thêm mới 4" in result.stdout
    path = write_csv(tmp_path / "hoso.csv", dossier_rows(20), headers="folded", encoding="cp1258")
    dry = json.loads(cli("import", str(path), "--dry-run", "--json").stdout)
    assert (dry["added"], dry["rejected"], dry["encoding"]) == (20, 0, "cp1258")
    assert cli("search", "dang van duc", "--json").stdout.strip() == "[]"  # the dry run wrote nothing
    real = cli("--user", "lan.nt", "import", str(path))
    assert real.returncode == 0, real.stderr
    assert "thêm mới 20" in real.stdout and "Báo cáo (bảng tính Excel):" in real.stdout
    assert real.stdout.rstrip().endswith(".xlsx")
    again = json.loads(cli("import", str(path), "--json").stdout)
    assert (again["added"], again["unchanged"]) == (0, 20)
    shown = cli("show", dossier_rows(20)[0]["code"])
    assert "Nhập từ tệp hoso.csv" in shown.stdout


def test_a_bad_file_is_one_line_and_exit_code(cli, tmp_path):
    (tmp_path / "rong.csv").write_bytes(b"")
    assert_one_line_error(cli("import", str(tmp_path / "rong.csv")), "trống")
    assert_one_line_error(cli("import", str(tmp_path / "khong-co.xlsx")), "Không tìm thấy tệp")
    (tmp_path / "loi.csv").write_text("Mã hồ sơ,Ngày tiếp nhận,Mã thủ tục,Người nộp\nHS-1,31/02/2026,P3,An\n",
                                      encoding="utf-8")
    assert_one_line_error(cli("import", str(tmp_path / "loi.csv")), "dòng 2: Ngày “31/02/2026” không tồn tại")
    dry = cli("import", str(tmp_path / "loi.csv"), "--dry-run")
    assert dry.returncode == 0 and "dòng 2" in dry.stdout


UNIT_NAMES = [
    "Phòng Tư pháp", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Phòng Nội vụ", "Phòng Y tế", "Thanh tra",
    "Văn phòng HĐND và UBND", "Chi nhánh Văn phòng đăng ký đất đai", "UBND xã Phú Hòa", "UBND xã Đông Hưng",
    "UBND xã Tân Lập", "UBND xã Bình Minh", "UBND xã Đức Thắng", "UBND thị trấn Hòa Bình", "UBND xã Quảng Đông",
    "UBND xã Nghĩa Đàn", "Phòng Tài chính - Kế hoạch",
]


def _spelt(name: str, index: int) -> str:
    """The same unit as different exports spell it: capitals, "Ủy ban nhân dân", dashes and spaces."""
    if index % 4 == 2:
        return name.replace("UBND", "Ủy ban nhân dân").replace(" - ", " – ")
    if index % 4 == 3:
        return "  " + name.upper().replace(" ", "  ") + " "
    return name


def test_an_export_with_its_units_gives_each_units_rates_as_the_plan_prints_them(cli, tmp_path):
    """A 9,044-dossier export over five months naming the deciding unit of each dossier (17 units, as in the
    plan), imported with --create-procedures --create-units: `report --by unit` gives each unit's online rate
    exactly as the plan's table prints it, and the office's 3,606 / 9,044 = 39,9 %."""
    import csv
    import datetime as dt
    import random

    from tests.app.test_rates import SEVENTEEN_UNITS

    rng = random.Random(7)
    rows, number = [], 0
    start = dt.datetime(2026, 6, 1, 8)
    for unit_index, ((total, online, _text), name) in enumerate(zip(SEVENTEEN_UNITS, UNIT_NAMES)):
        channels = ["Trực tuyến"] * online + ["Trực tiếp"] * (total - online)
        rng.shuffle(channels)
        for index, channel in enumerate(channels):
            number += 1
            received = start + dt.timedelta(days=rng.randrange(0, 150), hours=rng.randrange(0, 8))
            due = received + dt.timedelta(days=rng.randrange(1, 15))
            rows.append([f"000.00.16.H19-26{number:07d}", received.strftime("%d/%m/%Y %H:%M"),
                         due.strftime("%d/%m/%Y"), f"TT{unit_index % 5}", f"Thủ tục số {unit_index % 5}",
                         f"Người nộp {number}", channel, "Đã tiếp nhận", _spelt(name, index)])
    rng.shuffle(rows)
    assert len(rows) == 9044
    path = tmp_path / "xuat-9044.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Mã hồ sơ", "Ngày tiếp nhận", "Hạn xử lý", "Mã thủ tục", "Tên thủ tục", "Người nộp",
                         "Hình thức nộp", "Trạng thái", "Đơn vị xử lý"])
        writer.writerows(rows)

    dry = json.loads(cli("import", str(path), "--dry-run", "--json").stdout)
    assert dry["unknown_headers"] == []
    # each new unit once, named as most rows spell it
    assert sorted(u["name"] for u in dry["unknown_units"]) == sorted(UNIT_NAMES)
    result = cli("import", str(path), "--create-procedures", "--create-units", "--json")
    assert result.returncode == 0, result.stderr
    done = json.loads(result.stdout)
    assert (done["added"], done["units_created"], done["procedures_created"]) == (9044, 17, 5)

    report = cli("report", "--from", "2026-06-01", "--to", "2026-10-31", "--by", "unit")
    assert report.returncode == 0, report.stderr
    lines = {line[:40].strip(): line for line in report.stdout.splitlines()}
    for (total, _online, text), name in zip(SEVENTEEN_UNITS, UNIT_NAMES):
        line = lines[name[:40]]
        assert line.split()[-2:] == text.split(), (name, line)  # "42,9 %": the online rate, last column
        assert f" {total:,} ".replace(",", ".") in line
    assert lines["TỔNG CỘNG"].rstrip().endswith("39,9 %")
    data = json.loads(cli("report", "--from", "2026-06-01", "--to", "2026-10-31", "--by", "unit", "--json").stdout)
    assert {g["name"]: (g["received"], g["received_online"]) for g in data["groups"]} == \
        {name: (total, online) for (total, online, _), name in zip(SEVENTEEN_UNITS, UNIT_NAMES)}

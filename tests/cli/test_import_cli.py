"""`import` and `import-catalog` as a real process."""

import json

from tests.cli.test_cli import assert_one_line_error, cli  # noqa: F401 - the fixture
from tests.support.import_files import dossier_rows, write_csv

CATALOG = "Mã thủ tục;Tên thủ tục;Lĩnh vực;Thời hạn giải quyết;Mức độ\n" \
          "P3;Cấp Giấy xác nhận tình trạng hôn nhân;Hộ tịch;3;Toàn trình\n" \
          "P0;Chứng thực bản sao từ bản chính;Chứng thực;Trong ngày;Một phần\n" \
          "D10;Đăng ký biến động đất đai;Đất đai;10 ngày;Một phần\n" \
          "H4;Cấp bản sao trích lục hộ tịch;Hộ tịch;4 giờ;Toàn trình\n"


def test_catalog_then_dossiers_dry_run_then_for_real(cli, tmp_path):  # noqa: F811
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
    assert "thêm mới 20" in real.stdout and "Báo cáo:" in real.stdout
    again = json.loads(cli("import", str(path), "--json").stdout)
    assert (again["added"], again["unchanged"]) == (0, 20)
    shown = cli("show", dossier_rows(20)[0]["code"])
    assert "Nhập từ tệp hoso.csv" in shown.stdout


def test_a_bad_file_is_one_line_and_exit_code(cli, tmp_path):  # noqa: F811
    (tmp_path / "rong.csv").write_bytes(b"")
    assert_one_line_error(cli("import", str(tmp_path / "rong.csv")), "trống")
    assert_one_line_error(cli("import", str(tmp_path / "khong-co.xlsx")), "Không tìm thấy tệp")
    (tmp_path / "loi.csv").write_text("Mã hồ sơ,Ngày tiếp nhận,Mã thủ tục,Người nộp\nHS-1,31/02/2026,P3,An\n",
                                      encoding="utf-8")
    assert_one_line_error(cli("import", str(tmp_path / "loi.csv")), "dòng 2: Ngày “31/02/2026” không tồn tại")
    dry = cli("import", str(tmp_path / "loi.csv"), "--dry-run")
    assert dry.returncode == 0 and "dòng 2" in dry.stdout

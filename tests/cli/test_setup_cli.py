"""Setting up an office from the command line: real processes on a real register file."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-11-25 09:00"


@pytest.fixture
def cli(tmp_path):
    env = {**os.environ, "MOTCUA_DATA_DIR": str(tmp_path / "data"),
           "MOTCUA_DB": f"sqlite:///{tmp_path / 'r.sqlite3'}"}

    def run(*args, input=None, user="quantri"):
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "--now", NOW, "--user", user, *args],
                              cwd=tmp_path, env=env, capture_output=True, encoding="utf-8", errors="replace", timeout=120, input=input)
    run.url = env["MOTCUA_DB"]
    assert run("user", "add", "quantri", "--role", "admin", "--full-name", "Nguyễn Văn Quản", "--password-stdin",
               input="mat-khau-dai\n").returncode == 0
    return run


def ok(result):
    assert result.returncode == 0, result.stderr
    return result


def state(cli):
    """The settings and the audit trail (which records every change of the office and the units)."""
    return ok(cli("settings", "list", "--json")).stdout, ok(cli("audit", "log", "--limit", "0", "--json")).stdout


def test_a_new_office_sets_itself_up_and_every_change_is_in_the_audit_trail(cli, tmp_path):
    ok(cli("office", "set", "--name", "Trung tâm Phục vụ hành chính công phường Trần Biên", "--parent",
           "UBND phường Trần Biên", "--place", "Trần Biên", "--head-title", "GIÁM ĐỐC", "--head-name",
           "Nguyễn Thị Thu Hương", "--symbol", "TTPVHCC", "--email", "motcua@tranbien.gov.vn",
           "--phone", "0251 3822 123", "--address", "1 Nguyễn Ái Quốc, Trần Biên"))
    office = json.loads(ok(cli("office", "show", "--json")).stdout)
    assert office["letter_symbol"] == "TTPVHCC" and office["phone"] == "0251 3822 123"
    ok(cli("unit", "add", "Phòng Tư pháp - Hộ tịch", "--code", "TP"))
    ok(cli("unit", "add", "Ủy ban nhân dân xã Phú Hòa"))
    ok(cli("unit", "set", "Phòng Tư pháp - Hộ tịch", "--full-name", "PHÒNG TƯ PHÁP - HỘ TỊCH", "--parent",
           "UBND phường Trần Biên", "--head-title", "TRƯỞNG PHÒNG", "--head-name", "Trần Văn Bình", "--symbol", "TP"))
    # The head of the unit keeps it right; another unit is not theirs.
    ok(cli("user", "add", "binh.tv", "--role", "head", "--password-stdin", input="mat-khau-dai\n"))
    assert "tài khoản “binh.tv”" in ok(cli("unit", "set", "TP", "--leader", "binh.tv")).stdout
    ok(cli("unit", "set", "TP", "--head-name", "Trần Văn Bình", user="binh.tv"))
    refused = cli("unit", "set", "ubnd xa phu hoa", "--head-name", "Lê Văn Tâm", user="binh.tv")
    assert refused.returncode == 6 and "không có quyền" in refused.stderr
    shown = ok(cli("unit", "set", "ubnd xa phu hoa", "--full-name", "UBND XÃ PHÚ HÒA", "--parent", "UBND huyện",
                   "--head-title", "CHỦ TỊCH", "--head-name", "Lê Văn Tâm")).stdout
    assert "ký phiếu: CHỦ TỊCH Lê Văn Tâm" in shown
    folder = tmp_path / "o mang" / "bao cao"
    folder.mkdir(parents=True)
    for key, value in (("report_folder", str(folder)), ("smtp_host", "127.0.0.1"), ("smtp_port", "2525"),
                       ("smtp_security", "none"), ("smtp_sender", "motcua@tranbien.gov.vn"),
                       ("smtp_recipient", "vp@dongnai.gov.vn; ubnd@dongnai.gov.vn"), ("cutoff", "16:00")):
        ok(cli("settings", "set", key, value))
    assert ok(cli("settings", "get", "smtp_port")).stdout.strip() == "2525"
    assert json.loads(ok(cli("settings", "get", "cutoff", "--json")).stdout)["value"] == "16:00"

    # The letters of each unit are signed by its own head (h-letters prints app.issuer's answer).
    from app.issuer import issuer_for_unit
    from app.units import find_unit
    from db.engine import make_engine, make_sessionmaker

    engine = make_engine(cli.url)
    try:
        with make_sessionmaker(engine)() as session:
            signer = issuer_for_unit(session, find_unit(session, "Phòng Tư pháp - Hộ tịch"))
            other = issuer_for_unit(session, find_unit(session, "UBND xã Phú Hòa"))
    finally:
        engine.dispose()
    assert (signer.head_title, signer.head_name, signer.name, signer.symbol, signer.is_unit) == \
        ("TRƯỞNG PHÒNG", "Trần Văn Bình", "PHÒNG TƯ PHÁP - HỘ TỊCH", "TP", True)
    assert other.head_name == "Lê Văn Tâm"

    log = json.loads(ok(cli("audit", "log", "--by", "quantri", "--json")).stdout)
    changes = {(row["what"], row["changes"]) for row in log}
    from app.settings import SPEC_BY_KEY

    def setting(key):   # the history names a setting by its label (app/audit_words.py)
        return f"Thiết lập {SPEC_BY_KEY[key].label}"

    assert (setting("smtp_port"), "Giá trị: 587 → 2525") in changes
    assert (setting("cutoff"), "Giá trị: 15:00 → 16:00") in changes
    assert any(what == setting("report_folder") and text.startswith("Giá trị: (trống) → /") for what, text in changes)
    assert any(what.startswith("Đơn vị") and "Thủ trưởng: Trần Văn Bình" in text for what, text in changes), "\n".join(sorted(map(str, changes)))
    assert any(what.startswith("Thông tin cơ quan") and "Thư điện tử: motcua@tranbien.gov.vn" in text
               for what, text in changes), "\n".join(sorted(map(str, changes)))
    assert ok(cli("audit", "verify")).stdout.startswith("Nguyên vẹn")


BAD = [
    (("settings", "set", "smtp_port", "70000"), "Cổng SMTP”: Giá trị phải nằm trong khoảng 1–65535."),
    (("settings", "set", "smtp_sender", "motcua@@tranbien"), "“motcua@@tranbien” không hợp lệ"),
    (("settings", "set", "smtp_recipient", "vp@dongnai.gov.vn, khong-phai-dia-chi"), "“khong-phai-dia-chi”"),
    (("office", "set", "--email", "motcua.tranbien.gov.vn"), "“motcua.tranbien.gov.vn” không hợp lệ"),
    (("settings", "set", "smtp_pass", "x"), "Không có thiết lập “smtp_pass”"),
    (("settings", "get", "khong_co"), "Không có thiết lập “khong_co”"),
    (("settings", "set", "cutoff", "25:00"), "Giờ không hợp lệ"),
    (("settings", "set", "report_folder", "/khong/co/thu-muc"), "Thư mục “/khong/co/thu-muc” không tồn tại"),
    (("unit", "set", "Phòng Không Có", "--head-name", "A"), "Không có đơn vị nào tên “Phòng Không Có”"),
    (("unit", "set", "UBND xã", "--head-name", "A"), "khớp 2 đơn vị"),
    (("office", "set", "--name", "  "), "Tên cơ quan không được để trống"),
]


def test_bad_values_are_refused_in_one_vietnamese_line_and_change_nothing(cli):
    ok(cli("unit", "add", "UBND xã Phú Hòa"))
    ok(cli("unit", "add", "UBND xã Phú Lâm"))
    before = state(cli)
    for args, message in BAD:
        result = cli(*args)
        assert result.returncode != 0, args
        assert result.stderr.startswith("Lỗi: ") and len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert message in result.stderr, (args, result.stderr)
    assert state(cli) == before


def test_an_officer_may_not_change_the_office(cli):
    ok(cli("user", "add", "lan.nt", "--password-stdin", input="mat-khau-dai\n"))
    refused = cli("settings", "set", "smtp_port", "25", user="lan.nt")
    assert refused.returncode == 6 and "không có quyền sửa thông tin cơ quan và thiết lập" in refused.stderr


def test_merging_an_imported_duplicate(cli):
    ok(cli("demo", "--count", "40"))
    units = {u["name"]: u for u in json.loads(ok(cli("unit", "list", "--json")).stdout)}
    ok(cli("unit", "add", "Phòng Tư pháp Hộ tịch (tệp nhập)", "--code", "TP2"))
    merged = json.loads(ok(cli("unit", "merge", "TP2", "--into", "phong tu phap - ho tich", "--json")).stdout)
    assert merged == {"source": "Phòng Tư pháp Hộ tịch (tệp nhập)", "target": "Phòng Tư pháp - Hộ tịch",
                      "dossiers": 0, "procedures": 0}
    kept = ok(cli("unit", "merge", "Công an phường", "--into", "Phòng Tư pháp - Hộ tịch")).stdout
    moved = units["Công an phường"]["dossiers"]
    assert f"chuyển {moved} hồ sơ, {units['Công an phường']['procedures']} thủ tục" in kept
    after = {u["name"]: u for u in json.loads(ok(cli("unit", "list", "--json")).stdout)}
    assert after["Phòng Tư pháp - Hộ tịch"]["dossiers"] == units["Phòng Tư pháp - Hộ tịch"]["dossiers"] + moved
    assert after["Công an phường"]["merged_into"] == "Phòng Tư pháp - Hộ tịch" and not after["Công an phường"]["active"]
    again = cli("unit", "merge", "Công an phường", "--into", "TP")
    assert again.returncode != 0 and "Không có đơn vị nào tên “Công an phường”" in again.stderr
    assert ok(cli("audit", "verify")).returncode == 0

"""Letters and slips from the command line: a real process, a real file, or nothing at all."""

import json
import sqlite3

import pytest

from tests.cli.test_cli import assert_one_line_error
from tests.support.pdf import page_sizes_mm, readings


@pytest.fixture
def register(cli, tmp_path):
    """A demo register; returns a dossier whose apology letter is due tomorrow and one already late."""
    assert cli("demo", "--count", "2000", "--seed", "3").returncode == 0
    levels = json.loads(cli("warnings", "--json").stdout)["levels"]
    tomorrow = levels["apology_tomorrow"]["dossiers"][0]
    missed = (levels["apology_missed"]["dossiers"] or [None])[0]
    return {"tomorrow": tomorrow, "missed": missed, "db": tmp_path / "r.sqlite3"}


def state(db):
    with sqlite3.connect(db) as connection:
        return (connection.execute("SELECT count(*), max(id) FROM apology_letters").fetchone(),
                connection.execute("SELECT sum(version), count(*) FROM dossiers").fetchone(),
                connection.execute("SELECT count(*) FROM dossier_events").fetchone())


def test_letter_is_issued_written_and_recorded(cli, register, tmp_path):
    code = register["tomorrow"]["code"]
    due = register["tomorrow"]["due_at"][:10]
    out = tmp_path / "phieu.pdf"
    # A new date two weeks later, on a weekday the calendar agrees is a working day.
    result = cli("letter", code, "--reason", "Cần xác minh thực địa", "--new-date", "2026-12-09", "--out", str(out),
                 "--json")
    assert result.returncode == 0, result.stderr
    issued = json.loads(result.stdout)
    assert issued["dossier"] == code and issued["new_due_at"] == "2026-12-09T17:00:00" and not issued["late"]
    assert issued["previous_due_at"][:10] == due
    pdf = out.read_bytes()
    import hashlib
    import os
    import stat

    if os.name == "posix":      # readable by the office's other users, not only by whoever ran the command
        assert stat.S_IMODE(out.stat().st_mode) & 0o044 == 0o044

    assert hashlib.sha256(pdf).hexdigest() == issued["sha256"]
    assert page_sizes_mm(pdf) == [(148, 210)]
    for text in readings(pdf):
        assert code in text and f"Số: {issued['number']}" in text and "ngày 09 tháng 12 năm 2026" in text
        assert "Nơi nhận:" in text and "Ông/Bà/Tổ chức" not in text
    shown = cli("show", code)
    assert "Hẹn trả:      17:00 Thứ Tư, 09/12/2026" in shown.stdout and f"số {issued['number']}" in shown.stdout


@pytest.mark.parametrize("args, fragment", [
    (["--reason", "Cần xác minh", "--new-date", "2026-12-05"], "là ngày nghỉ"),
    (["--reason", "Cần xác minh", "--new-date", "2026-11-20"], "phải sau ngày hẹn trả hiện tại"),
    (["--reason", "x", "--new-date", "2026-12-09"], "quá ngắn"),
    (["--reason", "Cần xác minh", "--new-date", "2026-02-30"], "không có ngày 30"),
    (["--reason", "Cần xác minh", "--new-date", "2026-12-09", "--issued", "2026-12-01"], "ở tương lai"),
    (["--new-date", "2026-12-09"], "--reason"),
])
def test_bad_letter_input_writes_nothing_and_changes_nothing(cli, register, tmp_path, args, fragment):
    before = state(register["db"])
    out = tmp_path / "phieu.pdf"
    assert_one_line_error(cli("letter", register["tomorrow"]["code"], *args, "--out", str(out)), fragment)
    assert not out.exists() and list(tmp_path.glob(".phieu*")) == []
    assert state(register["db"]) == before


def test_second_letter_and_late_letter(cli, register, tmp_path):
    code = register["tomorrow"]["code"]
    assert cli("letter", code, "--reason", "Cần xác minh thực địa", "--new-date", "2026-12-09",
               "--out", str(tmp_path / "a.pdf")).returncode == 0
    before = state(register["db"])
    assert_one_line_error(cli("letter", code, "--reason", "Lần nữa", "--new-date", "2026-12-16",
                              "--out", str(tmp_path / "b.pdf")), "chỉ được đổi một lần")
    assert not (tmp_path / "b.pdf").exists() and state(register["db"]) == before
    missed = register["missed"]
    if missed is None:
        pytest.skip("the demo register has no dossier past its apology deadline")
    late = ["letter", missed["code"], "--reason", "Chờ ý kiến cơ quan thuế", "--new-date", "2026-12-09",
            "--out", str(tmp_path / "c.pdf")]
    assert_one_line_error(cli(*late), "--late-ok")
    assert not (tmp_path / "c.pdf").exists() and state(register["db"]) == before
    result = cli(*late, "--late-ok", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["late"] is True


def test_receipt_batch_and_logbook(cli, register, tmp_path):
    code = register["tomorrow"]["code"]
    assert cli("receipt", code, "--out", str(tmp_path / "r.pdf")).returncode == 0
    assert any(code in t and "HẸN TRẢ KẾT QUẢ" in t for t in readings((tmp_path / "r.pdf").read_bytes()))
    assert_one_line_error(cli("letters", "--out", str(tmp_path / "l.pdf")), "Không có phiếu xin lỗi nào")
    assert cli("letter", code, "--reason", "Cần xác minh thực địa", "--new-date", "2026-12-09",
               "--out", str(tmp_path / "a.pdf")).returncode == 0
    assert cli("letters", "--out", str(tmp_path / "l.pdf")).returncode == 0
    assert len(page_sizes_mm((tmp_path / "l.pdf").read_bytes())) == 1
    assert cli("logbook", "--from", "2026-11-01", "--to", "2026-11-25", "--out", str(tmp_path / "s.pdf")).returncode == 0
    assert set(page_sizes_mm((tmp_path / "s.pdf").read_bytes())) == {(297, 210)}
    assert_one_line_error(cli("receipt", "KHONG-CO", "--out", str(tmp_path / "x.pdf")), "Không tìm thấy hồ sơ")
    assert_one_line_error(cli("receipt", code, "--out", str(tmp_path / "x.txt")), "đuôi .pdf")
    assert not (tmp_path / "x.pdf").exists()

"""`deliver`, `show` and `letter-log` as an officer runs them: a real process on a real register."""

import json
import sqlite3

import pytest

from tests.cli.test_cli import assert_one_line_error

LATER = "2026-11-25 14:30"


@pytest.fixture
def issued(cli, tmp_path):
    """A demo register and a letter issued at 09:00 on 25/11/2026 for a dossier due soon; returns its code."""
    assert cli("demo", "--count", "300", "--seed", "3").returncode == 0
    levels = json.loads(cli("warnings", "--json").stdout)["levels"]
    code = levels["apology_tomorrow"]["dossiers"][0]["code"]
    result = cli("letter", code, "--reason", "Cần xác minh thực địa", "--new-date", "2026-12-09",
                 "--out", str(tmp_path / "phieu.pdf"), "--json")
    assert result.returncode == 0, result.stderr
    return {"code": code, "number": json.loads(result.stdout)["number"], "db": tmp_path / "r.sqlite3"}


def state(db, code):
    with sqlite3.connect(db) as connection:
        return (connection.execute("SELECT l.delivered_via, l.delivered_at, l.delivered_by, l.delivery_note "
                                   "FROM apology_letters l JOIN dossiers d ON d.id = l.dossier_id "
                                   "WHERE d.code = ?", (code,)).fetchone(),
                connection.execute("SELECT count(*) FROM dossier_events").fetchone(),
                connection.execute("SELECT count(*) FROM report_outbox").fetchone())


def test_deliver_is_recorded_and_shown(cli, issued):
    code, number = issued["code"], issued["number"]
    shown = cli("show", code, now=LATER)
    assert f"Phiếu xin lỗi: số {number} — chưa giao" in shown.stdout
    result = cli("deliver", code, "--via", "post", "--at", "2026-11-25 10:30", "--note", "Vận đơn EA123456789VN",
                 now=LATER)
    assert result.returncode == 0, result.stderr
    assert f"phiếu xin lỗi số {number} của hồ sơ {code} gửi qua bưu chính lúc 10:30 25/11/2026" in result.stdout
    shown = cli("show", code, now=LATER)
    assert shown.returncode == 0, shown.stderr
    assert f"Phiếu xin lỗi: số {number} — gửi qua bưu chính lúc 10:30 25/11/2026" in shown.stdout
    assert "Vận đơn EA123456789VN" in shown.stdout
    # in the history, as an event of its own
    history = shown.stdout.split("Lịch sử:")[1]
    assert f"Bưu chính  (Phiếu xin lỗi số {number} đã gửi qua bưu chính lúc 10:30 25/11/2026" in history
    data = json.loads(cli("show", code, "--json", now=LATER).stdout)["letter_delivery"]
    assert data["via"] == "post" and data["at"] == "2026-11-25T10:30:00" and data["number_text"] == number
    # the letters' logbook
    log = cli("letter-log", now=LATER)
    assert log.returncode == 0, log.stderr
    line = next(line for line in log.stdout.splitlines() if code in line)
    assert "Bưu chính 10:30 25/11/2026" in line
    undelivered = json.loads(cli("letter-log", "--undelivered", "--json", now=LATER).stdout)["letters"]
    assert code not in {row["dossier_code"] for row in undelivered}


BAD_INPUT = [
    (["--via", "fax"], "lựa chọn 'fax' không có"),
    (["--via", "counter", "--at", "2026-11-25 15:00"], "ở tương lai"),
    (["--via", "counter", "--at", "2026-11-24 08:00"], "trước khi phiếu số"),
    (["--via", "counter", "--at", "2026-02-30 08:00"], "không có ngày 30"),
    (["--via", "counter", "--fix", "nhầm"], "chưa được ghi nhận đã giao"),
    (["--via", "email"], "chưa có địa chỉ thư điện tử của người nộp"),
]


def test_bad_delivery_input_is_one_line_and_changes_nothing(cli, issued):
    """One register for every case (a demo register per case would take minutes)."""
    code = issued["code"]
    before = state(issued["db"], code)
    for args, fragment in BAD_INPUT:
        assert_one_line_error(cli("deliver", code, *args, now=LATER), fragment)
        assert state(issued["db"], code) == before, args
    with sqlite3.connect(issued["db"]) as connection:  # any dossier the demo gave no letter
        without = connection.execute("SELECT code FROM dossiers WHERE id NOT IN "
                                     "(SELECT dossier_id FROM apology_letters) ORDER BY id LIMIT 1").fetchone()[0]
    assert_one_line_error(cli("deliver", without, "--via", "counter", now=LATER), "chưa có phiếu xin lỗi")


def test_second_delivery_is_refused_and_a_correction_is_recorded(cli, issued):
    code = issued["code"]
    assert cli("deliver", code, "--via", "counter", now=LATER).returncode == 0
    before = state(issued["db"], code)
    assert_one_line_error(cli("deliver", code, "--via", "sms", now=LATER), "chỉ giao một lần")
    assert state(issued["db"], code) == before
    fixed = cli("deliver", code, "--via", "phone", "--fix", "Ghi nhầm: đã báo qua điện thoại", now=LATER)
    assert fixed.returncode == 0, fixed.stderr
    assert "Đã sửa" in fixed.stdout and "báo qua điện thoại lúc 14:30 25/11/2026" in fixed.stdout
    shown = cli("show", code, now=LATER).stdout
    assert "giao tại quầy lúc 14:30 25/11/2026" in shown and "→ báo qua điện thoại lúc 14:30 25/11/2026" in shown
    assert "lý do: Ghi nhầm: đã báo qua điện thoại" in shown


def test_deliver_by_email_refused_then_accepted(cli, issued):
    """The server is a local aiosmtpd in this process; the command runs as its own process."""
    import email
    from email import policy

    from tests.app.test_letter_delivery import RefusingSMTP
    from tests.app.test_outbox import FakeSMTP, free_port
    from tests.support.pdf import readings

    code, number, port = issued["code"], issued["number"], free_port()
    with sqlite3.connect(issued["db"]) as connection:
        for key, value in (("smtp_host", "127.0.0.1"), ("smtp_port", port), ("smtp_security", "none"),
                           ("smtp_sender", "motcua@tranbien.gov.vn")):
            connection.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, json.dumps(value)))
        connection.execute("UPDATE dossiers SET applicant_email = 'nguoi.nop@example.vn' WHERE code = ?", (code,))
    with RefusingSMTP(port):
        refused = cli("deliver", code, "--via", "email", now=LATER)
    assert refused.returncode == 6
    assert_one_line_error(refused, "550 5.1.1 <nguoi.nop@example.vn>: Recipient address rejected")
    assert state(issued["db"], code)[0] == ("", None, None, "")
    assert "chưa giao (gửi thư lỗi: Máy chủ thư từ chối địa chỉ nhận" in cli("show", code, now=LATER).stdout
    with FakeSMTP(port) as server:
        sent = cli("deliver", code, "--via", "email", now=LATER)
    assert sent.returncode == 0, sent.stderr
    assert "tới nguoi.nop@example.vn" in sent.stdout and "gửi qua thư điện tử lúc 14:30 25/11/2026" in sent.stdout
    [(_sender, rcpts, raw)] = server.messages
    assert rcpts == ["nguoi.nop@example.vn"]
    [attachment] = list(email.message_from_bytes(raw, policy=policy.default).iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    for text in readings(attachment.get_content()):
        assert f"Số: {number}" in text and code in text
    via, at, _by, _note = state(issued["db"], code)[0]
    assert (via, at) == ("email", "2026-11-25 14:30:00.000000")

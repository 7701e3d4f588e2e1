"""Accounts, audit, backup and restore from the command line: real processes, real files."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-11-25 09:00"


@pytest.fixture
def cli(tmp_path):
    ours = {"MOTCUA_DATA_DIR": str(tmp_path / "data"), "MOTCUA_DB": f"sqlite:///{tmp_path / 'r.sqlite3'}"}

    def run(*args, input=None):
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "--now", NOW, *args], cwd=tmp_path,
                              env={**os.environ, **ours}, capture_output=True, encoding="utf-8", errors="replace",
                              timeout=120, input=input)
    run.register = tmp_path / "r.sqlite3"
    return run


def test_accounts_the_audit_chain_and_its_tampering(cli):
    assert cli("user", "add", "quantri", "--role", "admin", "--full-name", "Nguyễn Văn Quản",
               "--password-stdin", input="mat-khau-dai\n").returncode == 0
    # A second administrator cannot appear without one logged in.
    denied = cli("--user", "ai-do", "user", "add", "ke-gian", "--role", "admin", "--password-stdin",
                 input="mat-khau-dai\n")
    assert denied.returncode != 0 and "Không có tài khoản “ai-do”" in denied.stderr
    assert cli("--user", "quantri", "user", "add", "binh.tv", "--password-stdin", input="mat-khau-dai\n").returncode == 0
    refused = cli("--user", "binh.tv", "calendar", "--add-off", "2026-12-24")
    assert refused.returncode == 6 and "không có quyền sửa lịch" in refused.stderr
    assert cli("--user", "quantri", "calendar", "--add-off", "2026-12-24", "--note", "Nghỉ bù").returncode == 0
    verify = cli("audit", "verify")
    assert verify.returncode == 0 and verify.stdout.startswith("Nguyên vẹn")
    log = json.loads(cli("audit", "log", "--by", "quantri", "--json").stdout)
    assert any(row["what"].startswith("Lịch nghỉ/làm bù") for row in log)
    assert "mat-khau-dai" not in cli("audit", "log", "--limit", "0").stdout
    with sqlite3.connect(cli.register) as connection:   # behind the app's back
        connection.execute("UPDATE audit_events SET changes = replace(changes, 'Nghỉ bù', 'Làm bù') "
                           "WHERE table_name = 'calendar_overrides'")
        broken = connection.execute("SELECT id FROM audit_events WHERE table_name = 'calendar_overrides'").fetchone()[0]
    verify = cli("audit", "verify")
    assert verify.returncode == 7
    assert f"Bị phá vỡ tại sự kiện số {broken} (Lịch nghỉ/làm bù" in verify.stdout


def test_backup_damage_and_restore(cli):
    assert cli("demo", "--count", "300").returncode == 0
    made = json.loads(cli("backup", "--json").stdout)
    assert made["integrity"] == "ok" and Path(made["file"]).exists()
    size = cli.register.stat().st_size
    with open(cli.register, "r+b") as f:
        for offset in range(8192, size, 4096 * 3):
            f.seek(offset + 64)
            f.write(b"\x00\xff" * 400)
    damaged = cli("warnings")
    assert damaged.returncode == 5
    assert "bị hỏng" in damaged.stderr and made["file"] in damaged.stderr and len(damaged.stderr.splitlines()) == 1
    restored = cli("restore", made["file"])
    assert restored.returncode == 0, restored.stderr
    assert "Đã khôi phục" in restored.stdout
    assert cli("warnings").returncode == 0
    listed = cli("backup", "--list").stdout
    assert "thu-cong" in listed
    assert any(p.name.endswith(".hong.sqlite3.bad") for p in (cli.register.parent / "sao-luu").iterdir())
    bad = cli("restore", str(cli.register.parent / "khong-co.sqlite3"))
    assert bad.returncode != 0 and "Không có tệp sao lưu" in bad.stderr


def test_the_mail_password_is_stored_by_an_administrator_only_and_audited(cli, monkeypatch):
    """`smtp-password` went straight to the keyring: any officer could change where reports are sent
    from, and the audit trail never knew."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.support.memory_keyring.MemoryKeyring")
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    assert cli("user", "add", "quantri", "--role", "admin", "--full-name", "Nguyễn Văn Quản",
               "--password-stdin", input="mat-khau-dai\n").returncode == 0
    assert cli("--user", "quantri", "user", "add", "binh.tv", "--password-stdin", input="mat-khau-dai\n").returncode == 0
    refused = cli("--user", "binh.tv", "smtp-password", input="thu-di-bi-mat\n")
    assert refused.returncode == 6 and "quyền" in refused.stderr
    stored = cli("--user", "quantri", "smtp-password", input="thu-di-bi-mat\n")
    assert stored.returncode == 0, stored.stderr
    log = cli("audit", "log", "--limit", "0").stdout
    assert log.count("Thiết lập Mật khẩu SMTP") == 1 and "thu-di-bi-mat" not in log

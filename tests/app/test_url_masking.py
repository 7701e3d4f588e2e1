"""A database URL's password never reaches a message, the terminal or the log (issue 20.5).

Each error path that shows a URL is run for real, through ``main.main``, with a password typed
in ``--db`` or put back from the keyring (app/register_url.py)."""

import logging

import pytest

import main
from app import register_url
from db.masking import mask_url

SECRET = "Bi-mat@Kho/99"


@pytest.mark.parametrize(("text", "masked"), [
    ("postgresql+psycopg2://u:secret@127.0.0.1:1/x", "postgresql+psycopg2://u:***@127.0.0.1:1/x"),
    ("foo://u:pw@h/x", "foo://u:***@h/x"),
    (f"Địa chỉ “postgresql://canbo:{SECRET}@may-chu/motcua” sai", "Địa chỉ “postgresql://canbo:***@may-chu/motcua” sai"),
    ("postgresql://h/x?password=abc&sslmode=require", "postgresql://h/x?password=***&sslmode=require"),
    ("host=h password=zz user=u", "host=h password=*** user=u"),
    ("postgresql://canbo@may-chu/motcua", "postgresql://canbo@may-chu/motcua"),
    ("sqlite:////tmp/Sổ hồ sơ/r.sqlite3", "sqlite:////tmp/Sổ hồ sơ/r.sqlite3"),
    ("", ""),
])
def test_mask_url_hides_only_the_password(text, masked):
    assert mask_url(text) == masked


@pytest.fixture
def run(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MOTCUA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MOTCUA_DB", raising=False)
    root = logging.getLogger()
    handlers = list(root.handlers)

    def go(*args):
        code = main.main(["--now", "2026-11-25 09:00", *args])
        out = capsys.readouterr()
        return code, out.out + out.err

    yield go
    for handler in root.handlers[:]:   # the log file handler main.py added
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()


def _log(tmp_path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "data").rglob("*.log"))


def test_a_typed_password_in_a_url_nobody_can_read_is_not_echoed(run, tmp_path):
    code, said = run("--db", f"foo://u:{SECRET}@h/x", "warnings")
    assert code != 0 and "foo://u:***@h/x" in said, said
    assert SECRET not in said and SECRET not in _log(tmp_path)


def test_the_keyring_password_is_not_shown_when_the_driver_is_missing(run, tmp_path, memory_keyring):
    url = "postgresql+psycopg2://canbo@127.0.0.1:1/motcua"   # psycopg2 is not installed here
    register_url.store_password(url, SECRET)
    code, said = run("--db", url, "warnings")
    assert code != 0 and "psycopg2" in said and "canbo:***@127.0.0.1:1/motcua" in said, said
    assert SECRET not in said and SECRET not in _log(tmp_path)


def test_the_keyring_password_is_not_shown_when_the_server_refuses(run, tmp_path, memory_keyring):
    url = "postgresql+psycopg://canbo@127.0.0.1:1/motcua"    # nothing listens on port 1
    register_url.store_password(url, SECRET)
    code, said = run("--db", url, "warnings")
    assert code != 0 and "Không mở được sổ hồ sơ" in said and "canbo:***@127.0.0.1:1/motcua" in said, said
    assert SECRET not in said and SECRET not in _log(tmp_path)


def test_a_typed_password_is_masked_when_it_reaches_the_server(run, tmp_path):
    code, said = run("--db", f"postgresql+psycopg://canbo:{SECRET}@127.0.0.1:1/motcua", "warnings")
    assert code != 0 and "canbo:***@" in said, said
    assert SECRET not in said and SECRET not in _log(tmp_path)


def test_move_register_masks_the_target_url_in_its_errors(run, tmp_path):
    register = tmp_path / "r.sqlite3"
    code, said = run("--db", f"sqlite:///{register}", "move-register", "--to", f"khong-ro://canbo:{SECRET}@h/x")
    assert code != 0 and "khong-ro://canbo:***@h/x" in said, said
    assert SECRET not in said and SECRET not in _log(tmp_path)


def test_db_password_names_the_server_without_the_password(run, tmp_path, memory_keyring, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(SECRET + "\n"))
    code, said = run("--db", "postgresql+psycopg://canbo@may-chu/motcua", "db-password")
    assert code == 0 and "postgresql+psycopg://canbo@may-chu/motcua" in said and SECRET not in said


def test_the_log_hides_a_password_whatever_logs_it(run, tmp_path):
    run("--db", f"sqlite:///{tmp_path / 'r.sqlite3'}", "due", "--received", "2026-11-25 09:00", "--days", "1")
    logging.getLogger("motcua").error("tried postgresql://canbo:%s@may-chu/motcua", SECRET)
    for handler in logging.getLogger().handlers:
        handler.flush()
    log = _log(tmp_path)
    assert "postgresql://canbo:***@may-chu/motcua" in log and SECRET not in log

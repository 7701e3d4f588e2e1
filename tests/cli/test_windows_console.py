"""Windows without a console: Vietnamese on a redirected stdout (cp1258), and the windowed build's start-up errors.

On Windows a redirected stdout (``> file``, a pipe, a script reading ``--json``) is encoded as cp1252/cp1258,
which has no "ỗ", "ẹ" or "✓"; PYTHONIOENCODING=cp1258 reproduces it here. The windowed build (console=False)
has no stderr at all: a start-up error must reach the log and a box, not a print into nothing.
"""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_cp1258(tmp_path, *args):
    env = {**os.environ, "PYTHONIOENCODING": "cp1258", "MOTCUA_DATA_DIR": str(tmp_path / "data"),
           "MOTCUA_DB": f"sqlite:///{tmp_path / 'r.sqlite3'}"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--now", "2026-11-25 09:00", *args],
                          cwd=tmp_path, env=env, capture_output=True, timeout=120)


def test_vietnamese_output_survives_a_cp1258_stdout(tmp_path):
    done = run_cp1258(tmp_path, "due", "--received", "2026-02-12 10:00", "--days", "3")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "Hẹn trả kết quả:  17:00 Thứ Ba, 24/02/2026" in done.stdout.decode("utf-8")


def test_json_and_marks_survive_a_cp1258_stdout(tmp_path):
    done = run_cp1258(tmp_path, "digitization", "--json")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    json.loads(done.stdout.decode("utf-8"))
    lines = run_cp1258(tmp_path, "digitization")
    assert lines.returncode == 0 and "(✓ đạt, ✗ chưa đạt" in lines.stdout.decode("utf-8")


def test_an_error_reaches_a_cp1258_stderr_in_vietnamese(tmp_path):
    done = run_cp1258(tmp_path, "show", "KHÔNG-CÓ")
    assert done.returncode != 0 and done.returncode != 1   # the officer's error, not "Lỗi không mong đợi"
    assert done.stderr.decode("utf-8").startswith("Lỗi: ")


@pytest.fixture
def windowed(monkeypatch):
    """As in the windowed build: no console streams at all, and a box instead of a print."""
    import ui.errors

    shown = []
    monkeypatch.setattr(ui.errors, "show_startup_error", shown.append)

    def run(argv):
        import main

        with monkeypatch.context() as inside:   # set in the test's body: pytest's capture resets the streams
            inside.setattr(sys, "stderr", None)
            inside.setattr(sys, "stdout", None)
            return main.main(argv)

    yield run, shown
    root = logging.getLogger()
    for handler in list(root.handlers):   # main() added its file handler: leave the root logger as it was
        if isinstance(handler, logging.FileHandler):
            root.removeHandler(handler)
            handler.close()


def test_the_windowed_build_shows_and_logs_an_unopenable_register(tmp_path, windowed):
    run, shown = windowed
    register = tmp_path / "Nguyễn Văn A" / "ổ đã gỡ" / "register.sqlite3"   # its folder is gone (an unplugged drive)
    assert run(["--db", f"sqlite:///{register}"]) == 5
    assert len(shown) == 1 and shown[0].startswith("Lỗi: Không mở được sổ hồ sơ")
    assert str(register) in shown[0]   # the file as the officer knows it, not "Nguy%E1%BB%85n"
    log = (Path(os.environ["MOTCUA_DATA_DIR"]) / "logs" / "motcua.log").read_text(encoding="utf-8")
    assert shown[0] in log


def test_a_command_without_a_console_does_not_open_a_box(tmp_path, windowed):
    run, shown = windowed
    assert run(["--db", f"sqlite:///{tmp_path / 'r.sqlite3'}", "show", "KHÔNG-CÓ"]) != 0
    assert shown == []
    log = (Path(os.environ["MOTCUA_DATA_DIR"]) / "logs" / "motcua-cli.log").read_text(encoding="utf-8")
    assert "KHÔNG-CÓ" in log


def test_the_log_keeps_writing_when_another_process_blocks_its_rotation(tmp_path, monkeypatch, capsys):
    """Windows refuses to rename a log another process has open: no "Logging error", no record lost."""
    import main

    path = tmp_path / "motcua.log"
    handler = main._log_handler(path)
    handler.maxBytes = 300
    real = os.rename

    def rename(source, target):
        if Path(source) == path:
            raise PermissionError(13, "The process cannot access the file because it is being used", str(source))
        return real(source, target)

    logger = logging.getLogger("motcua.test-rotation")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        with open(path, "a", encoding="utf-8"):   # the other desk's handle
            monkeypatch.setattr(os, "rename", rename)
            for n in range(20):
                logger.warning("Bản ghi số %d của nhật ký, đủ dài để vượt giới hạn xoay vòng", n)
    finally:
        logger.removeHandler(handler)
        handler.close()
    text = path.read_text(encoding="utf-8")
    assert all(f"Bản ghi số {n} " in text for n in range(20))
    assert "Logging error" not in capsys.readouterr().err


def test_the_built_app_names_its_own_command_in_messages(monkeypatch):
    """Inside the built app there is no "python main.py": messages say motcua-cli (and MotCuaDesk for the window)."""
    from app import command_name, window_command
    from app.cli.parser import build_parser
    from app.errors import AppError

    assert command_name() == "python main.py"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert (command_name(), window_command()) == ("motcua-cli", "MotCuaDesk")
    parser = build_parser()
    assert parser.prog == "motcua-cli"
    with pytest.raises(AppError) as error:
        parser.parse_args(["user", "add"])
    assert "Xem “motcua-cli user add --help”." in str(error.value)
    from db.damage import damaged

    assert "python main.py" not in str(damaged(Path("khong-co.sqlite3"), "malformed"))

"""A SQLite register on a network share is refused, pointing to the shared PostgreSQL register (issue 19, point 7).

SQLite's WAL keeps its index in memory shared by the processes of one machine: two desks writing one file on
``\\\\server\\share`` can corrupt it. Nothing is created or written on the share.
"""

import sys

import pytest

from db import database
from db.database import RegisterUnavailable, is_network_path, open_register

SHARE = r"\\may-chu\MotCua\so-ho-so\register.sqlite3"


def test_a_register_on_a_unc_share_is_refused_before_anything_is_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)   # on Linux the UNC text would be a (strange) relative file name here
    with pytest.raises(RegisterUnavailable) as refused:
        open_register(f"sqlite:///{SHARE}")
    message = str(refused.value)
    assert SHARE in message and "thư mục mạng" in message and "PostgreSQL" in message
    assert list(tmp_path.iterdir()) == []


def test_a_data_folder_on_a_share_is_refused_too(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MOTCUA_DATA_DIR", r"\\may-chu\MotCua\Nguyễn Văn A")
    with pytest.raises(RegisterUnavailable, match="thư mục mạng"):
        open_register(None)


@pytest.mark.parametrize("path, remote", [
    (r"\\server\share\r.sqlite3", True),
    (r"\\?\UNC\server\share\r.sqlite3", True),
    (r"\\?\C:\Users\Nguyễn Văn A\r.sqlite3", False),
    (r"C:\Users\Nguyễn Văn A\AppData\Local\MotCuaDesk\register.sqlite3", False),
    ("/home/can-bo/.local/share/MotCuaDesk/register.sqlite3", False),
])
def test_what_counts_as_a_network_path(path, remote):
    assert is_network_path(path) is remote


def test_a_mapped_network_drive_is_refused(monkeypatch):
    monkeypatch.setattr(database, "_drive_is_remote", lambda path: path.upper().startswith("Z:"))
    with pytest.raises(RegisterUnavailable, match="PostgreSQL"):
        open_register(r"sqlite:///Z:\MotCua\register.sqlite3")


def test_a_local_register_and_a_server_are_not_refused(tmp_path):
    Session = open_register(f"sqlite:///{tmp_path / 'Nguyễn Văn A' / 'r.sqlite3'}"
                            if (tmp_path / "Nguyễn Văn A").mkdir() is None else "")
    Session.kw["bind"].dispose()
    database.refuse_network_file("postgresql+psycopg://motcua@may-chu/motcua")


@pytest.mark.skipif(sys.platform != "win32", reason="forward-slash UNC paths are UNC only on Windows")
def test_forward_slash_unc_on_windows():
    assert is_network_path("//server/share/r.sqlite3")

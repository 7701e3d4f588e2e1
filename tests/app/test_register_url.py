"""A shared server's password comes from the keyring, never from a file or the URL given (issue 9)."""

import pytest

from app import register_url, secrets
from app.errors import ValidationError

URL = "postgresql+psycopg://canbo@may-chu:5432/motcua"


def test_the_stored_password_is_put_into_the_url_only_when_it_has_none(memory_keyring):
    assert register_url.with_stored_password(URL) == URL  # nothing stored yet
    name = register_url.store_password(URL, "bí mật:@/")
    assert name == "register:canbo@may-chu:5432/motcua"
    assert secrets.fetch(name) == "bí mật:@/"
    from sqlalchemy.engine import make_url

    assert make_url(register_url.with_stored_password(URL)).password == "bí mật:@/"
    given = "postgresql+psycopg://canbo:khac@may-chu:5432/motcua"
    assert register_url.with_stored_password(given) == given
    assert register_url.with_stored_password("sqlite:///x.sqlite3") == "sqlite:///x.sqlite3"


def test_a_file_register_has_no_server_password():
    with pytest.raises(ValidationError):
        register_url.store_password("sqlite:///x.sqlite3", "x")


def test_without_a_keyring_the_url_is_used_as_given(monkeypatch):
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    assert register_url.with_stored_password(URL) == URL

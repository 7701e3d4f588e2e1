"""Secrets go to the keyring, and a machine without one is told plainly."""

import keyring
import pytest
from keyring.backends import fail

from app import secrets


def test_secret_round_trips_through_the_keyring(memory_keyring):
    secrets.store("smtp", "mật-khẩu-bí-mật")
    assert memory_keyring.secrets[(secrets.SERVICE, "smtp")] == "mật-khẩu-bí-mật"
    assert secrets.fetch("smtp") == "mật-khẩu-bí-mật"
    secrets.forget("smtp")
    secrets.forget("smtp")  # forgetting twice is not an error
    assert secrets.fetch("smtp") is None


def test_no_keyring_is_refused_with_a_plain_message():
    keyring.set_keyring(fail.Keyring())
    assert not secrets.available()
    with pytest.raises(secrets.NoKeyring, match="không lưu được mật khẩu"):
        secrets.store("smtp", "x")

"""Secrets go to the keyring, and a machine without one is told plainly."""

import keyring
import keyring.backend
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


class PolicyBlockedKeyring(keyring.backend.KeyringBackend):
    """Windows Credential Manager under a policy that forbids saved credentials: win32cred raises
    pywintypes.error (an Exception, not a KeyringError), here an OSError of the same code."""

    priority = 1

    def _refuse(self, *args):
        raise OSError(1312, "CredWrite", "A specified logon session does not exist. It may already have been terminated.")

    get_password = set_password = delete_password = _refuse


@pytest.mark.parametrize("call", [lambda: secrets.store("smtp", "x"), lambda: secrets.fetch("smtp"),
                                  lambda: secrets.forget("smtp")])
def test_a_backend_blocked_by_policy_is_no_keyring_with_the_plain_message(call):
    keyring.set_keyring(PolicyBlockedKeyring())
    with pytest.raises(secrets.NoKeyring, match="không lưu được mật khẩu") as error:
        call()
    assert "logon session" not in str(error.value)

"""Secrets (the SMTP password, a remote register's password) live in the
system keyring, behind this one small interface, and nowhere else: never in
the register, the settings, or the logs.

On a machine without a keyring the officer is told plainly; nothing is ever
written in clear as a fallback (keyrings.alt would do exactly that, so it is
never a dependency).
"""

from __future__ import annotations

from app.errors import ConfigurationError

SERVICE = "MotCua Desk"


class NoKeyring(ConfigurationError):
    """The system has no keyring to keep secrets in."""


_NO_KEYRING = ("Máy này không có kho mật khẩu của hệ điều hành (keyring), nên không lưu được mật khẩu. "
               "Trên Windows dùng Credential Manager, trên Linux cài GNOME Keyring hoặc KWallet; "
               "mật khẩu không bao giờ được ghi ra tệp dạng chữ rõ.")


def _backend():
    import keyring
    from keyring.backends import fail

    try:
        backend = keyring.get_keyring()
    except Exception as error:  # noqa: BLE001 - a backend that cannot even load is no keyring
        raise NoKeyring(_NO_KEYRING) from error
    if isinstance(backend, fail.Keyring) or type(backend).__module__.startswith("keyrings.alt"):
        raise NoKeyring(_NO_KEYRING)
    return keyring


# A policy that blocks saved credentials (Windows: "Network access: Do not allow storage of passwords and
# credentials"), a locked or broken Secret Service, a missing D-Bus: the backends raise pywintypes.error,
# OSError, RuntimeError, dbus errors… rather than KeyringError. Every one of them means "no keyring here".
def store(name: str, secret: str) -> None:
    try:
        _backend().set_password(SERVICE, name, secret)
    except NoKeyring:
        raise
    except Exception as error:  # noqa: BLE001 - see above
        raise NoKeyring(_NO_KEYRING) from error


def fetch(name: str) -> str | None:
    try:
        return _backend().get_password(SERVICE, name)
    except NoKeyring:
        raise
    except Exception as error:  # noqa: BLE001 - see above
        raise NoKeyring(_NO_KEYRING) from error


def forget(name: str) -> None:
    import keyring.errors

    try:
        _backend().delete_password(SERVICE, name)
    except keyring.errors.PasswordDeleteError:
        pass  # nothing stored: already forgotten
    except NoKeyring:
        raise
    except Exception as error:  # noqa: BLE001 - see above
        raise NoKeyring(_NO_KEYRING) from error


def available() -> bool:
    try:
        _backend()
    except NoKeyring:
        return False
    return True

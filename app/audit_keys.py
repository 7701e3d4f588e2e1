"""The office secret that seals the audit trail (db/audit_seal.py), kept in the system keyring.

Created on the register's first audited write (the first administrator's account at set-up) when the
keyring holds none, so every event of a new register is sealed. The head of office keeps a copy:
``audit key export`` (administrator only, and the export is itself an audit event) writes it to a
file; ``audit key import FILE`` gives it to another desk of a shared register, or back to this
machine after a reinstall. Several keys may be kept (one entry, the current one first): a desk that
sealed with its own key before receiving the office's still verifies its own events.

Without a keyring nothing is created or written in clear anywhere: the chain falls back to SHA-256,
and ``audit verify`` says what that leaves unprotected.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from sqlalchemy.orm import Session

from app import secrets
from app.context import Context
from app.errors import ValidationError
from app.permissions import Permission, require
from db import audit, audit_seal
from db.paths import data_dir

KEYRING_NAME = "audit-seal-key"
EXPORT_TITLE = "MotCua Desk — khóa niêm phong nhật ký thay đổi"
NO_KEYRING_LIMITATION = ("Máy này không có kho mật khẩu của hệ điều hành (keyring): nhật ký chỉ được nối bằng "
                         "SHA-256, nên người sửa được tệp sổ có thể tính lại cả chuỗi mà không bị phát hiện. "
                         "Hãy đối chiếu với bản sao lưu hoặc báo cáo đã gửi (audit verify --against TỆP).")
_HEX = re.compile(r"^[0-9a-f]{64}$")


def _parse(text: str | None) -> list[bytes]:
    keys = []
    for part in (text or "").split(","):
        part = part.strip().lower()
        if _HEX.match(part):
            keys.append(bytes.fromhex(part))
    return keys


class KeyringKeys:
    """The office secrets in the system keyring (app/secrets.py), for db/audit_seal.py."""

    def available(self) -> bool:
        return secrets.available()

    def stored(self) -> list[bytes]:
        try:
            return _parse(secrets.fetch(KEYRING_NAME))
        except secrets.NoKeyring:
            return []

    def current(self) -> bytes | None:
        try:
            keys = _parse(secrets.fetch(KEYRING_NAME))
            if keys:
                return keys[0]
            secret = os.urandom(32)
            secrets.store(KEYRING_NAME, secret.hex())
            return secret
        except secrets.NoKeyring:
            return None


def install() -> None:
    """Seal the audit trail of every register this process opens, and keep its checkpoint in the data folder."""
    audit_seal.configure(KeyringKeys(), data_dir() / audit_seal.CHECKPOINT_FOLDER)


def export_key(session: Session, ctx: Context) -> str:
    """The text the head of office keeps (administrator; the export is an audit event)."""
    require(session, ctx, Permission.EXPORT_AUDIT_KEY)
    if not secrets.available():
        raise secrets.NoKeyring(NO_KEYRING_LIMITATION)
    key = audit_seal.sealing_key()
    if key is None:
        raise secrets.NoKeyring(NO_KEYRING_LIMITATION)
    kid, secret = key
    audit.record(session, "audit_key", "export", {"key_id": kid}, row_key=kid)
    return (f"{EXPORT_TITLE}\n"
            f"Mã khóa: {kid}\n"
            f"Khóa: {secret.hex()}\n"
            "Giữ tệp này nơi an toàn, tách khỏi máy chứa sổ: ai có khóa này có thể giả mạo nhật ký.\n")


def import_key(session: Session, ctx: Context, path: Path) -> str:
    """Make the key of an exported file this machine's current key (the keys kept before stay, to verify
    the events they sealed). Returns the key's id."""
    require(session, ctx, Permission.EXPORT_AUDIT_KEY)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ValidationError(f"Không đọc được tệp khóa “{path}”: {error}.") from None
    match = re.search(r"Khóa:\s*([0-9a-fA-F]{64})\b", text)
    if match is None:
        raise ValidationError(f"Tệp “{path}” không phải tệp khóa niêm phong nhật ký do MotCua Desk xuất ra.")
    secret = bytes.fromhex(match.group(1))
    kid = audit_seal.key_id(secret)
    written = re.search(r"Mã khóa:\s*([0-9a-f]{16})\b", text)
    if written is not None and written.group(1) != kid:
        raise ValidationError(f"Tệp “{path}” bị hỏng: mã khóa ghi trong tệp không khớp với khóa.")
    kept = [k for k in KeyringKeys().stored() if k != secret]
    secrets.store(KEYRING_NAME, ",".join(k.hex() for k in [secret, *kept]))
    audit_seal.forget_cached_secrets()
    audit.record(session, "audit_key", "import", {"key_id": kid}, row_key=kid)
    return kid

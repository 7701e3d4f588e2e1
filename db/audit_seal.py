"""The seal of the audit trail: an office secret that a file writer does not have, and the chain's head
kept outside the register.

Why: SHA-256 alone can be recomputed by anyone who can write the register file, so an edited or
forged chain would pass ``audit verify``. With an HMAC keyed by a secret kept in the system keyring
(never in the register, the settings or the logs), recomputing the chain needs that secret. Each event
records the id of the key that sealed it (``audit_events.seal``; NULL = the SHA-256 of registers written
before migration 0010, or on a machine without a keyring), so old chains keep verifying and an unsealed
event after a sealed one is named as what it is.

Deleting the newest events leaves a shorter chain that still links up. So the head (event number and
hash) is also written outside the register where a file writer of the register does not reach it, or
not unseen: a checkpoint file in the data folder (rewritten after each commit), every backup
(``db/backup.py``), and the end-of-day workbook sent to the higher office. ``audit verify`` compares
with the checkpoint, ``--against FILE`` with any of them.

db/ must not import app/: the keyring lives behind ``app/secrets.py``, so the composition root (main.py)
installs a ``KeySource`` here; until one is installed (the throw-away demo register) the chain uses
SHA-256 and no checkpoint is written.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

log = logging.getLogger(__name__)

CHECKPOINT_FOLDER = "moc-nhat-ky"


class KeySource(Protocol):
    def available(self) -> bool:
        """Whether this machine has a keyring to keep the office secret in."""

    def current(self) -> bytes | None:
        """The office secret, created now if there is none yet; None without a keyring."""

    def stored(self) -> list[bytes]:
        """Every secret kept (the current one first, then keys imported from other desks or kept from
        before): never creates one; empty without a keyring."""


@dataclass
class _Config:
    keys: KeySource | None = None
    checkpoints: Path | None = None     # the data folder's checkpoint folder


_config = _Config()
_warned: set[str] = set()


def configure(keys: KeySource | None, checkpoint_folder: Path | None) -> None:
    """Called once by the composition root (and by the tests' fixtures)."""
    _config.keys, _config.checkpoints = keys, checkpoint_folder
    _secret_cache.clear()


def keys() -> KeySource | None:
    return _config.keys


_secret_cache: dict[str, bytes] = {}


def key_id(secret: bytes) -> str:
    """A short public name for a secret: which key sealed an event, without revealing it."""
    return hashlib.sha256(b"motcua-audit-seal:" + secret).hexdigest()[:16]


def sealing_key() -> tuple[str, bytes] | None:
    """The key new events are sealed with: (id, secret), or None (no keyring, or no source installed)."""
    source = _config.keys
    if source is None:
        return None
    cached = _secret_cache.get("current")
    if cached is None:
        cached = source.current()
        if cached is None:
            if "nokey" not in _warned:
                _warned.add("nokey")
                log.warning("No keyring on this machine: audit events are chained by SHA-256 only")
            return None
        _secret_cache["current"] = cached
        _secret_cache[key_id(cached)] = cached
    return key_id(cached), cached


def secret_for(kid: str) -> bytes | None:
    """The secret with this id, if this machine keeps it."""
    if kid in _secret_cache:
        return _secret_cache[kid]
    source = _config.keys
    if source is None:
        return None
    for secret in source.stored():
        _secret_cache[key_id(secret)] = secret
    return _secret_cache.get(kid)


def forget_cached_secrets() -> None:
    _secret_cache.clear()


def mac(secret: bytes, payload: str) -> str:
    return hmac.new(secret, payload.encode("utf-8"), hashlib.sha256).hexdigest()


# ── the head, outside the register ───────────────────────────────────────────────────────────────

@dataclass(frozen=True)
class Head:
    """The newest event of a chain: its number and hash, the key that sealed it, and a MAC of the two
    by that key (so a file writer cannot put another head in a checkpoint or a backup unseen)."""

    event: int
    hash: str
    seal: str | None = None
    mac: str | None = None

    def payload(self) -> str:
        return f"motcua-audit-head:{self.event}:{self.hash}"

    def as_dict(self) -> dict:
        return {"event": self.event, "hash": self.hash, "seal": self.seal, "mac": self.mac}

    @staticmethod
    def from_dict(data: dict) -> Head:
        event, digest = data.get("event"), data.get("hash")
        if not isinstance(event, int) or not isinstance(digest, str):
            raise ValueError("not a chain head")
        seal, code = data.get("seal"), data.get("mac")
        return Head(event, digest, seal if isinstance(seal, str) else None, code if isinstance(code, str) else None)


def signed_head(event: int, digest: str, seal: str | None) -> Head:
    """The head, with its MAC when the key that sealed it is at hand."""
    head = Head(event, digest, seal)
    secret = secret_for(seal) if seal else None
    return Head(event, digest, seal, mac(secret, head.payload()) if secret else None)


def head_mac_problem(head: Head) -> str | None:
    """'mac' when the head's MAC is wrong, 'nokey' when it cannot be checked here, None when it holds
    (or the head was never sealed)."""
    if head.seal is None:
        return None
    secret = secret_for(head.seal)
    if secret is None:
        return "nokey"
    if head.mac is None or not hmac.compare_digest(head.mac, mac(secret, head.payload())):
        return "mac"
    return None


def register_name(url) -> str:
    """A file name for one register's checkpoint: its SQLite file's stem or its database's name, and
    a digest of where it is (two registers never share a checkpoint; the password is never in it)."""
    if url.get_backend_name() == "sqlite":
        where = str(Path(url.database or "memory").resolve()) if url.database else "memory"
        stem = Path(url.database or "memory").stem
    else:
        where = url.render_as_string(hide_password=True)
        stem = url.database or url.get_backend_name()
    stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in stem)[:40] or "register"
    return f"{stem}-{hashlib.sha256(where.encode('utf-8')).hexdigest()[:12]}.json"


def checkpoint_path(url) -> Path | None:
    folder = _config.checkpoints
    return folder / register_name(url) if folder is not None else None


def write_checkpoint(url, head: Head) -> None:
    """Rewrite the register's checkpoint (a temporary name, then a rename: never half a file)."""
    path = checkpoint_path(url)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        with open(temporary, "w", encoding="utf-8") as file:
            json.dump({"motcua_audit_head": head.as_dict()}, file)
        os.replace(temporary, path)
    except OSError as error:   # a read-only profile must not stop the desk: the backups carry the head too
        log.warning("Audit checkpoint not written to %s: %s", path, error)


def read_checkpoint(path: Path) -> Head | None:
    try:
        with open(path, encoding="utf-8") as file:
            data = json.load(file)
    except FileNotFoundError:
        return None
    return Head.from_dict(data["motcua_audit_head"])


def forget_checkpoint(url) -> None:
    """After a restore the register's chain is the restored one: the old checkpoint no longer applies."""
    path = checkpoint_path(url)
    if path is not None:
        path.unlink(missing_ok=True)

"""A database URL's password hidden wherever a URL is shown (standard library only).

The one function for every message, log line and printed URL (issue 20): a URL typed with
``--db``, the shared server's URL with the keyring's password put back (app/register_url.py),
a URL SQLAlchemy cannot even parse, and error texts that quote one. Works on any text, so a
message that embeds a URL is masked whole; SQLAlchemy's ``render_as_string(hide_password=True)``
needs a URL it can parse and is not enough.
"""

from __future__ import annotations

import re

MASK = "***"
# scheme://user:password@ — the password runs to the last "@" before a space or a quote mark, so a
# password with "@" or "/" in it (typed without percent-encoding) is hidden whole.
_USERINFO = re.compile(r"(?P<head>\b[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@\"'“”]*):(?P<password>[^\s\"'“”]*)@")
# ?password=… or &password=… in a query string, and password=… in a libpq connection string
_PARAMETER = re.compile(r"(?P<head>(?:[?&]|\b)(?:password|passwd|pwd)=)(?P<password>[^\s&\"'“”]+)", re.I)


def mask_url(text: str) -> str:
    """``text`` with the password of every database URL in it replaced by ``***``."""
    if not text:
        return text
    text = _USERINFO.sub(lambda m: f"{m['head']}:{MASK}@" if m["password"] else m[0], text)
    return _PARAMETER.sub(lambda m: f"{m['head']}{MASK}", text)

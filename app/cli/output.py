"""How a command prints: lines for a person, or one JSON document for a program."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
from decimal import Decimal
from typing import TextIO

from app.validation import printable


def _plain(value):
    if dataclasses.is_dataclass(value):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, enum.Enum):
        return value.value if not isinstance(value, int) else int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class Output:
    def __init__(self, stream: TextIO, as_json: bool):
        self.stream = stream
        self.as_json = as_json

    def line(self, text: str = "") -> None:
        """One line for a person. Stored text is shown, never obeyed: an ESC sequence or a bidi override in
        a name from an old import or an edited register is printed as <U+001B>, not sent to the terminal."""
        if not self.as_json:
            print(printable(text), file=self.stream)

    def data(self, value) -> None:
        if self.as_json:
            json.dump(_plain(value), self.stream, ensure_ascii=False, indent=2)
            self.stream.write("\n")

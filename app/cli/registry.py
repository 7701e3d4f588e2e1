"""The command modules beyond the core ones in ``commands.py``.

Each module defines ``add_parsers(commands, common)`` (its sub-parsers, in
Vietnamese) and ``COMMANDS`` (name → handler(args, Session, clock, out)).
A feature adds its module to this list and touches nothing else of the CLI.
"""

from __future__ import annotations

import importlib
from types import ModuleType

MODULES: list[str] = [
    "app.cli.calendar_commands",
    "app.cli.letter_commands",
    "app.cli.digitization_commands",
    "app.cli.import_commands",
    "app.cli.report_commands",
    "app.cli.admin_commands",
    "app.cli.move_commands",
    "app.cli.setup_commands",
    "app.cli.delivery_commands",
]


def command_modules() -> list[ModuleType]:
    return [importlib.import_module(name) for name in MODULES]

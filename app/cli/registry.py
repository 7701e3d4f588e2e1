"""The command modules beyond the core ones in ``commands.py``, and the commands each one answers.

Each module defines ``add_parsers(commands, common)`` (its sub-parsers, in
Vietnamese) and ``COMMANDS`` (name → handler(args, Session, clock, out)).
A feature adds its module and its command names here and touches nothing else
of the CLI. A module is imported only when one of its commands is run (or
the whole list asked for with ``--help``), so a command never pays for the
libraries of another (openpyxl, reportlab, alembic…);
tests/cli/test_lazy_start.py checks each module answers exactly the names
listed.
"""

from __future__ import annotations

import importlib
from types import ModuleType

MODULES: dict[str, tuple[str, ...]] = {
    "app.cli.letter_commands": ("letter", "receipt", "letters", "logbook"),
    "app.cli.digitization_commands": ("digitization",),
    "app.cli.import_commands": ("import", "import-catalog"),
    "app.cli.report_commands": ("export-daily", "report", "outbox", "smtp-password"),
    "app.cli.admin_commands": ("user", "audit", "backup", "restore"),
    "app.cli.move_commands": ("move-register", "db-password"),
    "app.cli.integrity_commands": ("check",),
    "app.cli.calendar_commands": ("calendar",),
    "app.cli.setup_commands": ("settings", "office", "unit"),
    "app.cli.delivery_commands": ("deliver", "letter-log"),
    "app.cli.rating_commands": ("rate", "unhappy"),
}


def module_of(command: str) -> str | None:
    """The module answering ``command``, or None (a core command of commands.py, or no such command)."""
    return next((module for module, names in MODULES.items() if command in names), None)


def command_modules() -> list[ModuleType]:
    """Every command module, imported (for the full help, and for tests)."""
    return [importlib.import_module(name) for name in MODULES]


def handler(command: str):
    """The function that runs ``command`` from a module of this list (the module is imported now)."""
    module = module_of(command)
    return importlib.import_module(module).COMMANDS[command] if module else None

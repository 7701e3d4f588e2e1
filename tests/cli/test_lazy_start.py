"""A command pays only for what it uses: `--version` and `due` load none of the heavy libraries (the
spreadsheet, PDF, migration, window, keyring and server-driver ones), and a register already at the
newest schema is opened without Alembic.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import registry
from app.cli.parser import build_parser

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("openpyxl", "reportlab", "alembic", "PySide6", "python_calamine", "keyring", "psycopg")

# Runs main.py as `python main.py ARGS` does, then lists the heavy packages the process loaded.
PROBE = """
import runpy, sys
sys.path.insert(0, {root!r})
sys.argv = ["main.py", *sys.argv[1:]]
code = 0
try:
    runpy.run_path({main!r}, run_name="__main__")
except SystemExit as exit_:
    code = exit_.code or 0
loaded = sorted({{name.split(".")[0] for name in sys.modules}} & set({heavy!r}))
print("LOADED:" + ",".join(loaded), file=sys.stderr)
sys.exit(code)
"""


@pytest.fixture
def probe(tmp_path):
    env = {**os.environ, "MOTCUA_DATA_DIR": str(tmp_path / "data"),
           "MOTCUA_DB": f"sqlite:///{tmp_path / 'r.sqlite3'}"}
    code = PROBE.format(root=str(ROOT), main=str(ROOT / "main.py"), heavy=HEAVY)

    def run(*args):
        result = subprocess.run([sys.executable, "-c", code, *args], cwd=tmp_path, env=env, capture_output=True,
                                encoding="utf-8", errors="replace", timeout=300)
        loaded = next(line for line in result.stderr.splitlines() if line.startswith("LOADED:"))
        return result, [name for name in loaded.removeprefix("LOADED:").split(",") if name]
    return run


def test_version_and_due_load_no_heavy_library(probe):
    result, loaded = probe("--version")
    assert result.returncode == 0 and result.stdout.startswith("MotCua Desk")
    assert loaded == []
    first, _ = probe("due", "--received", "2026-02-12 10:00", "--days", "3")   # creates and migrates the register
    assert first.returncode == 0, first.stderr
    result, loaded = probe("due", "--received", "2026-02-12 10:00", "--days", "3")
    assert result.returncode == 0 and "17:00 Thứ Ba, 24/02/2026" in result.stdout
    assert loaded == []   # the register is at head: no Alembic; no workbook, PDF, window or keyring


def test_a_command_of_a_module_loads_that_module_only(probe):
    probe("due", "--received", "2026-02-12 10:00", "--days", "3")
    result, loaded = probe("check")
    assert result.returncode == 0, result.stderr
    assert loaded == []


def test_each_command_module_answers_exactly_the_names_the_registry_lists():
    for module, names in registry.MODULES.items():
        loaded = __import__(module, fromlist=["COMMANDS"])
        assert tuple(loaded.COMMANDS) == names, module
    all_names = [name for names in registry.MODULES.values() for name in names]
    assert len(all_names) == len(set(all_names))


def test_the_help_still_lists_every_command():
    text = build_parser().format_help()
    for names in registry.MODULES.values():
        for name in names:
            assert f"    {name} " in text, name


def test_the_head_revision_is_read_without_alembic_and_agrees_with_it():
    from alembic.script import ScriptDirectory

    from db import migrate

    assert migrate.head_revision() == ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()

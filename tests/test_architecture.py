"""Dependencies point one way: ui → app → db. The day app/ or db/ imports Qt or ui, this fails."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _type_checking_only(tree) -> set[int]:
    """Ids of the nodes inside ``if TYPE_CHECKING:`` blocks: names for annotations, never imported at run time."""
    inside = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", "")) == "TYPE_CHECKING":
            for child in node.body:
                inside.update(id(n) for n in ast.walk(child))
    return inside


def _imports(package: str):
    for path in sorted((ROOT / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        skipped = _type_checking_only(tree)
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield path, alias.name
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                yield path, node.module


def _offenders(package: str, forbidden: tuple[str, ...]):
    return [f"{path.relative_to(ROOT)} imports {name}" for path, name in _imports(package)
            if name.split(".")[0] in forbidden]


def test_domain_never_imports_qt_or_ui():
    assert _offenders("app", ("PySide6", "shiboken6", "ui")) == []


def test_persistence_never_imports_domain_qt_or_ui():
    assert _offenders("db", ("PySide6", "shiboken6", "ui", "app")) == []


def test_window_reaches_the_database_only_through_the_domain():
    """ui → app → db: the window imports neither db nor SQLAlchemy (issue 17); use cases live in app/."""
    assert _offenders("ui", ("db", "sqlalchemy")) == []
    assert any(name.startswith("app") for _path, name in _imports("ui"))  # the scan really saw ui/


def test_importing_every_domain_module_loads_no_qt():
    modules = sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for package in ("app", "db") for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts
    )
    code = ("import importlib, sys\n"
            f"for name in {modules!r}: importlib.import_module(name)\n"
            "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui'))]\n"
            "print(loaded); sys.exit(1 if loaded else 0)\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, encoding="utf-8", errors="replace")
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(modules) > 15  # the scan really saw the packages

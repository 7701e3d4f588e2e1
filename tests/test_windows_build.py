"""What the Windows build needs and this machine can check (issue 19, points 10 and the cosmetic ones):
translations compiled by Python for every .ts and a build that stops without them, the .ico, .gitattributes,
the PowerShell scripts and the Windows CI workflow."""

import importlib.util
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def build_translations():
    spec = importlib.util.spec_from_file_location("build_translations", ROOT / "scripts" / "build_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_ts_is_compiled_by_python_into_a_qm_qt_loads(tmp_path):
    from PySide6.QtCore import QTranslator

    folder = tmp_path / "translations"
    shutil.copytree(ROOT / "resources" / "translations", folder, ignore=shutil.ignore_patterns("*.qm"))
    sources = sorted(p.stem for p in folder.glob("*.ts"))
    assert sources == sorted(p.stem for p in (ROOT / "resources" / "translations").glob("*.ts")) and sources
    tool = build_translations()
    assert [p.stem for p in tool.missing(folder)] == sources
    built = tool.ensure_built(folder)
    assert sorted(p.stem for p in built) == sources and tool.missing(folder) == []
    english = QTranslator()
    assert english.load(str(folder / "motcua_en.qm"))
    assert english.translate("MotCua", "Sổ hồ sơ")   # a translated string comes back from the compiled file


def test_a_ts_that_does_not_compile_stops_the_build(tmp_path):
    tool = build_translations()
    folder = tmp_path / "translations"
    folder.mkdir()
    (folder / "motcua_xx.ts").write_text("<TS version='2.1'><context><name>MotCua", encoding="utf-8")
    with pytest.raises(SystemExit, match="motcua_xx"):
        tool.ensure_built(folder)
    with pytest.raises(SystemExit):
        tool.ensure_built(tmp_path / "empty")


def test_the_pyinstaller_build_compiles_and_requires_the_translations():
    spec = (ROOT / "pyinstaller.spec").read_text(encoding="utf-8")
    assert '_load_script("build_translations").ensure_built(' in spec
    assert spec.index("ensure_built(") < spec.index("Analysis(")   # before anything is collected
    assert '"motcua.ico" if sys.platform == "win32"' in spec


def test_the_windows_icon_has_every_scaled_size():
    from PIL import Image

    sizes = Image.open(ROOT / "resources" / "icons" / "motcua.ico").info["sizes"]
    assert {(16, 16), (20, 20), (24, 24), (32, 32), (40, 40), (48, 48), (256, 256)} <= set(sizes)


def test_shell_scripts_keep_lf_endings_on_windows_checkouts():
    attributes = (ROOT / ".gitattributes").read_text(encoding="utf-8").splitlines()
    assert "*.sh text eol=lf" in attributes and "*.ps1 text eol=crlf" in attributes
    assert any(line.startswith("*.ico") and "binary" in line for line in attributes)


def test_the_powershell_scripts_mirror_the_bash_ones():
    run = (ROOT / "scripts" / "run.ps1").read_text(encoding="utf-8")
    test = (ROOT / "scripts" / "test.ps1").read_text(encoding="utf-8")
    setup = (ROOT / "scripts" / "setup.ps1").read_text(encoding="utf-8")
    assert "setup.ps1" in run and "main.py" in run and "@args" in run
    for step in ("setup.ps1", "ruff", "mypy", "QT_QPA_PLATFORM", "MOTCUA_DATA_DIR", "pytest"):
        assert step in test, step
    assert "build_translations.py" in setup and "requirements-dev.txt" in setup


def test_the_windows_workflow_names_each_step():
    workflow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    for step in ("windows-latest", "python-version: \"3.11\"", "fts5", "requirements-dev.txt",
                 "build_translations.py", "MOTCUA_DATA_DIR", "Nguyễn Văn A", "QT_QPA_PLATFORM: windows",
                 "pyinstaller.spec", 'motcua-cli.exe" --version', "MotCuaDesk.exe", "MOTCUA_SMOKE_SCREENSHOT",
                 "upload-artifact", "dist\\MotCuaDesk"):
        assert step in workflow, step


def test_tests_write_to_their_own_temporary_folders_not_to_tmp():
    """/tmp does not exist on Windows: a test writes under tmp_path (the benchmarks' examples apart)."""
    offenders = [str(path.relative_to(ROOT)) for path in (ROOT / "tests").rglob("*.py")
                 if "bench" not in path.parts and path.name != "test_windows_build.py"
                 and ('"/tmp/' in path.read_text(encoding="utf-8") or "'/tmp/" in path.read_text(encoding="utf-8"))]
    assert offenders == []

"""Build the window's translations (.qm) from every .ts in resources/translations, with the lrelease that
PySide6 ships: the same command on Linux and Windows, and the step the PyInstaller build runs itself.

    python scripts/build_translations.py           # build every .qm
    python scripts/build_translations.py --check   # only say which .ts has no up-to-date .qm (exit 1)

No shell is needed (scripts/update_translations.sh calls this for its .qm part; scripts/setup.sh and
scripts/run.ps1 call it on a fresh checkout). A .ts that lrelease cannot compile fails the build.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"


class TranslationsMissing(SystemExit):
    """A .ts without its .qm: the window would silently stay untranslated (or Qt's dialogs in English)."""


def lrelease() -> Path:
    """PySide6's lrelease: beside the package on Windows (lrelease.exe), there or in Qt/libexec elsewhere."""
    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    for candidate in (package / "lrelease.exe", package / "lrelease", package / "Qt" / "libexec" / "lrelease"):
        if candidate.is_file():
            return candidate
    raise TranslationsMissing(f"PySide6's lrelease was not found in {package}: reinstall PySide6-Essentials.")


def qm_of(ts: Path) -> Path:
    return ts.with_suffix(".qm")


def sources(folder: Path = TRANSLATIONS) -> list[Path]:
    return sorted(Path(folder).glob("*.ts"))


def missing(folder: Path = TRANSLATIONS) -> list[Path]:
    """The .ts files whose .qm is absent or older than the .ts."""
    return [ts for ts in sources(folder)
            if not qm_of(ts).is_file() or qm_of(ts).stat().st_mtime < ts.stat().st_mtime]


def build(folder: Path = TRANSLATIONS) -> list[Path]:
    """Compile every .ts of ``folder``; returns the .qm files. Raises TranslationsMissing if one fails."""
    program = lrelease()
    built = []
    for ts in sources(folder):
        qm = qm_of(ts)
        done = subprocess.run([str(program), "-silent", str(ts), "-qm", str(qm)], capture_output=True,
                              encoding="utf-8", errors="replace")
        if done.returncode != 0 or not qm.is_file():
            raise TranslationsMissing(f"lrelease could not compile {ts.name}: {(done.stderr or done.stdout).strip()}")
        built.append(qm)
    return built


def ensure_built(folder: Path = TRANSLATIONS) -> list[Path]:
    """Build, then refuse to go on if any .ts still lacks its .qm (what the PyInstaller build calls)."""
    if not sources(folder):
        raise TranslationsMissing(f"No .ts file in {folder}.")
    built = build(folder)
    left = missing(folder)
    if left:
        raise TranslationsMissing("Missing translations: " + ", ".join(qm_of(ts).name for ts in left))
    return built


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--check" in argv:
        left = missing()
        for ts in left:
            print(f"missing or out of date: {qm_of(ts).relative_to(ROOT)}", file=sys.stderr)
        return 1 if left else 0
    for qm in ensure_built():
        print(f"built {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

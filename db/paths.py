"""Where the app keeps its files, per platform conventions (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "MotCuaDesk"


def data_dir() -> Path:
    """User data folder; ``MOTCUA_DATA_DIR`` moves it (tests, portable installs)."""
    override = os.environ.get("MOTCUA_DATA_DIR")
    return Path(override) if override else platformdirs.user_data_path(APP_NAME, appauthor=False)


def log_dir() -> Path:
    override = os.environ.get("MOTCUA_DATA_DIR")
    return Path(override) / "logs" if override else platformdirs.user_log_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """Things worked out once and kept to save time (removable at any moment: they are rebuilt)."""
    override = os.environ.get("MOTCUA_DATA_DIR")
    return Path(override) / "cache" if override else platformdirs.user_cache_path(APP_NAME, appauthor=False)


def templates_dir() -> Path:
    """The office's own copies of the printed forms' wording (override the ones in resources/)."""
    return data_dir() / "templates"


def resources_dir() -> Path:
    """resources/ beside the code, or inside a one-folder PyInstaller build."""
    import sys

    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) / "resources" if frozen else Path(__file__).resolve().parents[1] / "resources"


def command_name() -> str:
    """How an officer starts the command line, for messages that say what to type: ``python main.py`` from
    the sources, the command-line executable of a built app (``motcua-cli``, beside the window's one)."""
    import sys

    return "motcua-cli" if getattr(sys, "frozen", False) else "python main.py"


def window_command() -> str:
    """How an officer opens the window: ``python main.py`` from the sources, ``MotCuaDesk`` in a built app."""
    import sys

    return "MotCuaDesk" if getattr(sys, "frozen", False) else "python main.py"

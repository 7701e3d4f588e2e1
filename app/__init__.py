"""MotCua Desk domain: the rules of the one-stop desk, free of Qt.

Nothing in this package may import PySide6 or ``ui``; tests/test_architecture.py
enforces it so the same core serves the window, the CLI and the tests.
"""

__version__ = "0.1.0"


def command_name() -> str:
    """What an officer types to run a command (``python main.py``, or ``motcua-cli`` in the built app)."""
    from db.paths import command_name as name

    return name()


def window_command() -> str:
    """What an officer types to open the window (``python main.py``, or ``MotCuaDesk`` in the built app)."""
    from db.paths import window_command as name

    return name()

"""MotCua Desk domain: the rules of the one-stop desk, free of Qt.

Nothing in this package may import PySide6 or ``ui``; tests/test_architecture.py
enforces it so the same core serves the window, the CLI and the tests.
"""

__version__ = "0.1.0"

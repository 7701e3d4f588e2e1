"""The PySide6 window. Reaches the register only through ``app``."""

"""Make resources/icons/motcua.ico (the Windows executables' icon) from motcua-256.png with Pillow, with every
size Windows asks for from 100 % to 200 % scaling (16–64 px), and 128/256 for Explorer's large views.

    python scripts/make_icon.py
"""

from pathlib import Path

from PIL import Image

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = [(16, 16), (20, 20), (24, 24), (32, 32), (40, 40), (48, 48), (64, 64), (128, 128), (256, 256)]

if __name__ == "__main__":
    Image.open(ICONS / "motcua-256.png").save(ICONS / "motcua.ico", sizes=SIZES)
    print(ICONS / "motcua.ico")

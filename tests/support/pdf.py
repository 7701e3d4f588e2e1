"""Reading generated PDFs back as a reader would: the words, the page sizes, the fonts."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from pypdf import PdfReader

MM = 72 / 25.4


def text_pypdf(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def text_pdftotext(pdf: bytes) -> str | None:
    """pdftotext's reading (poppler), or None where poppler-utils is not installed."""
    if not shutil.which("pdftotext"):
        return None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(pdf)
        return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, encoding="utf-8", errors="replace",
                              check=True).stdout


def flat(text: str) -> str:
    """Line breaks and runs of spaces as one space: a phrase is found wherever the line wraps."""
    return re.sub(r"\s+", " ", text).strip()


def readings(pdf: bytes) -> list[str]:
    """The flattened text as each available extractor reads it."""
    return [flat(t) for t in (text_pypdf(pdf), text_pdftotext(pdf)) if t is not None]


def page_sizes_mm(pdf: bytes) -> list[tuple[int, int]]:
    return [(round(float(p.mediabox.width) / MM), round(float(p.mediabox.height) / MM))
            for p in PdfReader(io.BytesIO(pdf)).pages]


def fonts(pdf: bytes) -> dict[str, bool]:
    """Base font name → whether its program is embedded (FontFile/FontFile2/FontFile3)."""
    found: dict[str, bool] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font.get("/BaseFont"))] = embedded
    return found

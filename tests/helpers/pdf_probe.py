"""Reading the PDFs back: text, metadata, page images and QR codes."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in reader(pdf).pages]


def text_of(pdf: bytes) -> str:
    return "\n".join(page_texts(pdf))


def squeezed(text: str) -> str:
    """Text without whitespace: extraction may break lines or drop spaces between words."""
    return "".join(text.split())


def metadata_values(pdf: bytes) -> list[str]:
    info = reader(pdf).metadata or {}
    return [str(value) for value in info.values()]


def needs_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (poppler-utils / qpdf; scripts/bootstrap.sh dev)")
    return path


def pdftotext(pdf: bytes, tmp_path: Path) -> str:
    needs_tool("pdftotext")
    source = tmp_path / "in.pdf"
    source.write_bytes(pdf)
    result = subprocess.run(
        ["pdftotext", "-layout", str(source), "-"], capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def decode_qr_codes(pdf: bytes, page_number: int, tmp_path: Path) -> list[str]:
    """Render one page at 200 dpi and return what every QR code on it decodes to."""
    needs_tool("pdftoppm")
    try:
        from pyzbar.pyzbar import decode
    except ImportError as error:  # the Python package or the libzbar0 system library
        pytest.skip(f"pyzbar cannot load ({error}); install pyzbar and libzbar0")
    from PIL import Image

    source = tmp_path / "qr.pdf"
    source.write_bytes(pdf)
    prefix = tmp_path / "page"
    page = str(page_number)
    command = ["pdftoppm", "-r", "200", "-png", "-f", page, "-l", page, str(source), str(prefix)]
    subprocess.run(command, check=True)
    (image_path,) = tmp_path.glob("page*.png")
    with Image.open(image_path) as image:
        return [symbol.data.decode("utf-8") for symbol in decode(image)]

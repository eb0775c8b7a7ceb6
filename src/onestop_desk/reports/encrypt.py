"""Password protection for PDFs that leave the center (USB export, e-mail).

reportlab's own AES-256 output is refused by poppler and pypdf, and RC4 is weak, so the
finished PDF is encrypted afterwards with pypdf (AES-256, revision 6), which every current
PDF reader opens.
"""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter


def encrypt_pdf(pdf_bytes: bytes, password: str) -> bytes:
    """The same PDF, openable only with ``password`` (the metadata is encrypted too)."""
    if not password:
        raise ValueError("an encrypted PDF needs a non-empty password")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes)))
    # No separate owner password: whoever may open the file may also print it, and one
    # password is one less secret for the counselor to hand over.
    writer.encrypt(user_password=password, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

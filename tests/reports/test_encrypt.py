"""Encrypted PDFs: AES-256 that pypdf, qpdf and poppler open with the password only."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError

from helpers.pdf_probe import needs_tool
from onestop_desk.reports import encrypt_pdf, render_case_summary, samples

PASSWORD = "원스톱-보안2025!"


@pytest.fixture(scope="module")
def encrypted() -> bytes:
    return encrypt_pdf(render_case_summary(samples.case_summary()), PASSWORD)


def test_pypdf_opens_it_with_the_password_only(encrypted: bytes) -> None:
    locked = PdfReader(io.BytesIO(encrypted))
    assert locked.is_encrypted
    assert locked.decrypt("wrong password") == 0
    opened = PdfReader(io.BytesIO(encrypted), password=PASSWORD)
    assert "김하늘" in opened.pages[0].extract_text()
    assert opened.metadata.title == "사례 요약 2025-0314-007"


def test_it_is_aes_256(encrypted: bytes) -> None:
    encrypt = PdfReader(io.BytesIO(encrypted)).trailer["/Encrypt"].get_object()
    assert encrypt["/V"] == 5 and encrypt["/R"] == 6
    assert encrypt["/CF"]["/StdCF"]["/CFM"] == "/AESV3"


def test_text_and_metadata_are_locked_without_it(encrypted: bytes) -> None:
    locked = PdfReader(io.BytesIO(encrypted))
    with pytest.raises(FileNotDecryptedError):
        _ = locked.metadata
    with pytest.raises(FileNotDecryptedError):
        locked.pages[0].extract_text()
    # The plain file spells its title out in the Info dictionary; the encrypted one does not.
    assert b"/Title (" in render_case_summary(samples.case_summary())
    assert b"/Title (" not in encrypted


def test_qpdf_and_poppler_agree(encrypted: bytes, tmp_path: Path) -> None:
    needs_tool("qpdf")
    needs_tool("pdfinfo")
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypted)
    checked = subprocess.run(
        ["qpdf", f"--password={PASSWORD}", "--check", str(path)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "No syntax or stream encoding errors" in checked.stdout
    with_password = subprocess.run(["pdfinfo", "-upw", PASSWORD, str(path)], capture_output=True)
    assert with_password.returncode == 0
    assert "사례 요약" in with_password.stdout.decode("utf-8")
    assert subprocess.run(["pdfinfo", str(path)], capture_output=True).returncode != 0
    assert subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode != 0


def test_empty_password_is_refused() -> None:
    with pytest.raises(ValueError):
        encrypt_pdf(render_case_summary(samples.case_summary()), "")

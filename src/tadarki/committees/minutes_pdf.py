"""Minutes out as PDF, where the machine has LibreOffice: the DOCX converted headless, so the
PDF is the same document officials edit in Word."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from tadarki.committees import minutes_docx
from tadarki.committees.models import Meeting

CONVERT_TIMEOUT_S = 180


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def available() -> bool:
    return soffice() is not None


def docx_to_pdf(docx: bytes) -> bytes:
    binary = soffice()
    if binary is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory(prefix="tadarki-pdf-") as tmp:
        src = Path(tmp) / "minutes.docx"
        src.write_bytes(docx)
        # A private profile per run: concurrent conversions otherwise fight over one lock.
        profile = (Path(tmp) / "profile").as_uri()
        subprocess.run(
            [
                binary,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=CONVERT_TIMEOUT_S,
        )
        return (Path(tmp) / "minutes.pdf").read_bytes()


def render(meeting: Meeting) -> bytes:
    return docx_to_pdf(minutes_docx.render(meeting))

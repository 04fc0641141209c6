"""Reading .docx files the way Word does (python-docx), and converting them with LibreOffice."""

from __future__ import annotations

import subprocess
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm


def east_asian_fonts(path: Path) -> set[str]:
    """Every w:eastAsia font named in the document body."""
    body = Document(str(path)).element.body
    return {node.get(qn("w:eastAsia")) for node in body.iter(qn("w:rFonts")) if node.get(qn("w:eastAsia"))}


def full_text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def page_mm(path: Path) -> tuple[float, float, float, float]:
    """(width, height, top margin, left margin) of the first section, in mm."""
    section = Document(str(path)).sections[0]
    return tuple(round(v / Mm(1), 1) for v in (section.page_width, section.page_height, section.top_margin,
                                                section.left_margin))


def convert_to_pdf(paths: list[Path], out_dir: Path) -> list[Path]:
    """LibreOffice's converter, as a stand-in for opening the files in Word/WPS: every file must
    convert. One soffice run converts them all (it starts slowly)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = out_dir / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out_dir), *map(str, paths)], check=True, capture_output=True, timeout=300)
    return [out_dir / f"{p.stem}.pdf" for p in paths]

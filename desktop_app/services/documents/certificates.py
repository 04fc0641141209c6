"""荣誉证书 as Word (text only, A4 landscape): title, recipient, citation, issuer and date, one
certificate a page, for her to adjust a citation or print onto her own stock."""

from __future__ import annotations

import os
from collections.abc import Iterable

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor

from desktop_app.services.documents.official import BODY_FONT, TITLE_FONT, OfficialDocument, set_run_font
from desktop_app.services.prints.certificates import TITLE, Certificate
from desktop_app.services.prints.page import chinese_date

TITLE_PT, NAME_PT, CITATION_PT, SIGN_PT = 42, 22, 20, 18
RED = RGBColor(0xB8, 0x10, 0x12)


def _landscape(doc: OfficialDocument) -> None:
    section = doc.document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = section.bottom_margin = Mm(28)
    section.left_margin = section.right_margin = Mm(40)
    for footer in (section.footer, section.even_page_footer):  # a certificate has no page number
        for paragraph in footer.paragraphs:
            paragraph.clear()


def _line(doc: OfficialDocument, text: str, size: float, *, align=WD_ALIGN_PARAGRAPH.LEFT, font: str = BODY_FONT,
          before: float = 0, indent: bool = False, bold: bool = False, colour: RGBColor | None = None):
    paragraph = doc.paragraph("", indent=False)
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.line_spacing = Pt(size * 1.6)
    fmt.space_before = Pt(before)
    if indent:
        fmt.first_line_indent = Pt(size * 2)
    run = paragraph.add_run(text)
    set_run_font(run, font, size, bold=bold)
    if colour is not None:
        run.font.color.rgb = colour
    return paragraph


def add_certificate(doc: OfficialDocument, cert: Certificate, new_page: bool = False) -> None:
    title = _line(doc, "　".join(TITLE), TITLE_PT, align=WD_ALIGN_PARAGRAPH.CENTER, font=TITLE_FONT, bold=True,
                  colour=RED, before=12)
    title.paragraph_format.page_break_before = new_page
    salutation = f"{cert.recipient}{('　' + cert.salutation) if cert.salutation else ''}："
    _line(doc, salutation, NAME_PT, before=36, bold=True)
    _line(doc, cert.citation, CITATION_PT, indent=True, before=6)
    _line(doc, cert.issuer, SIGN_PT, align=WD_ALIGN_PARAGRAPH.RIGHT, before=48)
    _line(doc, chinese_date(cert.day), SIGN_PT, align=WD_ALIGN_PARAGRAPH.RIGHT)
    if cert.number:
        _line(doc, f"证书编号：{cert.number}", 11, before=24)


def write_certificates(certs: Iterable[Certificate], path: os.PathLike | str) -> int:
    doc = OfficialDocument()
    _landscape(doc)
    count = 0
    for count, cert in enumerate(certs, start=1):
        add_certificate(doc, cert, new_page=count > 1)
    doc.save(path)
    return count

"""A Word document in the style of official party documents (GB/T 9704), built with python-docx.

A4; top margin 37 mm, left 28 mm, a 156 × 225 mm text block; title 2号 (22 pt) bold 宋体; body
3号 (16 pt) 仿宋 on 22 lines a page; level-1 headings 黑体, level-2 楷体; page numbers "— 1 —" in
4号 宋体, right on odd pages and left on even pages. Fonts are named as Windows names them so
Word and WPS find them; East Asian text needs the `w:eastAsia` font set explicitly.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from unicodedata import east_asian_width

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from desktop_app.services.files import atomic_output

TITLE_FONT = "宋体"
BODY_FONT = "仿宋"
HEADING1_FONT = "黑体"
HEADING2_FONT = "楷体"
PAGE_NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"

TITLE_PT = 22
BODY_PT = 16
PAGE_NUMBER_PT = 14
LINE_PITCH_PT = 225 / 22 * 72 / 25.4  # 22 lines in the 225 mm text block ≈ 28.9 pt
TEXT_WIDTH_PT = 156 * 72 / 25.4

ALIGNMENTS = {
    None: WD_ALIGN_PARAGRAPH.JUSTIFY,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def em_width(text: str) -> float:
    """Width in ems: a Chinese character is one, a Latin letter or digit about half."""
    return sum(1.0 if east_asian_width(char) in "WF" else 0.5 for char in text)


def title_size(line: str, width_pt: float = TEXT_WIDTH_PT, largest: float = TITLE_PT, smallest: float = 14) -> float:
    """The largest size (in half points) at which `line` fits on one line of `width_pt`."""
    ems = em_width(line)
    if not ems or ems * largest <= width_pt:
        return largest
    return max(smallest, int(width_pt / ems * 2) / 2)


def set_east_asian_font(r_pr, east_asian: str) -> None:
    """The w:eastAsia font of a run's or a style's properties: Word and WPS take Chinese text's font from it."""
    r_fonts = r_pr.find(qn("w:rFonts"))
    if r_fonts is None:
        r_fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, r_fonts)
    r_fonts.set(qn("w:eastAsia"), east_asian)


def set_run_font(run, east_asian: str, size_pt: float | None = None, *, bold: bool | None = None) -> None:
    """Give a run its Chinese font (w:eastAsia), a Latin font, a size and weight."""
    run.font.name = LATIN_FONT
    set_east_asian_font(run._element.get_or_add_rPr(), east_asian)
    if size_pt is not None:
        run.font.size = Pt(size_pt)
    if bold is not None:
        run.font.bold = bold


class OfficialDocument:
    """Build a document top to bottom, then `save(path)`; the file appears whole or not at all."""

    def __init__(self, title: str | None = None, *, subtitle: str | None = None):
        self.document = Document()
        self._set_up_page(self.document.sections[0])
        self._set_up_default_style()
        self._add_page_numbers(self.document.sections[0])
        if title:
            self.title(title)
        if subtitle:
            self.paragraph(subtitle, indent=False, align="center")

    # --- page ----------------------------------------------------------------
    @staticmethod
    def _set_up_page(section) -> None:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
        section.header_distance, section.footer_distance = Mm(15), Mm(20)
        grid = section._sectPr.find(qn("w:docGrid"))
        if grid is None:
            grid = OxmlElement("w:docGrid")
            section._sectPr.append(grid)
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(round(LINE_PITCH_PT * 20)))

    def _set_up_default_style(self) -> None:
        normal = self.document.styles["Normal"]
        normal.font.name = LATIN_FONT
        normal.font.size = Pt(BODY_PT)
        set_east_asian_font(normal.element.get_or_add_rPr(), BODY_FONT)
        fmt = normal.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(LINE_PITCH_PT)
        fmt.space_before = fmt.space_after = Pt(0)

    def _add_page_numbers(self, section) -> None:
        """"— 1 —": right-aligned on odd pages, left-aligned on even pages (GB/T 9704)."""
        self.document.settings.odd_and_even_pages_header_footer = True
        for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0]
            paragraph.alignment = align
            paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
            indent = Pt(PAGE_NUMBER_PT)  # 空一字
            if align == WD_ALIGN_PARAGRAPH.RIGHT:
                paragraph.paragraph_format.right_indent = indent
            else:
                paragraph.paragraph_format.left_indent = indent
            set_run_font(paragraph.add_run("— "), PAGE_NUMBER_FONT, PAGE_NUMBER_PT)
            self._add_field(paragraph, "PAGE")
            set_run_font(paragraph.add_run(" —"), PAGE_NUMBER_FONT, PAGE_NUMBER_PT)

    @staticmethod
    def _add_field(paragraph, instruction: str) -> None:
        run = paragraph.add_run()
        set_run_font(run, PAGE_NUMBER_FONT, PAGE_NUMBER_PT)
        for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
            if kind:
                element = OxmlElement("w:fldChar")
                element.set(qn("w:fldCharType"), kind)
            elif text == instruction:
                element = OxmlElement("w:instrText")
                element.set(qn("xml:space"), "preserve")
                element.text = f" {instruction} "
            else:
                element = OxmlElement("w:t")
                element.text = text
            run._element.append(element)

    # --- content -------------------------------------------------------------
    def title(self, text: str):
        """The title; "\n" breaks it where the caller chose (between phrases). A line wider than
        the text block is set smaller rather than wrapped, so no character is left on its own."""
        paragraph = self.document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fmt = paragraph.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(TITLE_PT * 1.5)
        fmt.space_after = Pt(LINE_PITCH_PT)
        lines = text.split("\n")
        for index, line in enumerate(lines):
            run = paragraph.add_run(line)
            set_run_font(run, TITLE_FONT, title_size(line), bold=True)
            if index < len(lines) - 1:
                run.add_break()
        return paragraph

    def heading1(self, text: str) -> None:
        self._line(text, HEADING1_FONT)

    def heading2(self, text: str) -> None:
        self._line(text, HEADING2_FONT)

    def _line(self, text: str, font: str, *, bold: bool = False):
        paragraph = self.document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
        paragraph.paragraph_format.keep_with_next = True
        set_run_font(paragraph.add_run(text), font, BODY_PT, bold=bold)
        return paragraph

    def paragraph(self, text: str, *, indent: bool = True, align: str | None = None, font: str = BODY_FONT, size_pt: float = BODY_PT):
        """A body paragraph: first line indented two characters unless `indent=False`."""
        paragraph = self.document.add_paragraph()
        paragraph.alignment = ALIGNMENTS[align]
        if indent:
            paragraph.paragraph_format.first_line_indent = Pt(size_pt * 2)
        set_run_font(paragraph.add_run(text), font, size_pt)
        return paragraph

    def fields(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Label：value lines, such as 时间：… 地点：… at the head of minutes."""
        for label, value in pairs:
            paragraph = self.document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
            set_run_font(paragraph.add_run(f"{label}："), HEADING1_FONT, BODY_PT)
            set_run_font(paragraph.add_run(value or ""), BODY_FONT, BODY_PT)

    def table(
        self,
        headers: Sequence[str],
        rows: Iterable[Sequence[object]],
        widths_mm: Sequence[float] | None = None,
        font_pt: float = 12,
    ):
        """A ruled table whose header row repeats on every page; cells are plain text."""
        rows = [["" if value is None else str(value) for value in row] for row in rows]
        table = self.document.add_table(rows=1 + len(rows), cols=len(headers))
        table.style = self.document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = widths_mm is None
        for column, header in enumerate(headers):
            self._cell_text(table.cell(0, column), header, HEADING1_FONT, font_pt, center=True)
        header_pr = table.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        header_pr.append(repeat)
        for r, values in enumerate(rows, start=1):
            for column, value in enumerate(values):
                self._cell_text(table.cell(r, column), value, BODY_FONT, font_pt)
        if widths_mm:  # Word reads the cells' widths, LibreOffice and WPS the grid's
            for column, width in enumerate(widths_mm):
                table.columns[column].width = Mm(width)
                for cell in table.columns[column].cells:
                    cell.width = Mm(width)
        self.document.add_paragraph()  # the next paragraph does not stick to the table
        return table

    @staticmethod
    def _cell_text(cell, text: str, font: str, size_pt: float, *, center: bool = False) -> None:
        paragraph = cell.paragraphs[0]
        fmt = paragraph.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY  # not snapped to the body's 28.9 pt line grid
        fmt.line_spacing = Pt(size_pt * 1.4)
        fmt.first_line_indent = Pt(0)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
        lines = str(text).split("\n")
        for index, line in enumerate(lines):
            run = paragraph.add_run(line)
            set_run_font(run, font, size_pt)
            if index < len(lines) - 1:
                run.add_break()
        return paragraph

    def signature(self, lines: Sequence[str], date_text: str | None = None) -> None:
        """The 落款: signing body (and 签名 lines) right-aligned, four characters in from the edge."""
        texts = [*lines, *([date_text] if date_text else [])]
        self.document.add_paragraph().paragraph_format.keep_with_next = True
        for index, text in enumerate(texts):
            paragraph = self.document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            paragraph.paragraph_format.right_indent = Pt(BODY_PT * 4)
            paragraph.paragraph_format.keep_with_next = index < len(texts) - 1  # never split over a page
            set_run_font(paragraph.add_run(text), BODY_FONT, BODY_PT)

    def page_break(self) -> None:
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def new_section(self) -> None:
        """A new page that starts its own section (same page setup and page numbers)."""
        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        self._set_up_page(section)

    def save(self, path: os.PathLike | str):
        with atomic_output(path) as partial:
            self.document.save(partial)
        return path

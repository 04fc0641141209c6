"""The 公示 list of a year's pledges for the notice board (公示栏).

A4 portrait: a title with the branch and the year, then a table of 序号, 姓名, 岗位 and
承诺内容 that runs on over as many pages as it needs, the header row repeated on each.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from desktop_app.services.prints import flow
from desktop_app.services.prints.fonts import FontSet
from desktop_app.services.prints.page import NO_OFFSET, Offset, Progress, Target, report
from desktop_app.services.prints.text import fit_size, markup

HEADERS = ("序号", "姓名", "岗位", "承诺内容")
COLUMN_WIDTHS_MM = (14, 28, 28, 98)
NOTE = "公示期间，如对以上承诺有意见或建议，请向党支部反映。"


@dataclass(frozen=True)
class NoticeRow:
    name: str
    post: str
    content: str

    @property
    def who(self) -> str:
        return self.name

    def texts(self) -> list[str]:
        return [self.name, self.post, self.content]


def notice_title(branch: str, school_year: str) -> str:
    return f"{branch}{school_year}学年党员承诺公示"


def notice_story(rows: list[NoticeRow], branch: str, school_year: str, fonts: FontSet) -> list:
    st = flow.styles(fonts)
    chain = fonts.chain()
    centred = st["cell"].clone("centred", alignment=1)
    header = [Paragraph(h, st["head_cell"]) for h in HEADERS]
    body = [
        [Paragraph(str(number), centred), Paragraph(markup(row.name, chain), centred),
         Paragraph(markup(row.post, chain), centred),
         [Paragraph(markup(line, chain), st["cell"]) for line in row.content.splitlines() or [""]]]
        for number, row in enumerate(rows, start=1)
    ]
    table = Table([header, *body], colWidths=[w * mm for w in COLUMN_WIDTHS_MM], repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), fonts.regular[0]),
        ("GRID", (0, 0), (-1, -1), 0.6, (0.25, 0.25, 0.25)),
        ("BACKGROUND", (0, 0), (-1, 0), (0.96, 0.86, 0.84)),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [(1, 1, 1), (0.99, 0.97, 0.96)]),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    title = notice_title(branch, school_year)
    bold = fonts.chain(bold=True)
    size = fit_size(title, bold, sum(COLUMN_WIDTHS_MM) * mm, 22, 12)
    title_style = st["title"].clone("notice_title", fontSize=size, leading=size * 1.35)
    return [
        Paragraph(markup(title, bold), title_style),
        flow.red_rule(),
        Paragraph(f"共 {len(rows)} 人", st["subtitle"]),
        table,
        Paragraph(markup(NOTE, chain), st["note"]),
    ]


def render_notice(rows: Iterable[NoticeRow], branch: str, school_year: str, target: Target, fonts: FontSet,
                  offset: Offset = NO_OFFSET, progress: Progress | None = None) -> int:
    rows = list(rows)
    report(progress, 0, 1)
    pages = flow.build(target, notice_story(rows, branch, school_year, fonts), fonts,
                       notice_title(branch, school_year), offset)
    report(progress, 1, 1)
    return pages

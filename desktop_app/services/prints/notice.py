"""The 公示 list of a year's pledges for the notice board (公示栏), as a school posts it.

A4 portrait: the title (the branch on one line, the year and 承诺公示 on the next; 拟公示 when
drafts are included), 共 N 人 counting people (the branch's own
pledge is set apart above the table and is not a person), a table of 序号, 姓名, 岗位, 承诺类型
and 承诺内容 with one row per pledge (a member with two pledges is numbered once), then the
公示期, the supervision phone, and the signing branch, date and seal area.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop_app.services.prints import flow
from desktop_app.services.prints.fonts import FontSet
from desktop_app.services.prints.page import GREY, NO_OFFSET, Offset, Progress, Target, numeric_date, report
from desktop_app.services.prints.text import draw_line, fit_size, markup

HEADERS = ("序号", "姓名", "岗位", "承诺类型", "承诺内容")
COLUMN_WIDTHS_MM = (13, 24, 27, 22, 84)
TITLE_SIZE, TITLE_MIN_SIZE = 22, 14
BLANK_DATE = "＿＿年＿＿月＿＿日"


@dataclass(frozen=True)
class NoticeRow:
    name: str
    post: str
    content: str
    kind: str = ""  # 岗位承诺 / 目标承诺 / 支部承诺
    member_id: int | None = None  # None: the branch's own pledge
    start: date | None = None  # its 公示 period, when it was published
    end: date | None = None

    @property
    def who(self) -> str:
        return self.name

    @property
    def list_label(self) -> str:
        return f"{self.name}（{self.kind}）" if self.kind else self.name

    @property
    def is_branch(self) -> bool:
        return self.member_id is None and self.kind == "支部承诺"

    def texts(self) -> list[str]:
        return [self.name, self.post, self.content]


@dataclass(frozen=True)
class NoticeInfo:
    """What the list says besides its rows."""

    branch: str
    school_year: str
    proposed: bool = False  # 拟公示: drafts included, and the title says so
    start: date | None = None
    end: date | None = None
    phone: str = ""
    signed_on: date | None = None

    @property
    def title_parts(self) -> tuple[str, str]:
        return self.branch, f"{self.school_year}学年党员承诺{'拟' if self.proposed else ''}公示"

    @property
    def title(self) -> str:
        return "".join(self.title_parts)

    @property
    def period_text(self) -> str:
        start = numeric_date(self.start) if self.start else BLANK_DATE
        end = numeric_date(self.end) if self.end else BLANK_DATE
        return f"公示期：{start}至{end}。"

    @property
    def closing(self) -> list[str]:
        """The sentences under the table."""
        phone = f"监督电话：{self.phone}。" if self.phone else "监督电话：＿＿＿＿＿＿＿＿。"
        return [self.period_text,
                "公示期间，如对以上承诺有意见或建议，请以书面、电话或当面方式向党支部反映。" + phone]

    @property
    def date_text(self) -> str:
        return numeric_date(self.signed_on) if self.signed_on else BLANK_DATE


def notice_info(rows: Iterable[NoticeRow], branch: str, school_year: str, proposed: bool, phone: str,
                today: date) -> NoticeInfo:
    """The period spans the rows' own 公示 periods; the list is signed on the first day of it
    (a 拟公示 list, not yet posted, leaves both to be filled in by hand)."""
    rows = list(rows)
    starts = [r.start for r in rows if r.start]
    ends = [r.end for r in rows if r.end]
    start, end = (min(starts) if starts else None), (max(ends) if ends else None)
    if proposed:
        return NoticeInfo(branch, school_year, True, None, None, phone, None)
    return NoticeInfo(branch, school_year, False, start, end, phone, start or today)


def people_count(rows: Iterable[NoticeRow]) -> int:
    """共 N 人: members, each once however many pledges they made; the branch is not a person."""
    return len({person_of(row) for row in rows if not row.is_branch})


def _title_flowables(info: NoticeInfo, fonts: FontSet, width: float) -> list:
    """The branch on one line, the subject on the next (never run together); a line too long
    for the width shrinks as a whole rather than leaving a character on a line of its own."""
    bold = fonts.chain(bold=True)
    st = flow.styles(fonts)
    result = []
    for line in info.title_parts:
        size = fit_size(line, bold, width, TITLE_SIZE, TITLE_MIN_SIZE)
        result.append(Paragraph(markup(line, bold), st["title"].clone("notice_title", fontSize=size,
                                                                    leading=size * 1.4, spaceAfter=0)))
    return result


class SealArea(Flowable):
    """The 落款 at the right: branch and date, with a dashed circle where the seal goes
    (overlapping the date, as a seal is set)."""

    def __init__(self, branch: str, date_text: str, fonts: FontSet, size: float = 13):
        super().__init__()
        self.branch, self.date_text, self.fonts, self.size = branch, date_text, fonts, size

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        return avail_width, 34 * mm

    def draw(self):
        c, chain = self.canv, self.fonts.chain()
        centre = self.width - 38 * mm
        c.setFillColorRGB(0, 0, 0)
        draw_line(c, self.branch, centre, 25 * mm, self.size, chain)
        draw_line(c, self.date_text, centre, 17 * mm, self.size, chain)
        c.saveState()
        c.setStrokeColorRGB(*GREY)
        c.setDash(3, 3)
        c.setLineWidth(0.6)
        c.circle(centre, 19 * mm, 17 * mm)  # a 34–42 mm seal, centred near the date
        c.setFillColorRGB(*GREY)
        draw_line(c, "（盖章）", centre, 5 * mm, 9, chain)
        c.restoreState()


def _table(rows: list[NoticeRow], fonts: FontSet) -> Table:
    st = flow.styles(fonts)
    chain = fonts.chain()
    centred = st["cell"].clone("centred", alignment=1)
    data = [[Paragraph(h, st["head_cell"]) for h in HEADERS]]
    number = 0
    for index, row in enumerate(rows):
        first_of_person = index == 0 or person_of(row) != person_of(rows[index - 1])
        number += first_of_person
        person = [str(number), markup(row.name, chain), markup(row.post, chain)] if first_of_person else ["", "", ""]
        data.append([
            *(Paragraph(text, centred) for text in person),
            Paragraph(markup(row.kind, chain), centred),
            [Paragraph(markup(line, chain), st["cell"]) for line in row.content.splitlines() or [""]],
        ])
    table = Table(data, colWidths=[w * mm for w in COLUMN_WIDTHS_MM], repeatRows=1)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.regular[0]),
        ("GRID", (0, 0), (-1, -1), 0.6, (0.25, 0.25, 0.25)),
        ("BACKGROUND", (0, 0), (-1, 0), (0.96, 0.86, 0.84)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for start, end in person_spans(rows):
        for column in (0, 1, 2):
            style.append(("SPAN", (column, start), (column, end)))
    table.setStyle(TableStyle(style))
    return table


def person_spans(rows: list[NoticeRow]) -> list[tuple[int, int]]:
    """(first, last) table rows (header = 0) of each member with more than one pledge."""
    spans, start = [], 1
    for index in range(1, len(rows) + 1):
        last = index == len(rows) or person_of(rows[index]) != person_of(rows[index - 1])
        if last:
            if index > start:
                spans.append((start, index))
            start = index + 1
    return spans


def person_of(row: NoticeRow):
    return row.member_id if row.member_id is not None else row.name


def split_rows(rows: Iterable[NoticeRow]) -> tuple[list[NoticeRow], list[NoticeRow]]:
    """(the branch's own pledges, the members' pledges)."""
    rows = list(rows)
    return [r for r in rows if r.is_branch], [r for r in rows if not r.is_branch]


def summary_line(members: list[NoticeRow]) -> str:
    return f"共 {people_count(members)} 人，承诺 {len(members)} 份"


def notice_story(rows: list[NoticeRow], info: NoticeInfo, fonts: FontSet) -> list:
    st = flow.styles(fonts)
    chain = fonts.chain()
    width = sum(COLUMN_WIDTHS_MM) * mm
    branch_rows, members = split_rows(rows)
    story = [*_title_flowables(info, fonts, width), flow.red_rule(),
             Paragraph(summary_line(members), st["subtitle"])]
    for row in branch_rows:
        story.append(Paragraph(f"{markup(row.name, chain)}承诺", st["heading"]))
        story += [Paragraph(markup(line, chain), st["body"]) for line in row.content.splitlines() if line]
        story.append(Spacer(0, 3 * mm))
    if members:
        story.append(_table(members, fonts))
    closing = [Paragraph(markup(text, chain), st["note"]) for text in info.closing]
    story += [*closing[:-1], KeepTogether([closing[-1], SealArea(info.branch, info.date_text, fonts)])]
    return story


def render_notice(rows: Iterable[NoticeRow], info: NoticeInfo, target: Target, fonts: FontSet,
                  offset: Offset = NO_OFFSET, progress: Progress | None = None) -> int:
    rows = list(rows)
    report(progress, 0, 1)
    pages = flow.build(target, notice_story(rows, info, fonts), fonts, info.title, offset)
    report(progress, 1, 1)
    return pages

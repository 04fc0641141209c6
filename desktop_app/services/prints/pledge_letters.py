"""Pledge letters (对标承诺书), one per member, for signing and filing.

Title, the member's name, post, party group and the pledge's type (岗位承诺 or 目标承诺, so a
cadre's two letters are told apart), the standard they measure themselves against (对标), the
numbered pledge items, and lines for the signature and the date. The branch's own letter is
signed by its secretary and sealed by the branch.
Every user text is escaped (`text.markup`), so `<b>` or `&` in a name prints as typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from desktop_app.services.prints import flow
from desktop_app.services.prints.fonts import FontSet
from desktop_app.services.prints.page import NO_OFFSET, Offset, Progress, Target, report
from desktop_app.services.prints.text import markup

TITLE = "对标承诺书"
DEFAULT_STANDARD = "对照“五个模范”优秀共产党员标准：学习模范、党性模范、服务模范、创新模范、业绩模范。"
CLOSING = "以上承诺，自觉接受党组织和全校师生的监督，认真践诺。"


@dataclass(frozen=True)
class PledgeLetter:
    name: str
    post: str
    party_group: str
    school_year: str
    branch: str
    items: tuple[str, ...] = field(default_factory=tuple)
    standard: str = DEFAULT_STANDARD
    kind: str = ""  # 岗位承诺 / 目标承诺 / 支部承诺
    by_branch: bool = False  # the branch's own pledge

    @property
    def who(self) -> str:
        return self.name

    @property
    def list_label(self) -> str:
        return f"{self.name}（{self.kind}）" if self.kind else self.name

    @property
    def subtitle(self) -> str:
        return "　".join(p for p in (self.branch, f"{self.school_year}学年", self.kind) if p)

    @property
    def signature_lines(self) -> list[tuple[str, str]]:
        """(label, blank) lines filled in by hand."""
        if self.by_branch:
            return [("党支部书记（签名）：", "＿＿＿＿＿＿＿＿＿＿"), ("党支部（盖章）：", ""),
                    ("日期：", "＿＿＿＿年＿＿月＿＿日")]
        return [("承诺人（签名）：", "＿＿＿＿＿＿＿＿＿＿"), ("日期：", "＿＿＿＿年＿＿月＿＿日")]

    def texts(self) -> list[str]:
        return [self.name, self.post, self.party_group, self.branch, self.standard, *self.items]


def _info_table(letter: PledgeLetter, fonts: FontSet, st) -> Table:
    chain = fonts.chain()

    def value(text):
        return Paragraph(markup(text or "—", chain), st["cell"])

    # labels are plain strings: a Paragraph would collapse their spacing (姓　名)
    if letter.by_branch:
        rows = [["承诺单位", value(letter.name), "学　年", value(f"{letter.school_year}学年")]]
    else:
        rows = [
            ["姓　名", value(letter.name), "岗　位", value(letter.post)],
            ["党小组", value(letter.party_group), "承诺类型", value(letter.kind)],
        ]
    table = Table(rows, colWidths=[26 * mm, 58 * mm, 26 * mm, 58 * mm])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), fonts.bold[0]),
        ("FONTSIZE", (0, 0), (-1, -1), 11.5),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ("ALIGN", (2, 0), (2, -1), "CENTER"),
        ("GRID", (0, 0), (-1, -1), 0.6, (0.3, 0.3, 0.3)),
        ("BACKGROUND", (0, 0), (0, -1), (0.98, 0.93, 0.90)),
        ("BACKGROUND", (2, 0), (2, -1), (0.98, 0.93, 0.90)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def _signature(letter: PledgeLetter, fonts: FontSet) -> Table:
    """The lines to fill in by hand, their colons aligned."""
    rows = [["", label, blank] for label, blank in letter.signature_lines]
    table = Table(rows, colWidths=[60 * mm, 44 * mm, 64 * mm])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.regular[0]),
                               ("FONTSIZE", (0, 0), (-1, -1), 13),
                               ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                               ("TOPPADDING", (0, 0), (-1, -1), 12)]))
    return table


def letter_story(letter: PledgeLetter, fonts: FontSet) -> list:
    st = flow.styles(fonts)
    chain = fonts.chain()
    story = [
        flow.SpacedTitle(TITLE, fonts),
        flow.red_rule(),
        Paragraph(markup(letter.subtitle, chain), st["subtitle"]),
        _info_table(letter, fonts, st),
        Paragraph("一、对标标准", st["heading"]),
        Paragraph(markup(letter.standard, chain), st["body"]),
        Paragraph("二、承诺内容", st["heading"]),
    ]
    items = [item for item in letter.items if item.strip()] or ["＿" * 30, "＿" * 30, "＿" * 30]
    for number, item in enumerate(items, start=1):
        story.append(Paragraph(f"{number}．{markup(item.strip(), chain)}", st["item"]))
    story.append(Spacer(0, 6 * mm))
    story.append(KeepTogether([Paragraph(markup(CLOSING, chain), st["body"]), Spacer(0, 10 * mm),
                               _signature(letter, fonts)]))
    return story


def render_pledge_letters(letters: Iterable[PledgeLetter], target: Target, fonts: FontSet,
                          offset: Offset = NO_OFFSET, progress: Progress | None = None) -> int:
    """Each letter starts on a new page; returns the page count."""
    letters = list(letters)
    story: list = []
    for done, letter in enumerate(letters, start=1):
        if story:
            story.append(PageBreak())
        story += letter_story(letter, fonts)
        report(progress, done, len(letters) + 1)
    pages = flow.build(target, story, fonts, TITLE, offset, numbered=False)
    report(progress, len(letters) + 1, len(letters) + 1)
    return pages

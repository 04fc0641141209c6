"""星级评定结果公示: the year's starred members for the notice board, before the branch approves.

One content (`star_notice`) written two ways: a Word document on the lead's OfficialDocument
(she edits, stamps and posts it) and a PDF through the print flow (services/prints/star_notice.py).
The scheme's counting rules are printed with the list, so a colleague can check any star.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop_app.domain.calendar import parse_school_year
from desktop_app.domain.dates import format_date_cn as format_date
from desktop_app.domain.evaluation import score_text
from desktop_app.domain.scheme import StarLevel
from desktop_app.domain.scheme_rules import scheme_rules
from desktop_app.services.documents.official import OfficialDocument
from desktop_app.services.errors import UserError
from desktop_app.services.evaluations.queries import is_year_locked, year_results
from desktop_app.services.evaluations.schemes import get_scheme
from desktop_app.services.settings import school_profile
from desktop_app.store.ledger import Ledger

HEADERS = ("序号", "姓名", "党小组", "第一学期", "第二学期", "学年得分", "星级")
WIDTHS_MM = (14, 24, 30, 22, 22, 22, 22)


@dataclass(frozen=True)
class StarNotice:
    title: str
    intro: str
    rows: tuple[tuple[str, ...], ...]
    rules: tuple[str, ...]
    closing: str
    branch: str
    date_text: str


def star_notice(ledger: Ledger, school_year: str, start: date, end: date, signed_on: date | None = None) -> StarNotice:
    """The starred members of the year, best star first, then by rank; refused when there is none."""
    year = parse_school_year(school_year)
    if end < start:
        raise UserError("公示结束日期早于开始日期。")
    results = sorted((r for r in year_results(ledger, year) if r.star_level),
                     key=lambda r: ([level.value for level in StarLevel].index(r.star_level), r.rank or 0, r.member_name))
    if not results:
        raise UserError(f"{year}学年还没有评出星级的党员（请先在“考核”页完成两个学期的考核）。")
    branch = school_profile(ledger).branch_title
    counts = "，".join(f"{level.label}{sum(r.star_level == level.value for r in results)}名" for level in StarLevel
                      if any(r.star_level == level.value for r in results))
    approved = is_year_locked(ledger, year)
    state = "经支部审定" if approved else "经量化考核，拟评定"
    intro = (f"根据{year}学年党员量化考核办法，{state}以下{len(results)}名同志为星级党员（{counts}），"
             f"现予公示。公示期为{format_date(start)}至{format_date(end)}。")
    rows = tuple(
        (str(n), r.member_name, r.party_group, score_text(r.first) or "—", score_text(r.second) or "—",
         score_text(r.score), r.star_label)
        for n, r in enumerate(results, start=1)
    )
    closing = "公示期间，如对评定结果有异议，请以书面或当面方式向党支部反映。各项得分的明细可向党支部查阅。"
    return StarNotice(f"{branch}{year}学年党员星级评定结果公示", intro, rows,
                      tuple(scheme_rules(get_scheme(ledger, year))), closing, branch,
                      format_date(signed_on or start))


def write_star_notice_docx(notice: StarNotice, path: Path) -> Path:
    doc = OfficialDocument(notice.title)
    doc.paragraph(notice.intro)
    doc.table(HEADERS, notice.rows, widths_mm=WIDTHS_MM, font_pt=12)
    doc.heading1("计分规则")
    for n, line in enumerate(notice.rules, start=1):
        doc.paragraph(f"{n}. {line}", size_pt=14)
    doc.paragraph(notice.closing)
    doc.signature([notice.branch], notice.date_text)
    return doc.save(path)

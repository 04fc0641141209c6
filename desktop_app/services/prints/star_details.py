"""星级明细 as a PDF: for each member, each indicator's records, owed and points, 加分/减分, totals,
the threshold met; the scheme's rules at the end."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Paragraph

from desktop_app.domain.calendar import parse_school_year

from desktop_app.domain.evaluation import score_text
from desktop_app.services.evaluations.breakdown import (
    DETAIL_HEADERS, StarBreakdown, breakdown_rules, detail_rows, star_breakdowns,
)
from desktop_app.services.files import atomic_output
from desktop_app.services.prints import flow
from desktop_app.services.prints.fonts import FontSet
from desktop_app.services.prints.page import Target
from desktop_app.services.prints.star_notice import ruled_table
from desktop_app.services.prints.text import markup
from desktop_app.services.settings import school_profile
from desktop_app.store.ledger import Ledger

WIDTHS_MM = (18, 20, 20, 18, 14, 12, 66)


def write_star_details_pdf(ledger: Ledger, school_year: str, path: Path, fonts: FontSet) -> Path:
    """Every evaluated member of the year, best first, into one PDF (appears whole or not at all)."""
    year = parse_school_year(school_year)
    title = f"{school_profile(ledger).branch_title}{year}学年党员星级明细"
    with atomic_output(path) as partial:
        render_star_details(star_breakdowns(ledger, year), breakdown_rules(ledger, year), title, str(partial), fonts)
    return Path(path)


def render_star_details(breakdowns: list[StarBreakdown], rules: list[str], title: str, target: Target,
                        fonts: FontSet) -> int:
    st = flow.styles(fonts)
    chain, bold = fonts.chain(), fonts.chain(bold=True)
    story = [Paragraph(markup(title, bold), st["title"].clone("details_title", fontSize=18, leading=26)),
             flow.red_rule()]
    for b in breakdowns:
        star = b.star or "未评星级"
        heading = f"{b.rank or '—'}. {b.name}（{b.status_label}{'，' + b.party_group if b.party_group else ''}）" \
                  f"　学年 {score_text(b.year_score) or '—'} 分　{star}"
        story += [Paragraph(markup(heading, bold), st["heading"]),
                  ruled_table(fonts, DETAIL_HEADERS, detail_rows(b), WIDTHS_MM, left=(6,), size=9.5)]
    story.append(Paragraph(markup("计分规则", bold), st["heading"]))
    story += [Paragraph(markup(f"{n}. {line}", chain), st["item"]) for n, line in enumerate(rules, start=1)]
    return flow.build(target, story, fonts, title)

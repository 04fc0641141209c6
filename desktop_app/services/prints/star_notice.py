"""The 星级评定结果公示 as a PDF for the notice board (the same content as the Word version)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from desktop_app.services.evaluations.star_notice import HEADERS, WIDTHS_MM, StarNotice
from desktop_app.services.files import atomic_output
from desktop_app.services.prints import flow
from desktop_app.services.prints.fonts import FontSet
from desktop_app.services.prints.page import Target
from desktop_app.services.prints.text import fit_size, markup

TABLE_STYLE = [
    ("GRID", (0, 0), (-1, -1), 0.6, (0.25, 0.25, 0.25)),
    ("BACKGROUND", (0, 0), (-1, 0), (0.96, 0.86, 0.84)),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("TOPPADDING", (0, 0), (-1, -1), 4),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
]


def ruled_table(fonts: FontSet, headers, rows, widths_mm, left: tuple[int, ...] = (), size: float = 11) -> Table:
    """A ruled table of plain texts (centred, but the `left` columns), its header row repeated on every page."""
    st = flow.styles(fonts)
    chain = fonts.chain()
    cell = st["cell"].clone("sized", fontSize=size, leading=size * 1.4)
    centred = cell.clone("centred", alignment=1)
    head = st["head_cell"].clone("sized_head", fontSize=size + 0.5, leading=size * 1.4)
    body = [[Paragraph(markup(str(text), chain), cell if n in left else centred) for n, text in enumerate(row)]
            for row in rows]
    table = Table([[Paragraph(h, head) for h in headers], *body],
                  colWidths=[w * mm for w in widths_mm], repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.regular[0]), *TABLE_STYLE]))
    return table


def write_star_notice_pdf(notice: StarNotice, path: Path, fonts: FontSet) -> Path:
    with atomic_output(path) as partial:
        render_star_notice(notice, str(partial), fonts)
    return Path(path)


def render_star_notice(notice: StarNotice, target: Target, fonts: FontSet) -> int:
    st = flow.styles(fonts)
    chain, bold = fonts.chain(), fonts.chain(bold=True)
    size = fit_size(notice.title, bold, sum(WIDTHS_MM) * mm, 22, 12)
    story = [
        Paragraph(markup(notice.title, bold), st["title"].clone("star_title", fontSize=size, leading=size * 1.35)),
        flow.red_rule(),
        Paragraph(markup(notice.intro, chain), st["body"]),
        Spacer(1, 6),
        ruled_table(fonts, HEADERS, notice.rows, WIDTHS_MM),
        Paragraph(markup("计分规则", bold), st["heading"]),
        *(Paragraph(markup(f"{n}. {line}", chain), st["item"]) for n, line in enumerate(notice.rules, start=1)),
        Paragraph(markup(notice.closing, chain), st["body"]),
        Spacer(1, 18),
        *(Paragraph(markup(text, chain), st["body"].clone("sign", alignment=2, firstLineIndent=0))
          for text in (notice.branch, notice.date_text)),
    ]
    return flow.build(target, story, fonts, notice.title)

"""The 公示 list as Word, for her to edit before posting: the same title, count, table,
公示期, supervision phone and 落款 as the PDF (services/prints/notice)."""

from __future__ import annotations

import os
from collections.abc import Iterable

from desktop_app.services.documents.official import OfficialDocument
from desktop_app.services.prints.notice import (
    HEADERS, NoticeInfo, NoticeRow, person_of, person_spans, split_rows, summary_line,
)

WIDTHS_MM = (14, 22, 26, 22, 72)  # the 156 mm text block


def _rows(members: list[NoticeRow]) -> list[list[str]]:
    """Table rows; a member's next pledge leaves 序号, 姓名 and 岗位 to the merged cells above."""
    rows, number = [], 0
    for index, row in enumerate(members):
        if index and person_of(row) == person_of(members[index - 1]):
            rows.append(["", "", "", row.kind, row.content])
        else:
            number += 1
            rows.append([str(number), row.name, row.post, row.kind, row.content])
    return rows


def _drop_empty_paragraphs(cell) -> None:
    """A merge keeps the emptied cells' paragraphs: blank lines under the name."""
    for paragraph in cell.paragraphs[1:]:
        if not paragraph.text:
            paragraph._element.getparent().remove(paragraph._element)


def write_notice(rows: Iterable[NoticeRow], info: NoticeInfo, path: os.PathLike | str) -> None:
    branch_rows, members = split_rows(rows)
    doc = OfficialDocument("\n".join(info.title_parts))
    doc.paragraph(summary_line(members), indent=False, align="center")
    for row in branch_rows:
        doc.heading1(f"{row.name}承诺")
        for line in row.content.splitlines():
            doc.paragraph(line)
    if members:
        table = doc.table(HEADERS, _rows(members), WIDTHS_MM, font_pt=12)
        for first, last in person_spans(members):  # table rows, the header being row 0
            for column in (0, 1, 2):
                _drop_empty_paragraphs(table.cell(first, column).merge(table.cell(last, column)))
    for index, text in enumerate(info.closing):
        doc.paragraph(text).paragraph_format.keep_with_next = index == len(info.closing) - 1
    doc.signature([info.branch], info.date_text)  # the seal is set over the branch and the date
    doc.save(path)

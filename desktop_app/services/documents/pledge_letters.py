"""对标承诺书 as Word: one letter a page, for her to edit, sign and file.

The same content as the PDF (services/prints/pledge_letters): title, the branch, year and the
pledge's type, who made it, the standard (对标), the numbered items, the closing sentence and
the lines to sign by hand (the branch's letter: its secretary's signature and the seal).
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from desktop_app.services.documents.official import OfficialDocument
from desktop_app.services.prints.pledge_letters import CLOSING, TITLE, PledgeLetter

BLANK_ITEM = "＿" * 24


def _who(letter: PledgeLetter) -> list[tuple[str, str]]:
    if letter.by_branch:
        return [("承诺单位", letter.name), ("学年", f"{letter.school_year}学年")]
    return [("姓名", letter.name), ("岗位", letter.post or "—"), ("党小组", letter.party_group or "—"),
            ("承诺类型", letter.kind or "—")]


def add_letter(doc: OfficialDocument, letter: PledgeLetter, new_page: bool = False) -> None:
    doc.title(TITLE).paragraph_format.page_break_before = new_page
    doc.paragraph(letter.subtitle, indent=False, align="center")
    doc.fields(_who(letter))
    doc.heading1("一、对标标准")
    doc.paragraph(letter.standard)
    doc.heading1("二、承诺内容")
    items = [item.strip() for item in letter.items if item.strip()] or [BLANK_ITEM] * 3
    for number, item in enumerate(items, start=1):
        doc.paragraph(f"{number}．{item}")
    doc.paragraph(CLOSING)
    doc.signature([f"{label}{blank}" for label, blank in letter.signature_lines])


def write_pledge_letters(letters: Iterable[PledgeLetter], path: os.PathLike | str) -> int:
    """Each letter on its own page; returns the number of letters."""
    doc = OfficialDocument()
    count = 0
    for count, letter in enumerate(letters, start=1):
        add_letter(doc, letter, new_page=count > 1)
    doc.save(path)
    return count

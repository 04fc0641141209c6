"""The shared Word writer: page setup, fonts and text as Word and WPS will read them."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from desktop_app.services.documents.official import OfficialDocument
from desktop_app.services.errors import UserError


def _east_asian_font(run) -> str | None:
    r_fonts = run._element.rPr.find(qn("w:rFonts"))
    return None if r_fonts is None else r_fonts.get(qn("w:eastAsia"))


def _sample(path: Path) -> Path:
    doc = OfficialDocument("第一党支部支部委员会会议记录")
    doc.fields([("时间", "2025年9月5日 15:00"), ("地点", "会议室")])
    doc.heading1("一、会议议程")
    doc.heading2("（一）出席情况")
    doc.paragraph("研究部署本学期党员示范课工作。")
    doc.table(["姓名", "出席情况"], [["王芳", "出席"], ["李明", "请假（外出培训）"]], [60, 96])
    doc.signature(["中共某某学校第一支部委员会"], "2025年9月5日")
    return doc.save(path)


def test_page_setup_follows_gbt_9704(tmp_path):
    document = Document(_sample(tmp_path / "minutes.docx"))
    section = document.sections[0]
    def mm(length) -> float:
        return round(length / Mm(1), 1)

    assert (mm(section.page_width), mm(section.page_height)) == (210.0, 297.0)
    assert (mm(section.top_margin), mm(section.left_margin)) == (37.0, 28.0)
    text_width = section.page_width - section.left_margin - section.right_margin
    text_height = section.page_height - section.top_margin - section.bottom_margin
    assert abs(text_width - Mm(156)) < Mm(0.1) and abs(text_height - Mm(225)) < Mm(0.1)
    footer_text = "".join(n.text or "" for n in section.footer._element.iter() if n.tag in (qn("w:t"), qn("w:instrText")))
    assert footer_text.replace(" ", "") == "—PAGE1—"


def test_title_headings_and_body_use_windows_fonts(tmp_path):
    document = Document(_sample(tmp_path / "minutes.docx"))
    paragraphs = {p.text: p for p in document.paragraphs if p.text}
    title = paragraphs["第一党支部支部委员会会议记录"].runs[0]
    assert _east_asian_font(title) == "宋体" and title.font.size == Pt(22) and title.font.bold
    assert _east_asian_font(paragraphs["一、会议议程"].runs[0]) == "黑体"
    assert _east_asian_font(paragraphs["（一）出席情况"].runs[0]) == "楷体"
    body = paragraphs["研究部署本学期党员示范课工作。"].runs[0]
    assert _east_asian_font(body) == "仿宋" and body.font.size == Pt(16)
    assert paragraphs["2025年9月5日"].alignment == 2  # right: the 落款
    table = document.tables[0]
    assert [c.text for c in table.rows[2].cells] == ["李明", "请假（外出培训）"]


def test_unwritable_target_leaves_no_file_and_says_so(tmp_path):
    missing = tmp_path / "没有这个文件夹" / "x.docx"
    with pytest.raises(UserError, match="没有这个文件夹"):
        OfficialDocument("标题").save(missing)
    assert not missing.parent.exists()

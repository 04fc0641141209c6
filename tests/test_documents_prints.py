"""Word twins of the prints (承诺书, 公示名单, 荣誉证书): text, fonts and page setup as Word reads
them, and LibreOffice converts each to PDF pages that are rendered for a person to look at."""

from __future__ import annotations

import pytest
from conftest import SCREENSHOT_DIR
from docx import Document
from docx_helpers import convert_to_pdf, east_asian_fonts, full_text, page_mm
from evaluation_helpers import YEAR
from prints_helpers import FIVE_STAR, FOUR_STAR, UNSTARRED, build_school, page_sizes_mm, render_png, text

from desktop_app.cli.main import main
from desktop_app.services.documents.official import TITLE_PT, title_size
from desktop_app.store.ledger import open_ledger


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    """The three Word files written by `print KIND --format docx`, and their PDF conversions."""
    root = tmp_path_factory.mktemp("word")
    ledger = open_ledger(root / "data")
    try:
        build_school(ledger)
    finally:
        ledger.close()
    files = {}
    for kind in ("pledges", "notice", "certificates"):
        files[kind] = root / f"{kind}.docx"
        assert main(["--data-dir", str(root / "data"), "print", kind, "--year", YEAR, "--format", "docx",
                     "-o", str(files[kind])]) == 0
    pdfs = dict(zip(files, convert_to_pdf(list(files.values()), root / "pdf"), strict=True))
    return files, pdfs


def test_pledge_letters_in_word(documents):
    files, pdfs = documents
    path = files["pledges"]
    assert page_mm(path) == (210.0, 297.0, 37.0, 28.0)
    assert {"宋体", "仿宋", "黑体"} <= east_asian_fonts(path)
    document = Document(str(path))
    titles = [p for p in document.paragraphs if p.text == "对标承诺书"]
    assert len(titles) == 9 and all(p.paragraph_format.page_break_before for p in titles[1:])
    assert titles[0].runs[0].font.size.pt == TITLE_PT and titles[0].runs[0].bold
    words = full_text(path)
    for part in ("承诺单位：育英中学党支部", "党支部书记（签名）", "党支部（盖章）", "承诺类型：目标承诺", "承诺类型：岗位承诺",
                 "1．王晓明承诺：认真备课上课，每学期上一节示范课。", "承诺人（签名）"):
        assert part in words, part
    assert page_sizes_mm(pdfs["pledges"]) == [(210.0, 297.0)] * 9
    assert "对标承诺书" in text(pdfs["pledges"])
    assert render_png(pdfs["pledges"], SCREENSHOT_DIR, "word_pledges", dpi=50)


def test_notice_in_word(documents):
    files, pdfs = documents
    path = files["notice"]
    assert page_mm(path) == (210.0, 297.0, 37.0, 28.0)
    assert {"宋体", "仿宋", "黑体"} <= east_asian_fonts(path)
    document = Document(str(path))
    title = document.paragraphs[0]
    assert title.text == f"育英中学党支部\n{YEAR}学年党员承诺公示"
    words = full_text(path)
    assert "共 6 人，承诺 7 份" in words and UNSTARRED[0] not in words
    assert "公示期：2025年9月10日至2025年9月16日。" in words
    signing = [p for p in document.paragraphs if p.text in ("育英中学党支部", "2025年9月10日")]
    assert [p.alignment for p in signing] == [2, 2] and signing[0].paragraph_format.keep_with_next
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["序号", "姓名", "岗位", "承诺类型", "承诺内容"]
    wang = [row for row in table.rows if row.cells[1].text == "王晓明"]
    assert [row.cells[3].text for row in wang] == ["岗位承诺", "目标承诺"]  # one merged 姓名 cell, two pledges
    assert wang[0].cells[1]._tc is wang[1].cells[1]._tc
    assert [row.cells[0].text for row in table.rows[1:]].count("1") == 2  # numbered once, merged
    converted = text(pdfs["notice"]).replace("\n", "")
    for name in [*FIVE_STAR[:1], *FOUR_STAR]:
        assert name in converted
    assert render_png(pdfs["notice"], SCREENSHOT_DIR, "word_notice", dpi=50)


def test_certificates_in_word(documents):
    files, pdfs = documents
    path = files["certificates"]
    width, height, _top, _left = page_mm(path)
    assert (width, height) == (297.0, 210.0)
    assert east_asian_fonts(path) == {"宋体", "仿宋"}
    assert Document(str(path)).sections[0].footer.paragraphs[0].text == ""  # no page number on a certificate
    assert "证书编号：2026-001" in full_text(path)
    words = full_text(path)
    for name in (*FIVE_STAR, *FOUR_STAR, "高二(3)班"):
        assert name in words
    assert "被评为“五星级党员”" in words and "二〇二六年七月一日" in words
    assert page_sizes_mm(pdfs["certificates"]) == [(297.0, 210.0)] * 8
    assert render_png(pdfs["certificates"], SCREENSHOT_DIR, "word_certificates", dpi=50)


def test_a_long_title_line_shrinks_rather_than_leaving_a_character_alone():
    assert title_size("育英中学党支部") == TITLE_PT
    long_branch = "中共某某市某某区第一实验中学高中部第二党支部委员会"  # 25 characters
    size = title_size(long_branch)
    assert size < TITLE_PT and size * 25 <= 156 * 72 / 25.4


def test_kinds_without_a_word_twin_say_so(documents, tmp_path, capsys):
    files, _pdfs = documents
    data = files["pledges"].parent / "data"
    assert main(["--data-dir", str(data), "print", "plaques", "--year", YEAR, "--format", "docx",
                 "-o", str(tmp_path / "p.docx")]) == 1
    assert "桌牌没有 Word 版" in capsys.readouterr().err
    assert main(["--data-dir", str(data), "print", "notice", "--year", YEAR, "--format", "docx",
                 "-o", str(tmp_path / "p.pdf")]) == 1
    assert "应以 .docx 结尾" in capsys.readouterr().err and not (tmp_path / "p.docx").exists()

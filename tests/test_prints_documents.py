"""Each printed document: paper size in mm, fonts embedded, text extracting back, layout."""

from __future__ import annotations

from datetime import date

import pytest
from prints_helpers import PT_PER_MM, fonts, page_sizes_mm, text, words_with_boxes

from desktop_app.domain.scheme import StarLevel
from desktop_app.services.prints import certificates as cert_module
from desktop_app.services.prints.calibration import render_calibration
from desktop_app.services.prints.certificates import Certificate, default_citation, draw_certificate, render_certificates
from desktop_app.services.prints.fonts import font_set
from desktop_app.services.prints.notice import NoticeInfo, NoticeRow, render_notice
from desktop_app.services.prints.page import Offset, chinese_date, open_canvas
from desktop_app.services.prints.pennants import Pennant, render_pennants
from desktop_app.services.prints.plaques import PlaqueCard, render_plaques
from desktop_app.services.prints.pledge_letters import PledgeLetter, render_pledge_letters

NAMES = ("张𠮷", "李<b>华</b>", "赵&钱", "欧阳晓明")


def all_embedded(pdf) -> bool:
    found = fonts(pdf)
    return bool(found) and all(emb == "yes" for _name, emb in found)


def test_plaques_one_folded_a4_card_per_member_both_faces_upright(tmp_path):
    pdf = tmp_path / "plaques.pdf"
    cards = [PlaqueCard(name, StarLevel.FIVE, "育英中学", "育英中学党支部", "2025-2026") for name in NAMES]
    assert render_plaques(cards, str(pdf), font_set()) == 4
    assert page_sizes_mm(pdf) == [(210.0, 297.0)] * 4
    assert all_embedded(pdf)
    extracted = text(pdf)
    for name in NAMES:
        assert extracted.count(name) == 2  # printed on both faces, markup characters literally
    assert extracted.count("五星级党员") == 8 and "育英中学党支部" in extracted and "2025-2026学年" in extracted
    # one face on each half of the sheet; the upper one is turned (its words run right to left)
    faces = [w for w in words_with_boxes(pdf) if w[0] == "欧阳晓明"]
    lower = [w for w in faces if w[2] > w[6] / 2]
    upper = [w for w in faces if w[4] < w[6] / 2]
    assert len(lower) == 1 and len(upper) == 1


def test_star_levels_give_the_number_of_drawn_stars():
    assert [level.stars for level in StarLevel] == [5, 4, 3]


@pytest.mark.parametrize(("paper", "size"), [("A4", (210.0, 297.0)), ("A3", (297.0, 420.0))])
def test_pennants_one_page_per_class_on_a4_or_a3(tmp_path, paper, size):
    pdf = tmp_path / "pennants.pdf"
    pennants = [Pennant("高二(3)班", "育英中学党支部", date(2026, 7, 1), head_teacher="王晓明"),
                Pennant("初一(12)班", "育英中学党支部", date(2026, 7, 1), main_text="育人成才先锋集体")]
    assert render_pennants(pennants, str(pdf), font_set(), paper) == 2
    assert page_sizes_mm(pdf) == [size, size]
    assert all_embedded(pdf)
    first, second = text(pdf).split("\f")[:2]
    # vertical columns extract in no reading order: every character is there
    for chars, page in (("高二(3)班王晓明党员先锋班育英中学党支部二〇二六年七月", first),
                        ("初一(12)班育人成才先锋集体", second)):
        assert all(ch in page for ch in chars), chars


def test_pennant_date_in_chinese_numerals():
    assert chinese_date(date(2026, 7, 1)) == "二〇二六年七月一日"
    assert chinese_date(date(2025, 12, 20)) == "二〇二五年十二月二十日"
    assert chinese_date(date(2026, 10, 15), with_day=False) == "二〇二六年十月"


def test_certificate_a4_landscape_with_recipient_citation_issuer_and_date(tmp_path):
    pdf = tmp_path / "certificates.pdf"
    cert = Certificate("赵&钱", default_citation("2025-2026", "五星级党员"), "中共育英中学支部委员会", date(2026, 7, 1))
    render_certificates([cert], str(pdf), font_set())
    assert page_sizes_mm(pdf) == [(297.0, 210.0)]
    assert all_embedded(pdf)
    extracted = text(pdf).replace("\n", "")
    for part in ("荣誉证书", "赵&钱", "同志：", "被评为“五星级党员”。特发此证，以资鼓励。", "中共育英中学支部委员会",
                 "二〇二六年七月一日"):
        assert part in extracted


def test_certificate_long_name_and_citation_shrink_to_stay_inside(tmp_path):
    pdf = tmp_path / "long.pdf"
    name = "阿卜杜热合曼·买买提依明·艾力江·欧阳<b>晓明</b>&一二三四五"
    citation = default_citation("2025-2026", "育人成才先锋党员") * 8
    fonts_ = font_set()
    c = open_canvas(str(pdf), (cert_module.PAGE_W, cert_module.PAGE_H), fonts_, "t")
    size = draw_certificate(c, Certificate(name, citation, "中共育英中学支部委员会", date(2026, 7, 1)), fonts_)
    c.save()
    assert size < cert_module.CITATION_SIZE
    short = open_canvas(str(tmp_path / "short.pdf"), (cert_module.PAGE_W, cert_module.PAGE_H), fonts_, "t")
    assert draw_certificate(short, Certificate("王晓明", default_citation("2025-2026", "五星级党员"), "支部",
                                               date(2026, 7, 1)), fonts_) == cert_module.CITATION_SIZE
    words = words_with_boxes(pdf)
    tolerance = 1.5  # points
    left, right = cert_module.TEXT_LEFT, cert_module.TEXT_RIGHT
    for word, x0, y0, x1, y1, width, height in words:
        assert left - tolerance <= x0 and x1 <= right + tolerance, word
        assert 0 <= y0 and y1 <= height
    body = [w for w in words if "创先争优" in w[0]]
    assert body and max(w[4] for w in body) <= height - cert_module.CITATION_BOTTOM + tolerance
    extracted = text(pdf).replace("\n", "")
    assert name + "同志：" in extracted.replace("\u3000", "")
    assert extracted.count("育人成才先锋党员") == 8


def test_pledge_letter_has_items_signature_and_literal_markup(tmp_path):
    pdf = tmp_path / "letters.pdf"
    letters = [
        PledgeLetter("李<b>华</b>", "班主任", "高二党小组", "2025-2026", "育英中学党支部",
                     ("认真备课上课 & 每学期上一节示范课。", "每月电话家访不少于15人次。")),
        PledgeLetter("赵&钱", "任课教师", "", "2025-2026", "育英中学党支部"),
    ]
    pages = render_pledge_letters(letters, str(pdf), font_set())
    assert pages == 2 and page_sizes_mm(pdf) == [(210.0, 297.0)] * 2
    assert all_embedded(pdf)
    first, second = text(pdf).split("\f")[:2]
    for part in ("对标承诺书", "李<b>华</b>", "班主任", "高二党小组", "一、对标标准", "二、承诺内容",
                 "1．认真备课上课 & 每学期上一节示范课。", "2．每月电话家访不少于15人次。", "承诺人（签名）", "日"):
        assert part in first, part
    assert "赵&钱" in second and "1．" in second  # blank lines to fill in by hand


def test_notice_runs_over_pages_with_the_header_repeated(tmp_path):
    pdf = tmp_path / "notice.pdf"
    rows = [NoticeRow(f"教师{n:02d}", "班主任", "认真备课上课，每学期上一节示范课；每月电话家访不少于15人次。" * 3)
            for n in range(1, 41)]
    rows[5] = NoticeRow("李<b>华</b>", "年级主任", "关心学困生 & 结对帮扶")
    info = NoticeInfo("育英中学党支部", "2025-2026", start=date(2025, 9, 10), end=date(2025, 9, 16),
                      phone="0318-1234567", signed_on=date(2025, 9, 10))
    pages = render_notice(rows, info, str(pdf), font_set())
    assert pages >= 3
    assert page_sizes_mm(pdf) == [(210.0, 297.0)] * pages
    assert all_embedded(pdf)
    page_texts = text(pdf).split("\f")[:pages]
    first_lines = page_texts[0].splitlines()
    assert first_lines[:2] == ["育英中学党支部", "2025-2026学年党员承诺公示"]  # the title breaks between phrases
    assert "共 40 人，承诺 40 份" in page_texts[0]
    last = page_texts[-1].replace("\n", "")
    for part in ("公示期：2025年9月10日至2025年9月16日。", "监督电话：0318-1234567", "（盖章）", "2025年9月10日"):
        assert part in last, part
    for number, page in enumerate(page_texts, start=1):
        assert "承诺内容" in page and "序号" in page
        assert f"第 {number} 页，共 {pages} 页" in page
    joined = "".join(page_texts).replace("\n", "")  # a long name wraps inside its cell
    for row in rows:
        assert row.name in joined
    assert "关心学困生 & 结对帮扶" in joined


def test_calibration_page_marks_known_positions_and_applies_the_offset(tmp_path):
    plain, shifted = tmp_path / "plain.pdf", tmp_path / "shifted.pdf"
    render_calibration(str(plain), font_set())
    render_calibration(str(shifted), font_set(), Offset(2.0, -3.0))
    assert page_sizes_mm(plain) == [(210.0, 297.0)]
    assert all_embedded(plain)

    def label_box(pdf):
        return next(w for w in words_with_boxes(pdf) if w[0].startswith("距左边") or w[0] == "距左边")

    before, after = label_box(plain), label_box(shifted)
    assert after[1] - before[1] == pytest.approx(2.0 * PT_PER_MM, abs=0.2)  # right by 2 mm
    assert after[2] - before[2] == pytest.approx(-3.0 * PT_PER_MM, abs=0.2)  # up by 3 mm
    assert "X = +2 mm，Y = -3 mm" in text(shifted)


def test_offset_shifts_every_page_of_a_flowing_document(tmp_path):
    plain, shifted = tmp_path / "plain.pdf", tmp_path / "shifted.pdf"
    rows = [NoticeRow(f"教师{n:02d}", "班主任", "认真备课上课。" * 20) for n in range(1, 30)]
    info = NoticeInfo("支部", "2025-2026")
    render_notice(rows, info, str(plain), font_set())
    pages = render_notice(rows, info, str(shifted), font_set(), Offset(1.5, 2.5))
    assert pages > 1

    def headers(pdf):
        return [w for w in words_with_boxes(pdf) if w[0] == "序号"]

    for a, b in zip(headers(plain), headers(shifted), strict=True):
        assert b[1] - a[1] == pytest.approx(1.5 * PT_PER_MM, abs=0.2)
        assert b[2] - a[2] == pytest.approx(2.5 * PT_PER_MM, abs=0.2)

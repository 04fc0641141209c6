"""Line breaking for certificates: no closing mark at a line start, no opening mark at a
line end, Latin runs kept whole, and the largest size that fits."""

from __future__ import annotations

from desktop_app.services.prints.fonts import font_set
from desktop_app.services.prints.linebreak import NO_LINE_END, NO_LINE_START, break_lines, fit_block
from desktop_app.services.prints.text import text_width, vertical_cells

CHAIN = font_set().regular
SIZE = 10  # WenKai's Chinese characters are 10 pt wide at 10 pt


def test_plain_chinese_breaks_at_the_width():
    lines = break_lines("一二三四五六七八九十", CHAIN, SIZE, 40)
    assert [line.text for line in lines] == ["一二三四", "五六七八", "九十"]
    assert [(line.first, line.last) for line in lines] == [(True, False), (False, False), (False, True)]


def test_closing_marks_never_start_a_line_and_opening_marks_never_end_one():
    # width for four characters: "四" would be followed by "。" at the start of line 2
    lines = [line.text for line in break_lines("一二三四。五六“七八”九", CHAIN, SIZE, 40)]
    assert lines[0] == "一二三" and lines[1].startswith("四。")
    for line in lines:
        assert line[0] not in NO_LINE_START and line[-1] not in NO_LINE_END
    text = "在2025-2026学年度创先争优活动中表现突出，被评为“五星级党员”。特发此证，以资鼓励。" * 3
    for width in range(120, 400, 7):
        lines = [line.text for line in break_lines(text, CHAIN, SIZE, width)]
        assert "".join(lines) == text
        for line in lines[1:]:
            assert line[0] not in NO_LINE_START, (width, line)
        for line in lines[:-1]:
            assert line[-1] not in NO_LINE_END, (width, line)
            assert text_width(line, CHAIN, SIZE) <= width + 0.01
        assert not any(line.endswith("2025-20") for line in lines)  # a Latin run stays whole


def test_paragraphs_restart_with_an_indent():
    lines = break_lines("第一段。\n第二段。", CHAIN, SIZE, 200, first_indent=20)
    assert [(line.text, line.first, line.last) for line in lines] == [("第一段。", True, True), ("第二段。", True, True)]


def test_fit_block_shrinks_only_as_far_as_needed():
    short = fit_block("特发此证，以资鼓励。", CHAIN, 300, 100, 22, 9)
    assert short.size == 22 and len(short.lines) == 1
    long = fit_block("特发此证，以资鼓励。" * 15, CHAIN, 300, 100, 22, 9)
    assert 9 <= long.size < 22 and long.height - long.size * 0.7 <= 100
    assert fit_block("特发此证，以资鼓励。" * 400, CHAIN, 300, 100, 22, 9) is None


def test_vertical_cells_keep_short_numbers_together():
    assert vertical_cells("高二(3)班") == ["高", "二", "(", "3", ")", "班"]
    assert vertical_cells("初一(12)班") == ["初", "一", "(", "12", ")", "班"]
    assert vertical_cells("2026年") == ["202", "6", "年"]

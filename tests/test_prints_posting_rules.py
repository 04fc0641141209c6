"""What a school would check on the notice board: the 公示 list shows only published pledges
(or says 拟公示), counts people, orders them by 姓氏笔画 or pinyin; plaques of an unapproved year
need an explicit choice; a missing font is named; letters carry their pledge type."""

from __future__ import annotations

from datetime import date

import pytest
from evaluation_helpers import YEAR, add_members, enter_total
from prints_helpers import (
    PUBLISHED_FROM, PUBLISHED_TO, UNSTARRED, build_school, run_print, school_data_dir, text, words_with_boxes,
)

from desktop_app.domain.collation import NameOrder
from desktop_app.services.evaluations.schemes import get_scheme
from desktop_app.services.prints import jobs, sources
from desktop_app.services.prints.notice import NoticeRow, notice_info, people_count
from desktop_app.services.prints.options import PrintOptions
from desktop_app.store.ledger import open_ledger


@pytest.fixture
def school(data_dir):
    return school_data_dir(data_dir)


def test_notice_lists_only_published_pledges_and_counts_people(ledger):
    build_school(ledger)
    rows = sources.notice_rows(ledger, YEAR)
    names = [r.name for r in rows]
    assert UNSTARRED[0] not in names  # 周国庆's pledge is still a draft
    assert rows[0].is_branch and rows[0].name == "育英中学党支部"  # the branch's own pledge first
    members = [r for r in rows if not r.is_branch]
    assert len(members) == 7  # six people, 王晓明 twice (岗位承诺 and 目标承诺)
    assert people_count(rows) == 6
    assert [r.kind for r in members if r.name == "王晓明"] == ["岗位承诺", "目标承诺"]
    proposed = sources.notice_rows(ledger, YEAR, proposed=True)
    assert UNSTARRED[0] in [r.name for r in proposed] and people_count(proposed) == 7


def test_notice_orders_by_strokes_by_default_or_by_pinyin(ledger):
    build_school(ledger)
    by_strokes = list(dict.fromkeys(r.name for r in sources.notice_rows(ledger, YEAR) if not r.is_branch))
    # 王 4 strokes, 刘 6, 陈/李/张 7 (then by reading), 赵 9
    assert by_strokes == ["王晓明", "刘立新", "陈海燕", "李<b>华</b>", "张𠮷", "赵&钱"]
    by_pinyin = list(dict.fromkeys(r.name for r in sources.notice_rows(ledger, YEAR, order=NameOrder.PINYIN)
                                   if not r.is_branch))
    assert by_pinyin == ["陈海燕", "李<b>华</b>", "刘立新", "王晓明", "张𠮷", "赵&钱"]


def test_notice_period_and_signing_date_come_from_the_publication():
    rows = [NoticeRow("甲", "", "x", "岗位承诺", 1, date(2025, 9, 10), date(2025, 9, 16)),
            NoticeRow("乙", "", "x", "岗位承诺", 2, date(2025, 9, 12), date(2025, 9, 18))]
    info = notice_info(rows, "育英中学党支部", YEAR, False, "0318-1234567", date(2026, 1, 1))
    assert (info.start, info.end, info.signed_on) == (date(2025, 9, 10), date(2025, 9, 18), date(2025, 9, 10))
    assert info.title_parts == ("育英中学党支部", f"{YEAR}学年党员承诺公示")
    proposed = notice_info(rows, "育英中学党支部", YEAR, True, "", date(2026, 1, 1))
    assert proposed.title_parts[1] == f"{YEAR}学年党员承诺拟公示"
    assert proposed.period_text == "公示期：＿＿年＿＿月＿＿日至＿＿年＿＿月＿＿日。"


def test_notice_as_printed(school, tmp_path, capsys):
    out = tmp_path / "notice.pdf"
    assert run_print(school, "notice", "--year", YEAR, "-o", str(out)) == 0, capsys.readouterr().err
    lines = text(out).splitlines()
    assert lines[:2] == ["育英中学党支部", f"{YEAR}学年党员承诺公示"]
    whole = text(out).replace("\n", "")
    assert "共 6 人，承诺 7 份" in whole and UNSTARRED[0] not in whole and "承诺类型" in whole
    assert f"公示期：{PUBLISHED_FROM.year}年9月10日至{PUBLISHED_TO.year}年9月16日。" in whole
    names = [w for w in words_with_boxes(out) if w[0] in ("王晓明", "刘立新", "陈海燕")]
    assert [w[0] for w in sorted(names, key=lambda w: w[2])][:3] == ["王晓明", "刘立新", "陈海燕"]
    proposed = tmp_path / "proposed.pdf"
    assert run_print(school, "notice", "--year", YEAR, "--proposed", "--order", "pinyin", "-o", str(proposed)) == 0
    assert text(proposed).splitlines()[1] == f"{YEAR}学年党员承诺拟公示"
    assert "共 7 人" in text(proposed) and UNSTARRED[0] in text(proposed)


def test_plaques_of_an_unapproved_year_need_allow_unapproved(data_dir, tmp_path, capsys):
    ledger = open_ledger(data_dir)
    try:
        (member,) = add_members(ledger, 1)
        enter_total(ledger, get_scheme(ledger, YEAR), member, 1, 95)
        batch = jobs.load_batch(ledger, "plaques", YEAR)
        assert batch.unapproved
        with pytest.raises(Exception, match="尚未审批锁定"):
            jobs.render(batch, batch.items, str(tmp_path / "x.pdf"), PrintOptions())
    finally:
        ledger.close()
    out = tmp_path / "plaques.pdf"
    assert run_print(data_dir, "plaques", "--year", YEAR, "-o", str(out)) == 1
    err = capsys.readouterr().err
    assert "尚未审批锁定" in err and "--allow-unapproved" in err and not out.exists()
    assert run_print(data_dir, "plaques", "--year", YEAR, "--allow-unapproved", "--show-post", "-o", str(out)) == 0
    assert "共产党员" in text(out)


def test_a_font_that_is_not_installed_is_named_before_printing(school, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("BRANCH_LEDGER_FONT_DIR", raising=False)
    monkeypatch.delenv("WINDIR", raising=False)
    monkeypatch.delenv("SystemRoot", raising=False)
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    out = tmp_path / "c.pdf"
    assert run_print(school, "calibration", "--font", "simhei", "-o", str(out)) == 1
    err = capsys.readouterr().err
    assert "本机没有安装“黑体（Windows）”（simhei.ttf）" in err and not out.exists()
    assert jobs.missing_font(PrintOptions("simhei")) == "本机没有安装“黑体（Windows）”（simhei.ttf）"
    assert jobs.missing_font(PrintOptions()) is None


def test_letters_carry_their_type_and_the_branch_signs_with_its_secretary(school, tmp_path, capsys):
    out = tmp_path / "letters.pdf"
    assert run_print(school, "pledges", "--year", YEAR, "-o", str(out)) == 0
    pages = text(out).split("\f")
    branch = next(p for p in pages if "承诺单位" in p)
    assert "支部承诺" in branch and "党支部书记（签名）" in branch and "党支部（盖章）" in branch
    assert "承诺人（签名）" not in branch
    wang = [p for p in pages if "王晓明" in p and "承诺类型" in p]
    assert sorted("岗位承诺" in p for p in wang) == [False, True] and any("目标承诺" in p for p in wang)


def test_calibration_rulers_start_at_the_paper_edge(tmp_path):
    from desktop_app.services.prints.calibration import render_calibration
    from desktop_app.services.prints.fonts import font_set
    from prints_helpers import PT_PER_MM

    pdf = tmp_path / "calibration.pdf"
    render_calibration(str(pdf), font_set())
    ten = [w for w in words_with_boxes(pdf) if w[0] == "10"]
    # the top ruler's "10" centred 10 mm from the left edge, the side ruler's 10 mm from the top
    assert any((w[1] + w[3]) / 2 == pytest.approx(10 * PT_PER_MM, abs=1) for w in ten)
    assert any((w[2] + w[4]) / 2 == pytest.approx(10 * PT_PER_MM, abs=2) for w in ten)

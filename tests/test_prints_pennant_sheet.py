"""The pennant as a shop's order sheet: size in cm, material, colours, the three texts with
their character heights, 授予/敬赠 wording, the main text split at a phrase boundary."""

from __future__ import annotations

from datetime import date

from conftest import SCREENSHOT_DIR
from evaluation_helpers import YEAR
from prints_helpers import render_png, run_print, school_data_dir, text

from desktop_app.services.prints.fonts import font_set
from desktop_app.services.prints.pennants import Layout, Pennant, main_columns, render_pennants, spec_rows


def test_main_text_splits_at_a_phrase_boundary():
    assert main_columns("党员先锋班") == ["党员先锋班"]
    assert main_columns("爱岗敬业优秀党员班") == ["爱岗敬业", "优秀党员班"]  # not 爱岗敬业优 / 秀党员班
    assert main_columns("育人成才先锋集体") == ["育人成才", "先锋集体"]
    assert main_columns("先锋示范 党员班级") == ["先锋示范", "党员班级"]  # where she marked it
    assert main_columns("教书育人/模范班") == ["教书育人", "模范班"]


def test_layout_scales_with_the_size_and_leaves_room_for_the_side_texts():
    small = Layout.of(Pennant("高二(3)班", "支部", date(2026, 7, 1)))
    large = Layout.of(Pennant("高二(3)班", "支部", date(2026, 7, 1), size="80×160"))
    assert (small.width, small.height) == (60, 90) and (large.width, large.height) == (80, 160)
    assert large.main_char > small.main_char > small.side_char
    two = Layout.of(Pennant("高二(3)班", "支部", date(2026, 7, 1), "爱岗敬业优秀党员班"))
    assert 2 * two.main_char * 1.2 + 2 * (two.margin + 2 * two.side_char * 1.3) <= two.width


def test_order_sheet_says_what_the_shop_needs(tmp_path):
    pdf = tmp_path / "sheet.pdf"
    pennants = [Pennant("高二(3)班", "中共育英中学支部委员会", date(2026, 7, 1), head_teacher="王晓明"),
                Pennant("初一(12)班", "育英中学党支部", date(2026, 7, 1), "爱岗敬业优秀党员班", wording="敬赠",
                        size="80×160", material="植绒布")]
    assert render_pennants(pennants, str(pdf), font_set()) == 2
    first, second = (dict(spec_rows(p, Layout.of(p))) for p in pennants)
    assert first["成品尺寸"] == "宽 60 cm × 高 90 cm（竖式）" and first["材质"] == "金丝绒"
    assert first["上款"] == "“授予高二(3)班　班主任　王晓明”，字高约 3.6 cm"
    assert first["正文"] == "“党员先锋班”，1 列，字高约 10.6 cm"
    assert first["落款"] == "“中共育英中学支部委员会　二〇二六年七月”，字高约 3.6 cm"
    assert second["上款"].startswith("“初一(12)班”") and second["材质"] == "植绒布"
    assert second["正文"].startswith("“爱岗敬业”“优秀党员班”，2 列")
    assert second["落款"].startswith("“育英中学党支部　敬赠　二〇二六年七月”")
    pages = [page.replace("\n", "") for page in text(pdf).split("\f")[:2]]
    assert all("锦旗制作单" in page and "大红底色，金黄色字" in page for page in pages)
    assert "宽 60 cm × 高 90 cm" in pages[0] and "宽 80 cm × 高 160 cm" in pages[1]
    assert render_png(pdf, SCREENSHOT_DIR, "prints_pennant_sheet")


def test_cli_takes_size_material_and_wording(data_dir, tmp_path, capsys):
    school = school_data_dir(data_dir)
    out = tmp_path / "p.pdf"
    assert run_print(school, "pennants", "--year", YEAR, "--size", "70×120", "--material", "丝绸",
                     "--wording", "敬赠", "--text", "爱岗敬业 优秀党员班", "-o", str(out)) == 0
    whole = text(out).replace("\n", "")
    assert "宽 70 cm × 高 120 cm" in whole and "丝绸" in whole and "敬赠" in whole and "“爱岗敬业”“优秀党员班”" in whole

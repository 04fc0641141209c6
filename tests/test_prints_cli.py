"""`print KIND --year … -o FILE.pdf` on a small school built through the real services:
what goes on the prints comes from the year results, the honours register and pledges."""

from __future__ import annotations

from datetime import date

import pytest
from evaluation_helpers import YEAR, add_members, enter_total
from conftest import SCREENSHOT_DIR
from prints_helpers import (
    FIVE_STAR, FOUR_STAR, UNSTARRED, fonts, page_sizes_mm, render_png, run_print, school_data_dir, text,
)

from desktop_app.domain.people import MemberData
from desktop_app.domain.pledges import PledgeData
from desktop_app.services.errors import UserError
from desktop_app.services.evaluations.schemes import get_scheme
from desktop_app.services.members import add_member
from desktop_app.services.pledges.commands import write_pledge
from desktop_app.services.prints import jobs
from desktop_app.services.prints.options import PrintOptions, load_options, save_options
from desktop_app.services.prints.page import Offset
from desktop_app.store.ledger import open_ledger


@pytest.fixture
def school(data_dir):
    return school_data_dir(data_dir)


def test_plaques_for_one_star_level(school, tmp_path, capsys):
    out = tmp_path / "五星.pdf"
    assert run_print(school, "plaques", "--year", YEAR, "--level", "五星级", "-o", str(out)) == 0
    assert "已生成桌牌 4 页" in capsys.readouterr().out
    assert page_sizes_mm(out) == [(210.0, 297.0)] * 4
    extracted = text(out)
    for name in FIVE_STAR:
        assert extracted.count(name) == 2
    assert not any(name in extracted for name in (*FOUR_STAR, *UNSTARRED))


def test_every_kind_from_the_ledger(school, tmp_path, capsys):
    expected = {
        "plaques": (6, [*FIVE_STAR, *FOUR_STAR]),
        "pennants": (2, []),
        "certificates": (8, [*FIVE_STAR, *FOUR_STAR, "高二(3)班", "初一(12)班"]),
        "pledges": (9, [*FIVE_STAR, *FOUR_STAR, *UNSTARRED, "育英中学党支部"]),
        "notice": (None, [*FIVE_STAR, *FOUR_STAR, "育英中学党支部承诺"]),
    }
    for kind, (pages, names) in expected.items():
        out = tmp_path / f"{kind}.pdf"
        assert run_print(school, kind, "--year", YEAR, "-o", str(out)) == 0, capsys.readouterr().err
        sizes = page_sizes_mm(out)
        if pages is not None:
            assert len(sizes) == pages, kind
        assert all(emb == "yes" for _name, emb in fonts(out)), kind
        extracted = text(out).replace("\n", "")
        for name in names:
            assert name in extracted, (kind, name)
        assert render_png(out, SCREENSHOT_DIR, f"prints_{kind}")  # for a person to look at
    assert "四星级党员" in text(tmp_path / "certificates.pdf")
    calibration = tmp_path / "calibration.pdf"
    assert run_print(school, "calibration", "--offset-x", "1", "-o", str(calibration)) == 0
    assert page_sizes_mm(calibration) == [(210.0, 297.0)] and "X = +1 mm" in text(calibration)
    assert render_png(calibration, SCREENSHOT_DIR, "prints_calibration")
    pennant_text = text(tmp_path / "pennants.pdf")
    assert all(ch in pennant_text for ch in "党员先锋班王晓明陈海燕育英中学党支部")


def test_certificates_for_one_title_and_pennants_on_a3(school, tmp_path, capsys):
    out = tmp_path / "c.pdf"
    assert run_print(school, "certificates", "--year", YEAR, "--title", "党员先锋班", "-o", str(out)) == 0
    assert page_sizes_mm(out) == [(297.0, 210.0)] * 2
    a3 = tmp_path / "a3.pdf"
    assert run_print(school, "pennants", "--year", YEAR, "--paper", "A3", "-o", str(a3)) == 0
    assert page_sizes_mm(a3) == [(297.0, 420.0)] * 2
    custom = tmp_path / "custom.pdf"
    assert run_print(school, "pennants", "--year", YEAR, "--text", "育人先锋集体", "-o", str(custom)) == 0
    assert all(ch in text(custom) for ch in "育人先锋集体") and "党员先锋班" not in text(custom).replace("\n", "")
    assert run_print(school, "pennants", "--year", YEAR, "--text", "一" * 13, "-o", str(custom)) == 1
    assert "锦旗正文应为 1–12 个字" in capsys.readouterr().err


def test_missing_character_refuses_then_skip_missing_prints_the_others(school, tmp_path, capsys):
    ledger = open_ledger(school)
    try:
        member = add_member(ledger, MemberData(name="李\U00030000", political_status="full_member"))
        write_pledge(ledger, PledgeData(member, "post", YEAR, "", ["认真工作。"]))
    finally:
        ledger.close()
    out = tmp_path / "letters.pdf"
    assert run_print(school, "pledges", "--year", YEAR, "-o", str(out)) == 1
    err = capsys.readouterr().err
    assert "李\U00030000：“\U00030000”（U+30000）" in err and "没有生成文件" in err
    assert not out.exists()
    assert run_print(school, "pledges", "--year", YEAR, "--skip-missing", "-o", str(out)) == 0
    captured = capsys.readouterr()
    assert "已跳过" in captured.err and "已生成承诺书 9 页" in captured.out
    assert "李\U00030000" not in text(out)


def test_bad_usage_and_empty_year_exit_1_with_a_chinese_message(school, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert run_print(school, "plaques", "--year", "2019-2020", "-o", str(out)) == 1
    assert "2019-2020学年还没有获得星级的党员" in capsys.readouterr().err
    assert run_print(school, "plaques", "--year", YEAR, "--level", "六星级", "-o", str(out)) == 1
    assert "星级“六星级”不对" in capsys.readouterr().err
    assert run_print(school, "plaques", "-o", str(out)) == 1
    assert "--year" in capsys.readouterr().err
    assert run_print(school, "notice", "--year", YEAR, "-o", str(tmp_path / "x.docx")) == 1
    assert "应以 .pdf 结尾" in capsys.readouterr().err
    assert run_print(school, "calibration", "--offset-x", "45", "-o", str(out)) == 1
    assert "超出 ±30 mm" in capsys.readouterr().err
    assert not out.exists()


def test_print_settings_are_stored_and_validated(ledger):
    assert load_options(ledger) == PrintOptions()
    save_options(ledger, PrintOptions("simkai", Offset(1.5, -2), "A3"))
    assert load_options(ledger) == PrintOptions("simkai", Offset(1.5, -2), "A3")
    with pytest.raises(UserError, match="打印偏移 Y 为 -31 mm"):
        save_options(ledger, PrintOptions("bundled", Offset(0, -31), "A4"))
    assert load_options(ledger).offset == Offset(1.5, -2)


def test_batches_note_an_unapproved_year(ledger):
    (member,) = add_members(ledger, 1)
    enter_total(ledger, get_scheme(ledger, YEAR), member, 1, 95)
    batch = jobs.load_batch(ledger, "plaques", YEAR, "五星级", today=date(2026, 7, 1))
    assert [card.name for card in batch.items] == ["王晓明"]
    assert batch.notes == [f"{YEAR}学年的考核结果尚未审批锁定，桌牌上的星级可能还会变。"]

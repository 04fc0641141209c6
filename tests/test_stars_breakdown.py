"""#21 item 6: each star explained (breakdown, PDF, workbook) and the 星级评定结果公示 (PDF and Word)."""

from __future__ import annotations

import subprocess
from datetime import date

import docx
import openpyxl
import pytest
import shutil

import stars_ledger
from conftest import SCREENSHOT_DIR
from evaluation_helpers import YEAR

from desktop_app.services.errors import UserError
from desktop_app.services.evaluations.breakdown import detail_rows, star_breakdowns
from desktop_app.services.evaluations.star_notice import star_notice, write_star_notice_docx
from desktop_app.services.exports.star_details import export_star_details
from desktop_app.services.prints.options import load_options
from desktop_app.services.prints.star_details import write_star_details_pdf
from desktop_app.services.prints.star_notice import write_star_notice_pdf

pytestmark = pytest.mark.both_engines


@pytest.fixture
def ids(ledger):
    return stars_ledger.build(ledger)


def _keep(path):
    """A copy under build/screenshots for a person to look at."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, SCREENSHOT_DIR / f"stars_{path.stem}{path.suffix}")
    return path


def _by_name(ledger):
    return {b.name: b for b in star_breakdowns(ledger, YEAR)}


def test_a_subject_leaders_star_explained(ledger, ids):
    liu = _by_name(ledger)["刘强"]
    first = liu.semesters[0]
    visits = next(line for line in first.lines if line.name == "家校联系")
    assert (visits.counted, visits.owed, visits.points) == ("3 次", "10 次", "4.5")
    observations = next(line for line in first.lines if line.name == "听课")
    assert (observations.owed, observations.points) == ("无任务要求", "10")
    demo = next(line for line in first.lines if line.name == "示范课")
    assert (demo.counted, demo.owed, demo.points) == ("2 节", "2 节", "5")
    assert first.working == "各项指标合计 86.5 + 加分 0 − 减分 0 → 学期得分 86.5"
    assert first.threshold == "86.5 分，达到四星级分数线 80（距五星级 90 差 3.5）"
    assert liu.year_working == "学年得分 （86.5 + 92）÷ 2 = 89.25"
    assert (liu.star, liu.threshold) == ("四星级", "89.25 分，达到四星级分数线 80（距五星级 90 差 0.75）")


def test_the_two_observers_lesson_and_89_995_explained(ledger, ids):
    found = _by_name(ledger)
    chen_demo = next(line for line in found["陈静"].semesters[0].lines if line.name == "示范课")
    assert (chen_demo.counted, chen_demo.owed, chen_demo.points) == ("1 节", "2 节", "2.5")
    zhou = found["周红"]
    assert zhou.year_working == "学年得分 （89.99 + 90）÷ 2 = 89.995，四舍五入保留两位小数为 90"
    assert zhou.threshold == "90 分，达到五星级分数线 90"
    sun = found["孙磊"]
    assert sun.semesters[1].scored is False
    assert sun.year_working == "只有第一学期得分：以该学期得分作为学年得分，学年得分 94"
    rows = detail_rows(sun)
    assert rows[-1][:5] == ["学年", "学年得分", "", "", "94"]


def test_details_print_and_export(ledger, ids, tmp_path):
    pdf = _keep(write_star_details_pdf(ledger, YEAR, tmp_path / "details.pdf", load_options(ledger).fonts()))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = text.replace(" ", "")  # pdftotext spaces CJK text unevenly
    assert "刘强" in flat and "家校联系3次10次4.515" in flat and "计分规则" in flat
    book = openpyxl.load_workbook(_keep(export_star_details(ledger, YEAR, tmp_path / "details.xlsx")))
    sheet = book["星级明细"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    liu_visits = next(r for r in rows if r[1] == "刘强" and r[3] == "家校联系")
    assert liu_visits[2:8] == ["第一学期", "家校联系", "3 次", "10 次", "4.5", "15"]
    assert "计分规则：" in sheet["A2"].value


def test_the_star_notice_in_pdf_and_word(ledger, ids, tmp_path):
    notice = star_notice(ledger, YEAR, date(2026, 7, 6), date(2026, 7, 10))
    assert [row[1] for row in notice.rows] == ["孙磊", "王芳", "周红", "赵敏", "陈静", "刘强"]
    assert notice.intro.startswith("根据2025-2026学年党员量化考核办法，经量化考核，拟评定以下6名同志为星级党员（五星级4名，四星级2名）")
    assert "公示期为2026年7月6日至2026年7月10日" in notice.intro
    pdf = _keep(write_star_notice_pdf(notice, tmp_path / "notice.pdf", load_options(ledger).fonts()))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "星级评定结果公示" in text and "89.75" in text
    word = docx.Document(_keep(write_star_notice_docx(notice, tmp_path / "notice.docx")))
    table = word.tables[0]
    assert [c.text for c in table.rows[1].cells] == ["1", "孙磊", "", "94", "—", "94", "五星级"]
    paragraphs = [p.text for p in word.paragraphs]
    assert any(p.startswith("5. 学期、学年得分四舍五入") for p in paragraphs)
    with pytest.raises(UserError, match="公示结束日期早于开始日期"):
        star_notice(ledger, YEAR, date(2026, 7, 6), date(2026, 7, 1))


def test_no_star_no_notice(ledger):
    with pytest.raises(UserError, match="还没有评出星级的党员"):
        star_notice(ledger, YEAR, date(2026, 7, 6), date(2026, 7, 10))

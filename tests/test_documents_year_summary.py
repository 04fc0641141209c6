"""The year-end 工作总结 draft: every figure counted from a small ledger whose records are
counted here by hand, each written as a sentence of its own; the CLI and the window action."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import SCREENSHOT_DIR
from docx_helpers import convert_to_pdf, east_asian_fonts, full_text, page_mm
from evaluation_helpers import enter_total
from prints_helpers import render_png
from PySide6.QtWidgets import QFileDialog, QInputDialog
from records_school import make_school

from desktop_app.cli.main import main
from desktop_app.domain.pledges import PledgeData, Publication, Review
from desktop_app.domain.rectifications import RectificationData, SuggestionData
from desktop_app.services.documents.year_figures import year_figures
from desktop_app.services.documents.year_summary import pledge_sentences, visit_sentences
from desktop_app.services.evaluations.commands import approve
from desktop_app.services.evaluations.schemes import get_scheme
from desktop_app.services.honours import HonourData, add_honour
from desktop_app.services.meetings.commands import MeetingData, add_meeting
from desktop_app.services.pledges.commands import publish_many, record_review, write_pledge
from desktop_app.services.records.queries import member_fulfilment
from desktop_app.services.rectifications.commands import add_rectification, add_suggestion
from desktop_app.services.settings import SchoolProfile, save_school_profile
from desktop_app.store.ledger import open_ledger

YEAR = "2025-2026"
END = date(2026, 8, 31)


def make_year(ledger) -> dict[str, int]:
    """records_school's September (4 observations, one 示范课 seen by two observers, 5 phone visits,
    1 home visit, 1 student and 1 teacher interview, 1 service visit, 4 students reached), plus:
    pledges (张 post published and reviewed 好; 李 post published, 李 goal a draft; the branch's,
    published), stars (王 四星级, 张 三星级 once the computed indicators count, approved), 2 suggestions (one rectified and done),
    3 meetings (2 支委会, 1 党员大会) and one 爱岗敬业星."""
    save_school_profile(ledger, SchoolProfile("育英中学", "育英中学党支部"))
    m = make_school(ledger).members
    posted = Publication(date(2025, 9, 10), date(2025, 9, 16), ["notice_board"])
    zhang = write_pledge(ledger, PledgeData(m["张老师"], "post", YEAR, "", ["上好示范课。"]))
    li = write_pledge(ledger, PledgeData(m["李主任"], "post", YEAR, "", ["每周听课六节。"]))
    write_pledge(ledger, PledgeData(m["李主任"], "goal", YEAR, "", ["年级成绩进步。"]))
    branch = write_pledge(ledger, PledgeData(None, "branch", YEAR, "", ["创建五个好党支部。"]))
    publish_many(ledger, [zhang, li, branch], posted)
    record_review(ledger, zhang, Review("good", "members_meeting", date(2026, 7, 1)))
    scheme = get_scheme(ledger, YEAR)
    for name, total in (("王校长", 95), ("张老师", 85), ("李主任", 60)):
        for semester in (1, 2):
            enter_total(ledger, scheme, m[name], semester, total)
    approve(ledger, YEAR, None, date(2026, 7, 1), "支部党员大会")
    first = add_suggestion(ledger, SuggestionData(content="食堂晚饭太早", raised_on=date(2025, 9, 12)),
                           today=date(2025, 9, 12))
    add_suggestion(ledger, SuggestionData(content="图书馆周末开放", raised_on=date(2025, 10, 8)), today=date(2025, 10, 8))
    add_rectification(ledger, first, RectificationData(measure="晚饭推迟半小时", responsible_unit="总务处",
                                                       deadline=date(2025, 10, 1), status="done",
                                                       completed_on=date(2025, 9, 20), result="已调整"),
                      today=date(2025, 9, 20))
    for day, kind in ((date(2025, 9, 8), "committee_meeting"), (date(2025, 10, 9), "committee_meeting"),
                      (date(2025, 12, 1), "branch_assembly")):
        add_meeting(ledger, MeetingData(kind=kind, date=day, topic="研究工作"))
    add_honour(ledger, HonourData("爱岗敬业星", YEAR, member_id=m["张老师"], issuer="育英中学党支部",
                                  awarded_on=date(2026, 7, 1)))
    return m


def test_figures_match_the_hand_count(ledger):
    m = make_year(ledger)
    f = year_figures(ledger, YEAR, today=date(2026, 12, 1))
    assert f.until == END
    assert f.pledgers == 2 and f.pledges_by_kind == {"post": 2, "goal": 1, "branch": 1}
    assert f.published == 3 and f.reviews_by_grade == {"good": 1, "fairly_good": 0, "average": 0, "poor": 0}
    # the scheme's computed indicators (quotas) pull 95 → 83.39 (四星级) and 85 → 79.55 (三星级)
    assert f.stars == {"five": 0, "four": 1, "three": 1} and f.approved
    assert (f.demo_teachers, f.demo_lessons, f.observations) == (1, 1, 4)
    assert f.visits_by_kind == {"phone": 5, "home": 1, "parent_meeting": 0, "online": 0, "teacher_interview": 1,
                                "student_interview": 1, "service": 1}
    assert f.students_reached == 4
    assert (f.suggestions, f.rectified, f.rectifications_done) == (2, 1, 1)
    assert f.meetings_by_kind["committee_meeting"] == 2 and f.meetings_by_kind["branch_assembly"] == 1
    assert sum(f.meetings_by_kind.values()) == 3
    assert f.honours == {"爱岗敬业星": 1}
    principal = next(g for g in f.observations_by_post if g.posts == "校长")
    quota = member_fulfilment(ledger, year_period())[m["王校长"]]
    assert (principal.people, principal.done) == (1, 3) and principal.required == quota.observations_required > 0


def year_period():
    from desktop_app.domain.calendar import school_year_period

    return school_year_period(YEAR)


def test_each_figure_is_a_sentence(ledger):
    make_year(ledger)
    f = year_figures(ledger, YEAR, today=date(2026, 12, 1))
    assert pledge_sentences(f) == [
        "本学年，全校共有2名党员作出承诺，共4份，其中岗位承诺2份、目标承诺1份；党支部作出支部承诺1份。",
        "已在公示栏等处公示的承诺共3份。",
        "学年末对承诺践诺情况进行评议，共评议1份，其中评为“好”1份、“较好”0份、“一般”0份、“差”0份。",
    ]
    assert visit_sentences(f)[0] == "本学年共电话家访5人次，入户家访1人次，家访、访谈共覆盖学生4人。"
    assert visit_sentences(f)[-1] == "共征求到意见、建议2条，已立整改1项，其中已完成1项。"


def test_export_summary_writes_the_word_draft(data_dir, tmp_path, capsys):
    ledger = open_ledger(data_dir)
    try:
        make_year(ledger)
    finally:
        ledger.close()
    out = tmp_path / "总结.docx"
    assert main(["--data-dir", str(data_dir), "export", "summary", "--school-year", YEAR, "-o", str(out)]) == 0
    assert "已导出 2025-2026学年工作总结" in capsys.readouterr().out
    assert page_mm(out) == (210.0, 297.0, 37.0, 28.0)
    assert {"宋体", "仿宋", "黑体", "楷体"} <= east_asian_fonts(out)
    words = full_text(out)
    for part in ("育英中学党支部\n2025-2026学年创先争优活动工作总结", "一、公开承诺促发展", "二、争标晋位比奉献",
                 "三、严格落实“百千万”", "四、监督检查落实处", "全校共评出五星级党员0人，四星级党员1人，三星级党员1人。",
                 "本学年共有1名党员教师上了示范课，共1节。", "评出“爱岗敬业星”1人。", "本学年全校共听课4节。",
                 "支部委员会会议2次"):
        assert part in words, part
    (pdf,) = convert_to_pdf([out], tmp_path / "pdf")
    assert render_png(pdf, SCREENSHOT_DIR, "word_year_summary", dpi=50)
    assert main(["--data-dir", str(data_dir), "export", "summary", "--school-year", "2025-2027", "-o", str(out)]) == 1
    assert main(["--data-dir", str(data_dir), "export", "summary", "--school-year", YEAR, "-o",
                 str(tmp_path / "x.pdf")]) == 1
    assert "应以 .docx 结尾" in capsys.readouterr().err


def test_window_action_exports_the_summary(main_window, qtbot, tmp_path, monkeypatch, message_bridge):
    make_year(main_window.context.ledger)
    target = tmp_path / "总结"
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (YEAR, True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Word 文档 (*.docx)"))
    action = next(a for a in main_window.menuBar().actions()[0].menu().actions() if "工作总结" in a.text())
    assert action.isEnabled()
    action.trigger()
    assert "本学年全校共听课4节。" in full_text(tmp_path / "总结.docx")
    assert "已导出 2025-2026学年工作总结" in message_bridge.texts("info")[-1]


@pytest.mark.parametrize("today", [date(2025, 12, 31)])
def test_a_running_year_is_counted_to_today(ledger, today):
    make_year(ledger)
    f = year_figures(ledger, YEAR, today=today)
    assert f.until == today and f.meetings_by_kind["branch_assembly"] == 1 and f.suggestions == 2

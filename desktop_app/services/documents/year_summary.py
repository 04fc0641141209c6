"""The year-end 工作总结 as a Word draft, in the shape of a school's own summary (seed 000):
an opening, four numbered parts and a closing, with every figure counted from the ledger and
written as a sentence of its own, so she can edit around each one."""

from __future__ import annotations

import os
from datetime import date

from desktop_app.domain.calendar import school_year_period
from desktop_app.domain.meetings import MeetingKind
from desktop_app.domain.pledges import PledgeKind, ReviewGrade
from desktop_app.domain.records import VisitKind
from desktop_app.domain.scheme import StarLevel
from desktop_app.services.documents.official import OfficialDocument
from desktop_app.services.documents.year_figures import YearFigures, year_figures
from desktop_app.services.prints.page import numeric_date
from desktop_app.services.settings import SchoolProfile, school_profile
from desktop_app.store.ledger import Ledger

DRAFT_NOTE = "（本稿由党建台账按台账记录生成，数字均为统计结果，请在此基础上修改完善。）"


def _joined(parts: list[str]) -> str:
    return "，".join(parts)


def pledge_sentences(f: YearFigures) -> list[str]:
    kinds = f.pledges_by_kind
    sentences = [f"本学年，全校共有{f.pledgers}名党员作出承诺，共{f.pledges}份，其中岗位承诺"
                 f"{kinds[PledgeKind.POST.value]}份、目标承诺{kinds[PledgeKind.GOAL.value]}份；"
                 f"党支部作出支部承诺{kinds[PledgeKind.BRANCH.value]}份。",
                 f"已在公示栏等处公示的承诺共{f.published}份。"]
    if f.reviewed:
        grades = "、".join(f"“{grade.label}”{f.reviews_by_grade[grade.value]}份" for grade in ReviewGrade)
        sentences.append(f"学年末对承诺践诺情况进行评议，共评议{f.reviewed}份，其中评为{grades}。")
    else:
        sentences.append("本学年的承诺尚未评议。")
    return sentences


def star_sentences(f: YearFigures) -> list[str]:
    stars = "，".join(f"{level.label}党员{f.stars.get(level.value, 0)}人" for level in StarLevel)
    basis = "依据本学年两个学期的量化考核结果" if f.approved else "依据本学年量化考核的当前结果（尚未审批）"
    sentences = [f"{basis}，全校共评出{stars}。"]
    sentences.append(f"本学年共有{f.demo_teachers}名党员教师上了示范课，共{f.demo_lessons}节。")
    for title, count in f.honours.items():
        unit = "个" if title.endswith("班") else "人"
        sentences.append(f"评出“{title}”{count}{unit}。")
    return sentences


def observation_sentences(f: YearFigures) -> list[str]:
    sentences = [f"本学年全校共听课{f.observations}节。"]
    for group in f.observations_by_post:
        who = group.posts if group.people == 1 else f"{group.posts}（{group.people}人）"
        sentences.append(f"{who}听课{group.done}节，按定额应听{group.required}节。")
    return sentences


def visit_sentences(f: YearFigures) -> list[str]:
    kinds = f.visits_by_kind
    home = [f"{kind.label}{kinds[kind.value]}人次" for kind in VisitKind if kind.is_home_visit and kinds[kind.value]]
    sentences = [f"本学年共{_joined(home) if home else '家访0人次'}，家访、访谈共覆盖学生{f.students_reached}人。"]
    sentences.append(f"干部访谈教师{kinds[VisitKind.TEACHER_INTERVIEW.value]}人次，"
                     f"教师访谈学生{kinds[VisitKind.STUDENT_INTERVIEW.value]}人次。")
    sentences.append(f"教辅后勤人员服务走访{kinds[VisitKind.SERVICE.value]}次。")
    sentences.append(f"共征求到意见、建议{f.suggestions}条，已立整改{f.rectified}项，其中已完成{f.rectifications_done}项。")
    return sentences


def meeting_sentences(f: YearFigures) -> list[str]:
    held = [f"{kind.label}{f.meetings_by_kind[kind.value]}次" for kind in MeetingKind]
    return [f"本学年召开{'、'.join(held)}。"]


def _document(f: YearFigures, profile: SchoolProfile) -> OfficialDocument:
    doc = OfficialDocument(f"{profile.branch_title}\n{f.school_year}学年创先争优活动工作总结")
    doc.paragraph(DRAFT_NOTE, indent=False, align="center")
    if f.until < school_year_period(f.school_year).end:
        doc.paragraph(f"（学年尚未结束，统计截至{numeric_date(f.until)}。）", indent=False, align="center")
    doc.paragraph(f"按照上级党组织的部署，{profile.branch_title}在{f.school_year}学年深入开展创先争优活动，"
                  "认真开展“争标晋位、认责承诺”，多措并举，推动各项工作全面、有序开展。现将本学年工作总结如下。")
    parts = (
        ("一、公开承诺促发展", [("", pledge_sentences(f))]),
        ("二、争标晋位比奉献", [("", star_sentences(f))]),
        ("三、严格落实“百千万”", [("（一）管理人员入课堂", observation_sentences(f)),
                               ("（二）干部教师作家访，教辅后勤问师生", visit_sentences(f))]),
        ("四、监督检查落实处", [("", meeting_sentences(f))]),
    )
    for heading, subparts in parts:
        doc.heading1(heading)
        for subheading, sentences in subparts:
            if subheading:
                doc.heading2(subheading)
            for sentence in sentences:  # one paragraph a figure: easy to edit around, or to delete
                doc.paragraph(sentence)
    doc.paragraph("在今后的工作中，我们将深化争标晋位机制，结合学校实际认真履职尽责，精心组织，科学谋划，"
                  "确保抓出特色、抓出成效。")
    doc.signature([profile.branch_title], "＿＿＿＿年＿＿月＿＿日")
    return doc


def write_year_summary(ledger: Ledger, school_year: str, path: os.PathLike | str,
                       today: date | None = None) -> YearFigures:
    figures = year_figures(ledger, school_year, today)
    _document(figures, school_profile(ledger)).save(path)
    return figures

"""Word documents of the procedure: the 发展党员工作全程纪实表 per person and the three registers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from desktop_app.domain.collation import NameOrder, sorted_by_name
from desktop_app.domain.dates import format_date_cn
from desktop_app.domain.development.record import Publication, Vote
from desktop_app.domain.development.steps import Stage, Step, stage_steps
from desktop_app.domain.vocab import PoliticalStatus
from desktop_app.services.development.queries import DevelopmentRow, get_development, list_developments, working_calendar
from desktop_app.services.documents.official import OfficialDocument
from desktop_app.services.members import MemberRow, list_members
from desktop_app.services.settings import school_profile
from desktop_app.store.ledger import Ledger


def _names(refs) -> str:
    return "、".join(r.name for r in refs)


def _vote(vote: Vote) -> str:
    if not vote.complete:
        return ""
    return f"应到 {vote.entitled} 人，实到 {vote.present} 人，赞成 {vote.in_favour} 人"


def _publication(publication: Publication, working_days: Callable[[date, date], int]) -> str:
    if not (publication.start and publication.end):
        return ""
    return (f"公示 {publication.start:%Y-%m-%d} 至 {publication.end:%Y-%m-%d}"
            f"（{working_days(publication.start, publication.end)} 个工作日）")


def step_details(row: DevelopmentRow, working_days: Callable[[date, date], int]) -> dict[Step, str]:
    """What the 纪实表 writes beside a step: the people it names, the counts, the periods."""
    data = row.data
    details = {
        Step.TALK: f"谈话人：{data.interviewer.name}" if data.interviewer else "",
        Step.CONTACTS: f"培养联系人：{_names(data.contacts)}" if data.contacts else "",
        Step.ASSESSMENT: "考察：" + "、".join(f"{d:%Y-%m-%d}" for d in data.assessments) if data.assessments else "",
        Step.INTRODUCERS: f"入党介绍人：{_names(data.introducers)}" if data.introducers else "",
        Step.PRE_REVIEW: _publication(data.target_publication, working_days),
        Step.ASSEMBLY: _vote(data.admission_vote),
        Step.FULL_ASSEMBLY: _vote(data.full_vote),
        Step.FULL_APPROVAL: _publication(data.full_publication, working_days),
    }
    training = [f"至 {data.training_end:%Y-%m-%d}" if data.training_end else "",
                f"{data.training_hours:g} 学时" if data.training_hours is not None else ""]
    details[Step.TRAINING] = "，".join(t for t in training if t)
    end = row.probation_end
    if end:
        extended = f"（延长 {data.extension_months} 个月：{data.extension_reason or ''}）" if data.extension_months else ""
        details[Step.PROBATION_EDUCATION] = f"预备期至 {end:%Y-%m-%d}{extended}"
    return {step: text for step, text in details.items() if text}


def _table(document: OfficialDocument, headers, rows, widths_mm, font_pt) -> None:
    table = document.table(headers, rows, widths_mm=widths_mm, font_pt=font_pt)
    for column, width in zip(table.columns, widths_mm):
        column.width = Mm(width)  # the grid too: LibreOffice and WPS size columns by it, not by the cells
    for row in table.rows:  # a step's row stays on one page
        no_split = OxmlElement("w:cantSplit")
        no_split.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(no_split)


def _member(ledger: Ledger, member_id: int) -> MemberRow:
    return next(m for m in list_members(ledger) if m.id == member_id)


def write_record_sheet(ledger: Ledger, record_id: int, path: Path) -> Path:
    """发展党员工作全程纪实表 of one person."""
    row = get_development(ledger, record_id)
    member = _member(ledger, row.member_id)
    calendar = working_calendar(ledger)
    details = step_details(row, calendar.working_days)
    document = OfficialDocument("发展党员工作全程纪实表")
    document.fields([
        ("姓名", member.name), ("性别", member.gender_label), ("出生日期", format_date_cn(member.birth_date)),
        ("部门", member.department), ("政治面貌", member.status_label),
    ])
    for number, stage in enumerate(Stage, start=1):
        document.heading1(f"{'一二三四五'[number - 1]}、{stage.label}")
        rows = [[step.numbered, format_date_cn(row.data.dates.get(step)), details.get(step, "")]
                for step in stage_steps(stage)]
        _table(document, ["步骤", "完成日期", "情况"], rows, (56, 36, 64), 11)
    document.heading1("六、需说明的情况")
    problems = [str(b) for b in row.problems] or ["无。"]
    for text in problems:
        document.paragraph(text)
    if row.data.notes:
        document.paragraph(f"备注：{row.data.notes}")
    document.signature([school_profile(ledger).branch_title], format_date_cn(date.today()))
    return document.save(path)


REGISTERS: dict[str, tuple[str, str]] = {  # kind → (title, 政治面貌 code)
    "activists": ("入党积极分子名册", PoliticalStatus.ACTIVIST.value),
    "targets": ("发展对象名册", PoliticalStatus.DEVELOPMENT_TARGET.value),
    "probationary": ("预备党员名册", PoliticalStatus.PROBATIONARY.value),
}


def _register_row(kind: str, row: DevelopmentRow, member: MemberRow) -> list[str]:
    d = row.data.dates
    head = [member.name, member.gender_label, f"{member.birth_date:%Y.%m}" if member.birth_date else "", member.department]
    if kind == "activists":
        last = max(row.data.assessments, default=None)
        return head + [_day(d.get(Step.APPLY)), _day(d.get(Step.ACTIVIST)), _names(row.data.contacts), _day(last)]
    if kind == "targets":
        return head + [_day(d.get(Step.ACTIVIST)), _day(d.get(Step.TARGET)), _names(row.data.introducers),
                       _day(d.get(Step.TRAINING))]
    return head + [_day(d.get(Step.ASSEMBLY)), _day(d.get(Step.APPROVAL)), _day(row.probation_end),
                   _names(row.data.introducers)]


_REGISTER_HEADERS = {
    "activists": ["申请入党", "确定积极分子", "培养联系人", "最近考察"],
    "targets": ["确定积极分子", "确定发展对象", "入党介绍人", "集中培训"],
    "probationary": ["入党日期", "审批日期", "预备期满", "入党介绍人"],
}


def _day(day: date | None) -> str:
    return f"{day:%Y-%m-%d}" if day else ""


def register_rows(ledger: Ledger, kind: str) -> list[list[str]]:
    status = REGISTERS[kind][1]
    members = {m.id: m for m in list_members(ledger)}
    rows = sorted_by_name((r for r in list_developments(ledger) if r.political_status == status),
                          key=lambda r: r.name, order=NameOrder.STROKES)
    return [[str(index), *_register_row(kind, r, members[r.member_id])] for index, r in enumerate(rows, start=1)]


def write_register(ledger: Ledger, kind: str, path: Path) -> Path:
    """入党积极分子 / 发展对象 / 预备党员 名册 of the people in the procedure now."""
    title, _status = REGISTERS[kind]
    profile = school_profile(ledger)
    document = OfficialDocument(title)
    document.paragraph(f"{profile.branch_title}　截至 {format_date_cn(date.today())}", indent=False, align="center")
    rows = register_rows(ledger, kind)
    headers = ["序号", "姓名", "性别", "出生年月", "部门", *_REGISTER_HEADERS[kind]]
    _table(document, headers, rows or [["", "（无）", *[""] * 7]], (11, 16, 11, 18, 15, 21, 21, 21, 22), 10)
    document.signature([profile.branch_title], format_date_cn(date.today()))
    return document.save(path)

"""Suggestions (意见建议) and the rectification ledger (整改台账): vocabulary and rules.

A suggestion is an opinion raised on a visit or an interview, or entered directly. The branch
sorts suggestions by category and turns those it acts on into a rectification: measure, target,
responsible unit and/or person, deadline, then 待整改 → 整改中 → 已完成, and publication (公示).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.problems import FieldProblem
from desktop_app.domain.vocab import LabelledEnum


class SuggestionCategory(LabelledEnum):
    SCHOOL_PHILOSOPHY = ("school_philosophy", "办学理念")
    TEACHING = ("teaching", "教育教学")
    TEACHER_ETHICS = ("teacher_ethics", "师德师风")
    STUDENT_CARE = ("student_care", "学生管理")
    HOME_SCHOOL = ("home_school", "家校沟通")
    STAFF_WELFARE = ("staff_welfare", "教师待遇")
    LOGISTICS = ("logistics", "后勤服务")
    SAFETY = ("safety", "安全管理")
    OTHER = ("other", "其他")


class SuggestionSource(LabelledEnum):
    HOME_VISIT = ("home_visit", "家访")
    TEACHER_INTERVIEW = ("teacher_interview", "访谈教师")
    STUDENT_INTERVIEW = ("student_interview", "访谈学生")
    SERVICE_VISIT = ("service_visit", "服务走访")
    MEETING = ("meeting", "座谈会")
    DIRECT = ("direct", "直接录入")


# Visit kinds (as their Chinese labels) → where a suggestion raised on that visit came from.
_SOURCE_BY_VISIT_KIND = {
    "电话家访": SuggestionSource.HOME_VISIT,
    "入户家访": SuggestionSource.HOME_VISIT,
    "网络家访": SuggestionSource.HOME_VISIT,
    "家长座谈会": SuggestionSource.MEETING,
    "访谈教师": SuggestionSource.TEACHER_INTERVIEW,
    "访谈学生": SuggestionSource.STUDENT_INTERVIEW,
    "服务走访": SuggestionSource.SERVICE_VISIT,
}


def source_for_visit_kind(kind_label: str | None) -> SuggestionSource:
    """The source of a suggestion collected from a visit of that kind (家访 when unknown)."""
    return _SOURCE_BY_VISIT_KIND.get((kind_label or "").strip(), SuggestionSource.HOME_VISIT)


# Words that point to a category, checked in this order; the first category with a hit wins.
_CATEGORY_WORDS: tuple[tuple[SuggestionCategory, tuple[str, ...]], ...] = (
    (SuggestionCategory.SAFETY, ("安全", "交通", "消防", "防溺水", "校门", "门卫", "欺凌")),
    (SuggestionCategory.LOGISTICS, ("食堂", "伙食", "饭菜", "宿舍", "寝室", "热水", "空调", "厕所", "维修", "图书馆", "后勤")),
    (SuggestionCategory.TEACHER_ETHICS, ("师德", "体罚", "有偿补课", "态度粗暴", "讽刺")),
    (SuggestionCategory.STAFF_WELFARE, ("绩效", "工资", "待遇", "职称", "岗位设置", "评聘", "体检")),
    (SuggestionCategory.HOME_SCHOOL, ("家长", "家校", "沟通", "家长会", "通知")),
    (SuggestionCategory.TEACHING, ("作业", "课堂", "教学", "辅导", "考试", "课程", "进度", "实验")),
    (SuggestionCategory.STUDENT_CARE, ("心理", "社团", "班级管理", "纪律", "手机")),
    (SuggestionCategory.SCHOOL_PHILOSOPHY, ("办学", "理念", "特色", "发展规划")),
)


def guess_category(text: str | None) -> SuggestionCategory:
    """A first sorting of a suggestion by its words; the secretary can change it."""
    content = text or ""
    for category, words in _CATEGORY_WORDS:
        if any(word in content for word in words):
            return category
    return SuggestionCategory.OTHER


class RectificationStatus(LabelledEnum):
    PENDING = ("pending", "待整改")
    IN_PROGRESS = ("in_progress", "整改中")
    DONE = ("done", "已完成")


# Which status a rectification may move to from each status. 已完成 → 整改中 reopens it
# (the result did not hold); the completion date and result are then cleared.
ALLOWED_MOVES: dict[RectificationStatus, frozenset[RectificationStatus]] = {
    RectificationStatus.PENDING: frozenset({RectificationStatus.IN_PROGRESS, RectificationStatus.DONE}),
    RectificationStatus.IN_PROGRESS: frozenset({RectificationStatus.DONE, RectificationStatus.PENDING}),
    RectificationStatus.DONE: frozenset({RectificationStatus.IN_PROGRESS}),
}


def move_problem(current: str, target: str) -> str | None:
    """None when a rectification may go from `current` to `target`, else the reason."""
    try:
        source, goal = RectificationStatus(current), RectificationStatus(target)
    except ValueError:
        return "整改状态只能是：" + "、".join(RectificationStatus.labels())
    if goal in ALLOWED_MOVES[source]:
        return None
    if goal is source:
        return f"这条整改已经是“{source.label}”"
    return f"“{source.label}”的整改不能直接改为“{goal.label}”"


def is_overdue(status: str, deadline: date | None, today: date) -> bool:
    """逾期: not 已完成 and the deadline has passed (the deadline day itself still counts as in time)."""
    return status != RectificationStatus.DONE.value and deadline is not None and deadline < today


def days_overdue(status: str, deadline: date | None, today: date) -> int:
    return (today - deadline).days if is_overdue(status, deadline, today) else 0


MAX_CONTENT = 2000
MAX_SHORT = 100


@dataclass
class SuggestionData:
    """The editable fields of a suggestion, as the dialog and the collector fill them."""

    content: str = ""
    category: str = SuggestionCategory.OTHER.value
    source: str = SuggestionSource.DIRECT.value
    raised_by: str | None = None  # who raised it: a parent, a teacher, "高二(3)班学生" …
    raised_on: date | None = None
    recorder_id: int | None = None  # the member who recorded it
    visit_id: int | None = None


def validate_suggestion(data: SuggestionData, today: date) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    content = (data.content or "").strip()
    if not content:
        problems.append(FieldProblem("意见内容", "必须填写"))
    elif len(content) > MAX_CONTENT:
        problems.append(FieldProblem("意见内容", f"不能超过{MAX_CONTENT}个字"))
    if data.category not in {c.value for c in SuggestionCategory}:
        problems.append(FieldProblem("类别", "必须选择：" + "、".join(SuggestionCategory.labels())))
    if data.source not in {s.value for s in SuggestionSource}:
        problems.append(FieldProblem("来源", "必须选择：" + "、".join(SuggestionSource.labels())))
    if data.raised_by and len(data.raised_by.strip()) > MAX_SHORT:
        problems.append(FieldProblem("提出人", f"不能超过{MAX_SHORT}个字"))
    if data.raised_on is None:
        problems.append(FieldProblem("提出日期", "必须填写"))
    elif data.raised_on > today:
        problems.append(FieldProblem("提出日期", "不能晚于今天"))
    return problems


@dataclass
class RectificationData:
    """The editable fields of a rectification (整改方案 plus its progress)."""

    measure: str = ""  # 整改措施 (整改方式)
    target: str | None = None  # 整改目标
    responsible_unit: str | None = None  # 责任单位
    responsible_member_id: int | None = None  # 责任人, when a member of the roster
    responsible_name: str | None = None  # 责任人, as written (anyone)
    deadline: date | None = None  # 整改期限
    status: str = RectificationStatus.PENDING.value
    completed_on: date | None = None
    result: str | None = None  # 整改结果
    published_on: date | None = None  # 公示日期


def validate_rectification(
    data: RectificationData, today: date, raised_on: date | None = None
) -> list[FieldProblem]:
    """Problems with a rectification; `raised_on` is its suggestion's date, when known."""
    problems: list[FieldProblem] = []
    measure = (data.measure or "").strip()
    if not measure:
        problems.append(FieldProblem("整改措施", "必须填写"))
    elif len(measure) > MAX_CONTENT:
        problems.append(FieldProblem("整改措施", f"不能超过{MAX_CONTENT}个字"))
    unit = (data.responsible_unit or "").strip()
    person = (data.responsible_name or "").strip() or data.responsible_member_id
    if not unit and not person:
        problems.append(FieldProblem("责任单位/责任人", "至少填写一项"))
    if len(unit) > MAX_SHORT:
        problems.append(FieldProblem("责任单位", f"不能超过{MAX_SHORT}个字"))
    if data.deadline is None:
        problems.append(FieldProblem("整改期限", "必须填写"))
    elif raised_on and data.deadline < raised_on:
        problems.append(FieldProblem("整改期限", f"不能早于意见提出日期 {raised_on.isoformat()}"))
    try:
        status = RectificationStatus(data.status)
    except ValueError:
        problems.append(FieldProblem("整改状态", "只能是：" + "、".join(RectificationStatus.labels())))
        status = None
    if status is RectificationStatus.DONE:
        if data.completed_on is None:
            problems.append(FieldProblem("完成日期", "已完成的整改必须填写完成日期"))
        if not (data.result or "").strip():
            problems.append(FieldProblem("整改结果", "已完成的整改必须填写整改结果"))
    elif status is not None and data.completed_on is not None:
        problems.append(FieldProblem("完成日期", f"“{status.label}”的整改还没有完成日期"))
    if data.completed_on:
        if data.completed_on > today:
            problems.append(FieldProblem("完成日期", "不能晚于今天"))
        if raised_on and data.completed_on < raised_on:
            problems.append(FieldProblem("完成日期", f"不能早于意见提出日期 {raised_on.isoformat()}"))
    if data.published_on and data.published_on > today:
        problems.append(FieldProblem("公示日期", "不能晚于今天"))
    return problems

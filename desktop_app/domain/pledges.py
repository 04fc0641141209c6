"""Pledges (承诺): vocabulary, the status machine and the rules a pledge must satisfy.

A pledge is written (草拟), posted for a period (已公示), kept through the year (践诺中) and
reviewed at the year's end (已评议). A reviewed pledge is locked; reopening it takes it back
to 践诺中 and clears the review so it can be reviewed again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain.problems import FieldProblem
from desktop_app.domain.vocab import LabelledEnum


class PledgeKind(LabelledEnum):
    POST = ("post", "岗位承诺")
    GOAL = ("goal", "目标承诺")
    BRANCH = ("branch", "支部承诺")


class PledgeStatus(LabelledEnum):
    DRAFT = ("draft", "草拟")
    PUBLISHED = ("published", "已公示")
    IN_PROGRESS = ("in_progress", "践诺中")
    REVIEWED = ("reviewed", "已评议")


class PublicationPlace(LabelledEnum):
    NOTICE_BOARD = ("notice_board", "公示栏")
    SCHOOL_PAPER = ("school_paper", "校报")
    SCREEN = ("screen", "电子屏")
    WEB = ("web", "网络")


class ReviewGrade(LabelledEnum):
    GOOD = ("good", "好")
    FAIRLY_GOOD = ("fairly_good", "较好")
    AVERAGE = ("average", "一般")
    POOR = ("poor", "差")

    @property
    def needs_explanation(self) -> bool:
        """Unkept pledges (一般/差) must be explained."""
        return self in (ReviewGrade.AVERAGE, ReviewGrade.POOR)


class ReviewBody(LabelledEnum):
    MEMBERS_MEETING = ("members_meeting", "党员大会")
    BRANCH_COMMITTEE = ("branch_committee", "支部委员会")
    TEACHERS_STUDENTS = ("teachers_students", "师生评议")


# 对标: the standard a pledge measures itself against (free text; these are offered).
COMMON_STANDARDS = ("五个模范", "党员标兵", "优秀共产党员", "五个好先进党支部", "全国全省先进")

BRANCH_OWNER_LABEL = "本支部"

_S = PledgeStatus
# Allowed status moves. 已公示 → 草拟 withdraws a posting made by mistake;
# 已评议 → 践诺中 is reopening a reviewed pledge.
MOVES: dict[PledgeStatus, frozenset[PledgeStatus]] = {
    _S.DRAFT: frozenset({_S.PUBLISHED}),
    _S.PUBLISHED: frozenset({_S.DRAFT, _S.IN_PROGRESS, _S.REVIEWED}),
    _S.IN_PROGRESS: frozenset({_S.REVIEWED}),
    _S.REVIEWED: frozenset({_S.IN_PROGRESS}),
}

_REFUSALS = {
    (_S.DRAFT, _S.IN_PROGRESS): "承诺还没有公示，不能进入践诺：请先公示。",
    (_S.DRAFT, _S.REVIEWED): "承诺还没有公示，不能评议：请先公示。",
    (_S.IN_PROGRESS, _S.PUBLISHED): "承诺已在践诺中，不需要再次公示。",
    (_S.IN_PROGRESS, _S.DRAFT): "承诺已在践诺中，不能退回草拟。",
    (_S.REVIEWED, _S.PUBLISHED): "承诺已评议，如需改动请先“重新打开”。",
    (_S.REVIEWED, _S.DRAFT): "承诺已评议，不能退回草拟；如需改动请先“重新打开”。",
    (_S.PUBLISHED, _S.PUBLISHED): "承诺已经公示。",
    (_S.REVIEWED, _S.REVIEWED): "承诺已经评议；如需重新评议请先“重新打开”。",
    (_S.IN_PROGRESS, _S.IN_PROGRESS): "承诺已在践诺中。",
    (_S.DRAFT, _S.DRAFT): "承诺已是草拟状态。",
}


def move_refusal(current: PledgeStatus | str, target: PledgeStatus | str) -> str | None:
    """None when the move is allowed, else the reason in Chinese."""
    current, target = PledgeStatus(current), PledgeStatus(target)
    if target in MOVES[current]:
        return None
    return _REFUSALS.get((current, target), f"不能从“{current.label}”改为“{target.label}”。")


def can_move(current: PledgeStatus | str, target: PledgeStatus | str) -> bool:
    return move_refusal(current, target) is None


def edit_refusal(status: PledgeStatus | str) -> str | None:
    """Content (type, 对标, items, date signed) is locked once reviewed, until reopened."""
    if PledgeStatus(status) is PledgeStatus.REVIEWED:
        return "承诺已评议，内容已锁定；如需修改请先“重新打开”。"
    return None


def delete_refusal(status: PledgeStatus | str) -> str | None:
    """Only drafts may be deleted: a posted pledge is part of the record."""
    if PledgeStatus(status) is not PledgeStatus.DRAFT:
        return f"只能删除草拟的承诺；此承诺状态为“{PledgeStatus(status).label}”。"
    return None


_BULLET = re.compile(r"^\s*(?:[（(]?\d{1,2}[)）.、．]|[①-⑳]|[-•·*])\s*")


def content_items_from_text(text: str | None) -> list[str]:
    """Several lines (or items separated by ；) → the list of items, numbering stripped."""
    if not text:
        return []
    items = []
    for line in re.split(r"[\r\n；;]+", str(text)):
        item = _BULLET.sub("", line).strip()
        if item:
            items.append(item)
    return items


def content_text(items: list[str] | tuple[str, ...]) -> str:
    """The items one per line, as the edit dialog shows them."""
    return "\n".join(items)


@dataclass
class PledgeData:
    """The editable content of a pledge, as the dialog and the importer fill it."""

    member_id: int | None  # None: the branch's own pledge
    kind: str
    school_year: str
    standard: str = ""
    content_items: list[str] = field(default_factory=list)
    signed_date: date | None = None


MAX_ITEM = 500
MAX_STANDARD = 100


def validate_pledge(data: PledgeData, *, require_content: bool = True) -> list[FieldProblem]:
    """Bulk-started drafts may be empty (require_content=False); a pledge must have items to be posted."""
    problems: list[FieldProblem] = []
    try:
        kind = PledgeKind(data.kind)
    except ValueError:
        problems.append(FieldProblem("承诺类型", "必须选择：" + "、".join(PledgeKind.labels())))
        kind = None
    if kind is PledgeKind.BRANCH and data.member_id is not None:
        problems.append(FieldProblem("承诺人", "支部承诺由支部作出，不应选择党员"))
    if kind in (PledgeKind.POST, PledgeKind.GOAL) and data.member_id is None:
        problems.append(FieldProblem("承诺人", f"{kind.label}必须选择承诺的党员"))
    if not re.fullmatch(r"\d{4}-\d{4}", data.school_year or "") or (
        int(data.school_year[5:]) != int(data.school_year[:4]) + 1
    ):
        problems.append(FieldProblem("学年", "应写作 2025-2026"))
    if len(data.standard or "") > MAX_STANDARD:
        problems.append(FieldProblem("对标", f"不能超过{MAX_STANDARD}个字"))
    if require_content and not data.content_items:
        problems.append(FieldProblem("承诺内容", "至少写一条承诺事项"))
    for number, item in enumerate(data.content_items, 1):
        if len(item) > MAX_ITEM:
            problems.append(FieldProblem("承诺内容", f"第{number}条超过{MAX_ITEM}个字"))
    return problems


@dataclass
class Publication:
    start: date | None
    end: date | None
    places: list[str] = field(default_factory=list)  # PublicationPlace codes


def validate_publication(pub: Publication) -> list[FieldProblem]:
    problems = []
    if pub.start is None:
        problems.append(FieldProblem("公示开始", "必须填写"))
    if pub.end is None:
        problems.append(FieldProblem("公示结束", "必须填写"))
    if pub.start and pub.end and pub.end < pub.start:
        problems.append(FieldProblem("公示结束", "不能早于公示开始日期"))
    if not pub.places:
        problems.append(FieldProblem("公示方式", "至少选择一种：" + "、".join(PublicationPlace.labels())))
    for code in pub.places:
        if code not in {p.value for p in PublicationPlace}:
            problems.append(FieldProblem("公示方式", f"“{code}”不是可选的公示方式"))
    return problems


@dataclass
class Review:
    grade: str | None
    body: str | None
    review_date: date | None
    comment: str = ""
    explanation: str = ""


def missing_explanation(review: Review) -> FieldProblem | None:
    """一般/差 without a written reason: the window refuses it; an import stores it and lists a to-do."""
    try:
        grade = ReviewGrade(review.grade)
    except ValueError:
        return None
    if grade.needs_explanation and not (review.explanation or "").strip():
        return FieldProblem("未践诺说明", f"评议为“{grade.label}”时必须说明原因")
    return None


def validate_review(review: Review, published_from: date | None = None, *,
                    require_explanation: bool = True) -> list[FieldProblem]:
    problems = []
    grade = None
    try:
        grade = ReviewGrade(review.grade)
    except ValueError:
        problems.append(FieldProblem("评议等次", "必须选择：" + "、".join(ReviewGrade.labels())))
    try:
        ReviewBody(review.body)
    except ValueError:
        problems.append(FieldProblem("评议主体", "必须选择：" + "、".join(ReviewBody.labels())))
    if review.review_date is None:
        problems.append(FieldProblem("评议日期", "必须填写"))
    elif published_from and review.review_date < published_from:
        problems.append(FieldProblem("评议日期", f"不能早于公示开始日期 {published_from.isoformat()}"))
    missing = missing_explanation(review) if require_explanation else None
    if missing:
        problems.append(missing)
    return problems

"""The branch's vocabulary: each enum's value is the stored code, `label` the user's word.

Codes are stored in the database; the Chinese labels are what the UI, imports, exports
and prints show. `from_label` accepts the label or the code so imports can take either.
"""

from __future__ import annotations

from enum import Enum


class LabelledEnum(str, Enum):
    """A str enum with a Chinese label: `Member.political_status` stores `.value`."""

    def __new__(cls, code: str, label: str):
        obj = str.__new__(cls, code)
        obj._value_ = code
        obj.label = label
        return obj

    def __str__(self) -> str:  # pragma: no cover - convenience for f-strings
        return self.label

    @classmethod
    def labels(cls) -> list[str]:
        return [m.label for m in cls]

    @classmethod
    def from_label(cls, text: str):
        """The member whose label or code is `text` (surrounding blanks ignored), else ValueError."""
        key = (text or "").strip()
        for member in cls:
            if key in (member.label, member.value):
                return member
        raise ValueError(key)

    @classmethod
    def label_of(cls, code: str | None) -> str:
        if not code:
            return ""
        try:
            return cls(code).label
        except ValueError:
            return code


class Gender(LabelledEnum):
    MALE = ("male", "男")
    FEMALE = ("female", "女")


class PoliticalStatus(LabelledEnum):
    FULL_MEMBER = ("full_member", "中共党员")
    PROBATIONARY = ("probationary", "中共预备党员")
    DEVELOPMENT_TARGET = ("development_target", "发展对象")
    ACTIVIST = ("activist", "入党积极分子")
    NON_PARTY = ("non_party", "群众")

    @property
    def is_party_member(self) -> bool:
        return self in (PoliticalStatus.FULL_MEMBER, PoliticalStatus.PROBATIONARY)


class Post(LabelledEnum):
    PRINCIPAL = ("principal", "校长")
    TEACHING_VICE_PRINCIPAL = ("teaching_vice_principal", "主管教学副校长")
    VICE_PRINCIPAL = ("vice_principal", "副校长")
    TEACHER_DEVELOPMENT_HEAD = ("teacher_development_head", "教师发展处负责人")
    ACADEMIC_AFFAIRS_HEAD = ("academic_affairs_head", "教务处负责人")
    GRADE_DIRECTOR = ("grade_director", "年级主任")
    OFFICE_HEAD = ("office_head", "处室负责人")
    GENERAL_AFFAIRS_HEAD = ("general_affairs_head", "总务处负责人")
    SUBJECT_LEADER = ("subject_leader", "学科组长")
    HEAD_TEACHER = ("head_teacher", "班主任")
    SUBJECT_TEACHER = ("subject_teacher", "任课教师")
    SUPPORT_STAFF = ("support_staff", "教辅后勤")

    @property
    def is_cadre(self) -> bool:
        """行管干部: school leaders and heads of offices and grades."""
        return self not in (Post.HEAD_TEACHER, Post.SUBJECT_TEACHER, Post.SUPPORT_STAFF, Post.SUBJECT_LEADER)


class StudentFlag(LabelledEnum):
    LEARNING_DIFFICULTY = ("learning_difficulty", "学习困难")
    HARDSHIP = ("hardship", "生活困难")
    PSYCHOLOGICAL = ("psychological", "心理困惑")
    STUDENT_CADRE = ("student_cadre", "学生干部")
    LEFT_BEHIND = ("left_behind", "留守儿童")


class CultivationKind(LabelledEnum):
    MEMBER_TO_BACKBONE = ("member_to_backbone", "党员培养成骨干")
    BACKBONE_TO_MEMBER = ("backbone_to_member", "骨干培养成党员")


COMMON_BACKBONE_TITLES = ("教学骨干", "教学能手", "学科带头人", "优秀班主任", "名师")
COMMON_EDUCATION_LEVELS = ("研究生", "本科", "大专", "中专", "高中")
LIST_SEPARATORS = "、，,;；/ "


def split_list(text: str | None) -> list[str]:
    """Split a cell like '班主任、任课教师' or '学习困难,留守儿童' into items."""
    if not text:
        return []
    items = [str(text)]
    for sep in LIST_SEPARATORS:
        items = [part for item in items for part in item.split(sep)]
    return [item.strip() for item in items if item.strip()]


# The short forms offices write in their sheets, accepted beside the full labels.
LABEL_ALIASES: dict[type[LabelledEnum], dict[str, LabelledEnum]] = {
    PoliticalStatus: {
        "党员": PoliticalStatus.FULL_MEMBER, "正式党员": PoliticalStatus.FULL_MEMBER,
        "中共正式党员": PoliticalStatus.FULL_MEMBER, "预备党员": PoliticalStatus.PROBATIONARY,
        "积极分子": PoliticalStatus.ACTIVIST, "入党积极份子": PoliticalStatus.ACTIVIST,
        "积极份子": PoliticalStatus.ACTIVIST, "入党发展对象": PoliticalStatus.DEVELOPMENT_TARGET,
    },
}

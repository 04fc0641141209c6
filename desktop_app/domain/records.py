"""Vocabulary of lesson observations (听课) and visits (家访·访谈): kinds, rubric, topics."""

from __future__ import annotations

from desktop_app.domain.vocab import LabelledEnum


class LessonType(LabelledEnum):
    DROP_IN = ("drop_in", "推门课")
    DEMONSTRATION = ("demonstration", "示范课")
    OPEN = ("open", "观摩课")
    REGULAR = ("regular", "随堂课")
    DIAGNOSTIC = ("diagnostic", "诊断课")
    CLASS_MEETING = ("class_meeting", "主题班会")


class SixLook(LabelledEnum):
    """六看: what the observer looks at."""

    DEDICATION = ("dedication", "敬业精神")
    PHILOSOPHY = ("philosophy", "教育理念")
    LEVEL = ("level", "教学水平")
    SKILL = ("skill", "教学技能")
    EFFECT = ("effect", "教学效果")
    DEMEANOUR = ("demeanour", "仪表规范")


class Rating(LabelledEnum):
    EXCELLENT = ("excellent", "优")
    GOOD = ("good", "良")
    FAIR = ("fair", "中")
    POOR = ("poor", "差")


class VisitKind(LabelledEnum):
    PHONE = ("phone", "电话家访")
    HOME = ("home", "入户家访")
    PARENT_MEETING = ("parent_meeting", "家长座谈会")
    ONLINE = ("online", "网络家访")
    TEACHER_INTERVIEW = ("teacher_interview", "访谈教师")
    STUDENT_INTERVIEW = ("student_interview", "访谈学生")
    SERVICE = ("service", "服务走访")

    @property
    def is_home_visit(self) -> bool:
        """Visits to a student's family: they take students and the 六谈 topics."""
        return self in (VisitKind.PHONE, VisitKind.HOME, VisitKind.PARENT_MEETING, VisitKind.ONLINE)

    @property
    def takes_students(self) -> bool:
        return self.is_home_visit or self is VisitKind.STUDENT_INTERVIEW

    @property
    def takes_teacher(self) -> bool:
        return self is VisitKind.TEACHER_INTERVIEW


class SixTalk(LabelledEnum):
    """六谈: the topics of a home visit."""

    SCHOOL_PHILOSOPHY = ("school_philosophy", "办学理念")
    EDUCATING = ("educating", "育人思想")
    FAMILY_INFLUENCE = ("family_influence", "家庭社会影响")
    FAMILY_SITUATION = ("family_situation", "家庭状况与期望")
    SHARED_DUTY = ("shared_duty", "家校责任")
    SCHOOL_CONDUCT = ("school_conduct", "在校表现")


class SixAsk(LabelledEnum):
    """六问: the questions of a support staff member's service visit."""

    SATISFACTION = ("satisfaction", "是否满意")
    RULES = ("rules", "规章制度")
    WORKFLOW = ("workflow", "工作流程")
    NEEDS = ("needs", "服务需求")
    SHORTCOMINGS = ("shortcomings", "不足差距")
    SUGGESTIONS = ("suggestions", "意见建议")


class AssistanceKind(LabelledEnum):
    LEARNING = ("learning", "学习帮扶")
    THINKING = ("thinking", "思想帮扶")
    LIVING = ("living", "生活帮扶")


def topics_for(kind: VisitKind) -> type[LabelledEnum] | None:
    """Which topic list fits a visit kind: 六谈 for home visits, 六问 for service visits."""
    if kind.is_home_visit:
        return SixTalk
    if kind is VisitKind.SERVICE:
        return SixAsk
    return None


def topic_label(code: str) -> str:
    for vocab in (SixTalk, SixAsk):
        try:
            return vocab(code).label
        except ValueError:
            continue
    return code

"""示范课 are counted as lessons, not as records: several colleagues may observe one lesson.

A lesson is one teacher, one date, one class and, when given, one 节次. Records of one teacher
and date are the same lesson when what they say does not differ: the same class and 节次, or a
record that leaves 节次 (or the class) blank and matches another observer's record in the rest.
One observer's own records are always different lessons (nobody records a lesson twice).

Records are matched most specific first, each joining the first lesson it fits, so two
observers of a lesson without 节次 give one lesson, and a teacher's two lessons in different
classes stay two. Pure Python, no I/O.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

LESSON_RULE = ("示范课按节计：同一授课教师、同一日期、同一班级、同一节次为一节课，几位老师同听一节只计一节；"
               "未填节次（或班级）的记录与他人所记其余相同的课视为同一节；同一听课人的多条记录视为不同的课。")


@dataclass(frozen=True)
class DemoRecord:
    """One 示范课 observation record, as far as counting lessons needs it."""

    teacher_id: int
    date: date
    class_id: int | None
    lesson_no: int | None
    observer_id: int


@dataclass
class _Lesson:
    class_id: int | None
    lesson_no: int | None
    observers: set[int] = field(default_factory=set)

    def fits(self, record: DemoRecord) -> bool:
        return (record.observer_id not in self.observers
                and _agree(self.class_id, record.class_id) and _agree(self.lesson_no, record.lesson_no))

    def take(self, record: DemoRecord) -> None:
        self.observers.add(record.observer_id)
        self.class_id = self.class_id if self.class_id is not None else record.class_id
        self.lesson_no = self.lesson_no if self.lesson_no is not None else record.lesson_no


def _agree(a, b) -> bool:
    return a is None or b is None or a == b


def _blanks(record: DemoRecord) -> tuple:
    return (record.lesson_no is None) + (record.class_id is None), record.class_id or 0, record.lesson_no or 0


def lessons_of_day(records: Iterable[DemoRecord]) -> int:
    """Lessons behind the 示范课 records of one teacher on one day."""
    lessons: list[_Lesson] = []
    for record in sorted(records, key=_blanks):
        home = next((lesson for lesson in lessons if lesson.fits(record)), None)
        if home is None:
            home = _Lesson(record.class_id, record.lesson_no)
            lessons.append(home)
        home.take(record)
    return len(lessons)


def demo_lessons_by_teacher(records: Iterable[DemoRecord]) -> Counter:
    """Teacher id → lessons given (every record passed is a 示范课 of the period counted)."""
    days: dict[tuple[int, date], list[DemoRecord]] = defaultdict(list)
    for record in records:
        days[(record.teacher_id, record.date)].append(record)
    lessons: Counter = Counter()
    for (teacher, _day), records_of_day in days.items():
        # One record is one lesson: most days have a single 示范课 record, and need no matching.
        lessons[teacher] += 1 if len(records_of_day) == 1 else lessons_of_day(records_of_day)
    return lessons

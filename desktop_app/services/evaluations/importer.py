"""Importing semester scores from the 教务处's Excel sheet through the shared import framework.

One row is one member's semester: 姓名, 学年, 学期, one column per indicator of the default
scheme (matched to the year's scheme by name), 加分 + 加分事由, 减分 + 减分事由. A row updates
that member's semester; blank cells never erase what is stored. Approved semesters are refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from desktop_app.domain.calendar import SEMESTER_LABELS, parse_school_year
from desktop_app.domain.evaluation import check_entered, fmt, points
from desktop_app.domain.scheme import Scheme, default_scheme
from desktop_app.services.evaluations.commands import write_semester
from desktop_app.services.importing.spec import Column, ImportSpec, RowCells, RowError, RowErrors, number, text
from desktop_app.store.events import Topic
from desktop_app.store.models import Member
from desktop_app.store.models.evaluations import EvaluationLock, EvaluationScheme, EvaluationScore

_DEFAULT = default_scheme("2025-2026")
_EXAMPLES = {"politics": 14, "ethics": 14.5, "teaching": 18, "appraisal": 9}


def _semester(value) -> int:
    item = str(value).strip()
    for number_, label in SEMESTER_LABELS.items():
        if item in (str(number_), label, label[1:], f"{number_}.0", "上学期" if number_ == 1 else "下学期"):
            return number_
    raise ValueError(f"“{item}”不是学期（填 第一学期 或 第二学期，也可填 1 或 2）")


def _indicator_column(ind) -> Column:
    how = "由记录计算；无记录时用此处的分数" if ind.computed else "手工录入"
    return Column(f"ind:{ind.key}", ind.name, number(0), example=_EXAMPLES.get(ind.key, ""),
                  note=f"满分 {fmt(ind.max_points)} 分（默认方案），{how}")


COLUMNS = (
    Column("name", "姓名", text(50), required=True, aliases=("党员姓名", "教师姓名"), example="张晓明"),
    Column("school_year", "学年", lambda v: parse_school_year(str(v)), required=True, example="2025-2026"),
    Column("semester", "学期", _semester, required=True, example="第一学期", choices=tuple(SEMESTER_LABELS.values())),
    *(_indicator_column(ind) for ind in _DEFAULT.indicators),
    Column("bonus", "加分", number(0), example=2, note="加分合计；超过方案的加分上限时按上限计入"),
    Column("bonus_reason", "加分事由", text(200), example="区级优质课一等奖"),
    Column("deduction", "减分", number(0), example="", note="减分合计；超过减分上限时按上限计入"),
    Column("deduction_reason", "减分事由", text(200), example=""),
)


@dataclass
class Lookup:
    members: dict[str, list[int]]
    schemes: dict[str, Scheme]
    locked: set[tuple[str, int]]
    scores: dict[tuple[int, str, int], int] = field(default_factory=dict)  # (member, year, semester) → id
    stored_schemes: dict[str, dict] = field(default_factory=dict)

    def scheme(self, year: str) -> Scheme:
        if year not in self.schemes:
            earlier = [y for y in self.stored_schemes if y <= year]
            self.schemes[year] = (Scheme.from_dict(year, self.stored_schemes[max(earlier)]) if earlier
                                  else default_scheme(year))
        return self.schemes[year]


@dataclass(frozen=True)
class ScoreRecord:
    member_id: int
    name: str
    school_year: str
    semester: int
    entered: dict[str, float]
    bonuses: list[dict] | None
    deductions: list[dict] | None


def load(session) -> Lookup:
    members: dict[str, list[int]] = {}
    for member_id, name in session.execute(select(Member.id, Member.name).order_by(Member.id)):
        members.setdefault(name, []).append(member_id)
    stored = {s.school_year: s.data for s in session.scalars(select(EvaluationScheme))}
    locked = set()
    for lock in session.scalars(select(EvaluationLock)):
        for semester in ((1, 2) if lock.semester is None else (lock.semester,)):
            locked.add((lock.school_year, semester))
    scores = {(s.member_id, s.school_year, s.semester): s.id for s in session.scalars(select(EvaluationScore))}
    return Lookup(members, {}, locked, scores, stored)


def _adjustment(cells: RowCells, key: str, label: str) -> tuple[list[dict] | None, RowError | None]:
    value, reason = cells.get(key), cells.get(f"{key}_reason")
    if value is None and reason is None:
        return None, None
    if value is None:
        return None, RowError(label, f"填写了{label}事由，但没有填写{label}分值")
    if value == 0:
        return [], None
    if not reason:
        return None, RowError(f"{label}事由", f"有{label}时必须写明事由")
    return [{"points": points(value), "reason": reason}], None


def build(cells: RowCells, lookup: Lookup) -> ScoreRecord:
    errors = []
    name, year, semester = cells.get("name"), cells.get("school_year"), cells.get("semester")
    found = lookup.members.get(name, [])
    if not found:
        errors.append(RowError("姓名", f"名册中没有“{name}”，请先在党员名册中添加"))
    elif len(found) > 1:
        errors.append(RowError("姓名", f"名册中有{len(found)}人名为“{name}”，无法确定是哪一位"))
    if (year, semester) in lookup.locked:
        errors.append(RowError("学期", f"{year}学年{SEMESTER_LABELS[semester]}的考核结果已审批锁定，不能导入"))
    scheme = lookup.scheme(year)
    by_name = {ind.name: ind for ind in scheme.indicators}
    entered = {}
    for column in COLUMNS:
        if not column.key.startswith("ind:") or cells.get(column.key) is None:
            continue
        ind = by_name.get(column.header)
        if ind is None:
            errors.append(RowError(column.header, f"{year}学年的考核方案中没有这一指标"))
            continue
        reason = check_entered(ind, cells.get(column.key))
        if reason:
            errors.append(RowError(column.header, reason))
        else:
            entered[ind.key] = points(cells.get(column.key))
    bonuses, problem = _adjustment(cells, "bonus", "加分")
    deductions, problem2 = _adjustment(cells, "deduction", "减分")
    errors += [p for p in (problem, problem2) if p]
    if errors:
        raise RowErrors(errors)
    return ScoreRecord(found[0], name, year, semester, entered, bonuses, deductions)


def match(record: ScoreRecord, lookup: Lookup) -> int | None:
    return lookup.scores.get((record.member_id, record.school_year, record.semester))


def write(session, record: ScoreRecord, _existing: int | None, _lookup: Lookup) -> None:
    write_semester(session, record.member_id, record.school_year, record.semester, record.entered,
                   record.bonuses, record.deductions)


SPEC = ImportSpec(
    kind="evaluations", label="考核成绩", columns=COLUMNS, topics=(Topic.EVALUATION,),
    load=load, build=build, match=match, write=write,
    identity=lambda r: [(r.member_id, r.school_year, r.semester)],
    describe=lambda r: f"{r.name} {r.school_year}学年{SEMESTER_LABELS[r.semester]}",
    sheet_title="量化考核成绩",
    notes=("每行是一位党员一个学期的成绩；同一人同一学期只能有一行。",
           "指标列按名称对应该学年考核方案中的指标；空白单元格不会清除已有成绩。",
           "加分、减分填合计分值，并写明事由；填 0 表示清除已有的加分或减分。",
           "已审批锁定的学期不能导入，须先在“考核”页解除锁定。"),
)

"""How long importing a 10,000-row 家访记录 sheet takes, next to openpyxl merely reading it.

    python benchmarks/import_visits.py [--rows 10000] [--data-dir DIR]

Without --data-dir a fresh ledger with the demo school's people is made in a temp folder;
with it, the sheet is generated from that ledger's roster (e.g. the ten-year benchmark
ledger) and imported into it. Prints the three timings: openpyxl read-only pass over the
file, our preview (read + check every row), our commit (one transaction).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook, load_workbook
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.domain.vocab import Post  # noqa: E402
from desktop_app.services import importing  # noqa: E402
from desktop_app.services.demo import people  # noqa: E402
from desktop_app.store.ledger import open_ledger  # noqa: E402
from desktop_app.store.models import Member, SchoolClass, Student  # noqa: E402

HEADERS = ["日期*", "访问人*", "方式*", "学生", "班级", "受访对象", "帮扶类型", "主要内容", "意见建议", "是否回访"]


def make_sheet(ledger, path: Path, rows: int, rng: random.Random) -> None:
    with ledger.reading() as session:
        members = list(session.execute(select(Member.name, Member.posts).where(Member.active.is_(True))))
        classes = dict(session.execute(select(SchoolClass.id, SchoolClass.name)).all())
        students = list(session.execute(select(Student.name, Student.class_id).where(Student.active.is_(True))))
    unique = Counter(name for name, _ in members)
    visitors = [name for name, _ in members if unique[name] == 1]
    teachers = [name for name, posts in members if unique[name] == 1 and Post.SUBJECT_TEACHER.value in (posts or [])]
    in_class = Counter((name, cid) for name, cid in students)
    pupils = [(name, classes[cid]) for name, cid in students if in_class[(name, cid)] == 1]
    start = date.today() - timedelta(days=200)
    days = [start + timedelta(days=i) for i in range(180) if (start + timedelta(days=i)).weekday() < 5]
    book = Workbook(write_only=True)
    sheet = book.create_sheet("家访记录")
    sheet.append(HEADERS)
    seen = set()
    while len(seen) < rows:
        day, visitor = rng.choice(days), rng.choice(visitors)
        roll = rng.random()
        if roll < 0.03 and teachers:
            target = rng.choice([t for t in teachers if t != visitor] or teachers)
            row = [day, visitor, "访谈教师", None, None, target, None, "一对一谈心", None, "否"]
            key = (day, visitor, target)
        else:
            pupil, class_name = rng.choice(pupils)
            kind = "电话家访" if roll < 0.85 else rng.choice(("入户家访", "访谈学生"))
            row = [day, visitor, kind, pupil, class_name, "学生家长", rng.choice((None, "学习帮扶", "思想帮扶")),
                   "交流学生在校表现和家庭学习情况", rng.choice((None,) * 30 + ("希望增加课外活动",)),
                   rng.choice(("否",) * 9 + ("是",))]
            key = (day, visitor, kind, pupil, class_name)
        if key not in seen:
            seen.add(key)
            sheet.append(row)
    book.save(path)


def timed(work):
    """(result, (wall seconds, CPU seconds of this process)): CPU time shows the cost when
    other programs share the machine."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, (time.perf_counter() - wall, time.process_time() - cpu)


def openpyxl_read(path: Path) -> int:
    book = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as scratch:
        data_dir = args.data_dir or Path(scratch) / "ledger"
        ledger = open_ledger(data_dir)
        try:
            if not people.has_people(ledger):
                people.add_demo(ledger, rng)
            sheet = Path(scratch) / "家访记录.xlsx"
            make_sheet(ledger, sheet, args.rows, rng)
            read_rows, read_time = timed(lambda: openpyxl_read(sheet))
            checked, preview_time = timed(lambda: importing.preview(ledger, "visits", sheet))
            result, commit_time = timed(lambda: importing.commit(ledger, checked))
        finally:
            ledger.close()
    total = (preview_time[0] + commit_time[0], preview_time[1] + commit_time[1])
    print(f"rows in sheet: {read_rows - 1}                     wall      CPU")
    for label, (wall, cpu), extra in (
        ("openpyxl read-only pass      ", read_time, ""),
        ("our preview (read + check)   ", preview_time, f"good {len(checked.good_rows)}, bad {len(checked.bad_rows)}"),
        ("our commit (one transaction) ", commit_time, result.summary()),
        ("our import in total          ", total, f"{total[0] / read_time[0]:.1f}× the openpyxl read (wall)"),
    ):
        print(f"{label} {wall:6.2f} s  {cpu:6.2f} s   {extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`evaluate --year 2025-2026 [--semester 1|2]`: compute and print the year's (or a semester's) results."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from desktop_app.cli.table import text_table as _table
from desktop_app.domain.calendar import SEMESTER_LABELS, parse_school_year, school_year_of
from desktop_app.domain.evaluation import fmt, score_text, star_counts, star_counts_text
from desktop_app.domain.scheme_rules import scheme_rules
from desktop_app.services.errors import UserError
from desktop_app.services.evaluations.queries import is_year_locked, semester_sheet, year_results, year_star_counts
from desktop_app.services.evaluations.breakdown import DETAIL_HEADERS, detail_rows, star_breakdowns
from desktop_app.services.evaluations.schemes import get_scheme
from desktop_app.store.ledger import Ledger

Opener = Callable[[], Ledger]


def register(sub: argparse._SubParsersAction) -> None:
    evaluate = sub.add_parser("evaluate", help="计算并列出一个学年（或学期）的量化考核成绩与星级")
    evaluate.add_argument("--year", help="学年，如 2025-2026（默认为当前学年）")
    evaluate.add_argument("--semester", type=int, choices=(1, 2), help="只列出第一(1)或第二(2)学期的考核表")
    evaluate.add_argument("--member", help="列出此人的星级明细：每项指标的记录数、应完成、得分，加减分，学期与学年得分")
    evaluate.set_defaults(func=run_evaluate)


def run_evaluate(args: argparse.Namespace, ledger_opener: Opener) -> int:
    try:
        year = parse_school_year(args.year) if args.year else school_year_of(date.today())
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    ledger = ledger_opener()
    if getattr(args, "member", None):
        return _print_member(ledger, year, args.member.strip())
    if args.semester:
        return _print_semester(ledger, year, args.semester)
    results = year_results(ledger, year)
    print(f"{year}学年量化考核结果（共 {len(results)} 人）")
    rows = [[str(r.rank or ""), r.member_name, r.status_label, score_text(r.first) or "—",
             score_text(r.second) or "—", score_text(r.score) or "未考核", r.star_label] for r in results]
    for text in _table(["名次", "姓名", "政治面貌", "第一学期", "第二学期", "学年成绩", "星级"], rows, {0, 3, 4, 5}):
        print(text)
    print(star_counts_text(year_star_counts(results)))
    lock = is_year_locked(ledger, year)
    print(lock.label if lock else "尚未审批，结果会随记录变化。")
    _print_rules(ledger, year)
    return 0


def _print_member(ledger: Ledger, year: str, name: str) -> int:
    found = [b for b in star_breakdowns(ledger, year) if b.name == name]
    if not found:
        raise UserError(f"{year}学年的考核中没有“{name}”。")
    for b in found:
        print(f"{b.name}（{b.status_label}）{year}学年 {score_text(b.year_score) or '—'} 分 {b.star or '未评星级'}")
        for text in _table(list(DETAIL_HEADERS), detail_rows(b), {2, 3, 4, 5}):
            print(text)
        print(f"{b.year_working}；{b.threshold}")
    _print_rules(ledger, year)
    return 0


def _print_rules(ledger: Ledger, year: str) -> None:
    print("计分规则：")
    for n, line in enumerate(scheme_rules(get_scheme(ledger, year)), start=1):
        print(f"  {n}. {line}")


def _print_semester(ledger: Ledger, year: str, semester: int) -> int:
    sheet = semester_sheet(ledger, year, semester)
    print(f"{year}学年{SEMESTER_LABELS[semester]}考核表（共 {len(sheet.rows)} 人）")
    headers = ["姓名", *(f"{i.name}({fmt(i.max_points)})" for i in sheet.scheme.indicators), "加分", "减分", "总分", "星级"]
    rows = [[r.member_name, *(fmt(s.points) for s in r.scores), fmt(r.result.bonus), fmt(r.result.deduction),
             score_text(r.result.total), r.star_label] for r in sheet.rows]
    right = set(range(1, len(headers) - 1))
    for text in _table(headers, rows, right):
        print(text)
    print(star_counts_text(star_counts(r.star_level for r in sheet.rows)))
    if sheet.source_note:
        print(sheet.source_note)
    print(sheet.lock.label if sheet.lock else "尚未审批。")
    _print_rules(ledger, year)
    return 0

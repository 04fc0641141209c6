"""`export quarterly`: the quarterly workbook (or a semester's, or a school year's);
`export summary`: the year-end 工作总结 draft as Word."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.domain import report_period
from desktop_app.domain.calendar import parse_school_year
from desktop_app.services.documents.year_summary import write_year_summary
from desktop_app.services.errors import UserError
from desktop_app.services.exports.quarterly import export_quarterly
from desktop_app.services.settings import semester_dates


def register(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser("export", help="导出报表")
    kinds = export.add_subparsers(dest="export_kind", metavar="KIND", required=True)
    quarterly = kinds.add_parser("quarterly", help="季度报表（也可按学期或学年）")
    quarterly.add_argument("--year", type=int, help="公历年份，与 --quarter 一起使用，如 2026")
    quarterly.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help="季度 1–4")
    quarterly.add_argument("--school-year", help="学年，如 2025-2026；单独使用时导出整个学年")
    quarterly.add_argument("--semester", type=int, choices=(1, 2), help="与 --school-year 一起使用：第一或第二学期")
    quarterly.add_argument("--show-id-numbers", action="store_true", help="名册中显示完整身份证号（默认遮盖）")
    quarterly.add_argument("-o", "--output", required=True, help="输出的 .xlsx 文件")
    quarterly.set_defaults(func=_quarterly)
    summary = kinds.add_parser("summary", help="学年工作总结（Word 草稿，数字取自台账）")
    summary.add_argument("--school-year", required=True, help="学年，如 2025-2026")
    summary.add_argument("-o", "--output", required=True, help="输出的 .docx 文件")
    summary.set_defaults(func=_summary)


def _summary(args: argparse.Namespace, ledger_opener) -> int:
    try:
        label = parse_school_year(args.school_year)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    output = Path(args.output)
    if output.suffix.lower() != ".docx":
        raise UserError(f"输出文件“{output}”应以 .docx 结尾")
    write_year_summary(ledger_opener(), label, output)
    print(f"已导出 {label}学年工作总结（草稿）：{output}")
    return 0


def _quarterly(args: argparse.Namespace, ledger_opener) -> int:
    ledger = ledger_opener()
    if args.quarter or args.year:
        if not (args.quarter and args.year) or args.school_year:
            raise UserError("按季度导出时请同时给出 --year 和 --quarter，且不要再给 --school-year")
        period = report_period.quarter(args.year, args.quarter)
    elif args.school_year:
        try:
            label = parse_school_year(args.school_year)
        except ValueError as exc:
            raise UserError(str(exc)) from None
        if args.semester:
            period = report_period.semester(semester_dates(ledger, label), args.semester)
        else:
            period = report_period.school_year(label)
    else:
        raise UserError("请给出 --year 和 --quarter，或 --school-year（可加 --semester）")
    output = Path(args.output)
    if output.suffix.lower() != ".xlsx":
        raise UserError(f"输出文件“{output}”应以 .xlsx 结尾")
    export_quarterly(ledger, period, output, mask_ids=not args.show_id_numbers)
    print(f"已导出 {period.label} 报表：{output}")
    return 0

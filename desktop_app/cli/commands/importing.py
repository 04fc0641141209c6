"""`import KIND FILE.xlsx [--dry-run] [--skip-bad-rows] [--error-report OUT.xlsx]` and `template KIND -o FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.services import importing
from desktop_app.services.importing.registry import KINDS


def register(subparsers) -> None:
    kinds = "、".join(f"{kind}（{label}）" for kind, (label, _path) in KINDS.items())
    parser = subparsers.add_parser("import", help="从 Excel 导入（先检查，全部正确才写入）",
                                   description=f"从 Excel 导入。可导入：{kinds}")
    parser.add_argument("kind", metavar="KIND", help="要导入的类型，如 members、classes、students")
    parser.add_argument("file", metavar="FILE.xlsx", type=Path)
    parser.add_argument("--dry-run", action="store_true", help="只检查并列出结果，不写入")
    parser.add_argument("--skip-bad-rows", action="store_true", help="跳过错误行，导入其余的行")
    parser.add_argument("--error-report", metavar="OUT.xlsx", type=Path, help="把错误行另存为 Excel 文件")
    parser.set_defaults(func=run_import)

    parser = subparsers.add_parser("template", help="保存导入模板", description=f"保存导入模板。可选：{kinds}")
    parser.add_argument("kind", metavar="KIND")
    parser.add_argument("-o", "--output", metavar="FILE.xlsx", type=Path, required=True)
    parser.set_defaults(func=run_template)


def run_import(args: argparse.Namespace, ledger_opener) -> int:
    ledger = ledger_opener()
    checked = importing.preview(ledger, args.kind, args.file)
    print(f"{checked.label}导入 {args.file.name}（工作表“{checked.sheet_name}”）：{checked.summary()}")
    if checked.ignored_columns:
        print(f"已忽略无法识别的列：{'、'.join(checked.ignored_columns)}")
    if checked.problems:
        print("错误（这些行不会导入）：")
        for problem in checked.problems:
            print(f"  {problem}")
    if checked.warnings:
        print("提醒（这些行照常导入，并列入待办）：")
        for warning in checked.warnings:
            print(f"  {warning}")
    if args.error_report and checked.bad_rows:
        importing.write_error_report(checked, args.error_report)
        print(f"错误行已保存到 {args.error_report}")
    if checked.bad_rows and not args.skip_bad_rows:
        print(f"有 {len(checked.bad_rows)} 行错误，整个文件未导入（改正后重新导入，或加 --skip-bad-rows 跳过错误行）。")
        return 1
    if args.dry_run:
        print("试运行（--dry-run）：没有写入任何数据。")
        return 0
    result = importing.commit(ledger, checked, skip_bad_rows=args.skip_bad_rows)
    print(result.summary())
    return 0


def run_template(args: argparse.Namespace, ledger_opener) -> int:
    path = importing.write_template(args.kind, args.output)
    spec = importing.load_spec(args.kind)
    print(f"已保存{spec.label}导入模板：{path}")
    return 0

"""`print KIND --year 2025-2026 -o FILE.pdf`: plaques, pennants, certificates, pledge letters,
the 公示 list, or the printer calibration page, with the print settings stored in the ledger;
`--format docx -o FILE.docx` writes the letters, the 公示 list or certificates as Word."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from desktop_app.domain.calendar import parse_school_year
from desktop_app.domain.collation import NameOrder
from desktop_app.services.errors import UserError
from desktop_app.services.prints import jobs
from desktop_app.services.prints.fonts import CHOICES
from desktop_app.services.prints.options import MAX_PENNANT_TEXT, check_offset, load_options, pennant_text_length
from desktop_app.services.prints.page import PAPER, Offset
from desktop_app.services.prints.pennants import MATERIALS, SIZES_CM, WORDINGS
from desktop_app.services.prints.sources import NOTICE_PROPOSED, star_levels
from desktop_app.services.prints.stock import stock_by_name

_KIND_HELP = {"plaques": "星级党员桌牌", "pennants": "党员先锋班锦旗制作单", "certificates": "荣誉证书",
              "pledges": "对标承诺书", "notice": "承诺公示名单", "calibration": "打印机偏移校准页",
              "stock_calibration": "证书纸（套打）校准页"}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("print", help="印制桌牌、锦旗、证书、承诺书、公示名单（PDF，或 Word）")
    parser.add_argument("kind", choices=[k.key for k in jobs.KINDS], metavar="KIND",
                        help="；".join(f"{k}={v}" for k, v in _KIND_HELP.items()))
    parser.add_argument("--year", help="学年，如 2025-2026（校准页不需要）")
    parser.add_argument("--level", help="桌牌：只印某一星级，如 五星级")
    parser.add_argument("--title", help="荣誉证书：只印某一荣誉称号，如 党员标兵")
    parser.add_argument("--paper", choices=sorted(PAPER), help="锦旗制作单的纸张（默认取设置，一般为 A4）")
    parser.add_argument("--text", help="锦旗正文（默认取设置，一般为 党员先锋班；分两列时可用空格或 / 指定断开处）")
    parser.add_argument("--size", choices=list(SIZES_CM), help="锦旗成品尺寸，宽×高 cm（默认取设置）")
    parser.add_argument("--material", choices=MATERIALS, help="锦旗材质（默认取设置）")
    parser.add_argument("--wording", choices=WORDINGS, help="锦旗用语：授予（上款“授予××班”）或 敬赠（落款“××敬赠”）")
    parser.add_argument("--font", choices=[c.key for c in CHOICES], help="字体（默认取设置）")
    parser.add_argument("--offset-x", type=float, help="打印偏移 X（mm，向右为正；默认取设置）")
    parser.add_argument("--offset-y", type=float, help="打印偏移 Y（mm，向下为正；默认取设置）")
    parser.add_argument("--allow-unapproved", action="store_true",
                        help="桌牌：考核结果尚未审批时，仍按当前星级印制（须明确给出）")
    parser.add_argument("--proposed", action="store_true", help="公示名单：印“拟公示”名单（含草拟的承诺，标题注明拟公示）")
    parser.add_argument("--order", choices=[o.value for o in NameOrder],
                        help="公示名单的排序：strokes=姓氏笔画（默认取设置），pinyin=拼音")
    parser.add_argument("--show-post", action="store_true", help="桌牌：在“共产党员”后印岗位")
    parser.add_argument("--stock", help="荣誉证书：套打到这种证书纸上（只印文字，位置取自设置）；"
                                        "也用于 stock_calibration。给 full 则印完整证书")
    parser.add_argument("--skip-missing", action="store_true", help="跳过名字里有字体缺字的人，其余照印")
    parser.add_argument("--format", choices=("pdf", "docx"), default="pdf",
                        help="pdf（默认）或 docx：可编辑的 Word 文档（承诺书、公示名单、荣誉证书）")
    parser.add_argument("-o", "--output", required=True, help="输出的 .pdf 或 .docx 文件")
    parser.set_defaults(func=_print)


def _options(args, ledger):
    options = load_options(ledger)
    offset = Offset(options.offset.x_mm if args.offset_x is None else args.offset_x,
                    options.offset.y_mm if args.offset_y is None else args.offset_y)
    check_offset(offset)
    if args.text is not None and not 1 <= pennant_text_length(args.text) <= MAX_PENNANT_TEXT:
        raise UserError(f"锦旗正文应为 1–{MAX_PENNANT_TEXT} 个字")
    options = replace(options, offset=offset, font_key=args.font or options.font_key,
                      pennant_paper=args.paper or options.pennant_paper,
                      pennant_text=(args.text or options.pennant_text).strip(),
                      pennant_size=args.size or options.pennant_size,
                      pennant_material=args.material or options.pennant_material,
                      pennant_wording=args.wording or options.pennant_wording,
                      notice_order=NameOrder(args.order) if args.order else options.notice_order,
                      plaque_post=args.show_post or options.plaque_post,
                      allow_unapproved=args.allow_unapproved)
    if args.stock:
        options = replace(options, stock=None if args.stock == "full" else stock_by_name(ledger, args.stock))
    missing = jobs.missing_font(options)
    if missing and args.font:
        raise UserError(f"{missing}，没有生成文件。请先安装这个字体，或用 --font 换一种。")
    if missing:
        print(f"提示：{jobs.font_fallback_note(missing)}", file=sys.stderr)
    return options


def _print(args: argparse.Namespace, ledger_opener) -> int:
    output = Path(args.output)
    if output.suffix.lower() != f".{args.format}":
        raise UserError(f"输出文件“{output}”应以 .{args.format} 结尾")
    if args.format == "docx" and not jobs.kind_by_key(args.kind).word:
        raise UserError(f"{jobs.kind_by_key(args.kind).label}没有 Word 版，请用 --format pdf")
    if args.level and args.kind != "plaques":
        raise UserError("--level 只用于桌牌（plaques）")
    if args.title and args.kind != "certificates":
        raise UserError("--title 只用于荣誉证书（certificates）")
    for flag, kind, label in (("allow_unapproved", "plaques", "桌牌（plaques）"), ("show_post", "plaques", "桌牌（plaques）"),
                              ("proposed", "notice", "公示名单（notice）"), ("order", "notice", "公示名单（notice）"),
                              ("stock", ("certificates", "stock_calibration"), "荣誉证书（certificates）与证书纸校准页")):
        if getattr(args, flag) and args.kind not in (kind if isinstance(kind, tuple) else (kind,)):
            raise UserError(f"--{flag.replace('_', '-')} 只用于{label}")
    year = ""
    if jobs.kind_by_key(args.kind).needs_year:
        if not args.year:
            raise UserError("请用 --year 给出学年，如 --year 2025-2026")
        try:
            year = parse_school_year(args.year)
        except ValueError as exc:
            raise UserError(str(exc)) from None
    if args.level and args.level not in star_levels():
        raise UserError(f"星级“{args.level}”不对，可选：{'、'.join(star_levels())}")
    ledger = ledger_opener()
    options = _options(args, ledger)
    choice = args.level or args.title or (NOTICE_PROPOSED if args.proposed else "")
    batch = jobs.load_batch(ledger, args.kind, year, choice, order=options.notice_order)
    if batch.unapproved and not options.allow_unapproved:
        raise UserError(jobs.unapproved_message(year, "加 --allow-unapproved"))
    if batch.kind.per_person and not batch.items:
        raise UserError(jobs.empty_message(batch))
    for note in batch.notes:
        print(f"提示：{note}", file=sys.stderr)
    items = batch.items
    if args.format == "docx":  # Word draws with the fonts of the machine that opens it
        items = jobs.prepare(ledger, batch, items)
        jobs.write_word(batch, items, output, options)
        jobs.record(ledger, batch, items, "word", str(output), choice)
        print(f"已生成{batch.kind.label}（Word，{len(items)} 份）：{output}")
        return 0
    problems = jobs.glyph_problems(items, options)
    if problems:
        listing = "\n".join(p.message for p in problems)
        if not args.skip_missing:
            raise UserError(f"以下内容有字体里没有的字，为免印出空白或方框，没有生成文件：\n{listing}\n"
                            "可改用常用字、换用含这些字的字体，或加 --skip-missing 跳过这些人。")
        skipped = {p.who for p in problems}
        items = [item for item in items if item.who not in skipped]
        print(f"已跳过：\n{listing}", file=sys.stderr)
        if not items:
            raise UserError("跳过缺字的人之后，没有可印制的内容了。")
    items = jobs.prepare(ledger, batch, items)
    pages = jobs.render_to_file(batch, items, output, options)
    jobs.record(ledger, batch, items, "pdf", str(output), choice)
    print(f"已生成{batch.kind.label} {pages} 页：{output}")
    return 0

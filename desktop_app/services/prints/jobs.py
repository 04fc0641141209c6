"""The kinds of print, shared by the print centre and the command line.

`load_batch` gathers a kind's records for a year (and a star level or honour title);
`glyph_problems` checks them against the fonts before anything is printed; `render`
writes the chosen records to a PDF. Nothing here touches Qt, so the print centre can run
`render` on a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from desktop_app.domain.collation import NameOrder
from desktop_app.services.documents.certificates import write_certificates
from desktop_app.services.documents.notice import write_notice
from desktop_app.services.documents.pledge_letters import write_pledge_letters
from desktop_app.services.errors import UserError
from desktop_app.services.files import atomic_output
from desktop_app.services.prints import sources
from desktop_app.services.prints.calibration import render_calibration
from desktop_app.services.prints.certificates import render_certificates
from desktop_app.services.prints.fonts import CHOICES, GlyphProblem, choice_by_key, coverage_problems, installed_file
from desktop_app.services.prints.notice import notice_info, render_notice
from desktop_app.services.prints.options import PrintOptions
from desktop_app.services.prints.page import Progress, Target
from desktop_app.services.prints.pennants import DEFAULT_MAIN_TEXT, render_pennants
from desktop_app.services.prints.plaques import render_plaques
from desktop_app.services.prints.records import assign_numbers, log_print
from desktop_app.services.prints.stock import Stock, render_on_stock, render_stock_calibration
from desktop_app.services.prints.pledge_letters import render_pledge_letters
from desktop_app.services.settings import school_profile
from desktop_app.store.ledger import Ledger


@dataclass(frozen=True)
class PrintKind:
    key: str
    label: str
    filter_label: str = ""  # what the extra choice is called (星级 / 荣誉称号), empty if none
    needs_year: bool = True
    per_person: bool = True  # a checkable list of people/classes to include
    word: bool = False  # also saved as an editable Word document


KINDS: tuple[PrintKind, ...] = (
    PrintKind("plaques", "桌牌", "星级"),
    PrintKind("pennants", "锦旗"),
    PrintKind("certificates", "荣誉证书", "荣誉称号", word=True),
    PrintKind("pledges", "承诺书", word=True),
    PrintKind("notice", "公示名单", "公示范围", word=True),
    PrintKind("calibration", "校准页", needs_year=False, per_person=False),
    PrintKind("stock_calibration", "证书纸校准页", needs_year=False, per_person=False),
)
ALL_CHOICE = "全部"


def kind_by_key(key: str) -> PrintKind:
    for kind in KINDS:
        if kind.key == key:
            return kind
    raise UserError(f"不认识的印制种类：{key}")


def filter_choices(ledger: Ledger, kind: PrintKind, school_year: str) -> list[str]:
    """Values for the kind's extra choice, `全部` first."""
    if kind.key == "plaques":
        return [ALL_CHOICE, *sources.star_levels()]
    if kind.key == "certificates":
        return [ALL_CHOICE, *sources.honour_titles(ledger, school_year)]
    if kind.key == "notice":
        return [sources.NOTICE_POSTED, sources.NOTICE_PROPOSED]
    return []


@dataclass
class Batch:
    """What one print run is about: the records, and notes for the user (not errors)."""

    kind: PrintKind
    school_year: str
    branch: str
    items: list = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unapproved: bool = False  # plaques from a year whose evaluation is not approved yet
    proposed: bool = False  # a 拟公示 list (drafts included)


def unapproved_note(school_year: str) -> str:
    return f"{school_year}学年的考核结果尚未审批锁定，桌牌上的星级可能还会变。"


def unapproved_message(school_year: str, how: str = "勾选“仍按未审批的星级印制”") -> str:
    return f"{unapproved_note(school_year)}确需先印，请{how}。"


def load_batch(ledger: Ledger, kind_key: str, school_year: str = "", choice: str = "",
               today: date | None = None, order: NameOrder = NameOrder.STROKES) -> Batch:
    kind = kind_by_key(kind_key)
    choice = "" if choice == ALL_CHOICE else choice
    batch = Batch(kind, school_year, school_profile(ledger).branch_title)
    if not kind.needs_year:
        return batch
    if not school_year:
        raise UserError("请选择学年。")
    if kind.key == "plaques":
        batch.items = sources.plaque_cards(ledger, school_year, choice or None)
        if batch.items and not sources.year_is_approved(ledger, school_year):
            batch.unapproved = True
            batch.notes.append(unapproved_note(school_year))
    elif kind.key == "pennants":
        batch.items = sources.pennants(ledger, school_year, today=today)
    elif kind.key == "certificates":
        batch.items = sources.certificates(ledger, school_year, choice or None, today=today)
    elif kind.key == "pledges":
        batch.items = sources.pledge_letters(ledger, school_year)
    elif kind.key == "notice":
        batch.proposed = choice == sources.NOTICE_PROPOSED
        batch.items = sources.notice_rows(ledger, school_year, batch.proposed, order)
    return batch


def empty_message(batch: Batch) -> str:
    where = {
        "plaques": "还没有获得星级的党员（请先在“考核”页完成年度考核）",
        "pennants": "荣誉登记里还没有“党员先锋班”",
        "certificates": "荣誉登记里还没有这一学年的荣誉",
        "pledges": "还没有登记承诺",
        "notice": "还没有草拟的或已公示的承诺" if batch.proposed else "还没有已公示的承诺（草拟的承诺可印“拟公示”名单）",
    }.get(batch.kind.key, "没有内容")
    return f"{batch.school_year}学年{where}，没有可印制的{batch.kind.label}。"


def glyph_problems(items: list, options: PrintOptions) -> list[GlyphProblem]:
    return coverage_problems(items, options.fonts())


def missing_font(options: PrintOptions) -> str | None:
    """The chosen font, named with its file, when it is not installed here (the print would
    fall back to the bundled WenKai)."""
    choice = choice_by_key(options.font_key)
    if installed_file(choice) is not None:
        return None
    return f"本机没有安装“{choice.label}”（{choice.filename}）"


def font_fallback_note(missing: str) -> str:
    return f"{missing}，将改用{CHOICES[0].label}印制。"


def render(batch: Batch, items: list, target: Target, options: PrintOptions,
           progress: Progress | None = None) -> int:
    """Write the chosen records (a subset of batch.items) to `target`; returns the page count."""
    fonts, offset, key = options.fonts(), options.offset, batch.kind.key
    if key == "calibration":
        return render_calibration(target, fonts, offset)
    if key == "stock_calibration":
        return render_stock_calibration(target, fonts, options.stock or Stock(), offset)
    if not items:
        raise UserError(empty_message(batch) if not batch.items else "请至少勾选一项再印制。")
    if key == "plaques":
        if batch.unapproved and not options.allow_unapproved:
            raise UserError(unapproved_message(batch.school_year))
        items = [replace(item, show_post=options.plaque_post) for item in items]
        return render_plaques(items, target, fonts, offset, progress)
    if key == "pennants":
        text = (options.pennant_text or "").strip() or DEFAULT_MAIN_TEXT
        items = [replace(item, main_text=text, size=options.pennant_size, material=options.pennant_material,
                         wording=options.pennant_wording) for item in items]
        return render_pennants(items, target, fonts, options.pennant_paper, offset, progress)
    if key == "certificates" and options.stock is not None:
        return render_on_stock(items, target, fonts, options.stock, offset, progress)
    if key == "certificates":
        return render_certificates(items, target, fonts, offset, progress)
    if key == "pledges":
        return render_pledge_letters(items, target, fonts, offset, progress)
    items, info = _notice(batch, items, options)
    return render_notice(items, info, target, fonts, offset, progress)


def _notice(batch: Batch, items: list, options: PrintOptions):
    items = sources.sort_notice(items, options.notice_order)
    return items, notice_info(items, batch.branch, batch.school_year, batch.proposed, options.notice_phone,
                              date.today())


def prepare(ledger: Ledger, batch: Batch, items: list) -> list:
    """Before a run: certificates get their numbers (kept for reprints). Writes to the ledger,
    so it runs on the caller's thread, before `render`."""
    if batch.kind.key == "certificates" and items:
        return assign_numbers(ledger, items)
    return items


def describe(batch: Batch, items: list, choice: str = "") -> str:
    """What a run was, for the print log: 2025-2026学年荣誉证书（党员标兵）8 份."""
    year = f"{batch.school_year}学年" if batch.kind.needs_year else ""
    detail = f"（{choice}）" if choice and choice != ALL_CHOICE else ""
    return f"{year}{batch.kind.label}{detail} {len(items)} 份" if batch.kind.per_person else batch.kind.label


def record(ledger: Ledger, batch: Batch, items: list, output: str, target: str = "", choice: str = "") -> None:
    """Log a run that was saved or printed: what, the certificate numbers, when, where to."""
    log_print(ledger, batch.kind.key, batch.school_year, describe(batch, items, choice), output, items, target)


def write_word(batch: Batch, items: list, path: Path, options: PrintOptions) -> None:
    """The chosen records as an editable Word document (letters, the 公示 list, certificates)."""
    key = batch.kind.key
    if not batch.kind.word:
        raise UserError(f"{batch.kind.label}只能保存为 PDF（Word 版有：承诺书、公示名单、荣誉证书）。")
    if not items:
        raise UserError(empty_message(batch) if not batch.items else "请至少勾选一项再保存。")
    if key == "pledges":
        write_pledge_letters(items, path)
    elif key == "certificates":
        write_certificates(items, path)
    else:
        write_notice(*_notice(batch, items, options), path)


def render_to_file(batch: Batch, items: list, path: Path, options: PrintOptions,
                   progress: Progress | None = None) -> int:
    """Like `render`, but the file appears only when complete (a failed run leaves no half PDF)."""
    with atomic_output(path) as partial:
        pages = render(batch, items, str(partial), options, progress)
    return pages

"""Gathering what to print from the ledger: year results, the honours register, pledges.

Each function returns the plain input records of one print module (PlaqueCard, Pennant,
Certificate, PledgeLetter, NoticeRow); the generators never see the ledger.
"""

from __future__ import annotations

from datetime import date

from desktop_app.domain.calendar import parse_school_year
from desktop_app.domain.collation import NameOrder, name_key
from desktop_app.domain.pledges import PledgeKind, PledgeStatus
from desktop_app.domain.scheme import StarLevel
from desktop_app.domain.vocab import PoliticalStatus
from desktop_app.services.evaluations.queries import is_year_locked, year_results
from desktop_app.services.honours import CLASS_TITLE, list_honours
from desktop_app.services.members import list_members
from desktop_app.services.pledges.queries import list_pledges
from desktop_app.services.errors import UserError
from desktop_app.services.prints.certificates import (
    CLASS_TEMPLATE, DEFAULT_TEMPLATE, PLACEHOLDERS, Certificate, fill_template, unknown_placeholders,
)
from desktop_app.services.prints.notice import NoticeRow
from desktop_app.services.prints.pennants import Pennant
from desktop_app.services.prints.plaques import PlaqueCard
from desktop_app.services.prints.pledge_letters import DEFAULT_STANDARD, PledgeLetter
from desktop_app.services.settings import SchoolProfile, get_value, school_profile, set_values
from desktop_app.store.ledger import Ledger

BRANCH_POST = "党支部"


def star_levels() -> list[str]:
    return StarLevel.labels()


def _level_code(level: str | None) -> str | None:
    if not level:
        return None
    try:
        return StarLevel.from_label(level).value
    except ValueError:
        return None


def plaque_cards(ledger: Ledger, school_year: str, level: str | None = None) -> list[PlaqueCard]:
    """Every starred member of the year (best first), or only those of one level."""
    year = parse_school_year(school_year)
    profile = school_profile(ledger)
    wanted = _level_code(level)
    posts = _posts_by_member(ledger)
    return [
        PlaqueCard(r.member_name, StarLevel(r.star_level), profile.school_name, profile.branch_title, year,
                   party_label(r.political_status), posts.get(r.member_id, ""))
        for r in year_results(ledger, year)
        if r.star_level and (wanted is None or r.star_level == wanted)
    ]


def party_label(status: str) -> str:
    """What a plaque calls the member: 共产党员, or 预备党员 before 转正."""
    return "预备党员" if status == PoliticalStatus.PROBATIONARY.value else "共产党员"


def year_is_approved(ledger: Ledger, school_year: str) -> bool:
    return is_year_locked(ledger, parse_school_year(school_year)) is not None


def pennants(ledger: Ledger, school_year: str, main_text: str | None = None,
             today: date | None = None) -> list[Pennant]:
    """One pennant per class in the honours register as 党员先锋班 for the year."""
    profile = school_profile(ledger)
    rows = list_honours(ledger, parse_school_year(school_year), CLASS_TITLE)
    return [
        Pennant(r.class_name or r.member_name, r.issuer or profile.branch_title, r.date or today or date.today(),
                main_text or CLASS_TITLE, r.head_teacher_name)
        for r in rows
    ]


def honour_titles(ledger: Ledger, school_year: str) -> list[str]:
    """The titles registered for the year, in the register's order."""
    return list(dict.fromkeys(r.title for r in list_honours(ledger, parse_school_year(school_year))))


TEMPLATES = "certificate.templates"  # honour title → citation template


def citation_templates(ledger: Ledger) -> dict[str, str]:
    return dict(get_value(ledger, TEMPLATES, {}) or {})


def save_citation_templates(ledger: Ledger, templates: dict[str, str]) -> None:
    for title, template in templates.items():
        unknown = unknown_placeholders(template)
        if unknown:
            raise UserError(f"“{title}”的证书正文里有不认识的占位符：{'、'.join('{' + u + '}' for u in unknown)}；"
                            f"可用：{'、'.join('{' + p + '}' for p in PLACEHOLDERS)}。")
        if not template.strip():
            raise UserError(f"“{title}”的证书正文不能为空（删去这一项即用默认正文）。")
    set_values(ledger, {TEMPLATES: {title: t.strip() for title, t in templates.items()}})


def template_for(templates: dict[str, str], title: str, is_class: bool) -> str:
    return templates.get(title) or (CLASS_TEMPLATE if is_class else DEFAULT_TEMPLATE)


def certificates(ledger: Ledger, school_year: str, title: str | None = None,
                 today: date | None = None) -> list[Certificate]:
    year = parse_school_year(school_year)
    profile = school_profile(ledger)
    templates = citation_templates(ledger)
    result = []
    for r in list_honours(ledger, year, title or None):
        is_class = bool(r.class_id)
        citation = fill_template(template_for(templates, r.title, is_class), 姓名=r.member_name, 学年=year,
                                 荣誉=r.title, 班级=r.class_name)
        result.append(Certificate(
            recipient=r.class_name if is_class else r.member_name,
            citation=citation,
            issuer=r.issuer or profile.branch_title,
            day=r.date or today or date.today(),
            salutation="" if is_class else "同志",
            honour=r.title,
            honour_id=r.id,
        ))
    return result


def _posts_by_member(ledger: Ledger) -> dict[int, str]:
    return {m.id: m.posts_label for m in list_members(ledger)}


def _owner(row, profile: SchoolProfile, posts: dict[int, str]) -> tuple[str, str]:
    """(name, post) of a pledge's owner; the branch's own pledge is signed by the branch."""
    if row.member_id is None:
        return profile.branch_title, BRANCH_POST
    return row.owner_name, posts.get(row.member_id, "")


def pledge_letters(ledger: Ledger, school_year: str) -> list[PledgeLetter]:
    year = parse_school_year(school_year)
    profile = school_profile(ledger)
    posts = _posts_by_member(ledger)
    letters = []
    for row in list_pledges(ledger, year):
        name, post = _owner(row, profile, posts)
        letters.append(PledgeLetter(name, post, row.party_group, year, profile.branch_title,
                                    tuple(row.content_items), row.standard or DEFAULT_STANDARD,
                                    kind=row.kind_label, by_branch=row.member_id is None))
    return letters


NOTICE_POSTED = "已公示"
NOTICE_PROPOSED = "拟公示（含草拟）"


def notice_rows(ledger: Ledger, school_year: str, proposed: bool = False,
                order: NameOrder = NameOrder.STROKES) -> list[NoticeRow]:
    """The 公示 list: one row per pledge, its items numbered one per line. Only pledges that
    were published, unless `proposed` (a 拟公示 list, which includes drafts). The branch's
    own pledge comes first, then members in `order`, each member's 岗位承诺 before the 目标承诺."""
    profile = school_profile(ledger)
    posts = _posts_by_member(ledger)
    rows = []
    for row in list_pledges(ledger, parse_school_year(school_year)):
        if row.status == PledgeStatus.DRAFT.value and not proposed:
            continue
        name, post = _owner(row, profile, posts)
        items = [item.strip() for item in row.content_items if item.strip()]
        content = items[0] if len(items) == 1 else "\n".join(f"{n}．{item}" for n, item in enumerate(items, 1))
        rows.append(NoticeRow(name, post, content, row.kind_label, row.member_id,
                              row.published_from, row.published_to))
    return sort_notice(rows, order)


_KIND_ORDER = {kind.label: n for n, kind in enumerate((PledgeKind.BRANCH, PledgeKind.POST, PledgeKind.GOAL))}


def sort_notice(rows: list[NoticeRow], order: NameOrder) -> list[NoticeRow]:
    return sorted(rows, key=lambda r: (not r.is_branch, name_key(r.name, order), r.member_id or 0,
                                       _KIND_ORDER.get(r.kind, 9)))

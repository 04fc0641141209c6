"""A small school for the print tests, built through the real services, and PDF inspection
with poppler's command-line tools (pdfinfo, pdffonts, pdftotext)."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

from evaluation_helpers import YEAR, enter_total

from desktop_app.domain.people import MemberData
from desktop_app.domain.pledges import PledgeData, Publication
from desktop_app.domain.school import ClassData
from desktop_app.services.classes import add_class
from desktop_app.services.evaluations.commands import approve
from desktop_app.services.evaluations.schemes import get_scheme
from desktop_app.services.honours import HonourData, add_honour, honours_from_stars
from desktop_app.services.members import add_member
from desktop_app.services.pledges.commands import publish, publish_many, write_pledge
from desktop_app.services.settings import SchoolProfile, save_school_profile

FIVE_STAR = ("张𠮷", "王晓明", "李<b>华</b>", "赵&钱")
FOUR_STAR = ("陈海燕", "刘立新")
UNSTARRED = ("周国庆",)
PT_PER_MM = 72 / 25.4
PUBLISHED_FROM, PUBLISHED_TO = date(2025, 9, 10), date(2025, 9, 16)


def build_school(ledger) -> dict[str, int]:
    """Seven members scored for the year (4 五星级, 2 四星级), approved; two 党员先锋班;
    a 岗位承诺 for everyone, published except 周国庆's (a draft); 王晓明 also made a 目标承诺;
    the branch's own pledge, published."""
    save_school_profile(ledger, SchoolProfile("育英中学", "育英中学党支部"))
    ids = {name: add_member(ledger, MemberData(name=name, political_status="full_member", posts=["head_teacher"],
                                               party_group="高二党小组"))
           for name in (*FIVE_STAR, *FOUR_STAR, *UNSTARRED)}
    scheme = get_scheme(ledger, YEAR)
    for name, member in ids.items():
        total = 95 if name in FIVE_STAR else 85 if name in FOUR_STAR else 60
        for semester in (1, 2):
            enter_total(ledger, scheme, member, semester, total)
    approve(ledger, YEAR, None, date(2026, 7, 1), "支部党员大会")
    honours_from_stars(ledger, YEAR, "中共育英中学支部委员会", date(2026, 7, 1))
    for class_name, teacher in (("高二(3)班", "王晓明"), ("初一(12)班", "陈海燕")):
        klass = add_class(ledger, ClassData(name=class_name, grade=class_name[:2], head_teacher_id=ids[teacher]))
        add_honour(ledger, HonourData("党员先锋班", YEAR, class_id=klass, issuer="育英中学党支部",
                                      awarded_on=date(2026, 7, 1)))
    posted = Publication(PUBLISHED_FROM, PUBLISHED_TO, ["notice_board"])
    for name, member in ids.items():
        pledge = write_pledge(ledger, PledgeData(member, "post", YEAR, "五个模范", [
            f"{name}承诺：认真备课上课，每学期上一节示范课。",
            "每月电话家访不少于15人次，关心学困生。",
        ]))
        if name not in UNSTARRED:
            publish(ledger, pledge, posted)
    goal = write_pledge(ledger, PledgeData(ids["王晓明"], "goal", YEAR, "党员标兵", ["所带班级期末成绩年级第一。"]))
    branch = write_pledge(ledger, PledgeData(None, "branch", YEAR, "五个好", ["创建“五个好”先进党支部。"]))
    publish_many(ledger, [goal, branch], posted)
    return ids


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def page_sizes_mm(pdf: Path) -> list[tuple[float, float]]:
    out = run("pdfinfo", "-f", "1", "-l", "999", str(pdf))
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)
    return [(round(float(w) / PT_PER_MM, 1), round(float(h) / PT_PER_MM, 1)) for w, h in sizes]


def fonts(pdf: Path) -> list[tuple[str, str]]:
    """(font name, embedded yes/no) for every font in the file."""
    lines = run("pdffonts", str(pdf)).splitlines()[2:]
    result = []
    for line in lines:
        parts = line.split()
        # name type... encoding emb sub uni object-id gen: 'emb' is the 5th column from the end
        result.append((parts[0], parts[-5]))
    return result


def text(pdf: Path, *extra: str) -> str:
    return run("pdftotext", *extra, str(pdf), "-")


def words_with_boxes(pdf: Path) -> list[tuple[str, float, float, float, float, float, float]]:
    """(word, xMin, yMin, xMax, yMax, page width, page height) from `pdftotext -bbox`."""
    html = text(pdf, "-bbox")
    result = []
    pages = re.split(r"<page ", html)[1:]
    for page in pages:
        width, height = (float(v) for v in re.match(r'width="([\d.]+)" height="([\d.]+)"', page).groups())
        for x0, y0, x1, y1, word in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page):
            result.append((word, float(x0), float(y0), float(x1), float(y1), width, height))
    return result


def render_png(pdf: Path, out_dir: Path, name: str, dpi: int = 60) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(out_dir / name)], check=True)
    return sorted(out_dir.glob(f"{name}-*.png"))


def school_data_dir(data_dir: Path) -> Path:
    """A data folder holding `build_school`'s ledger, closed again (for CLI tests)."""
    from desktop_app.store.ledger import open_ledger

    ledger = open_ledger(data_dir)
    try:
        build_school(ledger)
    finally:
        ledger.close()
    return data_dir


def run_print(data_dir: Path, *args: str) -> int:
    from desktop_app.cli.main import main

    return main(["--data-dir", str(data_dir), "print", *args])

"""Fonts: embedded TrueType, an installed Windows font when chosen, per-character fallback
to the bundled WenKai for rare name characters (𠮷), and a warning naming the person when
no font has a character."""

from __future__ import annotations

import shutil

import pytest
from prints_helpers import fonts, text

from desktop_app.domain.scheme import StarLevel
from desktop_app.paths import font_path
from desktop_app.services.prints.fonts import FONT_DIR_ENV, coverage_problems, font_set, split_runs
from desktop_app.services.prints.plaques import PlaqueCard, render_plaques
from desktop_app.services.prints.text import markup

RARE = "\U00020BB7"  # 𠮷, outside the BMP
NOWHERE = "\U00030000"  # CJK Extension G: in none of the fonts


@pytest.fixture
def windows_fonts(tmp_path, monkeypatch):
    """A stand-in Windows font folder: a TrueType collection under the name simsun.ttc
    (WenQuanYi Micro Hei, which like SimSun lacks 𠮷)."""
    folder = tmp_path / "Fonts"
    folder.mkdir()
    shutil.copy(font_path("wqy-microhei.ttc"), folder / "simsun.ttc")
    monkeypatch.setenv(FONT_DIR_ENV, str(folder))
    return folder


def card(name: str) -> PlaqueCard:
    return PlaqueCard(name, StarLevel.FIVE, "育英中学", "育英中学党支部", "2025-2026")


def test_bundled_font_draws_the_rare_character_and_it_extracts_back(tmp_path):
    pdf = tmp_path / "p.pdf"
    render_plaques([card(f"张{RARE}")], str(pdf), font_set())
    assert [emb for _name, emb in fonts(pdf)] == ["yes", "yes"]
    assert all("LXGWWenKai" in name for name, _ in fonts(pdf))
    assert text(pdf).count(f"张{RARE}") == 2


def test_a_chosen_windows_font_falls_back_to_wenkai_for_the_character_it_lacks(tmp_path, windows_fonts):
    chosen = font_set("simsun")
    assert chosen.label.startswith("宋体") and chosen.regular[0] == "simsun-0"
    runs = split_runs(f"张{RARE}明", chosen.regular)
    assert runs == [("simsun-0", "张"), ("LXGWWenKai-Regular-0", RARE), ("simsun-0", "明")]
    assert coverage_problems([card(f"张{RARE}")], chosen) == []
    pdf = tmp_path / "p.pdf"
    render_plaques([card(f"张{RARE}明")], str(pdf), chosen)
    embedded = dict(fonts(pdf))
    assert all(emb == "yes" for emb in embedded.values())
    assert any("WenKai" in name for name in embedded) and any("MicroHei" in name for name in embedded)
    assert text(pdf).count(f"张{RARE}明") == 2


def test_a_windows_font_that_is_not_installed_falls_back_to_the_bundled_one(monkeypatch, tmp_path):
    monkeypatch.setenv(FONT_DIR_ENV, str(tmp_path))
    monkeypatch.delenv("WINDIR", raising=False)
    monkeypatch.delenv("SystemRoot", raising=False)
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    assert font_set("simhei").label == "霞鹜文楷（程序自带）"


def test_a_character_no_font_has_is_reported_with_the_persons_name():
    problems = coverage_problems([card("王晓明"), card(f"李{NOWHERE}华")], font_set())
    assert len(problems) == 1
    assert problems[0].who == f"李{NOWHERE}华"
    assert problems[0].message == f"李{NOWHERE}华：“{NOWHERE}”（U+30000） 所有可用字体都没有这个字，印出来会缺字"


def test_paragraph_markup_escapes_user_text_and_switches_font_only_for_fallback():
    chain = font_set().regular
    assert markup("李<b>华</b> & 赵", chain) == "李&lt;b&gt;华&lt;/b&gt; &amp; 赵"
    assert markup("䶵", chain) == '<font name="wqy-microhei-0">䶵</font>'  # not in WenKai, in MicroHei

"""Fonts for prints: the bundled LXGW WenKai, or an installed Windows font chosen in settings.

Every PDF embeds TrueType fonts (reportlab `TTFont`), so a print looks the same on any
machine. Text is drawn run by run: each character in the chosen font when it has it, else
in the first fallback that does (WenKai has most rare name characters such as 𠮷). A
character that no font has is reported before printing (`coverage_problems`) so that a
name never comes out with a box or a gap.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop_app.paths import font_path
from desktop_app.services.prints import unicode_map

unicode_map.install()

FONT_SETTING = "print.font"
FONT_DIR_ENV = "BRANCH_LEDGER_FONT_DIR"  # an extra folder searched for the Windows fonts
BUNDLED = "bundled"

_WENKAI = "LXGWWenKai-Regular.ttf"
_WENKAI_BOLD = "LXGWWenKai-Bold.ttf"
_MICROHEI = "wqy-microhei.ttc"


@dataclass(frozen=True)
class FontChoice:
    key: str
    label: str
    filename: str  # bundled file, or the Windows file name
    subfont: int = 0


CHOICES: tuple[FontChoice, ...] = (
    FontChoice(BUNDLED, "霞鹜文楷（程序自带）", _WENKAI),
    FontChoice("simhei", "黑体（Windows）", "simhei.ttf"),
    FontChoice("simkai", "楷体（Windows）", "simkai.ttf"),
    FontChoice("simfang", "仿宋（Windows）", "simfang.ttf"),
    FontChoice("simsun", "宋体（Windows）", "simsun.ttc", 0),
)


def choice_by_key(key: str | None) -> FontChoice:
    for choice in CHOICES:
        if choice.key == key:
            return choice
    return CHOICES[0]


def font_dirs() -> list[Path]:
    """Folders where installed fonts live: our override, then Windows' own."""
    dirs = []
    if os.environ.get(FONT_DIR_ENV):
        dirs.append(Path(os.environ[FONT_DIR_ENV]))
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    if os.environ.get("LOCALAPPDATA"):
        dirs.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
    return dirs


def installed_file(choice: FontChoice) -> Path | None:
    if choice.key == BUNDLED:
        return font_path(choice.filename)
    for folder in font_dirs():
        for candidate in (folder / choice.filename, folder / choice.filename.upper()):
            if candidate.is_file():
                return candidate
    return None


def available_choices() -> list[FontChoice]:
    return [c for c in CHOICES if installed_file(c) is not None]


@lru_cache(maxsize=None)
def _register(path: str, subfont: int) -> str:
    """Register a TrueType file once; returns its reportlab font name."""
    name = f"{Path(path).stem}-{subfont}"
    pdfmetrics.registerFont(TTFont(name, path, subfontIndex=subfont))
    return name


def _bundled(filename: str) -> str:
    return _register(str(font_path(filename)), 0)


@dataclass(frozen=True)
class FontSet:
    """Font names for the body and for headings, each followed by its fallbacks."""

    label: str
    regular: tuple[str, ...]
    bold: tuple[str, ...]

    def chain(self, bold: bool = False) -> tuple[str, ...]:
        return self.bold if bold else self.regular


def font_set(key: str | None = None) -> FontSet:
    """The chosen font with the bundled fonts behind it. A Windows font that is not installed
    falls back to the bundled WenKai (the print centre shows which one is used)."""
    wenkai, wenkai_bold, microhei = _bundled(_WENKAI), _bundled(_WENKAI_BOLD), _bundled(_MICROHEI)
    choice = choice_by_key(key)
    path = installed_file(choice)
    if choice.key == BUNDLED or path is None:
        return FontSet(CHOICES[0].label, (wenkai, microhei), (wenkai_bold, wenkai, microhei))
    chosen = _register(str(path), choice.subfont)
    return FontSet(choice.label, (chosen, wenkai, microhei), (chosen, wenkai_bold, wenkai, microhei))


@lru_cache(maxsize=None)
def _cmap(font_name: str) -> dict[int, int]:
    return pdfmetrics.getFont(font_name).face.charToGlyph


def has_char(font_name: str, char: str) -> bool:
    return ord(char) in _cmap(font_name)


def _needs_glyph(char: str) -> bool:
    return not char.isspace() and char.isprintable()


def font_for(char: str, chain: tuple[str, ...]) -> str | None:
    if not _needs_glyph(char):
        return chain[0]
    for name in chain:
        if has_char(name, char):
            return name
    return None


def split_runs(text: str, chain: tuple[str, ...]) -> list[tuple[str, str]]:
    """[(font name, text)] runs; a character no font has stays in the first font."""
    runs: list[tuple[str, str]] = []
    for char in text:
        name = font_for(char, chain) or chain[0]
        if runs and runs[-1][0] == name:
            runs[-1] = (name, runs[-1][1] + char)
        else:
            runs.append((name, char))
    return runs


def missing_chars(text: str, chain: tuple[str, ...]) -> list[str]:
    seen: list[str] = []
    for char in text:
        if char not in seen and font_for(char, chain) is None:
            seen.append(char)
    return seen


@dataclass(frozen=True)
class GlyphProblem:
    """A person (or item) whose text has characters none of the fonts can draw."""

    who: str
    chars: tuple[str, ...]

    @property
    def message(self) -> str:
        shown = "、".join(f"“{c}”（U+{ord(c):04X}）" for c in self.chars)
        return f"{self.who}：{shown} 所有可用字体都没有这个字，印出来会缺字"


def coverage_problems(items, fonts: FontSet) -> list[GlyphProblem]:
    """Check every text of every item (`item.who`, `item.texts()`) against the fonts."""
    problems = []
    for item in items:
        chars: list[str] = []
        for text in item.texts():
            for char in missing_chars(text or "", fonts.regular + fonts.bold):
                if char not in chars:
                    chars.append(char)
        if chars:
            problems.append(GlyphProblem(item.who, tuple(chars)))
    return problems

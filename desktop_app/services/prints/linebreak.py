"""Breaking Chinese text into justified lines, the way a typesetter would (避头尾).

A line never starts with a closing mark (，。”） …) nor ends with an opening one (“（《 …);
a run of Latin letters and digits such as 2025-2026 stays whole. `fit_block` finds the
largest font size at which the text fits a box, for certificates and other fixed layouts.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from desktop_app.services.prints.text import Chain, draw_line, text_width

NO_LINE_START = set("，。、；：？！）》」』】〕”’…—·,.;:?!)]}%")
NO_LINE_END = set("（《「『【〔“‘([{")


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    for char in text:
        latin = char.isascii() and (char.isalnum() or char in "-./%")
        if latin and tokens and tokens[-1][-1].isascii() and (tokens[-1][-1].isalnum() or tokens[-1][-1] in "-./%"):
            tokens[-1] += char
        else:
            tokens.append(char)
    return tokens


@dataclass(frozen=True)
class Line:
    text: str
    first: bool  # first line of a paragraph: indented
    last: bool  # last line of a paragraph: not justified


def break_lines(text: str, chain: Chain, size: float, width: float, first_indent: float = 0) -> list[Line]:
    """Lines of `text` (newlines start a new paragraph) that fit `width` at `size`."""
    lines: list[Line] = []
    for paragraph in text.splitlines() or [""]:
        start = len(lines)
        current: list[str] = []
        used = first_indent
        room = width
        for token in _tokens(paragraph.strip()):
            token_width = text_width(token, chain, size)
            if current and used + token_width > room:
                carried: list[str] = []
                while len(current) > 1 and (carried[0] if carried else token)[0] in NO_LINE_START:
                    carried.insert(0, current.pop())
                while len(current) > 1 and current[-1][-1] in NO_LINE_END:
                    carried.insert(0, current.pop())
                lines.append(Line("".join(current), len(lines) == start, False))
                current = carried
                used = text_width("".join(current), chain, size)
            current.append(token)
            used += token_width
        lines.append(Line("".join(current), len(lines) == start, True))
    return lines


@dataclass(frozen=True)
class Block:
    lines: list[Line]
    size: float
    leading: float
    indent: float  # first line of each paragraph, in points

    @property
    def height(self) -> float:
        return len(self.lines) * self.leading


def fit_block(text: str, chain: Chain, width: float, height: float, size: float, min_size: float,
              leading: float = 1.7, indent_chars: float = 2) -> Block | None:
    """The block at the largest size (in 0.5 pt steps) that fits; None if min_size overflows."""
    while size >= min_size:
        indent = size * indent_chars
        lines = break_lines(text, chain, size, width, indent)
        block = Block(lines, size, size * leading, indent)
        if block.height - size * (leading - 1) <= height:
            return block
        size -= 0.5
    return None


def draw_block(c: Canvas, block: Block, chain: Chain, left: float, top: float, width: float) -> None:
    """Draw justified lines; the last line of a paragraph is set flush left."""
    y = top - block.size
    for line in block.lines:
        x = left + (block.indent if line.first else 0)
        space = 0.0
        if not line.last and len(line.text) > 1:
            natural = text_width(line.text, chain, block.size)
            space = max(0.0, (width - (x - left) - natural) / (len(line.text) - 1))
        draw_line(c, line.text, x, y, block.size, chain, align="left", char_space=space)
        y -= block.leading

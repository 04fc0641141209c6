"""Benchmark: 60 desk plaques (桌牌) against reportlab drawing the same strings directly.

    python benchmarks/plaques.py

Both write a 60-page A4 PDF with the bundled LXGW WenKai embedded. Ours adds the font
fallback per character, fitting, the drawn stars, bands and the folded second face; the
baseline only places the same strings (both faces) with `drawCentredString`. Target: < 1 s.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from desktop_app.domain.scheme import StarLevel  # noqa: E402
from desktop_app.services.prints.fonts import font_set  # noqa: E402
from desktop_app.services.prints.plaques import PlaqueCard, render_plaques  # noqa: E402

COUNT = 60
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹"
GIVEN = ["晓明", "丽华", "建国", "秀英", "志强", "海燕", "立新", "春梅", "𠮷祥", "淑珍"]


def cards() -> list[PlaqueCard]:
    levels = (StarLevel.FIVE, StarLevel.FOUR, StarLevel.THREE)
    return [PlaqueCard(SURNAMES[n % len(SURNAMES)] + GIVEN[n % len(GIVEN)], levels[n % 3], "育英中学",
                       "育英中学党支部", "2025-2026") for n in range(COUNT)]


def ours(batch: list[PlaqueCard]) -> tuple[float, int]:
    fonts = font_set()
    buffer = io.BytesIO()
    start = time.perf_counter()
    render_plaques(batch, buffer, fonts)
    return time.perf_counter() - start, len(buffer.getvalue())


def plain_reportlab(batch: list[PlaqueCard]) -> tuple[float, int]:
    fonts = font_set()
    regular, bold = fonts.regular[0], fonts.bold[0]
    width, height = A4
    buffer = io.BytesIO()
    start = time.perf_counter()
    c = Canvas(buffer, pagesize=A4, initialFontName=regular)
    for card in batch:
        for turned in (False, True):
            c.saveState()
            if turned:
                c.translate(width, height)
                c.rotate(180)
            c.setFont(bold, 24)
            c.drawCentredString(width / 2, 300, card.honour)
            c.setFont(bold, 100)
            c.drawCentredString(width / 2, 113, card.name)
            c.setFont(regular, 15)
            c.drawCentredString(width / 2, 47, f"{card.organisation}　{card.year}学年")
            c.restoreState()
        c.showPage()
    c.save()
    return time.perf_counter() - start, len(buffer.getvalue())


def main() -> int:
    batch = cards()
    font_set()  # load the fonts once, outside both timings
    ours(batch[:1])
    plain_reportlab(batch[:1])
    best_ours = min(ours(batch) for _ in range(3))
    best_plain = min(plain_reportlab(batch) for _ in range(3))
    print(f"{COUNT} 张桌牌（本程序）：{best_ours[0]:.3f} s，{best_ours[1] / 1024:.0f} KiB")
    print(f"{COUNT} 页同样文字（reportlab 直接绘制）：{best_plain[0]:.3f} s，{best_plain[1] / 1024:.0f} KiB")
    print(f"倍数：{best_ours[0] / best_plain[0]:.2f}；目标 < 1 s：{'达到' if best_ours[0] < 1 else '未达到'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Draw the app icon (resources/icons/app.png and app.ico) with the bundled WenKai font.

Run from the repository root: python installer/make_icon.py
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
SIZE = 256


def draw() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((8, 8, SIZE - 8, SIZE - 8), radius=44, fill=(190, 22, 34, 255))
    pen.rounded_rectangle((22, 22, SIZE - 22, SIZE - 22), radius=34, outline=(246, 201, 74, 255), width=6)
    font = ImageFont.truetype(str(ROOT / "resources" / "fonts" / "LXGWWenKai-Bold.ttf"), 96)
    for text, y in (("党建", 52), ("台账", 140)):
        width = pen.textlength(text, font=font)
        pen.text(((SIZE - width) / 2, y - 8), text, font=font, fill=(255, 222, 120, 255))
    return image


if __name__ == "__main__":
    icon = draw()
    icon.save(ROOT / "resources" / "icons" / "app.png")
    icon.save(ROOT / "resources" / "icons" / "app.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])

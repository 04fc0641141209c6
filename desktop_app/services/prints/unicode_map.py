"""Make characters outside the BMP (𠮷 U+20BB7 …) extract back from our PDFs.

reportlab 5.1 writes each ToUnicode entry as `<%04X>`, so U+20BB7 becomes the five-digit
`<20BB7>`, which PDF readers misread (pdftotext gives "₻"). The PDF specification wants
UTF-16BE there: `<D842DFB7>`. `install()` wraps reportlab's CMap writer to do that; the
glyphs drawn are unchanged, only copy/paste and search of the text are fixed.
"""

from __future__ import annotations

from reportlab.pdfbase import ttfonts

_original = ttfonts.makeToUnicodeCMap


def utf16_hex(code_point: int) -> str:
    return chr(code_point).encode("utf-16-be", "surrogatepass").hex().upper()


def _to_unicode_cmap(fontname, subset):
    text = _original(fontname, subset)
    for index, code_point in enumerate(subset):
        if code_point > 0xFFFF:
            text = text.replace(f"<{index:02X}> <{code_point:04X}>", f"<{index:02X}> <{utf16_hex(code_point)}>", 1)
    return text


def install() -> None:
    if ttfonts.makeToUnicodeCMap is not _to_unicode_cmap:
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
